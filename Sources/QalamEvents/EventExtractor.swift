import QalamNames
import QalamText

/// Finds who left (or took) which role at which organization in Arabic news.
///
/// The extractor reads a tokenized ``Document``: it recognises trigger words of each
/// ``EventType`` through folding and clitic-aware stems (`Lexicons/events/triggers.tsv`),
/// finds role chunks, organizations and names, links each trigger to its person by
/// grammar patterns (apposition, subject, object, genitive, pronoun, successor), drops
/// negated and hypothetical statements, and merges the result per document: one event
/// per person and event type.
///
/// ```swift
/// let extractor = try EventExtractor()
/// let document = try Document("استقال المدير التنفيذي لشركة نماء سامر الخطيب من منصبه.")
/// for event in extractor.extract(from: document, id: "a.txt") {
///     print(event.type, event.person.text, event.role?.canonical ?? "-")
/// }
/// ```
public struct EventExtractor: Sendable {
    private let lexicons: EventLexicons
    private let romanizer: (@Sendable (String) -> String?)?
    /// Events below this confidence are not returned.
    public var minimumConfidence: Double = 0.5

    /// Loads the trigger, role and word lexicons shipped in `Lexicons/events/` and the
    /// shipped ``NameRomanizer``, which spells each person's name in Latin letters.
    /// - Throws: `LexiconError` when a lexicon or the romanizer model is missing or malformed.
    public init() throws {
        lexicons = try EventLexicons()
        let names = try NameRomanizer()
        romanizer = { names.romanize($0, top: 1).first?.latin }
    }

    /// Loads the lexicons without a romanizer: events carry no Latin spelling.
    public init(withoutRomanizer: Void) throws {
        lexicons = try EventLexicons()
        romanizer = nil
    }

    /// Loads the lexicons and spells each person's name in Latin letters with `romanizer`
    /// (for example a `NameRomanizer`'s best candidate).
    public init(romanizer: @escaping @Sendable (String) -> String?) throws {
        lexicons = try EventLexicons()
        self.romanizer = romanizer
    }

    /// The role-change events of `document`, merged per document, in text order.
    /// - Parameter id: the identifier written into each event (a file path, say).
    public func extract(from document: Document, id: String) -> [RoleChangeEvent] {
        let text = AnalyzedText(document, triggers: lexicons.triggers)
        guard text.hasTrigger else { return [] }
        var chunker = MentionChunker(lexicons: lexicons, text: text)
        chunker.run()
        let map = chunker.map
        let candidates = EventGrammar(lexicons: lexicons, text: text, map: map).candidates()
        let merged = DocumentMerger(text: text, map: map, minimumConfidence: minimumConfidence).merge(candidates)
        return merged.map { candidate, person, organizationCanonical in
            let sentence = text.sentences[candidate.sentence]
            let tokens = document.tokens
            let evidence = tokens[sentence.lowerBound].start..<tokens[sentence.upperBound - 1].end
            let personSpan = span(map[person], in: document)
            let trigger = tokens[candidate.trigger]
            return RoleChangeEvent(
                documentID: id,
                type: candidate.type,
                person: personSpan,
                personLatin: romanizer?(personSpan.text),
                role: candidate.role.map { span(map[$0], in: document) },
                organization: candidate.organization.map {
                    var org = span(map[$0], in: document)
                    org.canonical = organizationCanonical
                    return org
                },
                destination: candidate.destination.map { span(map[$0], in: document) },
                evidence: EventSpan(text: String(document.text(of: evidence)), range: evidence),
                confidence: (candidate.confidence * 100).rounded() / 100,
                explanation: EventExplanation(
                    trigger: String(document.text(of: trigger)),
                    lemma: text.words[candidate.trigger].trigger?.entry.stem ?? "",
                    pattern: candidate.pattern))
        }
    }

    /// Tokenizes `text` and extracts its events.
    /// - Throws: a tokenizer error for text ICU cannot segment.
    public func extract(fromText text: String, id: String) throws -> [RoleChangeEvent] {
        extract(from: try Document(text), id: id)
    }

    private func span(_ mention: Mention, in document: Document) -> EventSpan {
        EventSpan(text: String(document.text(of: mention.bytes)), range: mention.bytes, canonical: mention.canonical)
    }
}
