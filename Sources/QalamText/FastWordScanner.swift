/// The byte-level scanner at the heart of the fast tokenizer engine.
///
/// It reads UTF-8 directly, looks each code point up in a two-level table
/// (``FastCharacterTable``) and applies the UAX #29 word-break rules that ICU applies to
/// the classes in ``FastWordBreakClass``. It finds one segment at a time, starting at a
/// boundary. When deciding a boundary needs a code point it does not model, it says so
/// instead of guessing, and the engine hands that stretch to ICU.
///
/// A table entry packs, for one code point: the word-break class (bits 0–3), one bit for
/// its ``ScalarClass`` (bits 4–12, bit `4 + rawValue`) and bit 13 when it is not blank.
/// OR-ing the entries of a segment's code points gives, in bits 4–13, all the scanner needs
/// to decide the token kind and whether the segment is a token at all.
struct FastWordScanner: @unchecked Sendable {
    /// Entries for U+0000–U+07FF (one- and two-byte UTF-8), indexed by code point.
    let small: UnsafePointer<UInt16>
    /// For three-byte code points: the block (of 64 entries in ``blocks``) for `cp >> 6`.
    let blockIndex: UnsafePointer<UInt16>
    /// Blocks of 64 entries; block 0 is all ``FastWordBreakClass/unknown``.
    let blocks: UnsafePointer<UInt16>
    /// For two-byte code points, indexed by the two bytes read as a little-endian 16-bit
    /// value (`lead | trail << 8`): the entry with ``runBit`` set when the code point is a
    /// letter or extend/format, else 0 (also for any pair that is not a valid two-byte
    /// sequence). Drives the word-at-a-time loop.
    let pairRun: UnsafePointer<UInt16>

    /// Bit 15 of a ``pairRun`` entry: the code point continues a word unconditionally.
    static let runBit: UInt16 = 0x8000

    /// Bits 0–3 of an entry: the word-break class.
    static let classMask: UInt16 = 0x0F
    /// Bit 13 of an entry: the code point is not blank.
    static let notBlankBit: UInt16 = 0x2000

    /// The bit of a ``ScalarClass`` in an entry.
    static func scalarClassBit(_ scalarClass: ScalarClass) -> UInt16 { 1 << (4 + UInt16(scalarClass.rawValue)) }

    /// The ``ScalarClass`` bits (0–8) of an OR of entries, to index the kind table.
    @inline(__always)
    static func scalarClasses(_ accumulated: UInt16) -> Int { Int((accumulated &>> 4) & 0x1FF) }

    /// The table entry of the code point at `index` and its length in bytes; entry 0
    /// (unknown) for anything not modeled, including malformed or truncated UTF-8.
    @inline(__always)
    func entry(_ bytes: UnsafePointer<UInt8>, _ index: Int, _ count: Int, _ length: inout Int) -> UInt16 {
        let b0 = bytes[index]
        if b0 < 0x80 {
            length = 1
            return small[Int(b0)]
        }
        if b0 < 0xE0 {
            guard b0 >= 0xC2, index + 1 < count else { return 0 }
            let b1 = bytes[index + 1]
            guard b1 & 0xC0 == 0x80 else { return 0 }
            length = 2
            return small[Int(b0 & 0x1F) &<< 6 | Int(b1 & 0x3F)]
        }
        if b0 < 0xF0 {
            guard index + 2 < count else { return 0 }
            let b1 = bytes[index + 1], b2 = bytes[index + 2]
            guard b1 & 0xC0 == 0x80, b2 & 0xC0 == 0x80 else { return 0 }
            let block = Int(b0 & 0x0F) &<< 6 | Int(b1 & 0x3F)
            guard block >= 0x20 else { return 0 }  // overlong
            length = 3
            return blocks[Int(blockIndex[block]) &<< 6 | Int(b2 & 0x3F)]
        }
        return 0
    }

    private static let unknown = UInt16(FastWordBreakClass.unknown.rawValue)
    private static let other = UInt16(FastWordBreakClass.other.rawValue)
    private static let cr = UInt16(FastWordBreakClass.cr.rawValue)
    private static let lf = UInt16(FastWordBreakClass.lf.rawValue)
    private static let newline = UInt16(FastWordBreakClass.newline.rawValue)
    private static let extend = UInt16(FastWordBreakClass.extendOrFormat.rawValue)
    private static let letter = UInt16(FastWordBreakClass.letter.rawValue)
    private static let numeric = UInt16(FastWordBreakClass.numeric.rawValue)
    private static let midLetter = UInt16(FastWordBreakClass.midLetter.rawValue)
    private static let midNum = UInt16(FastWordBreakClass.midNum.rawValue)
    private static let midNumLet = UInt16(FastWordBreakClass.midNumLet.rawValue)
    private static let extendNumLet = UInt16(FastWordBreakClass.extendNumLet.rawValue)
    private static let space = UInt16(FastWordBreakClass.space.rawValue)

    /// Classes that continue a word unconditionally (WB4, WB5, WB8–WB10, WB13a/b).
    private static let wordContinuing: UInt16 = 1 << letter | 1 << numeric | 1 << extendNumLet | 1 << extend
    /// Classes that start a word.
    private static let wordStarting: UInt16 = 1 << letter | 1 << numeric | 1 << extendNumLet
    /// Classes that may join two letters or two digits.
    private static let middle: UInt16 = 1 << midLetter | 1 << midNum | 1 << midNumLet

    /// Finds the segment that starts at boundary `start` (< `count`).
    ///
    /// Returns its end and sets `accumulated` to the OR of the entries of its code points.
    /// Returns `-(u + 1)` when the code point at `u` is not modeled and the segment cannot
    /// be decided without it.
    @inline(__always)
    func nextSegment(_ bytes: UnsafePointer<UInt8>, _ count: Int, _ start: Int, _ accumulated: inout UInt16) -> Int {
        var length = 0
        let first = entry(bytes, start, count, &length)
        accumulated = first
        let firstClass = first & Self.classMask
        var index = start + length
        if (Self.wordStarting &>> firstClass) & 1 != 0 {
            return scanWord(bytes, count, index, firstClass, &accumulated)
        }
        switch firstClass {
        case Self.unknown:
            return -(start + 1)
        case Self.space:
            // WB3d keeps spaces together; WB4 then attaches extend/format characters.
            // The common case first: one space before ASCII or a two-byte code point.
            if index < count {
                let next = bytes[index]
                if next < 0x80 && next != 0x20 && small[Int(next)] & Self.classMask != Self.unknown { return index }
                if next >= 0xC2 && next < 0xE0 && index + 1 < count && bytes[index + 1] & 0xC0 == 0x80 {
                    let nextClass = small[Int(next & 0x1F) &<< 6 | Int(bytes[index + 1] & 0x3F)] & Self.classMask
                    if nextClass != Self.extend && nextClass != Self.unknown { return index }
                }
            }
            while index < count {
                let e = entry(bytes, index, count, &length)
                guard e & Self.classMask == Self.space else { break }
                accumulated |= e
                index += length
            }
            return consumeExtend(bytes, count, index, &accumulated)
        case Self.lf, Self.newline:
            return index
        case Self.cr:
            if index < count && bytes[index] == 0x0A { index += 1 }
            return index
        default:
            // Other, the middle classes, and extend/format at the start of text or after a
            // line break (a run of them is one segment there).
            return consumeExtend(bytes, count, index, &accumulated)
        }
    }

    /// Consumes extend/format characters from `index` (rule WB4) and returns the end.
    @inline(__always)
    func consumeExtend(_ bytes: UnsafePointer<UInt8>, _ count: Int, _ index: Int, _ accumulated: inout UInt16) -> Int {
        var index = index
        var length = 0
        while index < count {
            let e = entry(bytes, index, count, &length)
            let wordClass = e & Self.classMask
            if wordClass == Self.extend {
                accumulated |= e
                index += length
                continue
            }
            if wordClass == Self.unknown { return -(index + 1) }
            break
        }
        return index
    }

    /// Scans the rest of a word (letters, digits, ExtendNumLet, with MidLetter/MidNum/
    /// MidNumLet between letters or digits: rules WB5–WB13b) from `index`.
    @inline(__always)
    func scanWord(
        _ bytes: UnsafePointer<UInt8>, _ count: Int, _ index: Int, _ firstClass: UInt16,
        _ accumulated: inout UInt16
    ) -> Int {
        var index = index
        var last = firstClass
        var length = 0
        while index < count {
            let b0 = bytes[index]
            let e: UInt16
            if b0 < 0x80 {
                e = small[Int(b0)]
                length = 1
            } else if b0 >= 0xC2 && b0 < 0xE0 && index + 1 < count && bytes[index + 1] & 0xC0 == 0x80 {
                e = small[Int(b0 & 0x1F) &<< 6 | Int(bytes[index + 1] & 0x3F)]
                length = 2
            } else {
                e = entry(bytes, index, count, &length)
            }
            let wordClass = e & Self.classMask
            if (Self.wordContinuing &>> wordClass) & 1 != 0 {
                accumulated |= e
                if wordClass != Self.extend { last = wordClass }
                index += length
                continue
            }
            if wordClass == Self.unknown { return -(index + 1) }
            guard (Self.middle &>> wordClass) & 1 != 0 else { return index }
            let wantLetter = last == Self.letter && wordClass != Self.midNum
            let wantDigit = last == Self.numeric && wordClass != Self.midLetter
            guard wantLetter || wantDigit else { return index }
            // WB6/7, WB11/12: look past the middle character (and any extend/format after it).
            var ahead = index + length
            var aheadAccumulated = e
            var nextClass = Self.other
            while ahead < count {
                let next = entry(bytes, ahead, count, &length)
                nextClass = next & Self.classMask
                guard nextClass == Self.extend else { break }
                aheadAccumulated |= next
                ahead += length
            }
            if ahead >= count { return index }
            if nextClass == Self.unknown { return -(ahead + 1) }
            guard (wantLetter && nextClass == Self.letter) || (wantDigit && nextClass == Self.numeric) else {
                return index
            }
            accumulated |= aheadAccumulated
            index = ahead
        }
        return index
    }
}
