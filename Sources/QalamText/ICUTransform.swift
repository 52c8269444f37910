import CICU
import Foundation

/// An ICU transform (transliterator) opened by its ID, such as `Arabic-Latin`,
/// `Arabic-Latin/BGN`, `Any-Latin` or a compound `Any-Latin; Latin-ASCII`.
///
/// ICU transliterators are not safe for concurrent use, so calls are serialized with a
/// lock; the instance itself may be shared between threads.
public final class ICUTransform: @unchecked Sendable {
    /// The ID the transform was opened with.
    public let id: String
    /// Whether the transform runs in ICU's reverse direction.
    public let isReverse: Bool
    private let handle: OpaquePointer
    private let lock = NSLock()

    /// Opens the transform `id`, forward or (`reverse: true`) in reverse. An unknown ID or
    /// a transform without a reverse is an ``ICUError``.
    public init(id: String, reverse: Bool = false) throws(ICUError) {
        let units = Array(id.utf16)
        var status: Int32 = 0
        let opened = units.withUnsafeBufferPointer { buffer in
            qicu_transliterator_open(buffer.baseAddress, Int32(buffer.count), reverse ? 1 : 0, &status)
        }
        try ICUError.check(status, "opening the ICU transform '\(id)'")
        guard let opened else { throw ICUError(code: 1, operation: "opening the ICU transform '\(id)'") }
        self.id = id
        self.isReverse = reverse
        self.handle = opened
    }

    deinit { qicu_transliterator_close(handle) }

    /// The IDs of every transform this ICU knows, sorted.
    public static var availableIDs: [String] {
        let count = qicu_transliterator_count()
        var ids: [String] = []
        var buffer = [UInt16](repeating: 0, count: 256)
        for index in 0..<count {
            let length = Int(qicu_transliterator_id(index, &buffer, Int32(buffer.count)))
            if length > 0, length <= buffer.count {
                ids.append(String(decoding: buffer[0..<length], as: UTF16.self))
            }
        }
        return ids.sorted()
    }

    /// Applies the transform to `text`.
    public func transform(_ text: some StringProtocol) throws(ICUError) -> String {
        let source = Array(text.utf16)
        if source.isEmpty { return "" }
        guard source.count < Int(Int32.max / 8) else {
            throw ICUError(code: 1, operation: "transforming a text of \(source.count) UTF-16 units (too long)")
        }
        var capacity = source.count * 2 + 16
        while true {
            var buffer = source + [UInt16](repeating: 0, count: capacity - source.count)
            var status: Int32 = 0
            lock.lock()
            let length = buffer.withUnsafeMutableBufferPointer { pointer in
                qicu_transliterate(handle, pointer.baseAddress, Int32(source.count), Int32(capacity), &status)
            }
            lock.unlock()
            if status == 15, Int(length) > capacity, capacity < Int(Int32.max / 2) {  // U_BUFFER_OVERFLOW_ERROR
                capacity = Int(length) + 16
                continue
            }
            if status == 15 {  // reported overflow without a usable size: grow and retry
                guard capacity < Int(Int32.max / 4) else {
                    throw ICUError(code: status, operation: "transforming with '\(id)'")
                }
                capacity *= 2
                continue
            }
            try ICUError.check(status, "transforming with '\(id)'")
            return String(decoding: buffer[0..<Int(length)], as: UTF16.self)
        }
    }
}
