import Foundation
import QalamLexicons

/// A large table of Arabic given names and their usual Latin spellings (main spelling first),
/// from the name book of the egy-names package (44.6k Egyptian names of a student-register
/// corpus; MIT licence): «هشام» → hesham, hisham.
///
/// ``NameRomanizer`` gives a word's candidates that are one of its listed spellings a bonus
/// (less for later variants) and adds listed spellings its search missed, a little below its
/// best candidate. Unlike ``ArabicNameSpellings`` (a short curated table whose spellings come
/// first), this table only shifts the ranking. Words are matched after the romanizer's folding
/// (harakat, tatweel and joiners dropped), letter for letter.
public struct EgyptianNameSpellings: Sendable {
    /// The shipped table, relative to `Lexicons/`.
    public static let defaultPath = "translit/egyptian-name-spellings.tsv"

    private let table: [[UInt32]: [[UInt8]]]

    /// The number of Arabic names in the table.
    public var count: Int { table.count }

    /// Parses `ARABIC<TAB>SPELLING[<TAB>SPELLING…]` lines (`#` lines are comments): the Arabic
    /// name folded, Arabic letters only; spellings of 2+ lower-case letters a–z. Any other
    /// line, or a repeated Arabic name, is a ``LexiconError`` naming the line.
    public init(data: Data, path: String) throws(LexiconError) {
        var table: [[UInt32]: [[UInt8]]] = [:]
        var lineNumber = 0
        for line in [UInt8](data).split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            if line.isEmpty || line.first == UInt8(ascii: "#") { continue }
            let fields = line.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false)
            let key = ArabicNameFolding.foldForModel(String(decoding: fields[0], as: UTF8.self))
            guard fields.count >= 2, !key.isEmpty, key.allSatisfy(ArabicNameFolding.isModelLetter) else {
                throw LexiconError(path: path, reason: "line \(lineNumber): expected ARABIC<TAB>SPELLING…")
            }
            var spellings: [[UInt8]] = []
            for field in fields.dropFirst() {
                guard field.count >= 2, field.allSatisfy({ (0x61...0x7A).contains($0) }) else {
                    throw LexiconError(path: path, reason: "line \(lineNumber): bad spelling '\(String(decoding: field, as: UTF8.self))'")
                }
                spellings.append(Array(field))
            }
            guard table[key] == nil else {
                throw LexiconError(path: path, reason: "line \(lineNumber): '\(String(decoding: fields[0], as: UTF8.self))' is listed twice")
            }
            table[key] = spellings
        }
        guard !table.isEmpty else { throw LexiconError(path: path, reason: "no names") }
        self.table = table
    }

    /// Loads the shipped table.
    public static func shipped() throws(LexiconError) -> EgyptianNameSpellings {
        try EgyptianNameSpellings(data: LexiconStore.data(defaultPath), path: defaultPath)
    }

    /// The listed spellings (lower case, main spelling first) of one Arabic word; empty when
    /// it is not listed.
    public func spellings(of word: some StringProtocol) -> [String] {
        spellings(ofFolded: ArabicNameFolding.foldForModel(word)).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The spellings of an already folded word.
    func spellings(ofFolded letters: [UInt32]) -> [[UInt8]] { table[letters] ?? [] }
}
