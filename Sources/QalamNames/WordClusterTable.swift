import QalamLexicons
import QalamText

/// Distributional word classes (`Lexicons/names/word-clusters.tsv`): words that occur in
/// similar contexts in news share a class (given names, cities, verbs of saying …), at a
/// coarse (64) and a fine (512) grain. Keys are folded words as written.
public struct WordClusterTable: Sendable {
    /// The two classes of one word.
    public struct Classes: Sendable, Hashable {
        /// Class among 64.
        public var coarse: UInt16
        /// Class among 512.
        public var fine: UInt16
    }

    private var table = HashKeyTable<Classes>()

    /// The table's path, relative to `Lexicons/`.
    public static let path = "names/word-clusters.tsv"

    /// An empty table.
    public init() {}

    /// Loads the shipped table; a missing or malformed file is a ``QalamLexicons/LexiconError``.
    public static func shipped() throws(LexiconError) -> WordClusterTable {
        var result = WordClusterTable()
        try LexiconRows.forEach(path, columns: 3) { (row, line) throws(LexiconError) in
            guard let coarse = UInt16(row[1]), let fine = UInt16(row[2]) else {
                throw LexiconError(path: path, reason: "line \(line): bad classes")
            }
            result.table.set(Classes(coarse: coarse, fine: fine), for: ArabicFolding.hash(NERFeatureExtractor.foldedScalars(row[0])))
        }
        return result
    }

    /// The classes of a word given as folded scalars, if known.
    public func classes(ofFolded scalars: some Sequence<UInt32>) -> Classes? {
        table[ArabicFolding.hash(scalars)]
    }
}
