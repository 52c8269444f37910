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

    /// Folded Arabic name (as a string: names of up to seven letters need no heap storage) →
    /// where its tab-separated spellings lie in ``bytes``.
    private let table: [String: Range<Int32>]
    /// The file's bytes.
    private let bytes: [UInt8]

    /// The number of Arabic names in the table.
    public var count: Int { table.count }

    /// Parses `ARABIC<TAB>SPELLING[<TAB>SPELLING…]` lines (`#` lines are comments): the Arabic
    /// name folded, Arabic letters only; spellings of 2+ lower-case letters a–z. Any other
    /// line, or a repeated Arabic name, is a ``LexiconError`` naming the line.
    public init(data: Data, path: String) throws(LexiconError) {
        let bytes = [UInt8](data)
        var table: [String: Range<Int32>] = [:]
        try LexiconByteLines.forEach(in: bytes, path: path) { (lineNumber, range) throws(LexiconError) in
            let (lineStart, lineEnd) = (range.lowerBound, range.upperBound)
            let line = bytes[range]
            guard let tab = line.firstIndex(of: UInt8(ascii: "\t")) else {
                throw LexiconError(path: path, reason: "line \(lineNumber): expected ARABIC<TAB>SPELLING…")
            }
            let name = String(decoding: bytes[lineStart..<tab], as: UTF8.self)
            let letters = ArabicNameFolding.foldForModel(name)
            guard !letters.isEmpty, letters.allSatisfy(ArabicNameFolding.isModelLetter),
                  letters.count == name.unicodeScalars.count else {
                throw LexiconError(path: path, reason: "line \(lineNumber): expected ARABIC<TAB>SPELLING…")
            }
            for field in bytes[(tab + 1)..<lineEnd].split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false) {
                guard field.count >= 2, field.allSatisfy({ (0x61...0x7A).contains($0) }) else {
                    throw LexiconError(path: path, reason: "line \(lineNumber): bad spelling '\(String(decoding: field, as: UTF8.self))'")
                }
            }
            guard table[name] == nil else {
                throw LexiconError(path: path, reason: "line \(lineNumber): '\(name)' is listed twice")
            }
            table[name] = Int32(tab + 1)..<Int32(lineEnd)
        }
        guard !table.isEmpty else { throw LexiconError(path: path, reason: "no names") }
        self.table = table
        self.bytes = bytes
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
    func spellings(ofFolded letters: [UInt32]) -> [[UInt8]] {
        var name = String.UnicodeScalarView()
        for letter in letters {
            guard let scalar = Unicode.Scalar(letter) else { return [] }
            name.append(scalar)
        }
        guard let range = table[String(name)] else { return [] }
        return bytes[Int(range.lowerBound)..<Int(range.upperBound)]
            .split(separator: UInt8(ascii: "\t")).map { Array($0) }
    }
}
