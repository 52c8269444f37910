/// A sentence: a view into a text by UTF-8 byte range.
///
/// The range never includes the white space (or invisible format characters) around
/// the sentence, and never crosses a line break.
public struct Sentence: Sendable, Hashable {
    /// Start of the sentence, in UTF-8 bytes from the start of the text.
    public var start: Int
    /// End of the sentence (exclusive), in UTF-8 bytes.
    public var end: Int

    /// Creates a sentence covering bytes `start..<end`.
    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }

    /// The UTF-8 byte range of the sentence.
    public var range: Range<Int> { start..<end }
}
