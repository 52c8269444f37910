/// A piece of the original text an event points to: its UTF-8 byte range and text,
/// with an optional canonical form.
public struct EventSpan: Sendable, Hashable {
    /// The text as written in the document.
    public var text: String
    /// UTF-8 byte range in the document's text.
    public var range: Range<Int>
    /// A canonical form: an English role title, an organization name without its
    /// keyword («شركة»), or `nil` when unknown.
    public var canonical: String?

    /// Creates a span.
    public init(text: String, range: Range<Int>, canonical: String? = nil) {
        self.text = text
        self.range = range
        self.canonical = canonical
    }

    /// Start of the span, in UTF-8 bytes.
    public var start: Int { range.lowerBound }
    /// End of the span (exclusive), in UTF-8 bytes.
    public var end: Int { range.upperBound }
}

/// Why an event was extracted: the trigger word and the grammar pattern that found the person.
public struct EventExplanation: Sendable, Hashable {
    /// The trigger as written («استقالته»).
    public var trigger: String
    /// The trigger's lemma stem from the trigger lexicon («استقال»).
    public var lemma: String
    /// The pattern that linked the trigger to the person, such as `subject-after-verb`.
    public var pattern: String

    /// Creates an explanation.
    public init(trigger: String, lemma: String, pattern: String) {
        self.trigger = trigger
        self.lemma = lemma
        self.pattern = pattern
    }
}

/// One role change found in a document: who, what happened, which role, where.
///
/// Events are merged per document: one per (person, ``EventType``) — departures (left,
/// resigned, dismissed) share one slot — with surname-only mentions joined to the full name.
public struct RoleChangeEvent: Sendable, Hashable {
    /// The document identifier given to ``EventExtractor/extract(from:id:)``.
    public var documentID: String
    /// What happened.
    public var type: EventType
    /// The person, by the fullest mention of the name in the document.
    public var person: EventSpan
    /// The person's name in Latin letters, when a romanizer was given.
    public var personLatin: String?
    /// The role as written, with its canonical English title.
    public var role: EventSpan?
    /// The organization, with a canonical name.
    public var organization: EventSpan?
    /// Where the person went (a departure «للانضمام إلى X»).
    public var destination: EventSpan?
    /// The sentence that states the event.
    public var evidence: EventSpan
    /// How sure the extractor is, between 0 and 1.
    public var confidence: Double
    /// The trigger and pattern behind the event.
    public var explanation: EventExplanation

    /// Creates an event.
    public init(
        documentID: String, type: EventType, person: EventSpan, personLatin: String? = nil,
        role: EventSpan?, organization: EventSpan?, destination: EventSpan?, evidence: EventSpan,
        confidence: Double, explanation: EventExplanation
    ) {
        self.documentID = documentID
        self.type = type
        self.person = person
        self.personLatin = personLatin
        self.role = role
        self.organization = organization
        self.destination = destination
        self.evidence = evidence
        self.confidence = confidence
        self.explanation = explanation
    }
}
