import Foundation
import QalamLexicons

/// A curated table of common Arabic given names («محمد», «عبد الله», …) and their usual
/// Latin spellings in English-language news, most usual first.
///
/// ``NameRomanizer`` puts these spellings before its model's own candidates: the model is
/// learned from mostly foreign names and misses the conventions of Arabic names
/// («محمد» → "Mohammed", not "Mohmed"). Words are matched after folding (harakat and
/// tatweel dropped; أ إ آ → ا, ة → ه, ى → ي).
public struct ArabicNameSpellings: Sendable {
    /// The default table, relative to `Lexicons/`.
    public static let defaultPath = "translit/arabic-name-spellings.tsv"

    private let table: [[UInt32]: [String]]
    /// Lower-case Latin spelling → the Arabic names (as written in the file) it spells, in file order.
    private let arabicByLatin: [String: [String]]

    /// The number of names in the table.
    public var count: Int { table.count }

    /// Parses `ARABIC<TAB>SPELLING[<TAB>SPELLING…]` lines (`#` lines are comments). A line
    /// without a spelling, a spelling with a character other than ASCII letters, space,
    /// apostrophe or hyphen, or a repeated Arabic name is a ``LexiconError``.
    public init(data: Data, path: String) throws(LexiconError) {
        var table: [[UInt32]: [String]] = [:]
        var arabicByLatin: [String: [String]] = [:]
        var lineNumber = 0
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let trimmed = line.hasSuffix("\r") ? line.dropLast() : line
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let fields = trimmed.split(separator: "\t", omittingEmptySubsequences: false)
            let key = Self.key(fields[0])
            guard fields.count >= 2, !key.isEmpty, key.allSatisfy(ArabicNameFolding.isModelLetter) else {
                throw LexiconError(path: path, reason: "line \(lineNumber): expected ARABIC<TAB>SPELLING…")
            }
            var spellings: [String] = []
            for field in fields.dropFirst() {
                guard !field.isEmpty, field.utf8.allSatisfy({ Self.isSpellingByte($0) }) else {
                    throw LexiconError(path: path, reason: "line \(lineNumber): bad spelling '\(field)'")
                }
                spellings.append(String(field))
            }
            guard table[key] == nil else {
                throw LexiconError(path: path, reason: "line \(lineNumber): '\(fields[0])' is listed twice")
            }
            table[key] = spellings
            for spelling in spellings { arabicByLatin[spelling.lowercased(), default: []].append(String(fields[0])) }
        }
        guard !table.isEmpty else { throw LexiconError(path: path, reason: "no names") }
        self.table = table
        self.arabicByLatin = arabicByLatin
    }

    /// Loads the shipped table.
    public static func shipped() throws(LexiconError) -> ArabicNameSpellings {
        try ArabicNameSpellings(data: LexiconStore.data(defaultPath), path: defaultPath)
    }

    /// The usual spellings of one Arabic word, most usual first (empty when it is not listed).
    public func spellings(of word: some StringProtocol) -> [String] { table[Self.key(word)] ?? [] }

    /// The Arabic names (as the table writes them) that `latin` is a usual spelling of,
    /// case-insensitive: "Mohammed" → ["محمد"]. Empty when none.
    public func arabicNames(spelledAs latin: some StringProtocol) -> [String] {
        arabicByLatin[latin.lowercased()] ?? []
    }

    /// The spellings of an already folded word (folded as for the romanizer model).
    func spellings(ofFolded letters: [UInt32]) -> [String] { table[Self.normalized(letters)] ?? [] }

    private static func key(_ word: some StringProtocol) -> [UInt32] {
        normalized(ArabicNameFolding.foldForModel(word))
    }

    /// Model-folded letters with alef forms → ا, ة → ه, ى → ي: the table's key form.
    static func normalized(_ letters: [UInt32]) -> [UInt32] {
        letters.map { letter in
            switch letter {
            case 0x0622, 0x0623, 0x0625: 0x0627
            case 0x0629: 0x0647
            case 0x0649: 0x064A
            default: letter
            }
        }
    }

    private static func isSpellingByte(_ byte: UInt8) -> Bool {
        (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || byte == 0x20 || byte == 0x27 || byte == 0x2D
    }
}
