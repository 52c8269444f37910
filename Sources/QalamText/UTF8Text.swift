/// Read access by scalar to a buffer of valid UTF-8, for the sentence splitter's rules.
struct UTF8Text {
    let bytes: UnsafeBufferPointer<UInt8>

    /// The scalar starting at byte `index` and its length.
    func scalar(at index: Int) -> (Unicode.Scalar, Int) {
        let lead = bytes[index]
        var value: UInt32
        var length: Int
        switch lead {
        case 0..<0x80: return (Unicode.Scalar(lead), 1)
        case 0xC0..<0xE0: value = UInt32(lead & 0x1F); length = 2
        case 0xE0..<0xF0: value = UInt32(lead & 0x0F); length = 3
        default: value = UInt32(lead & 0x07); length = 4
        }
        for offset in 1..<length where index + offset < bytes.count {
            value = value << 6 | UInt32(bytes[index + offset] & 0x3F)
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }

    /// The scalar that ends at byte `index` (exclusive) and where it starts.
    func scalar(before index: Int) -> (Unicode.Scalar, Int)? {
        guard index > 0 else { return nil }
        var start = index - 1
        while start > 0 && bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return (scalar(at: start).0, start)
    }

    /// The text of a byte range.
    func string(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// `range` without the spaces, line breaks and invisible format characters around it,
    /// or nil when nothing else is left.
    func trimmed(_ range: Range<Int>) -> Sentence? {
        var start = range.lowerBound
        var end = range.upperBound
        while start < end {
            let (scalar, length) = scalar(at: start)
            if !(Self.isSpace(scalar) || Self.isLineBreak(scalar)) { break }
            start += length
        }
        while end > start, let (scalar, position) = scalar(before: end) {
            if !(Self.isSpace(scalar) || Self.isLineBreak(scalar)) { break }
            end = position
        }
        return start < end ? Sentence(start: start, end: end) : nil
    }

    /// Line and paragraph separators: LF, CR, NEL, U+2028, U+2029.
    static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x0D, 0x85, 0x2028, 0x2029: true
        default: false
        }
    }

    /// White space that is not a line break, and invisible format characters (bidi
    /// marks, zero-width characters, byte order mark).
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        if isLineBreak(scalar) { return false }
        if scalar.value < 0x80 { return scalar == " " || scalar == "\t" || scalar == "\u{0B}" || scalar == "\u{0C}" }
        let properties = scalar.properties
        return properties.isWhitespace || properties.isDefaultIgnorableCodePoint
    }
}

/// The quotations of a text that open and close on the same line: «…», “…” and "…".
///
/// A straight quote opens when white space (or the line start, or an opening bracket)
/// is before it and a visible character after it; it closes when a visible character is
/// before it. A closing quote without an opening one, a quote still open at the end of
/// the line, and a quotation longer than ``longest`` bytes (most likely two unrelated
/// quotes) are ignored.
struct QuoteSpans {
    /// The longest quotation, in bytes, that holds sentences together.
    static let longest = 2_000

    /// (byte of the opening quote, byte of the closing quote), sorted by opening.
    private(set) var spans: [(open: Int, close: Int)] = []

    init(_ text: UTF8Text) {
        var stack: [(quote: Unicode.Scalar, position: Int)] = []
        func close(_ opener: Unicode.Scalar, at position: Int) {
            guard let index = stack.lastIndex(where: { $0.quote == opener }) else { return }
            if position - stack[index].position <= Self.longest { spans.append((stack[index].position, position)) }
            stack.removeSubrange(index...)
        }
        // Only a few bytes can start a quote or a line break: '"', LF, CR, 0xC2 (« » NEL)
        // and 0xE2 (“ ” U+2028 U+2029); everything else is skipped byte by byte.
        let bytes = text.bytes
        let count = bytes.count
        var position = 0
        while position < count {
            let byte = bytes[position]
            switch byte {
            case 0x22:
                let before = text.scalar(before: position)?.0 ?? "\n"
                let after = position + 1 < count ? text.scalar(at: position + 1).0 : "\n"
                let spaceBefore = UTF8Text.isSpace(before) || UTF8Text.isLineBreak(before) || before == "(" || before == "["
                let spaceAfter = UTF8Text.isSpace(after) || UTF8Text.isLineBreak(after)
                if spaceBefore && !spaceAfter {
                    stack.removeAll { $0.quote == "\"" }
                    stack.append(("\"", position))
                } else if !spaceBefore {
                    close("\"", at: position)
                }
            case 0x0A, 0x0D:
                stack.removeAll()
            case 0xC2 where position + 1 < count:
                switch bytes[position + 1] {
                case 0xAB: stack.append(("«", position))
                case 0xBB: close("«", at: position)
                case 0x85: stack.removeAll()
                default: break
                }
            case 0xE2 where position + 2 < count && bytes[position + 1] == 0x80:
                switch bytes[position + 2] {
                case 0x9C: stack.append(("\u{201C}", position))
                case 0x9D: close("\u{201C}", at: position)
                case 0xA8, 0xA9: stack.removeAll()
                default: break
                }
            default:
                break
            }
            position += 1
        }
        spans.sort { $0.open < $1.open }
    }

    /// How far ``encloses(_:_:)`` has looked, and the latest close among those spans.
    private var cursor = 0
    private var latestClose = -1

    /// Whether a quotation opened before `terminator` and closes at or after `boundary`.
    /// Calls must come with non-decreasing `terminator`s (one pass over the text).
    mutating func encloses(_ terminator: Int, _ boundary: Int) -> Bool {
        while cursor < spans.count && spans[cursor].open < terminator {
            latestClose = max(latestClose, spans[cursor].close)
            cursor += 1
        }
        return latestClose >= boundary
    }
}
