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

    /// Folded Arabic names of at most 20 letters (all but a few), by their packed letters →
    /// where their tab-separated spellings lie in ``bytes``: the lookup of every romanized word
    /// goes here (hashing 16 bytes instead of a `String`, which Swift hashes in normalized form).
    private let packedTable: [PackedLetters: Range<Int32>]
    /// The longer names, by their folded form.
    private let longTable: [String: Range<Int32>]
    /// The file's bytes.
    private let bytes: [UInt8]

    /// The number of Arabic names in the table.
    public var count: Int { packedTable.count + longTable.count }

    /// Parses `ARABIC<TAB>SPELLING[<TAB>SPELLING…]` lines (`#` lines are comments): the Arabic
    /// name folded, Arabic letters only; spellings of 2+ lower-case letters a–z. Any other
    /// line, or a repeated Arabic name, is a ``LexiconError`` naming the line.
    public init(data: Data, path: String) throws(LexiconError) {
        let bytes = [UInt8](data)
        var packed: [PackedLetters: Range<Int32>] = [:]
        var long: [String: Range<Int32>] = [:]
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
            // Each tab-separated spelling: 2+ letters a–z (scanned in place, no field arrays).
            var fieldStart = tab + 1
            for index in (tab + 1)...lineEnd where index == lineEnd || bytes[index] == UInt8(ascii: "\t") {
                let field = bytes[fieldStart..<index]
                guard field.count >= 2, field.allSatisfy({ (0x61...0x7A).contains($0) }) else {
                    throw LexiconError(path: path, reason: "line \(lineNumber): bad spelling '\(String(decoding: field, as: UTF8.self))'")
                }
                fieldStart = index + 1
            }
            let spellings = Int32(tab + 1)..<Int32(lineEnd)
            // A name's key is its folded letters, as the lookup's (the name is already folded).
            let listedBefore: Bool
            if let key = PackedLetters(name.unicodeScalars.map(\.value)) {
                listedBefore = packed.updateValue(spellings, forKey: key) != nil
            } else {
                listedBefore = long.updateValue(spellings, forKey: name) != nil
            }
            guard !listedBefore else {
                throw LexiconError(path: path, reason: "line \(lineNumber): '\(name)' is listed twice")
            }
        }
        guard !packed.isEmpty || !long.isEmpty else { throw LexiconError(path: path, reason: "no names") }
        self.packedTable = packed
        self.longTable = long
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
        if let key = PackedLetters(letters) {
            guard let range = packedTable[key] else { return [] }
            return spellings(in: range)
        }
        var name = String.UnicodeScalarView()
        for letter in letters {
            guard let scalar = Unicode.Scalar(letter) else { return [] }
            name.append(scalar)
        }
        guard let range = longTable[String(name)] else { return [] }
        return spellings(in: range)
    }

    /// The spellings listed in `range` of the file's bytes.
    private func spellings(in range: Range<Int32>) -> [[UInt8]] {
        bytes[Int(range.lowerBound)..<Int(range.upperBound)]
            .split(separator: UInt8(ascii: "\t")).map { Array($0) }
    }
}

/// Up to 20 model letters (U+0621…U+064A), 6 bits each, as a dictionary key. Two such keys are
/// equal exactly when the letter sequences are; and a sequence of model letters equals another
/// as a `String` only when the letters are the same (none of them composes with another).
private struct PackedLetters: Hashable {
    let low: UInt64
    let high: UInt64

    /// The key of `letters`, or nil when there are more than 20 or one is not a model letter.
    init?(_ letters: [UInt32]) {
        guard letters.count <= 20 else { return nil }
        var low: UInt64 = 0
        var high: UInt64 = 0
        for (index, letter) in letters.enumerated() {
            guard ArabicNameFolding.isModelLetter(letter) else { return nil }
            let code = UInt64(letter - 0x0620)
            if index < 10 { low |= code << UInt64(6 * index) } else { high |= code << UInt64(6 * (index - 10)) }
        }
        self.low = low
        self.high = high
    }
}
