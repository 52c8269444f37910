/// Everything the event grammar reads from `Lexicons/events/`, loaded once.
struct EventLexicons: Sendable {
    let triggers: TriggerLexicon
    let roles: RoleLexicon
    let words: WordClasses
    /// Every written form of an organization keyword (clitics and article included).
    let keywordForms: WordSet

    init() throws {
        triggers = try TriggerLexicon()
        roles = try RoleLexicon()
        words = try WordClasses()
        var forms = WordSet()
        for word in words.members(of: .orgword) + words.members(of: .orgref) {
            let bare = word.startsWith("ال") ? String(word.unicodeScalars.dropFirst(2)) : word
            for clitic in EventKeyFolding.proclitics + [""] { forms.insert(clitic + bare) }
        }
        keywordForms = forms
    }
}
