/// Reads a decimal number written in bytes as a `Float`, exactly as `Float(String)` does.
///
/// The romanizer's model file holds two numbers on each of its 74k n-gram lines ("-3.8356").
/// For the common form — an optional minus sign, digits, optionally a point and more
/// digits, at most seven digits in all — the value is one IEEE division of two exactly
/// representable floats (the mantissa below 2^24, a power of ten up to 10^10), which is
/// correctly rounded, the same result as the correctly rounded decimal conversion behind
/// `Float(String)` (Clinger's fast path). Anything else (exponents, more digits, "inf",
/// a plus sign …) goes to `Float(String)`, so both readers always agree.
enum DecimalFloat {
    /// Powers of ten that a `Float` holds exactly (5^10 < 2^24).
    private static let powers: [Float] = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10]

    /// The number in `bytes[range]`, or nil where `Float(String)` gives nil.
    @inline(__always)
    static func parse(_ bytes: [UInt8], _ range: Range<Int>) -> Float? {
        var index = range.lowerBound
        let negative = index < range.upperBound && bytes[index] == UInt8(ascii: "-")
        if negative { index += 1 }
        var mantissa: UInt32 = 0
        var digits = 0, fractionDigits = 0
        var seenPoint = false
        while index < range.upperBound {
            let byte = bytes[index]
            if byte >= 0x30 && byte <= 0x39 {
                mantissa = mantissa &* 10 &+ UInt32(byte &- 0x30)
                digits += 1
                if seenPoint { fractionDigits += 1 }
            } else if byte == UInt8(ascii: ".") && !seenPoint {
                seenPoint = true
            } else {
                return slowPath(bytes, range)
            }
            index += 1
        }
        // "5." and ".5" are left to the slow path too (both are read by it, as is "-").
        guard digits > 0, digits <= 7, !seenPoint || fractionDigits > 0,
              range.upperBound > range.lowerBound + (negative ? 1 : 0) + (seenPoint ? 1 : 0),
              bytes[range.lowerBound + (negative ? 1 : 0)] != UInt8(ascii: ".")
        else { return slowPath(bytes, range) }
        let magnitude = Float(mantissa) / powers[fractionDigits]
        return negative ? -magnitude : magnitude
    }

    private static func slowPath(_ bytes: [UInt8], _ range: Range<Int>) -> Float? {
        Float(String(decoding: bytes[range], as: UTF8.self))
    }
}
