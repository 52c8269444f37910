import QalamLexicons
import QalamText

/// How words behave in unlabeled news (`Lexicons/names/news-context.tsv`): how often a
/// word takes the article, follows a given name, or follows a person trigger, each as a
/// bucket 0 (never) … 4 (very often). Proper nouns rarely take the article; surnames
/// follow given names. Words not in the table have no entry.
public struct NewsContextTable: Sendable {
    /// The three buckets of one word.
    public struct Behaviour: Sendable, Hashable {
        /// Share of uses with the article ال.
        public var article: UInt8
        /// Share of bare uses right after a given name.
        public var afterGivenName: UInt8
        /// Share of bare uses right after a person trigger.
        public var afterTrigger: UInt8
    }

    private var table = HashKeyTable<Behaviour>()

    /// The table's path, relative to `Lexicons/`.
    public static let path = "names/news-context.tsv"

    /// An empty table.
    public init() {}

    /// Loads the shipped table; a missing or malformed file is a ``QalamLexicons/LexiconError``.
    public static func shipped() throws(LexiconError) -> NewsContextTable {
        var result = NewsContextTable()
        try LexiconRows.forEach(path, columns: 4) { (row, line) throws(LexiconError) in
            guard let article = UInt8(row[1]), let given = UInt8(row[2]), let trigger = UInt8(row[3]),
                article <= 4, given <= 4, trigger <= 4
            else { throw LexiconError(path: path, reason: "line \(line): bad buckets") }
            result.table.set(Behaviour(article: article, afterGivenName: given, afterTrigger: trigger), for: ArabicFolding.foldedHash(row[0]))
        }
        return result
    }

    /// The behaviour of a word given as folded scalars, if known.
    public func behaviour(ofFolded scalars: some Sequence<UInt32>) -> Behaviour? {
        table[ArabicFolding.hash(scalars)]
    }
}
