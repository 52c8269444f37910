/// Reads CoNLL-style files: one token per line (columns separated by spaces or tabs,
/// the token first and the tag last), a blank line between sentences. Lines starting
/// with `#` whose last column is not a tag are comments (AQMAR's `# doc_id = …`).
public enum CoNLLCorpus {
    /// A line that could not be read.
    public struct FormatError: Error, Sendable, CustomStringConvertible {
        /// 1-based line number.
        public let line: Int
        /// What is wrong.
        public let reason: String
        /// A one-line message.
        public var description: String { "line \(line): \(reason)" }
    }

    /// Sentences of tokens, ignoring any tag column.
    public static func tokens(_ text: String) -> [[String]] {
        sentences(text).map { $0.map(\.token) }
    }

    /// Sentences of (token, tag-column-or-nil) pairs.
    public static func sentences(_ text: String) -> [[(token: String, tag: String?)]] {
        var result: [[(token: String, tag: String?)]] = []
        var current: [(token: String, tag: String?)] = []
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            if fields.isEmpty {
                if !current.isEmpty { result.append(current); current = [] }
                continue
            }
            let last = fields.count > 1 ? String(fields[fields.count - 1]) : nil
            if line.hasPrefix("#"), last.flatMap({ BIOTag(string: $0) }) == nil { continue }
            current.append((String(fields[0]), last))
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    /// Tagged sentences; a missing or unknown tag is a ``FormatError``. `PER` reads as
    /// `PERS`.
    public static func taggedSentences(_ text: String) throws(FormatError) -> [TaggedSentence] {
        var result: [TaggedSentence] = []
        var tokens: [String] = [], tags: [BIOTag] = []
        for (number, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            if fields.isEmpty {
                if !tokens.isEmpty { result.append(TaggedSentence(tokens: tokens, tags: tags)); tokens = []; tags = [] }
                continue
            }
            let tag = fields.count > 1 ? BIOTag(string: fields[fields.count - 1]) : nil
            if line.hasPrefix("#"), tag == nil { continue }
            guard let tag else {
                throw FormatError(line: number + 1, reason: fields.count > 1 ? "unknown tag \(fields[fields.count - 1])" : "no tag column")
            }
            tokens.append(String(fields[0]))
            tags.append(tag)
        }
        if !tokens.isEmpty { result.append(TaggedSentence(tokens: tokens, tags: tags)) }
        return result
    }
}
