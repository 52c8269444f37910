import CICU
import Synchronization

/// The reference tokenizer engine: ICU's word break iterator over UTF-8, locale `ar`.
///
/// Holds one prototype iterator and clones it for each call, so it can be used from any
/// thread.
final class ICUTokenizerEngine: Sendable {
    /// The process-wide engine.
    static let shared = ICUTokenizerEngine()

    /// Iterators ready for reuse, cloned from the first one opened.
    private let pool = Mutex<[BreakIterator]>([])

    private init() {}

    private func checkOut() throws -> BreakIterator {
        if let iterator = pool.withLock({ $0.popLast() }) { return iterator }
        return try BreakIterator(kind: .word, locale: "ar")
    }

    /// Opens one iterator into the pool now, so the first tokenization does not pay for it.
    func warmUp() {
        if let iterator = try? checkOut() { checkIn(iterator) }
    }

    private func checkIn(_ iterator: BreakIterator) {
        pool.withLock { if $0.count < 16 { $0.append(iterator) } }
    }

    func forEachToken(
        in bytes: UnsafeBufferPointer<UInt8>,
        baseOffset: Int,
        _ body: (Token) throws -> Void
    ) throws {
        let iterator = try checkOut()
        defer { checkIn(iterator) }
        var start = 0
        try iterator.forEachBoundary(in: bytes) { end in
            defer { start = end }
            if let kind = Self.kindOfSegment(bytes, start, end) {
                try body(Token(start: baseOffset + start, end: baseOffset + end, kind: kind))
            }
        }
    }

    /// The kind of the segment `bytes[start..<end]`, or nil when it is blank.
    static func kindOfSegment(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> TokenKind? {
        // The fast engine's code-point table knows the class and blankness of the common
        // code points (derived from the same ScalarClass rules); other segments are
        // classified scalar by scalar below.
        let table = FastCharacterTable.shared
        if table.modeledCount > 0, let base = bytes.baseAddress {
            var accumulated: UInt16 = 0
            var index = start
            var length = 0
            while index < end {
                let entry = table.scanner.entry(base, index, end, &length)
                if entry == 0 { break }
                accumulated |= entry
                index += length
            }
            if index >= end {
                guard accumulated & FastWordScanner.notBlankBit != 0 else { return nil }
                return table.kinds[FastWordScanner.scalarClasses(accumulated)]
            }
        }
        return kindOfSegmentByScalars(bytes, start, end)
    }

    /// ``kindOfSegment(_:_:_:)`` from the scalars' Unicode properties (the reference).
    static func kindOfSegmentByScalars(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> TokenKind? {
        // Fast exits for one-byte segments.
        if end - start == 1 {
            let byte = bytes[start]
            switch byte {
            case 0x20, 0x09...0x0D: return nil
            case 0x30...0x39: return .number
            case 0x41...0x5A, 0x61...0x7A: return .latinWord
            default: break
            }
        }
        let segment = UnsafeBufferPointer(rebasing: bytes[start..<end])
        var blank = true
        var decoder = UTF8.ForwardParser()
        var iterator = segment.makeIterator()
        scan: while true {
            switch decoder.parseScalar(from: &iterator) {
            case .valid(let encoded):
                if !ScalarClass.isBlank(UTF8.decode(encoded)) { blank = false; break scan }
            case .error: blank = false; break scan
            case .emptyInput: break scan
            }
        }
        if blank { return nil }
        return TokenKind.classify(ScalarSequence(bytes: segment))
    }
}

/// The Unicode scalars of a UTF-8 buffer (invalid sequences read as U+FFFD).
struct ScalarSequence: Sequence {
    let bytes: UnsafeBufferPointer<UInt8>

    struct Iterator: IteratorProtocol {
        var parser = UTF8.ForwardParser()
        var bytes: UnsafeBufferPointer<UInt8>.Iterator

        mutating func next() -> Unicode.Scalar? {
            switch parser.parseScalar(from: &bytes) {
            case .valid(let encoded): return UTF8.decode(encoded)
            case .error: return "\u{FFFD}"
            case .emptyInput: return nil
            }
        }
    }

    func makeIterator() -> Iterator { Iterator(bytes: bytes.makeIterator()) }
}
