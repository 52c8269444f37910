/// The byte-level scanner at the heart of the fast tokenizer engine.
///
/// It reads UTF-8 directly, looks each code point up in a two-level table
/// (``FastCharacterTable``) and applies the UAX #29 word-break rules that ICU applies to
/// the classes in ``FastWordBreakClass``. It finds one segment at a time, starting at a
/// boundary. When deciding a boundary needs a code point it does not model, it says so
/// instead of guessing, and the engine hands that stretch to ICU.
///
/// A table entry packs, for one code point: the word-break class (bits 0–3), the
/// ``ScalarClass`` used for token kinds (bits 4–7) and whether it is not blank (bit 8).
struct FastWordScanner: @unchecked Sendable {
    /// Entries for U+0000–U+07FF (one- and two-byte UTF-8), indexed by code point.
    let small: UnsafePointer<UInt16>
    /// For three-byte code points: the block (of 64 entries in ``blocks``) for `cp >> 6`.
    let blockIndex: UnsafePointer<UInt16>
    /// Blocks of 64 entries; block 0 is all ``FastWordBreakClass/unknown``.
    let blocks: UnsafePointer<UInt16>

    static let classMask: UInt16 = 0x0F
    static let notBlankBit: UInt16 = 0x100

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
            return small[Int(b0 & 0x1F) << 6 | Int(b1 & 0x3F)]
        }
        if b0 < 0xF0 {
            guard index + 2 < count else { return 0 }
            let b1 = bytes[index + 1], b2 = bytes[index + 2]
            guard b1 & 0xC0 == 0x80, b2 & 0xC0 == 0x80 else { return 0 }
            let block = Int(b0 & 0x0F) << 6 | Int(b1 & 0x3F)
            guard block >= 0x20 else { return 0 }  // overlong
            length = 3
            return blocks[Int(blockIndex[block]) << 6 | Int(b2 & 0x3F)]
        }
        return 0
    }

    @inline(__always)
    static func wordClass(_ entry: UInt16) -> FastWordBreakClass {
        // Every value 0...12 is a case; the table holds nothing else.
        FastWordBreakClass(rawValue: UInt8(truncatingIfNeeded: entry & classMask)) ?? .unknown
    }

    @inline(__always)
    static func kindBit(_ entry: UInt16) -> UInt16 { 1 &<< ((entry &>> 4) & 0x0F) }

    /// Finds the segment that starts at boundary `start` (< `count`).
    ///
    /// Returns its end, and ORs into `kinds` one bit per ``ScalarClass`` seen and into
    /// `notBlank` the not-blank bit of every code point. Returns `-(u + 1)` when the
    /// code point at `u` is not modeled and the segment cannot be decided without it.
    @inline(__always)
    func nextSegment(
        _ bytes: UnsafePointer<UInt8>, _ count: Int, _ start: Int,
        _ kinds: inout UInt16, _ notBlank: inout UInt16
    ) -> Int {
        var length = 0
        let first = entry(bytes, start, count, &length)
        kinds = Self.kindBit(first)
        notBlank = first & Self.notBlankBit
        var index = start + length
        switch Self.wordClass(first) {
        case .unknown:
            return -(start + 1)
        case .lf, .newline:
            return index
        case .cr:
            if index < count && bytes[index] == 0x0A { index += 1 }
            return index
        case .extendOrFormat:
            // At the start of text or after a line break: a run of them is one segment.
            return consumeExtend(bytes, count, index, &kinds, &notBlank)
        case .space:
            // WB3d keeps spaces together; WB4 then attaches extend/format characters.
            while index < count {
                let before = index
                let e = entry(bytes, index, count, &length)
                guard Self.wordClass(e) == .space else {
                    index = before
                    break
                }
                kinds |= Self.kindBit(e)
                notBlank |= e & Self.notBlankBit
                index += length
            }
            return consumeExtend(bytes, count, index, &kinds, &notBlank)
        case .letter, .numeric, .extendNumLet:
            return scanWord(bytes, count, index, Self.wordClass(first), &kinds, &notBlank)
        case .other, .midLetter, .midNum, .midNumLet:
            return consumeExtend(bytes, count, index, &kinds, &notBlank)
        }
    }

    /// Consumes extend/format characters from `index` (rule WB4) and returns the end.
    @inline(__always)
    func consumeExtend(
        _ bytes: UnsafePointer<UInt8>, _ count: Int, _ index: Int,
        _ kinds: inout UInt16, _ notBlank: inout UInt16
    ) -> Int {
        var index = index
        var length = 0
        while index < count {
            let e = entry(bytes, index, count, &length)
            let wordClass = Self.wordClass(e)
            if wordClass == .extendOrFormat {
                kinds |= Self.kindBit(e)
                notBlank |= e & Self.notBlankBit
                index += length
                continue
            }
            if wordClass == .unknown { return -(index + 1) }
            break
        }
        return index
    }

    /// Scans the rest of a word (letters, digits, ExtendNumLet, with MidLetter/MidNum/
    /// MidNumLet between letters or digits: rules WB5–WB13b) from `index`.
    @inline(__always)
    func scanWord(
        _ bytes: UnsafePointer<UInt8>, _ count: Int, _ index: Int, _ firstClass: FastWordBreakClass,
        _ kinds: inout UInt16, _ notBlank: inout UInt16
    ) -> Int {
        var index = index
        var last = firstClass
        var length = 0
        while index < count {
            // The hot loop: runs of two-byte letters and marks (Arabic) and ASCII letters.
            let e = entry(bytes, index, count, &length)
            let wordClass = Self.wordClass(e)
            switch wordClass {
            case .letter, .numeric, .extendNumLet:
                last = wordClass
                kinds |= Self.kindBit(e)
                notBlank |= e & Self.notBlankBit
                index += length
            case .extendOrFormat:
                kinds |= Self.kindBit(e)
                notBlank |= e & Self.notBlankBit
                index += length
            case .midLetter, .midNum, .midNumLet:
                let wantLetter = last == .letter && wordClass != .midNum
                let wantDigit = last == .numeric && wordClass != .midLetter
                guard wantLetter || wantDigit else { return index }
                var ahead = index + length
                var aheadKinds = Self.kindBit(e)
                var aheadNotBlank = e & Self.notBlankBit
                var nextClass = FastWordBreakClass.other
                while ahead < count {
                    let next = entry(bytes, ahead, count, &length)
                    nextClass = Self.wordClass(next)
                    guard nextClass == .extendOrFormat else { break }
                    aheadKinds |= Self.kindBit(next)
                    aheadNotBlank |= next & Self.notBlankBit
                    ahead += length
                }
                if ahead >= count { return index }
                if nextClass == .unknown { return -(ahead + 1) }
                guard (wantLetter && nextClass == .letter) || (wantDigit && nextClass == .numeric) else {
                    return index
                }
                kinds |= aheadKinds
                notBlank |= aheadNotBlank
                index = ahead
            case .unknown:
                return -(index + 1)
            case .other, .cr, .lf, .newline, .space:
                return index
            }
        }
        return index
    }
}
