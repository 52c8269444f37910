import CICU

/// The kinds of text boundary ICU finds.
public enum BreakKind: Int32, Sendable {
    /// Grapheme cluster (user-perceived character) boundaries.
    case character = 0
    /// Word boundaries (UAX #29 with ICU's dictionary and locale tailoring).
    case word = 1
    /// Line-break opportunities (UAX #14).
    case line = 2
    /// Sentence boundaries (UAX #29).
    case sentence = 3
}

/// A wrapper around one ICU break iterator bound to UTF-8 text.
///
/// Not safe for concurrent use: one thread at a time (it may move between threads, hence
/// `@unchecked Sendable`). Create copies cheaply with ``clone()``.
/// Boundaries are UTF-8 byte offsets into the bound buffer.
public final class BreakIterator: @unchecked Sendable {
    private let handle: OpaquePointer

    /// Opens a break iterator of `kind` for the locale `locale` (e.g. "ar").
    public init(kind: BreakKind, locale: String = "ar") throws(ICUError) {
        var status: Int32 = 0
        let opened = qicu_breaker_open(kind.rawValue, locale, &status)
        try ICUError.check(status, "opening a \(kind) break iterator for '\(locale)'")
        guard let opened else { throw ICUError(code: 1, operation: "opening a break iterator") }
        handle = opened
    }

    private init(handle: OpaquePointer) { self.handle = handle }

    deinit { qicu_breaker_close(handle) }

    /// An independent iterator with the same rules, unbound.
    public func clone() throws(ICUError) -> BreakIterator {
        var status: Int32 = 0
        let copy = qicu_breaker_clone(handle, &status)
        try ICUError.check(status, "cloning a break iterator")
        guard let copy else { throw ICUError(code: 1, operation: "cloning a break iterator") }
        return BreakIterator(handle: copy)
    }

    /// Calls `body` with every boundary after 0 in `bytes` (UTF-8), in order, together
    /// with ICU's rule status for the segment ending there. The buffer must stay valid for
    /// the duration of the call only.
    public func forEachBoundary(
        in bytes: UnsafeBufferPointer<UInt8>,
        _ body: (_ boundary: Int, _ ruleStatus: Int32) throws -> Void
    ) throws {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        var status: Int32 = 0
        qicu_breaker_set_utf8(handle, base, Int64(bytes.count), &status)
        try ICUError.check(status, "binding UTF-8 text to a break iterator")
        _ = qicu_breaker_first(handle)
        while true {
            let next = qicu_breaker_next(handle)
            if next < 0 { break }
            try body(Int(next), qicu_breaker_rule_status(handle))
        }
        // Unbind so ICU never reads the caller's buffer after it is gone.
        qicu_breaker_set_utf8(handle, nil, 0, &status)
    }

    /// Calls `body` with every boundary of `bytes` after the start, in order, as UTF-8 byte
    /// offsets — the fast way, when the rule status is not needed: boundaries come from ICU
    /// 256 at a time.
    public func forEachBoundary(
        in bytes: UnsafeBufferPointer<UInt8>,
        _ body: (_ boundary: Int) throws -> Void
    ) throws {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        var status: Int32 = 0
        qicu_breaker_set_utf8(handle, base, Int64(bytes.count), &status)
        try ICUError.check(status, "binding UTF-8 text to a break iterator")
        // Unbind so ICU never reads the caller's buffer after it is gone, even if `body` throws.
        defer { qicu_breaker_set_utf8(handle, nil, 0, &status) }
        _ = qicu_breaker_first(handle)
        try withUnsafeTemporaryAllocation(of: Int64.self, capacity: 256) { buffer in
            guard let boundaries = buffer.baseAddress else { return }
            while true {
                let count = Int(qicu_breaker_next_many(handle, boundaries, 256))
                if count <= 0 { break }
                for index in 0..<count { try body(Int(boundaries[index])) }
            }
        }
    }

    /// All boundaries of `text`, including 0 and the end, as UTF-8 byte offsets.
    public func boundaries(of text: String) throws -> [Int] {
        var copy = text
        var result: [Int] = [0]
        try copy.withUTF8 { buffer in
            try forEachBoundary(in: buffer) { boundary, _ in result.append(boundary) }
        }
        if text.utf8.isEmpty { return [0] }
        return result
    }
}
