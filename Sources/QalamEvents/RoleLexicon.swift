import QalamLexicons

/// Role titles and their canonical English names, from `Lexicons/events/roles.tsv`.
///
/// Words are compared by their *role key*: folded, without clitics and article, without
/// the feminine ending (مديرة → مدير) or the accusative alef (رئيسا → رئيس), so one
/// masculine line in the file covers every written variant.
struct RoleLexicon: Sendable {
    static let path = "events/roles.tsv"
    /// Canonical title by the role keys of a phrase, joined with spaces.
    private(set) var canonical: [String: String] = [:]
    /// Role keys that can start a role chunk (first words of the phrases).
    private(set) var heads: Set<String> = []
    /// Role keys of every word of every phrase.
    private(set) var words: Set<String> = []
    /// Longest phrase, in words.
    private(set) var longest = 1

    init() throws {
        for row in try LexiconStore.rows(Self.path, columns: 2) {
            let keys = row[0].split(separator: " ").map { Self.key(ArabicFolding.fold($0)) }
            guard let first = keys.first, !row[1].isEmpty else {
                throw LexiconError(path: Self.path, reason: "empty role or title in \(row.joined(separator: " | "))")
            }
            heads.insert(first)
            words.formUnion(keys)
            canonical[keys.joined(separator: " "), default: String(row[1])] = String(row[1])
            longest = max(longest, keys.count)
        }
        if heads.isEmpty { throw LexiconError(path: Self.path, reason: "no roles") }
    }

    /// The role key of a folded word.
    static func key(_ folded: String) -> String {
        var word = ArabicFolding.stripProclitic(folded, minimum: 3).rest
        if word.count > 3, word.hasSuffix("ا") { word.removeLast() }
        if word.count > 3, word.hasSuffix("ه") { word.removeLast() }
        return word
    }

    /// The canonical title of the longest known phrase at the start of `keys`.
    func title(of keys: [String]) -> String? {
        var count = min(keys.count, longest)
        while count > 0 {
            if let title = canonical[keys[0..<count].joined(separator: " ")] { return title }
            count -= 1
        }
        return nil
    }
}
