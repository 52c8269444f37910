/// What a token is made of.
///
/// The kind is decided from the token's Unicode scalars alone (see
/// ``TokenKind/classify(_:)``), so every tokenizer engine agrees on it.
public enum TokenKind: UInt8, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// Letters, all of the Arabic script (marks and tatweel included), no digits.
    case arabicWord
    /// Letters, all of the Latin script, no digits.
    case latinWord
    /// Letters of more than one script, or letters together with digits («GPT4», «لـOpenAI»).
    case mixedWord
    /// Letters of one script that is neither Arabic nor Latin (Cyrillic, Han, …).
    case otherWord
    /// Digits (any script) with number punctuation between them («3.5», «١٢٣٫٥»), no letters.
    case number
    /// Punctuation marks only (general category P*): «،», «؟», «"», «...».
    case punctuation
    /// Anything else: emoji, currency and math signs, controls.
    case symbol

    /// The name used in JSON output, such as `arabic_word`.
    public var description: String {
        switch self {
        case .arabicWord: "arabic_word"
        case .latinWord: "latin_word"
        case .mixedWord: "mixed_word"
        case .otherWord: "other_word"
        case .number: "number"
        case .punctuation: "punctuation"
        case .symbol: "symbol"
        }
    }
}

/// A token: a view into a text by UTF-8 byte range, with its kind.
///
/// Tokens do not own text. Slice the original with ``Document/text(of:)`` or with
/// the byte range directly.
public struct Token: Sendable, Hashable {
    /// Start of the token, in UTF-8 bytes from the start of the text.
    public var start: Int
    /// End of the token (exclusive), in UTF-8 bytes.
    public var end: Int
    /// What the token is made of.
    public var kind: TokenKind

    /// Creates a token covering bytes `start..<end`.
    @inlinable
    public init(start: Int, end: Int, kind: TokenKind) {
        self.start = start
        self.end = end
        self.kind = kind
    }

    /// The UTF-8 byte range of the token.
    @inlinable
    public var range: Range<Int> { start..<end }

    /// Length in UTF-8 bytes.
    @inlinable
    public var byteCount: Int { end - start }
}
