import QalamLexicons
import Synchronization

/// Splits text into sentences: ICU's sentence boundaries (UAX #29, locale `ar`),
/// corrected for Arabic and news text.
///
/// Where a sentence ends:
/// - after a sentence terminator — «؟» «?» «!» «.» «۔» — together with any closing quotes
///   or brackets after it (ICU's rules);
/// - at every line break (LF, CR, CRLF, U+0085, U+2028, U+2029): a sentence never spans
///   one;
/// - before a dash or bullet that follows a terminator and white space
///   («هل تغير شيء؟ - نعم»), which ICU would keep in one sentence.
///
/// Where it does not, although ICU would split:
/// - inside a quotation that opens and closes on the same line («…», “…”, "…"): the
///   quoted speech stays in the sentence that contains it;
/// - after an abbreviation: a single Arabic letter («د.» doctor, «م.» engineer or AD,
///   «ص.» page, «هـ.» hijri), a single Latin capital (initials «J. K.»), or an entry of
///   `Lexicons/sentences/abbreviations.txt` («Dr.», «U.S.», «e.g.»);
/// - after a list number alone («1.», «١.», «(2).»): it joins the item it numbers.
///
/// Numbers are never split («3.5», «١٢٣٫٥», «١٢٣.٥»: ICU keeps a full stop followed by a
/// digit). The Arabic comma «،» and semicolon «؛» do not end sentences: in Arabic news a
/// paragraph is often one long sentence of clauses joined by «،» and «و», and splitting
/// there would separate a verb from its arguments (a person from their role), which is
/// what the event extractor reads a sentence for.
///
/// Sentences exclude the white space and invisible format characters (bidi marks)
/// around them; empty sentences are not reported.
public struct SentenceSplitter: Sendable {
    /// The abbreviations that a full stop may follow without ending a sentence.
    public let abbreviations: Set<String>

    /// A splitter with the shipped abbreviation list.
    /// - Throws: a `LexiconError` when `sentences/abbreviations.txt` is missing or unreadable.
    public init() throws {
        self.abbreviations = try Self.sharedAbbreviations()
    }

    /// A splitter with a custom abbreviation list (entries without their final full stop).
    public init(abbreviations: Set<String>) {
        self.abbreviations = abbreviations
    }

    /// The sentences of `text`, in order.
    public func split(_ text: String) throws -> [Sentence] {
        var copy = text
        return try copy.withUTF8 { try split(utf8: $0) }
    }

    /// The sentences of valid UTF-8 `bytes`, offsets relative to the buffer.
    public func split(utf8 bytes: UnsafeBufferPointer<UInt8>) throws -> [Sentence] {
        let count = bytes.count
        guard count > 0 else { return [] }
        var boundaries: [Int] = []
        try SentenceBreakPool.shared.withIterator { iterator in
            try iterator.forEachBoundary(in: bytes) { boundary in boundaries.append(boundary) }
        }
        let text = UTF8Text(bytes: bytes)
        let extra = Self.dashBoundaries(text)
        if !extra.isEmpty { boundaries = Array(Set(boundaries).union(extra)).sorted() }
        var quotes = QuoteSpans(text)
        var sentences: [Sentence] = []
        var start = 0
        for boundary in boundaries {
            if boundary < count && keepsTogether(text, start: start, boundary: boundary, quotes: &quotes) { continue }
            if let sentence = text.trimmed(start..<boundary) { sentences.append(sentence) }
            start = boundary
        }
        if start < count, let sentence = text.trimmed(start..<count) { sentences.append(sentence) }
        return sentences
    }

    /// Boundaries ICU does not make: before a dash or bullet that follows a sentence
    /// terminator and white space («لا يعنيه؟ - لماذا …», interview and list layouts),
    /// where ICU continues the sentence because a hyphen may continue one.
    static func dashBoundaries(_ text: UTF8Text) -> [Int] {
        var result: [Int] = []
        let bytes = text.bytes
        let count = bytes.count
        var position = 0
        while position < count {
            // Terminators: ? ! . and ؟ (D8 9F), ۔ (DB 94); other bytes are skipped.
            let byte = bytes[position]
            var after = -1
            switch byte {
            case 0x3F, 0x21, 0x2E: after = position + 1
            case 0xD8 where position + 1 < count && bytes[position + 1] == 0x9F: after = position + 2
            case 0xDB where position + 1 < count && bytes[position + 1] == 0x94: after = position + 2
            default: break
            }
            position += 1
            guard after > 0 else { continue }
            var next = after
            var spaces = 0
            while next < count {
                let (following, followingLength) = text.scalar(at: next)
                if UTF8Text.isSpace(following) {
                    spaces += 1
                } else if spaces > 0 || !["»", "\u{201D}", "\"", ")", "]", "'"].contains(following) {
                    if spaces > 0 && ["-", "\u{2013}", "\u{2014}", "\u{2022}", "*", "\u{00B7}"].contains(following) {
                        result.append(next)
                    }
                    break
                }
                next += followingLength
            }
        }
        return result
    }

    /// Whether the ICU boundary at `boundary` (closing the segment from `start`) should
    /// be dropped.
    private func keepsTogether(_ text: UTF8Text, start: Int, boundary: Int, quotes: inout QuoteSpans) -> Bool {
        // The end of the segment's content; never join across a line break.
        var end = boundary
        while end > start, let (scalar, position) = text.scalar(before: end) {
            if UTF8Text.isLineBreak(scalar) { return false }
            if !UTF8Text.isSpace(scalar) { break }
            end = position
        }
        guard end > start, let (last, lastPosition) = text.scalar(before: end) else { return false }
        if quotes.encloses(lastPosition, boundary) { return true }
        guard last == "." else { return false }
        // The word before the full stop (letters, marks, tatweel and inner full stops).
        var wordStart = lastPosition
        var letters = 0
        var arabic = false
        var latinCapital = false
        while wordStart > start, let (scalar, position) = text.scalar(before: wordStart) {
            let properties = scalar.properties
            if scalar == "." || scalar == "\u{0640}" || properties.generalCategory == .nonspacingMark {
                wordStart = position
                continue
            }
            guard properties.isAlphabetic else { break }
            letters += 1
            arabic = ScalarClass.isArabicScript(scalar.value)
            latinCapital = properties.isUppercase && ScalarClass.isLatinScript(scalar.value)
            wordStart = position
        }
        if letters == 1 && (arabic || latinCapital) { return true }
        if letters > 0 && abbreviations.contains(text.string(wordStart..<lastPosition)) { return true }
        // A list number alone: «1.», «١.», «(2).»
        var onlyNumber = true
        var digits = 0
        var position = start
        while position < lastPosition {
            let (scalar, length) = text.scalar(at: position)
            if scalar.properties.generalCategory == .decimalNumber {
                digits += 1
            } else if !(UTF8Text.isSpace(scalar) || scalar == "(" || scalar == ")") {
                onlyNumber = false
                break
            }
            position += length
        }
        return onlyNumber && digits > 0 && digits <= 3
    }

    // MARK: the shipped abbreviation list

    /// The path of the abbreviation list under `Lexicons/`.
    static let abbreviationsPath = "sentences/abbreviations.txt"

    private static let cache = Mutex<Set<String>?>(nil)

    private static func sharedAbbreviations() throws(LexiconError) -> Set<String> {
        if let cached = cache.withLock({ $0 }) { return cached }
        var entries = Set<String>()
        for (line, text) in try LexiconStore.dataLines(abbreviationsPath) {
            let entry = text.trimmingSpaces()
            if entry.isEmpty || entry.contains(" ") || entry.contains("\t") || entry.hasSuffix(".") {
                throw LexiconError(path: abbreviationsPath, reason: "line \(line): expected one abbreviation without its final full stop")
            }
            entries.insert(entry)
        }
        if entries.isEmpty { throw LexiconError(path: abbreviationsPath, reason: "no entries") }
        let loaded = entries
        cache.withLock { $0 = loaded }
        return loaded
    }
}

extension Substring {
    /// The text without leading and trailing spaces and tabs.
    func trimmingSpaces() -> String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}

/// ICU sentence break iterators for reuse across calls and threads.
final class SentenceBreakPool: Sendable {
    /// The process-wide pool.
    static let shared = SentenceBreakPool()
    private let pool = Mutex<[BreakIterator]>([])

    /// Runs `body` with an iterator checked out of the pool.
    func withIterator<Result>(_ body: (BreakIterator) throws -> Result) throws -> Result {
        let iterator = try pool.withLock({ $0.popLast() }) ?? BreakIterator(kind: .sentence, locale: "ar")
        defer { pool.withLock { if $0.count < 8 { $0.append(iterator) } } }
        return try body(iterator)
    }
}
