import QalamLexicons

/// The data lines of a lexicon file read as bytes (for the large romanizer tables, parsed
/// without building a `String` per line).
enum LexiconByteLines {
    /// Calls `body` with the number (from 1) and byte range of each line of `bytes`, without
    /// the newline; empty lines and `#` comment lines are skipped. A file of 2 GiB or more is
    /// a ``QalamLexicons/LexiconError`` naming `path` (offsets are kept as `Int32`).
    @inline(__always)
    static func forEach(
        in bytes: [UInt8], path: String,
        _ body: (_ lineNumber: Int, _ line: Range<Int>) throws(LexiconError) -> Void
    ) throws(LexiconError) {
        guard bytes.count < Int(Int32.max) else { throw LexiconError(path: path, reason: "file too large") }
        var failure: LexiconError?
        bytes.withUnsafeBufferPointer { buffer in
            forEach(in: buffer) { lineNumber, line in
                do throws(LexiconError) {
                    try body(lineNumber, line)
                    return true
                } catch {
                    failure = error
                    return false
                }
            }
        }
        if let failure { throw failure }
    }

    /// As ``forEach(in:path:_:)`` over a buffer, for a caller that already reads it through
    /// a pointer; `body` returns false to stop.
    @inline(__always)
    static func forEach(in bytes: UnsafeBufferPointer<UInt8>, _ body: (_ lineNumber: Int, _ line: Range<Int>) -> Bool) {
        var lineNumber = 0
        var lineStart = 0
        while lineStart < bytes.count {
            lineNumber += 1
            var lineEnd = lineStart
            while lineEnd < bytes.count && bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
            if lineEnd > lineStart && bytes[lineStart] != UInt8(ascii: "#") {
                guard body(lineNumber, lineStart..<lineEnd) else { return }
            }
            lineStart = lineEnd + 1
        }
    }
}
