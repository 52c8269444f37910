/// The fast tokenizer engine: a byte-level UTF-8 scanner that yields exactly ICU's
/// tokens, handing ICU the stretches it does not model.
///
/// The scanner (``FastWordScanner``) finds one word-break segment at a time from a
/// boundary. When a segment cannot be decided without a code point outside the modeled
/// set, the engine gives ICU the text from that segment's start (a boundary, so ICU
/// starts there exactly as it would inside the whole text) to the next *safe* point after
/// the unknown code point — just after a line feed, or just before a space that follows
/// an ASCII character other than a space (ICU always breaks there, and no rule looks
/// across it) — and resumes scanning there.
///
/// No heap allocation happens per token, and none at all unless ICU is needed (ICU's
/// iterators are pooled).
enum FastTokenizerEngine {
    /// Calls `body` with each token of `bytes`; offsets are shifted by `baseOffset`.
    static func forEachToken(
        in bytes: UnsafeBufferPointer<UInt8>,
        baseOffset: Int,
        _ body: (Token) throws -> Void
    ) throws {
        guard let base = bytes.baseAddress else { return }
        let table = FastCharacterTable.shared
        let scanner = table.scanner
        let kindTable = table.kinds
        let count = bytes.count
        var position = 0
        while position < count {
            var kinds: UInt16 = 0
            var notBlank: UInt16 = 0
            let end = scanner.nextSegment(base, count, position, &kinds, &notBlank)
            if end < 0 {
                let stop = resumePoint(base, count, after: -end - 1)
                try ICUTokenizerEngine.shared.forEachToken(
                    in: UnsafeBufferPointer(rebasing: bytes[position..<stop]),
                    baseOffset: baseOffset + position, body)
                position = stop
                continue
            }
            if notBlank != 0 {
                try body(Token(start: baseOffset + position, end: baseOffset + end, kind: kindTable[Int(kinds & 0x1FF)]))
            }
            position = end
        }
    }

    /// The first safe resumption point after the code point starting at `unknown`: just
    /// after a line feed, just before a space that follows an ASCII non-space, or the end.
    static func resumePoint(_ bytes: UnsafePointer<UInt8>, _ count: Int, after unknown: Int) -> Int {
        var index = unknown + 1
        while index < count {
            let byte = bytes[index]
            if byte == 0x0A { return index + 1 }
            if byte == 0x20 {
                let previous = bytes[index - 1]
                if previous < 0x80 && previous != 0x20 { return index }
            }
            index += 1
        }
        return count
    }
}
