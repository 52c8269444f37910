import QalamLexicons

/// How a trigger's stem is inflected (see `Lexicons/events/triggers.tsv`).
enum TriggerClass: String, Sendable {
    /// Past-tense verb stem, 3rd person masculine singular (استقال).
    case perfect = "perf"
    /// Present-tense stem after the person prefix (ستقيل in يستقيل).
    case imperfect = "imperf"
    /// Verbal noun (استقالة, written with a final ه after folding).
    case noun
    /// Participle (مستقيل).
    case participle = "part"

    /// Whether the class is a verb.
    var isVerb: Bool { self == .perfect || self == .imperfect }
}

/// How a trigger's person is found (see `Lexicons/events/triggers.tsv`).
enum TriggerFrame: String, Sendable {
    case subject, object, bi, job, position, successor, join, contract
}

/// One line of the trigger lexicon: a lemma stem and what it means.
struct TriggerEntry: Sendable, Hashable {
    let stem: String
    let wordClass: TriggerClass
    let event: EventType
    let frame: TriggerFrame
    let weight: Double
    /// Whether the verb takes an object pronoun («أقاله»); other verbs get no pronoun forms.
    var takesObject = false
}

/// A trigger recognised in one word: the entry and the affixes around the stem.
struct TriggerMatch: Sendable, Hashable {
    let entry: TriggerEntry
    /// Proclitics and the person prefix before the stem (such as `وس` + `ي`).
    let prefix: String
    /// Whether an attached pronoun points at a person (استقالته، أقالته، سيخلفه).
    let hasPronoun: Bool
    /// The attached pronoun is first person («إقالتي», «تعيينهم» is third): the speaker.
    var isFirstPerson = false
    /// The attached pronoun is plural or dual («رحيلهم», «تعيينهما»).
    var isPluralPronoun = false
}

/// The trigger words of each event type, from `Lexicons/events/triggers.tsv`.
///
/// The file lists lemma stems; every inflected form (tense, person, gender, number,
/// attached pronouns and clitics) is generated once at load time into one table keyed by
/// the folded word, so recognising a trigger costs a single lookup per word.
struct TriggerLexicon: Sendable {
    static let path = "events/triggers.tsv"
    private(set) var forms: [WordKey: TriggerMatch] = [:]

    init() throws {
        let rows = try LexiconStore.rows(Self.path, columns: 5)
        var entries: [TriggerEntry] = []
        for row in rows {
            guard let wordClass = TriggerClass(rawValue: String(row[1])),
                let event = EventType(rawValue: String(row[2])),
                let frame = TriggerFrame(rawValue: String(row[3])),
                let weight = Double(row[4]), (0...1).contains(weight)
            else {
                throw LexiconError(path: Self.path, reason: "bad row: \(row.joined(separator: " | "))")
            }
            let takesObject = row.count > 5 && row[5] == "object"
            entries.append(TriggerEntry(stem: EventKeyFolding.fold(row[0]), wordClass: wordClass, event: event, frame: frame,
                                        weight: weight, takesObject: takesObject))
        }
        if entries.isEmpty { throw LexiconError(path: Self.path, reason: "no triggers") }
        // When two entries yield the same surface form, a third-person reading wins
        // («أقيل» he was dismissed, over «أُقيل» I dismiss), then a reading without an
        // attached pronoun («إقالة» over «أقاله»), then the earlier line.
        for entry in entries {
            for (prefix, body, pronoun) in Self.inflect(entry) {
                let form = prefix + body
                let firstPerson = entry.wordClass == .imperfect && (prefix.endsWith("ا") || prefix.endsWith("ن"))
                if let existing = forms[WordKey(form)] {
                    let better = existing.isFirstPerson && !firstPerson || existing.hasPronoun && !pronoun && existing.isFirstPerson == firstPerson
                    if !better { continue }
                }
                var match = TriggerMatch(entry: entry, prefix: prefix, hasPronoun: pronoun)
                // «سأتنحى», «نعين»: a present tense in the first person is the speaker.
                match.isFirstPerson = entry.wordClass == .imperfect && (prefix.endsWith("ا") || prefix.endsWith("ن"))
                if pronoun {
                    match.isFirstPerson = match.isFirstPerson || ["ي", "ني", "نا"].contains { form.endsWith($0) }
                    match.isPluralPronoun = ["هم", "هما", "هن"].contains { form.endsWith($0) }
                }
                forms[WordKey(form)] = match
            }
        }
    }

    /// The trigger a folded word is a form of.
    func match(_ folded: String) -> TriggerMatch? { forms[WordKey(folded)] }

    static let pronouns = ["ه", "ها", "هم", "هما", "هن", "ي", "ك", "كم", "نا", "ني"]

    /// Every (prefix, stem+suffix, has-pronoun) form of an entry.
    static func inflect(_ entry: TriggerEntry) -> [(String, String, Bool)] {
        let stem = entry.stem
        var bodies: [(String, Bool)] = []
        var prefixes: [String] = []
        switch entry.wordClass {
        case .perfect:
            prefixes = ["", "و", "ف", "ل", "ول", "فل"]
            var subjects = ["", "ت", "ا", "وا", "تا", "ن", "نا", "تم"]
            if stem.endsWith("ي") {
                let base = String(stem.dropLast())
                bodies += [(base + "ت", false), (base + "وا", false), (base + "تا", false), (base + "ا", false)]
                subjects = ["", "ت", "تم", "نا"]
            }
            bodies += subjects.map { (stem + $0, false) }
            for pronoun in pronouns where entry.takesObject {
                bodies += [(stem + pronoun, true), (stem + "ت" + pronoun, true), (stem + "و" + pronoun, true)]
            }
        case .imperfect:
            let conj = ["", "و", "ف", "ل", "ول", "فل"]
            for c in conj {
                for future in ["", "س"] where !(future == "س" && c.endsWith("ل")) {
                    for person in ["ي", "ت", "ن", "ا"] { prefixes.append(c + future + person) }
                }
            }
            bodies += ["", "ون", "ان", "ين", "ن", "وا", "ا"].map { (stem + $0, false) }
            for pronoun in pronouns where entry.takesObject {
                bodies += [(stem + pronoun, true), (stem + "ون" + pronoun, true), (stem + "و" + pronoun, true)]
            }
        case .noun, .participle:
            for c in ["", "و", "ف"] {
                for p in ["", "ب", "ل", "ك"] {
                    prefixes.append(c + p)
                    prefixes.append(c + (p == "ل" ? "لل" : p + "ال"))
                }
            }
            if entry.wordClass == .participle {
                bodies += ["", "ه", "ون", "ين", "ات", "ان"].map { (stem + $0, false) }
            } else if stem.endsWith("ه") {
                let base = String(stem.dropLast())
                bodies.append((stem, false))
                bodies += pronouns.map { (base + "ت" + $0, true) }
            } else if stem.endsWith("ء") {
                let base = String(stem.dropLast())
                bodies.append((stem, false))
                for pronoun in pronouns {
                    bodies += [(stem + pronoun, true), (base + "ي" + pronoun, true), (base + "و" + pronoun, true)]
                }
            } else if stem.endsWith("ا") {
                bodies.append((stem, false))
            } else {
                bodies.append((stem, false))
                bodies += pronouns.map { (stem + $0, true) }
            }
        }
        var result: [(String, String, Bool)] = []
        for prefix in prefixes {
            let hasArticle = prefix.endsWith("ال") || prefix.endsWith("لل")
            for (body, pronoun) in bodies where !(hasArticle && pronoun) {
                result.append((prefix, body, pronoun))
            }
        }
        return result
    }
}
