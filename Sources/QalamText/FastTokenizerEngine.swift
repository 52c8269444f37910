/// The fast tokenizer engine: a byte-level UTF-8 scanner that yields exactly ICU's
/// tokens, handing ICU the stretches it does not model.
///
/// The scanner (``FastWordScanner``) finds one word-break segment at a time from a
/// boundary. The loop here takes the common cases itself — a single space, and words of
/// ASCII and Arabic letters, four Arabic letters per step — and passes anything else to
/// ``FastWordScanner/nextSegment(_:_:_:_:)``, which applies all the modeled rules. When a
/// segment cannot be decided without a code point outside the modeled set, the engine
/// gives ICU the text from that segment's start (a boundary, so ICU starts there exactly
/// as it would inside the whole text) to the next *safe* point after the unknown code
/// point — just after a line feed, or just before a space that follows an ASCII character
/// other than a space (ICU always breaks there, and no rule looks across it) — and
/// resumes scanning there.
///
/// No heap allocation happens per token, and none at all unless ICU is needed (ICU's
/// iterators are pooled).
enum FastTokenizerEngine {
    private static let letter = UInt16(FastWordBreakClass.letter.rawValue)
    private static let numeric = UInt16(FastWordBreakClass.numeric.rawValue)
    private static let extendNumLet = UInt16(FastWordBreakClass.extendNumLet.rawValue)
    private static let extend = UInt16(FastWordBreakClass.extendOrFormat.rawValue)
    private static let space = UInt16(FastWordBreakClass.space.rawValue)
    private static let wordStarting: UInt16 = 1 << letter | 1 << numeric | 1 << extendNumLet
    private static let wordContinuing: UInt16 = wordStarting | 1 << extend
    /// Classes that certainly end a word (WB999 and the line-break rules).
    private static let wordEnding: UInt16 =
        1 << UInt16(FastWordBreakClass.other.rawValue) | 1 << UInt16(FastWordBreakClass.cr.rawValue)
        | 1 << UInt16(FastWordBreakClass.lf.rawValue) | 1 << UInt16(FastWordBreakClass.newline.rawValue) | 1 << space
    private static let middle: UInt16 =
        1 << UInt16(FastWordBreakClass.midLetter.rawValue) | 1 << UInt16(FastWordBreakClass.midNum.rawValue)
        | 1 << UInt16(FastWordBreakClass.midNumLet.rawValue)

    /// Calls `body` with each token of `bytes`; offsets are shifted by `baseOffset`.
    static func forEachToken(
        in bytes: UnsafeBufferPointer<UInt8>,
        baseOffset: Int,
        _ body: (Token) throws -> Void
    ) throws {
        let table = FastCharacterTable.shared
        guard table.modeledCount > 0 else {
            // The table could not be verified against ICU: ICU does everything.
            try ICUTokenizerEngine.shared.forEachToken(in: bytes, baseOffset: baseOffset, body)
            return
        }
        if table.blockLoopEnabled && bytes.count > FastBlockClassifier.blockSize {
            try forEachTokenByBlocks(in: bytes, baseOffset: baseOffset, table, body)
        } else {
            try forEachTokenByCodePoints(in: bytes, baseOffset: baseOffset, table, body)
        }
    }

    /// The code-point loop: every token of `bytes`, one segment at a time from the start
    /// (which must be a boundary). The block loop calls it for every stretch it does not
    /// decide itself.
    static func forEachTokenByCodePoints(
        in bytes: UnsafeBufferPointer<UInt8>,
        baseOffset: Int,
        _ table: FastCharacterTable,
        _ body: (Token) throws -> Void
    ) throws {
        guard let base = bytes.baseAddress else { return }
        let scanner = table.scanner
        let kindTable = table.kinds
        let small = scanner.small
        let pairRun = scanner.pairRun
        let count = bytes.count
        var position = 0
        while position < count {
            var start = position
            let b0 = base[start]
            var first: UInt16 = 0
            var index = start
            if b0 < 0x80 {
                // A single space before a modeled ASCII character other than a space, or before a
                // two-byte letter.
                if b0 == 0x20 && start &+ 2 < count {
                    let next = base[start &+ 1]
                    if (next < 0x80 && next != 0x20 && small[Int(next)] & FastWordScanner.classMask != 0)
                        || pairRun[Int(base[start &+ 2]) &<< 8 | Int(next)] & FastWordScanner.classMask == letter
                    {
                        position = start &+ 1
                        continue
                    }
                }
                first = small[Int(b0)]
                index = start &+ 1
            } else if start &+ 1 < count {
                // Two-byte letters and marks only (0 for anything else).
                first = pairRun[Int(base[start &+ 1]) &<< 8 | Int(b0)]
                index = start &+ 2
            }
            var accumulated = first
            var end = -1
            let firstClass = first & FastWordScanner.classMask
            if (wordStarting &>> firstClass) & 1 != 0 {
                // A word of one- and two-byte code points: the hot loop.
                var last = firstClass
                word: while index < count {
                    // Four two-byte letters or marks per step (Arabic, mostly); on the first
                    // that is not, take the ones before it.
                    var run: UInt16 = 0
                    while index &+ 8 <= count {
                        let chunk = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                        let e1 = pairRun[Int(truncatingIfNeeded: chunk & 0xFFFF)]
                        if e1 & FastWordScanner.runBit == 0 { break }
                        let e2 = pairRun[Int(truncatingIfNeeded: (chunk &>> 16) & 0xFFFF)]
                        if e2 & FastWordScanner.runBit == 0 {
                            run |= e1
                            index &+= 2
                            break
                        }
                        let e3 = pairRun[Int(truncatingIfNeeded: (chunk &>> 32) & 0xFFFF)]
                        if e3 & FastWordScanner.runBit == 0 {
                            run |= e1 | e2
                            index &+= 4
                            break
                        }
                        let e4 = pairRun[Int(truncatingIfNeeded: chunk &>> 48)]
                        if e4 & FastWordScanner.runBit == 0 {
                            run |= e1 | e2 | e3
                            index &+= 6
                            break
                        }
                        run |= e1 | e2 | e3 | e4
                        index &+= 8
                    }
                    if run != 0 {
                        accumulated |= run
                        // A letter's class (6) has bit 1 set; extend/format's (5) does not.
                        if run & 0x2 != 0 { last = letter }
                        if index >= count { break word }
                    }
                    let c0 = base[index]
                    if c0 == 0x20 {
                        // A space ends the word. «word word»: one space, then a two-byte
                        // letter — emit this word and start the next one right here.
                        if index &+ 3 <= count {
                            let next = pairRun[Int(base[index &+ 2]) &<< 8 | Int(base[index &+ 1])]
                            if next & FastWordScanner.classMask == letter {
                                if accumulated & FastWordScanner.notBlankBit != 0 {
                                    let kind = kindTable[FastWordScanner.scalarClasses(accumulated)]
                                    try body(Token(start: baseOffset &+ start, end: baseOffset &+ index, kind: kind))
                                }
                                start = index &+ 1
                                accumulated = next
                                last = letter
                                index &+= 3
                                continue word
                            }
                        }
                        end = index
                        break word
                    }
                    let e: UInt16
                    let length: Int
                    if c0 < 0x80 {
                        e = small[Int(c0)]
                        length = 1
                    } else if index &+ 1 < count {
                        let c1 = base[index &+ 1]
                        let pair = pairRun[Int(c1) &<< 8 | Int(c0)]
                        if pair != 0 {
                            e = pair
                        } else if c0 >= 0xC2 && c0 < 0xE0 && c1 & 0xC0 == 0x80 {
                            e = small[Int(c0 & 0x1F) &<< 6 | Int(c1 & 0x3F)]  // digits, punctuation…
                        } else {
                            break word  // three- and four-byte code points: the general scanner
                        }
                        length = 2
                    } else {
                        break word
                    }
                    let wordClass = e & FastWordScanner.classMask
                    if (wordContinuing &>> wordClass) & 1 != 0 {
                        accumulated |= e
                        if wordClass != extend { last = wordClass }
                        index &+= length
                        continue
                    }
                    if (wordEnding &>> wordClass) & 1 != 0 {
                        end = index
                        break word
                    }
                    if (middle &>> wordClass) & 1 != 0 {
                        if last == letter || last == numeric {
                            // «word.» «word, »: the middle character is not followed by a
                            // letter or digit when the next byte is ASCII and neither (ASCII
                            // is never extend/format). Anything else: the general scanner.
                            if index &+ length >= count {
                                end = index
                            } else {
                                let next = base[index &+ length]
                                if next < 0x80 {
                                    let nextClass = small[Int(next)] & FastWordScanner.classMask
                                    if nextClass != letter && nextClass != numeric && nextClass != 0 { end = index }
                                }
                            }
                        } else {
                            end = index  // after ExtendNumLet: WB6/WB11 need a letter or digit
                        }
                    }
                    break word
                }
                if index >= count { end = count }
            }
            if end < 0 {
                // Everything else: the general scanner, from the segment's start.
                let general = generalSegment(scanner, base, count, start)
                if general.end < 0 {
                    let stop = resumePoint(base, count, after: -general.end - 1)
                    try ICUTokenizerEngine.shared.forEachToken(
                        in: UnsafeBufferPointer(rebasing: bytes[start..<stop]),
                        baseOffset: baseOffset + start, body)
                    position = stop
                    continue
                }
                end = general.end
                accumulated = general.accumulated
            }
            if accumulated & FastWordScanner.notBlankBit != 0 {
                let kind = kindTable[FastWordScanner.scalarClasses(accumulated)]
                try body(Token(start: baseOffset &+ start, end: baseOffset &+ end, kind: kind))
            }
            position = end
        }
    }

    /// The segment at `start` from the general scanner (out of line: the rare path).
    @inline(never)
    static func generalSegment(
        _ scanner: FastWordScanner, _ base: UnsafePointer<UInt8>, _ count: Int, _ start: Int
    ) -> (end: Int, accumulated: UInt16) {
        var accumulated: UInt16 = 0
        let end = scanner.nextSegment(base, count, start, &accumulated)
        return (end, accumulated)
    }

    /// The first safe resumption point after the code point starting at `unknown`: just
    /// after a line feed, just before a space that follows an ASCII non-space, or the end.
    static func resumePoint(_ bytes: UnsafePointer<UInt8>, _ count: Int, after unknown: Int) -> Int {
        var index = unknown + 1
        while index < count {
            let byte = bytes[index]
            if byte == 0x0A { return index + 1 }
            if byte == 0x20 {
                let previous = bytes[index - 1]
                if previous < 0x80 && previous != 0x20 { return index }
            }
            index += 1
        }
        return count
    }
}
