import QalamLexicons

/// Fast reading of Qalam's tab-separated lexicon files: lines and fields are cut on
/// UTF-8 bytes (not on grapheme clusters, which is slow for large Arabic files).
/// Header lines starting with `#` and blank lines are skipped.
public enum LexiconRows {
    /// Calls `body` with the tab-separated fields and the 1-based line number of each
    /// data line of the lexicon at `path`; a row with fewer than `columns` fields is a
    /// ``QalamLexicons/LexiconError`` naming the line, and so is a file without rows.
    public static func forEach(
        _ path: String, columns: Int = 1, _ body: ([Substring], Int) throws(LexiconError) -> Void
    ) throws(LexiconError) {
        let data = try LexiconStore.data(path)
        let bytes = [UInt8](data)
        var rows = 0
        var lineStart = 0
        var lineNumber = 0
        var fields: [Substring] = []
        while lineStart < bytes.count {
            lineNumber += 1
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
            var contentEnd = lineEnd
            if contentEnd > lineStart, bytes[contentEnd - 1] == 0x0D { contentEnd -= 1 }
            defer { lineStart = lineEnd + 1 }
            if contentEnd == lineStart || bytes[lineStart] == 0x23 { continue }
            fields.removeAll(keepingCapacity: true)
            var fieldStart = lineStart
            for index in lineStart...contentEnd where index == contentEnd || bytes[index] == 0x09 {
                fields.append(Substring(String(decoding: bytes[fieldStart..<index], as: UTF8.self)))
                fieldStart = index + 1
            }
            if fields.count < columns {
                throw LexiconError(path: path, reason: "line \(lineNumber) has \(fields.count) tab-separated fields, expected \(columns)")
            }
            rows += 1
            try body(fields, lineNumber)
        }
        if rows == 0 { throw LexiconError(path: path, reason: "no entries") }
    }
}
