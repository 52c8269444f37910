/// A text and the annotations that Qalam's stages lay over it.
///
/// A document owns the original text and never changes it. Every annotation — tokens
/// here; sentences, entities and events in later stages — is a byte range into that
/// text, so anything found can be traced back to exactly where it was written.
/// Offsets are UTF-8 byte offsets; ``scalarOffset(ofByte:)`` converts them to Unicode
/// scalar offsets for output (what a Python user slices with `text[start:end]`).
public struct Document: Sendable {
    /// The original text, as given.
    public let text: String
    /// The tokens of the text, in order.
    public let tokens: [Token]
    /// Byte-to-scalar offset conversion for ``text``.
    public let offsets: ScalarOffsetTable

    /// Tokenizes `text` with `tokenizer` and keeps both.
    public init(_ text: String, tokenizer: Tokenizer = Tokenizer()) throws {
        self.text = text
        self.tokens = try tokenizer.tokenize(text)
        self.offsets = ScalarOffsetTable(text)
    }

    /// The text covered by a UTF-8 byte range.
    public func text(of range: Range<Int>) -> Substring {
        let utf8 = text.utf8
        let lower = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
        let upper = utf8.index(lower, offsetBy: range.count)
        return text[lower..<upper]
    }

    /// The text of a token.
    public func text(of token: Token) -> Substring { text(of: token.range) }

    /// The text between token `index - 1` and token `index` (the gap before a token);
    /// `index == tokens.count` gives the gap after the last token.
    public func gap(before index: Int) -> Substring {
        let start = index == 0 ? 0 : tokens[index - 1].end
        let end = index == tokens.count ? text.utf8.count : tokens[index].start
        return text(of: start..<end)
    }

    /// Whether the gap before token `index` (see ``gap(before:)``) holds a line feed, alone
    /// or as part of CR LF: read from the bytes, without building or searching a string.
    public func gapContainsLineFeed(before index: Int) -> Bool {
        let start = index == 0 ? 0 : tokens[index - 1].end
        let end = index == tokens.count ? text.utf8.count : tokens[index].start
        guard start < end else { return false }
        return text.utf8.withContiguousStorageIfAvailable { $0[start..<end].contains(0x0A) }
            ?? gap(before: index).utf8.contains(0x0A)
    }

    /// The Unicode scalar offset of a UTF-8 byte offset in ``text``.
    public func scalarOffset(ofByte offset: Int) -> Int { offsets.scalarOffset(ofByte: offset) }

    /// A byte range converted to a Unicode scalar range.
    public func scalarRange(of range: Range<Int>) -> Range<Int> {
        offsets.scalarOffset(ofByte: range.lowerBound)..<offsets.scalarOffset(ofByte: range.upperBound)
    }
}
