/// Splits text into tokens with ICU word-break semantics.
///
/// A token is every ICU word-break segment (locale `ar`) that is not made only of
/// white space and invisible format characters (see ``Tokenizer/isBlank(_:)``).
/// Punctuation marks are tokens; white space is not, but it is never lost: the bytes
/// between two tokens are the gap, and tokens plus gaps give back the input.
///
/// The tokenizer is a value that picks an ``Engine``. Every engine yields exactly the
/// same tokens; they differ in speed only. Callers use ``forEachToken(in:_:)-7qz3z``
/// (streaming, no allocation per token) or ``tokenize(_:)`` (an array).
public struct Tokenizer: Sendable {
    /// How tokens are found. All engines produce identical tokens.
    public enum Engine: String, Sendable, CaseIterable {
        /// A byte-level UTF-8 scanner with ICU's exact boundaries for ASCII, Latin-1, the
        /// Arabic blocks, punctuation and spaces; it hands any other stretch to ICU.
        case fast
        /// ICU's break iterator over UTF-8 text, token by token.
        case icu
    }

    /// The engine this tokenizer uses.
    public let engine: Engine

    /// Creates a tokenizer that uses `engine`.
    public init(engine: Engine = .fast) {
        self.engine = engine
    }

    /// Builds the engine's tables and opens an ICU break iterator now rather than on first
    /// use (the fast engine checks its code-point table against ICU once per process, a few
    /// milliseconds). Optional: call it before timing, or before going latency-sensitive.
    public func prepare() {
        _ = FastCharacterTable.shared  // both engines classify through it
        ICUTokenizerEngine.shared.warmUp()
    }

    /// Calls `body` with each token of `bytes`, which must be valid UTF-8, in order.
    /// Offsets in the tokens are relative to the start of `bytes` plus `baseOffset`.
    public func forEachToken(
        in bytes: UnsafeBufferPointer<UInt8>,
        baseOffset: Int = 0,
        _ body: (Token) throws -> Void
    ) throws {
        switch engine {
        case .fast:
            try FastTokenizerEngine.forEachToken(in: bytes, baseOffset: baseOffset, body)
        case .icu:
            try ICUTokenizerEngine.shared.forEachToken(in: bytes, baseOffset: baseOffset, body)
        }
    }

    /// Calls `body` with each token of `text`, in order; offsets are UTF-8 byte offsets.
    public func forEachToken(in text: String, _ body: (Token) throws -> Void) throws {
        var text = text
        try text.withUTF8 { buffer in
            try forEachToken(in: buffer, baseOffset: 0, body)
        }
    }

    /// All tokens of `text`, in order.
    public func tokenize(_ text: String) throws -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(text.utf8.count / 5)
        try forEachToken(in: text) { tokens.append($0) }
        return tokens
    }

    /// Replaces the contents of `tokens` with the tokens of `bytes` (valid UTF-8), keeping
    /// the array's storage: a caller that reuses one array allocates nothing once it is
    /// large enough.
    public func tokenize(_ bytes: UnsafeBufferPointer<UInt8>, baseOffset: Int = 0, into tokens: inout [Token]) throws {
        tokens.removeAll(keepingCapacity: true)
        try forEachToken(in: bytes, baseOffset: baseOffset) { tokens.append($0) }
    }

    /// Whether a scalar counts as blank when deciding that a segment is not a token:
    /// White_Space, or Default_Ignorable_Code_Point (bidi marks, ZWJ/ZWNJ, soft hyphen).
    public static func isBlank(_ scalar: Unicode.Scalar) -> Bool {
        ScalarClass.isBlank(scalar)
    }
}
