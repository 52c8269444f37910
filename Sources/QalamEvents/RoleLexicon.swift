import QalamLexicons

/// Role titles and their canonical English names, from `Lexicons/events/roles.tsv`.
///
/// Words are compared by their *role key*: folded, without clitics and article, without
/// the feminine ending (مديرة → مدير) or the accusative alef (رئيسا → رئيس), so one
/// masculine line in the file covers every written variant.
struct RoleLexicon: Sendable {
    static let path = "events/roles.tsv"
    /// Canonical title by the role keys of a phrase, joined with spaces.
    private(set) var canonical: [WordKey: String] = [:]
    /// Role keys that can start a role chunk (first words of the phrases).
    private(set) var heads: WordSet = []
    /// Role keys of every word of every phrase.
    private(set) var words: WordSet = []
    /// Longest phrase, in words.
    private(set) var longest = 1
    /// Every written form of every role word (clitics, article, feminine and accusative
    /// endings) with its key and the clitic letters before it: one lookup per word.
    private var forms: [WordKey: Reading] = [:]

    /// A role word as read in text: its key and the clitic letters before it.
    struct Reading: Sendable {
        let key: String
        let clitic: Int
    }

    init() throws {
        for row in try LexiconStore.rows(Self.path, columns: 2) {
            let keys = row[0].split(separator: " ").map { Self.normalize(EventKeyFolding.fold($0)) }
            guard let first = keys.first, !row[1].isEmpty else {
                throw LexiconError(path: Self.path, reason: "empty role or title in \(row.joined(separator: " | "))")
            }
            heads.insert(first)
            words.formUnion(keys)
            canonical[WordKey(keys.joined(separator: " "))] = String(row[1])
            longest = max(longest, keys.count)
        }
        if heads.isEmpty { throw LexiconError(path: Self.path, reason: "no roles") }
        for clitic in Self.clitics + ["ال"] {
            for key in words.elements {
                for ending in ["", "ا", "ه", "ها"] {
                    let form = clitic + key + ending
                    guard forms[WordKey(form)] == nil, let reading = Self.match(form, in: words) else { continue }
                    forms[WordKey(form)] = Reading(key: reading.key, clitic: reading.clitic)
                }
            }
        }
    }

    /// The role key of a folded word and its clitic letters, if it is a form of a role word.
    func lookup(_ word: String) -> (key: String, clitic: Int)? { forms[WordKey(word)].map { ($0.key, $0.clitic) } }

    /// Whether a folded word is a form of a word that can start a role chunk.
    func isHead(_ word: String) -> Bool { lookup(word).map { heads.contains($0.key) } ?? false }

    /// The role key of a folded word without clitics: no article, no feminine ending
    /// (مديرة → مدير), no accusative alef (رئيسا → رئيس).
    static func normalize(_ word: String) -> String {
        var word = word
        if word.startsWith("ال"), word.letterCount > 4 { word.removeFirst(2) }
        if word.letterCount > 3, word.endsWith("ا") { word.removeLast() }
        if word.letterCount > 3, word.endsWith("ه") { word.removeLast() }
        return word
    }

    /// Clitic chains tried before a role word, shortest first («وزير» is a word, not و + زير).
    static let clitics = ["", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فل", "وال", "بال", "كال", "فال", "لل", "ولل"]

    /// The role key of a folded word from text and the number of clitic letters before it
    /// (the article excluded), or nil when no reading is a role word of `set`.
    static func match(_ word: String, in set: WordSet) -> (key: String, clitic: Int)? {
        guard word.utf8.count >= 4 else { return nil }  // two Arabic letters at least
        for clitic in clitics where word.startsWith(clitic) {
            var rest = String(word.dropFirst(clitic.letterCount))
            var letters = clitic.letterCount
            if clitic.endsWith("ال") { letters -= 2 }
            if clitic.endsWith("لل") { rest = "ال" + rest }
            guard rest.letterCount >= 2 else { continue }
            let key = normalize(rest)
            if set.contains(key) { return (key, letters) }
        }
        return nil
    }

    /// The role key of a folded word (its first reading as a role word, else its plain form).
    func key(_ word: String) -> String {
        lookup(word)?.key ?? Self.normalize(word)
    }

    /// The canonical title of the longest known phrase at the start of `keys`.
    func title(of keys: [String]) -> String? {
        var count = min(keys.count, longest)
        while count > 0 {
            if let title = canonical[WordKey(keys[0..<count].joined(separator: " "))] { return title }
            count -= 1
        }
        return nil
    }
}
