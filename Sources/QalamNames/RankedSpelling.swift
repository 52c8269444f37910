/// One candidate spelling of a word inside ``NameRomanizer``, with what its default score is
/// made of (the n-best reranker's features read these).
struct RankedSpelling {
    /// The lower-case spelling.
    var latin: [UInt8]
    /// The ranking score: model score + lexicon bonuses (+ noisy-channel term, Egyptian-name bonus).
    var score: Double
    /// The joint-model score (log10, segmentations merged; conjunction penalty included).
    var model: Double
    /// −log10 P(latin) of the noisy-channel term when it was computed for this spelling.
    var channel: Double? = nil
    /// The place of this spelling in the word's ``EgyptianNameSpellings`` entry, if listed.
    var egyptianRank: Int? = nil
    /// Added by the Egyptian-name table (the search did not find it).
    var inserted = false
    /// False when the search found the spelling in none of the name lists (its lexicon bonus
    /// was 0; every list's bonus is positive at the default settings): the reranker then skips
    /// the list lookups.
    var mayBeListed = true

    /// The order of a word's ranked spellings: higher score first, ties alphabetical (so
    /// results never depend on dictionary order).
    static func ranksBefore(_ a: RankedSpelling, _ b: RankedSpelling) -> Bool {
        a.score > b.score || (a.score == b.score && a.latin.lexicographicallyPrecedes(b.latin))
    }
}
