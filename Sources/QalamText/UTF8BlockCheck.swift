/// What one pass over a block of bytes finds: the first NUL byte, the first byte that does
/// not belong to a valid UTF-8 sequence (the rules of ``TextDecoding/firstInvalidUTF8(in:)``),
/// and the number of line feeds — the three checks a streaming reader makes on each block,
/// in one pass instead of three (eight ASCII bytes per step, two-byte sequences inline).
public struct UTF8BlockCheck: Sendable, Equatable {
    /// Offset of the first NUL byte, or nil.
    public var firstNUL: Int?
    /// Offset of the first byte of an invalid UTF-8 sequence, or nil.
    public var firstInvalid: Int?
    /// Number of line feeds (0x0A) in the block.
    public var lineFeeds: Int

    /// Creates a result (for comparisons in tests).
    public init(firstNUL: Int?, firstInvalid: Int?, lineFeeds: Int) {
        self.firstNUL = firstNUL
        self.firstInvalid = firstInvalid
        self.lineFeeds = lineFeeds
    }

    /// High bit set in exactly the bytes of `word` that are zero.
    @inline(__always)
    private static func zeroBytes(_ word: UInt64) -> UInt64 {
        let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        return ~(((word & low7) &+ low7) | word | low7)
    }

    /// Scans `bytes` once.
    public static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> UTF8BlockCheck {
        var result = UTF8BlockCheck(firstNUL: nil, firstInvalid: nil, lineFeeds: 0)
        guard let base = bytes.baseAddress else { return result }
        let count = bytes.count
        var index = 0
        while index < count {
            if index &+ 8 <= count {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 == 0 {
                    let nul = zeroBytes(word)
                    if nul != 0 && result.firstNUL == nil { result.firstNUL = index &+ nul.trailingZeroBitCount / 8 }
                    result.lineFeeds &+= zeroBytes(word ^ 0x0A0A_0A0A_0A0A_0A0A).nonzeroBitCount
                    index &+= 8
                    continue
                }
            }
            let byte = base[index]
            if byte < 0x80 {
                if byte == 0 && result.firstNUL == nil { result.firstNUL = index }
                if byte == 0x0A { result.lineFeeds &+= 1 }
                index &+= 1
                continue
            }
            if result.firstInvalid != nil {
                index &+= 1  // past the first error only NUL and line feeds matter
                continue
            }
            let length: Int
            var lower: UInt8 = 0x80, upper: UInt8 = 0xBF
            switch byte {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; upper = 0x9F
            case 0xF0: length = 4; lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; upper = 0x8F
            default: length = 0
            }
            guard length > 0, index &+ length <= count else {
                result.firstInvalid = index
                index &+= 1
                continue
            }
            let second = base[index &+ 1]
            var valid = second >= lower && second <= upper
            if valid && length > 2 { valid = base[index &+ 2] & 0xC0 == 0x80 }
            if valid && length > 3 { valid = base[index &+ 3] & 0xC0 == 0x80 }
            if !valid {
                result.firstInvalid = index
                index &+= 1
                continue
            }
            index &+= length  // continuation bytes are never NUL or a line feed
        }
        return result
    }
}
