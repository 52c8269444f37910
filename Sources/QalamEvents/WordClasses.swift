import QalamLexicons

/// Closed word classes of the event grammar (`Lexicons/events/cues.tsv`) and the two
/// word lists that tell names from common words (`given-names.txt`, `common-words.txt`,
/// `name-words.txt`, `place-words.txt`, made from the ANERcorp training split).
struct WordClasses: Sendable {
    enum Cue: String, Sendable, CaseIterable {
        case particle, negation, hypothetical, title, function, preposition, position, place, orgword, orgref, contract, year
    }

    /// The classes of each cue word, one bit per ``Cue``.
    private var cueBits: [WordKey: UInt16] = [:]
    let common: WordSet
    let names: WordSet
    /// Countries, cities and organization words (tagged LOC/ORG in ANERcorp): never a person.
    let places: WordSet

    init() throws {
        for row in try LexiconStore.rows("events/cues.tsv", columns: 2) {
            guard let cue = Cue(rawValue: String(row[1])) else {
                throw LexiconError(path: "events/cues.tsv", reason: "unknown class \(row[1])")
            }
            cueBits[WordKey(EventKeyFolding.fold(row[0])), default: 0] |= Self.bit(cue)
        }
        let seen = cueBits.values.reduce(0, |)
        common = try Self.list("events/common-words.txt")
        names = try Self.list("events/name-words.txt").union(try Self.list("events/given-names.txt"))
        places = try Self.list("events/place-words.txt")
        for cue in Cue.allCases where seen & Self.bit(cue) == 0 {
            throw LexiconError(path: "events/cues.tsv", reason: "no words of class \(cue.rawValue)")
        }
    }

    private static func list(_ path: String) throws -> WordSet {
        let words = WordSet(try LexiconStore.dataLines(path).map { EventKeyFolding.fold($0.text) })
        if words.isEmpty { throw LexiconError(path: path, reason: "empty word list") }
        return words
    }

    private static func bit(_ cue: Cue) -> UInt16 {
        UInt16(1) << UInt16(Cue.allCases.firstIndex(of: cue) ?? 0)
    }

    /// The folded words of a class.
    func members(of cue: Cue) -> [String] {
        cueBits.compactMap { $0.value & Self.bit(cue) != 0 ? $0.key.text : nil }
    }

    /// Whether a folded word belongs to a class.
    func isa(_ word: String, _ cue: Cue) -> Bool { (cueBits[WordKey(word)] ?? 0) & Self.bit(cue) != 0 }

    /// Whether a folded word belongs to any of the classes.
    func isa(_ word: String, anyOf cues: [Cue]) -> Bool {
        guard let bits = cueBits[WordKey(word)] else { return false }
        return cues.contains { bits & Self.bit($0) != 0 }
    }
}
