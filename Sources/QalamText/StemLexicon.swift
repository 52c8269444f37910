import QalamLexicons

/// What the clitic segmenter knows about words: how often a folded form occurs as a
/// free word in running text, and which forms are person names.
///
/// Keys are ``ArabicFolding/hash(_:)`` values of folded letters, so look-ups build no
/// strings. The shipped lexicon is `Lexicons/segmenter/stems.tsv` (word counts from the
/// ANERcorp train split and a news sample) plus the Arabic-script name lists in
/// `Lexicons/names/`.
public struct StemLexicon: Sendable {
    private var counts: HashKeyTable<Int32>
    private var names: HashKeyTable<Bool>

    /// A lexicon from explicit word counts and names (tests, custom domains). Words are
    /// folded with ``ArabicFolding``.
    public init(counts: [String: Int], names: [String] = []) {
        self.counts = HashKeyTable(minimumCapacity: counts.count)
        for (word, count) in counts {
            self.counts.modify(ArabicFolding.foldedHash(word), default: 0) { $0 &+= Int32(clamping: count) }
        }
        self.names = HashKeyTable(minimumCapacity: names.count)
        for name in names { self.names.set(true, for: ArabicFolding.foldedHash(name)) }
    }

    /// The files of the shipped lexicon, relative to `Lexicons/`.
    public static let countFile = "segmenter/stems.tsv"
    /// Name and place lists whose entries count as names for the segmenter.
    public static let nameFiles = [
        "names/foreign-arabic.txt", "names/arabic-given.txt", "names/arabic-surnames.txt", "names/common-names.txt",
        "gazetteers/places.txt",
    ]

    /// Loads the shipped lexicon; a missing or malformed file is a ``LexiconError``.
    public static func shipped() throws(LexiconError) -> StemLexicon {
        var lexicon = StemLexicon(counts: [:])
        lexicon.counts = HashKeyTable(minimumCapacity: 60_000)
        try LexiconRows.forEach(countFile, columns: 2) { (fields, line) throws(LexiconError) in
            guard let count = Int32(fields[1]) else {
                throw LexiconError(path: countFile, reason: "line \(line): expected word<TAB>count")
            }
            lexicon.counts.modify(ArabicFolding.foldedHash(fields[0]), default: 0) { $0 &+= count }
        }
        for file in nameFiles {
            try LexiconRows.forEach(file) { (fields, _) throws(LexiconError) in
                lexicon.names.set(true, for: ArabicFolding.foldedHash(fields[0]))
            }
        }
        return lexicon
    }

    /// How often the word with folded-letter hash `key` was seen as a free word.
    public func count(_ key: UInt64) -> Int { Int(counts[key] ?? 0) }

    /// Whether the word with folded-letter hash `key` is a listed person name.
    public func isName(_ key: UInt64) -> Bool { names.contains(key) }
}
