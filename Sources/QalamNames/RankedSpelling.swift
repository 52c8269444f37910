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

    /// Sorts `spellings[range]` by ``ranksBefore(_:_:)``. The same order as
    /// `spellings[range].sort(by: ranksBefore)` (the order is total: a word's spellings are
    /// distinct), but only (score, index) pairs are sorted and the spellings are then moved by
    /// swaps: sorting the structs themselves copied each one (and retained its bytes) many times.
    static func sort(_ spellings: inout [RankedSpelling], in range: Range<Int>) {
        let count = range.count
        guard count > 1 else { return }
        var keys: [(score: Double, index: Int32)] = []
        keys.reserveCapacity(count)
        for index in range { keys.append((spellings[index].score, Int32(index - range.lowerBound))) }
        let base = range.lowerBound
        spellings.withUnsafeBufferPointer { buffer in
            keys.sort {
                $0.score > $1.score || ($0.score == $1.score
                    && buffer[base + Int($0.index)].latin.lexicographicallyPrecedes(buffer[base + Int($1.index)].latin))
            }
        }
        // keys[i].index is the spelling that goes to place i; `slot` says where each spelling is
        // now, `holder` which spelling each place holds.
        var slot = Array(0..<count)
        var holder = Array(0..<count)
        for place in 0..<count {
            let wanted = Int(keys[place].index)
            let from = slot[wanted]
            if from == place { continue }
            spellings.swapAt(base + place, base + from)
            let displaced = holder[place]
            holder[from] = displaced
            slot[displaced] = from
            holder[place] = wanted
            slot[wanted] = place
        }
    }

    /// Sorts all of `spellings` by ``ranksBefore(_:_:)`` (see ``sort(_:in:)``).
    static func sort(_ spellings: inout [RankedSpelling]) { sort(&spellings, in: 0..<spellings.count) }
}
