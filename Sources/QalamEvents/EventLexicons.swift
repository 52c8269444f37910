/// Everything the event grammar reads from `Lexicons/events/`, loaded once.
struct EventLexicons: Sendable {
    let triggers: TriggerLexicon
    let roles: RoleLexicon
    let words: WordClasses

    init() throws {
        triggers = try TriggerLexicon()
        roles = try RoleLexicon()
        words = try WordClasses()
    }
}
