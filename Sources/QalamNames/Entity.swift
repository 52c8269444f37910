/// A named entity found in a ``QalamText/Document``: a span of whole tokens with a type.
public struct Entity: Sendable, Hashable {
    /// What the entity is.
    public var type: EntityType
    /// Indices into `document.tokens`, end exclusive.
    public var tokenRange: Range<Int>
    /// Start of the entity, in UTF-8 bytes from the start of the document's text. When the
    /// first token carries proclitics («لبيرتي»), the entity starts after them.
    public var start: Int
    /// End of the entity (exclusive), in UTF-8 bytes.
    public var end: Int
    /// How sure the tagger is, from 0 to 1 (a squashed score margin, not a calibrated
    /// probability).
    public var confidence: Double
    /// The name in Latin letters, when a romanizer has been applied; `nil` otherwise.
    public var latin: String?

    /// Creates an entity.
    public init(type: EntityType, tokenRange: Range<Int>, start: Int, end: Int, confidence: Double, latin: String? = nil) {
        self.type = type
        self.tokenRange = tokenRange
        self.start = start
        self.end = end
        self.confidence = confidence
        self.latin = latin
    }

    /// The UTF-8 byte range of the entity.
    public var range: Range<Int> { start..<end }
}
