import QalamLexicons
import QalamText

/// Brown clusters (`Lexicons/names/brown-paths.tsv`): each word's path in a binary tree of
/// word classes built by the class-bigram objective of Brown et al. (1992) over news. A path
/// prefix is a class at a chosen grain: two words that share a long prefix occur between
/// the same kinds of words. Keys are folded words as written.
public struct BrownPathTable: Sendable {
    /// A path: its bits below a leading 1 (so `0b1_0110` is the path "0110"); 0 for no path.
    public struct Path: Sendable, Hashable {
        /// The bits with the leading 1.
        public var code: UInt32

        /// The path of a string of 0s and 1s (at most 31 of them), or nil.
        public init?(_ text: Substring) {
            guard !text.isEmpty, text.count <= 31 else { return nil }
            var code: UInt32 = 1
            for character in text.utf8 {
                guard character == UInt8(ascii: "0") || character == UInt8(ascii: "1") else { return nil }
                code = code << 1 | UInt32(character - UInt8(ascii: "0"))
            }
            self.code = code
        }

        /// The number of bits.
        public var length: Int { 31 - code.leadingZeroBitCount }

        /// The first `bits` bits (the whole path when it is shorter), with the leading 1.
        public func prefix(_ bits: Int) -> UInt32 {
            length > bits ? code >> UInt32(length - bits) : code
        }
    }

    private var table = HashKeyTable<Path>()

    /// The table's path, relative to `Lexicons/`.
    public static let path = "names/brown-paths.tsv"

    /// An empty table.
    public init() {}

    /// Loads the shipped table; a missing or malformed file is a ``QalamLexicons/LexiconError``.
    public static func shipped() throws(LexiconError) -> BrownPathTable {
        var result = BrownPathTable()
        try LexiconRows.forEach(path, columns: 2) { (row, line) throws(LexiconError) in
            guard let value = Path(row[1]) else {
                throw LexiconError(path: path, reason: "line \(line): bad path «\(row[1])»")
            }
            result.table.set(value, for: ArabicFolding.hash(NERFeatureExtractor.foldedScalars(row[0])))
        }
        return result
    }

    /// The path of a word given as folded scalars, if known.
    public func path(ofFolded scalars: some Sequence<UInt32>) -> Path? {
        table[ArabicFolding.hash(scalars)]
    }
}
