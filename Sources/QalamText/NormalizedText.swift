/// A normalized text that remembers, for every character, where it came from.
///
/// Every Unicode scalar of ``text`` maps to a byte range of ``original``: a kept or
/// replaced character to its own bytes (widened over combining marks removed right after
/// it, so a span never cuts a letter from its harakat); every character of a Unicode
/// expansion (ﻻ → لا) to the one source character; characters that a segment-wide ICU
/// normalization produced to that whole segment. Removed characters map to nothing.
/// This follows the alignment model of HuggingFace tokenizers' `NormalizedString`.
public struct NormalizedText: Sendable {
    /// The text before normalization.
    public let original: String
    /// The normalized text.
    public let text: String
    /// For each normalized scalar: its first byte in ``text``.
    private let outputStarts: [Int32]
    /// For each normalized scalar: the original byte range it came from.
    private let originalStarts: [Int32]
    private let originalEnds: [Int32]

    init(original: String, text: String, alignment: ScalarAlignment) {
        self.original = original
        self.text = text
        self.outputStarts = alignment.outputStarts
        self.originalStarts = alignment.originalStarts
        self.originalEnds = alignment.originalEnds
    }

    /// The number of Unicode scalars in ``text``.
    public var scalarCount: Int { outputStarts.count }

    /// The original byte range of the normalized scalar at index `scalar`.
    public func originalRange(ofScalar scalar: Int) -> Range<Int> {
        Int(originalStarts[scalar])..<Int(originalEnds[scalar])
    }

    /// The exact original span of the normalized UTF-8 byte range `range`: from the start
    /// of the source of its first character to the end of the source of its last one.
    ///
    /// A range that cuts a character is widened to whole characters, and the bounds are
    /// clamped to the text. An empty range gives an empty range at the original position
    /// of the character there (the end of the original at the end of the text).
    public func originalRange(ofNormalizedBytes range: Range<Int>) -> Range<Int> {
        let total = text.utf8.count
        let lower = min(max(range.lowerBound, 0), total)
        let upper = min(max(range.upperBound, lower), total)
        guard !outputStarts.isEmpty else { return original.utf8.count..<original.utf8.count }
        if lower == upper {
            if lower == total {
                let end = original.utf8.count
                return end..<end
            }
            let position = Int(originalStarts[scalarIndex(containing: lower)])
            return position..<position
        }
        let first = scalarIndex(containing: lower)
        let last = scalarIndex(containing: upper - 1)
        var start = Int(originalStarts[first])
        var end = Int(originalEnds[last])
        // Expansions and segment-wide normalization can make sources overlap.
        for index in first...last {
            start = min(start, Int(originalStarts[index]))
            end = max(end, Int(originalEnds[index]))
        }
        return start..<end
    }

    /// The original text under the normalized byte range `range`
    /// (see ``originalRange(ofNormalizedBytes:)``).
    public func originalText(ofNormalizedBytes range: Range<Int>) -> Substring {
        let span = originalRange(ofNormalizedBytes: range)
        let utf8 = original.utf8
        let lower = utf8.index(utf8.startIndex, offsetBy: span.lowerBound)
        let upper = utf8.index(lower, offsetBy: span.count)
        return original[lower..<upper]
    }

    /// The index of the normalized scalar whose bytes include byte `offset`.
    private func scalarIndex(containing offset: Int) -> Int {
        var low = 0
        var high = outputStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if Int(outputStarts[middle]) <= offset { low = middle } else { high = middle - 1 }
        }
        return low
    }
}
