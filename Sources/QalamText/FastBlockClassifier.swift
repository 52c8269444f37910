#if arch(x86_64)
import _Builtin_intrinsics.intel
#endif

/// Classifies 64 bytes of UTF-8 at a time for the fast tokenizer engine's block loop.
///
/// For each byte of a block it answers two questions, as one bit per byte in a 64-bit
/// mask (bit *k* is byte *k*):
/// - ``Masks/space``: the byte is U+0020 SPACE, U+000A LINE FEED or U+0009 TAB (the
///   separators of chunks: there is a boundary before each, unless a space precedes a
///   space, and after each unless a mark or format character follows);
/// - ``Masks/lead``: the byte starts a two-byte *plain Arabic* code point — U+0620–U+063F
///   (lead `D8`, trail `A0`–`BF`) or U+0640–U+065F (lead `D9`, trail `80`–`9F`): the
///   letters of the basic Arabic alphabet, tatweel and the harakat;
/// - ``Masks/mark``: the byte starts one of the marks among them, U+064B–U+065F.
///
/// The engine derives everything else with integer operations on the masks: the bytes of
/// plain Arabic code points (`lead | lead << 1`), the bytes that are neither (anything the
/// block loop does not decide itself), and the space/non-space transitions that delimit
/// words. Which code points count as plain Arabic is fixed here, and
/// ``FastCharacterTable`` checks at start-up that ICU agrees they are letters and marks
/// that make an Arabic word; if not, the block loop is switched off.
///
/// On x86-64 the comparisons are SSE2 (the baseline of every x86-64 CPU), 16 bytes per
/// instruction, and the masks come from `pmovmskb`; elsewhere the same vector code ends
/// in a portable bit gather.
enum FastBlockClassifier {
    /// The bytes classified per call.
    static let blockSize = 64

    /// One block's masks; bit *k* describes byte *k* of the block.
    struct Masks {
        /// U+0020 SPACE, U+000A LINE FEED and U+0009 TAB bytes.
        var space: UInt64
        /// First bytes of plain Arabic code points (whose second byte is checked too).
        var lead: UInt64
        /// First bytes of the marks U+064B–U+065F.
        var mark: UInt64
    }

    /// Classifies the 64 bytes at `pointer`. Reads 65 bytes: the byte after the block
    /// decides whether its last byte starts a plain Arabic code point.
    @inline(__always)
    static func classify(_ pointer: UnsafePointer<UInt8>) -> Masks {
        let raw = UnsafeRawPointer(pointer)
        var space: UInt64 = 0, lead: UInt64 = 0, mark: UInt64 = 0
        for offset in stride(from: 0, to: blockSize, by: 16) {
            let bytes = raw.loadUnaligned(fromByteOffset: offset, as: SIMD16<UInt8>.self)
            let next = raw.loadUnaligned(fromByteOffset: offset &+ 1, as: SIMD16<UInt8>.self)
            let isSpace =
                bytes .== SIMD16<UInt8>(repeating: 0x20) .| bytes .== SIMD16<UInt8>(repeating: 0x0A)
                .| bytes .== SIMD16<UInt8>(repeating: 0x09)
            let top = next & SIMD16<UInt8>(repeating: 0xE0)
            let isD9Lead = bytes .== SIMD16<UInt8>(repeating: 0xD9) .& top .== SIMD16<UInt8>(repeating: 0x80)
            let isLead = (bytes .== SIMD16<UInt8>(repeating: 0xD8) .& top .== SIMD16<UInt8>(repeating: 0xA0)) .| isD9Lead
            let isMark = isD9Lead .& (next .>= SIMD16<UInt8>(repeating: 0x8B))
            space |= bits(isSpace) &<< UInt64(offset)
            lead |= bits(isLead) &<< UInt64(offset)
            mark |= bits(isMark) &<< UInt64(offset)
        }
        return Masks(space: space, lead: lead, mark: mark)
    }

    /// One bit per lane of a 16-lane mask, lane 0 in bit 0.
    @inline(__always)
    private static func bits(_ mask: SIMDMask<SIMD16<Int8>>) -> UInt64 {
        let bytes = SIMD16<UInt8>(repeating: 0).replacing(with: 0xFF, where: mask)
        #if arch(x86_64)
        let vector = unsafeBitCast(bytes, to: SIMD2<Int64>.self)
        return UInt64(truncatingIfNeeded: _mm_movemask_epi8(vector))
        #else
        // Gather the top bit of each byte of each half with one multiplication.
        let halves = unsafeBitCast(bytes, to: SIMD2<UInt64>.self)
        let magic: UInt64 = 0x0002_0408_1020_4081
        let low = ((halves[0] & 0x8080_8080_8080_8080) &* magic) &>> 56
        let high = ((halves[1] & 0x8080_8080_8080_8080) &* magic) &>> 56
        return low | high &<< 8
        #endif
    }
}
