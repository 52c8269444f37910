/// The block loop of the fast tokenizer engine: 64 bytes per step for text made of plain
/// Arabic words between spaces, with the code-point loop for everything else.
///
/// Text is cut into *chunks*: maximal runs of bytes other than U+0020 SPACE, U+000A LINE
/// FEED and U+0009 TAB, the runs of those between them being *gaps*. ``FastBlockClassifier`` gives,
/// per block, which bytes are separators and which belong to plain Arabic code points; the
/// chunk boundaries are the bits where the separator mask changes, found with a
/// trailing-zero count, so a word costs a few integer operations however long it is.
///
/// Why a chunk of plain Arabic code points between separators is exactly one token:
/// - the boundary *before a separator* is certain unless a space precedes it (only WB3d
///   joins a space to what precedes it, and only to a space; WB3b always breaks before a
///   line feed, and a tab is no WSegSpace); so is the boundary *after* one unless an
///   Extend/Format character follows (WB4; after a line feed WB3a breaks, but the mark
///   then makes a segment of its own) — the chunk must start with a letter, not a mark;
/// - inside the chunk every code point is a letter (ALetter, WB5 keeps them together) or
///   an Extend mark (WB4 attaches it), so there is no boundary inside;
/// - a gap is blank segments only, which are not tokens.
///
/// A chunk that is not plain Arabic goes to ``FastTokenizerEngine/punctuatedWord``,
/// which takes the next most common shapes — one punctuation mark before and/or after a
/// plain Arabic word or ASCII letters, ASCII digits with or without a mark after them
/// («كلمة،» «"نعم"» «(CNN)» «2015،») — and any other chunk goes, with the gap before it,
/// to the code-point loop (``FastTokenizerEngine/chunkWithOthers``). The code-point loop
/// starts at the gap (a boundary: a separator after a chunk) and stops before the next
/// gap (a boundary, see above and ``FastTokenizerEngine/chunkWithOthers``), so it sees
/// the same context ICU would and its tokens are ICU's.
extension FastTokenizerEngine {
    /// Every token of `bytes` (more than one block long), block by block.
    static func forEachTokenByBlocks(
        in bytes: UnsafeBufferPointer<UInt8>,
        baseOffset: Int,
        _ table: FastCharacterTable,
        _ body: (Token) throws -> Void
    ) throws {
        guard let base = bytes.baseAddress else { return }
        let count = bytes.count
        let arabicWord = table.kinds[FastWordScanner.scalarClasses(table.scanner.small[0x628])]
        // The start of the gap before the open chunk (or of the text): always a boundary.
        var gapStart = 0
        // The open chunk's start, or -1 in a gap.
        var chunkStart = -1
        // The open chunk's masks from its start (bit 0 = its first byte), while it is at most
        // 64 bytes long; `chunkLong` once it is longer.
        var chunkOthers: UInt64 = 0, chunkMarks: UInt64 = 0
        var chunkLong = false
        var spaceCarry: UInt64 = 1  // the byte before the text counts as a space
        var leadCarry: UInt64 = 0
        var block = 0
        // Blocks are classified a group at a time, then their chunks handled: the callback
        // would otherwise make the vector loop reload its constants after every token.
        let group = 8
        var stored = MaskGroup()
        // Where to start again after the code-point loop went past the end of a chunk (see
        // ``chunkWithOthers``), or -1.
        var restart = -1
        scan: while block &+ FastBlockClassifier.blockSize < count {
            if restart >= 0 {
                // At a space after a chunk, as at the start of the text.
                block = restart
                gapStart = restart
                restart = -1
                chunkStart = -1
                spaceCarry = 1
                leadCarry = 0
                continue scan
            }
            var blocks = 0
            while blocks < group && block &+ (blocks &+ 1) &* FastBlockClassifier.blockSize < count {
                let masks = FastBlockClassifier.classify(base + (block &+ blocks &* FastBlockClassifier.blockSize))
                let arabic = masks.lead | masks.lead &<< 1 | leadCarry
                let afterSpace = masks.space &<< 1 | spaceCarry
                leadCarry = masks.lead &>> 63
                spaceCarry = masks.space &>> 63
                // Bytes a plain chunk cannot hold: anything but plain Arabic, or a mark right
                // after a space (it would attach to the space, WB4). Transitions, bit k: byte k
                // is a space and byte k-1 is not, or the reverse; they alternate: chunk start,
                // chunk end, chunk start…
                let others = ~(masks.space | arabic) | masks.mark & afterSpace
                // Adding a chunk's other bytes to its run of non-separator bits carries out
                // into the separator that ends it: the end bits of the chunks that are not
                // plain (a chunk still open at bit 63 loses its carry; it is checked later).
                stored.set(
                    blocks, transitions: masks.space ^ afterSpace, others: others, marks: masks.mark,
                    dirtyEnds: (~masks.space &+ others) & masks.space)
                blocks &+= 1
            }
            for index in 0..<blocks {
                let (storedTransitions, others, marks, dirtyEnds) = stored.get(index)
                var transitions = storedTransitions
                if chunkStart >= 0 {
                    // A chunk open since an earlier block: its bytes so far are `block - chunkStart`.
                    let shift = block &- chunkStart
                    if transitions == 0 {
                        chunkLong = true
                        block &+= FastBlockClassifier.blockSize
                        continue
                    }
                    let endBit = transitions.trailingZeroBitCount
                    transitions &= transitions &- 1
                    let end = block &+ endBit
                    if !chunkLong && end &- chunkStart <= 64 {
                        let mask = end &- chunkStart == 64 ? UInt64.max : UInt64(1) &<< (end &- chunkStart) &- 1
                        chunkOthers = (chunkOthers | others &<< shift) & mask
                        chunkMarks = (chunkMarks | marks &<< shift) & mask
                    } else {
                        chunkLong = true
                    }
                    if !chunkLong && chunkOthers == 0 {
                        try body(Token(start: baseOffset &+ chunkStart, end: baseOffset &+ end, kind: arabicWord))
                    } else if try chunkLong
                        || !punctuatedWord(
                            base, count, baseOffset, table, chunkStart, end, others: chunkOthers, marks: chunkMarks,
                            arabicWord, body)
                    {
                        let stop = try chunkWithOthers(bytes, baseOffset, table, gapStart, end, body)
                        if stop != end {
                            restart = stop
                            continue scan
                        }
                    }
                    chunkStart = -1
                    gapStart = end
                }
                while transitions != 0 {
                    let startBit = transitions.trailingZeroBitCount
                    transitions &= transitions &- 1
                    if transitions == 0 {
                        chunkStart = block &+ startBit
                        chunkOthers = others &>> startBit
                        chunkMarks = marks &>> startBit
                        chunkLong = false
                        break
                    }
                    let endBit = transitions.trailingZeroBitCount
                    transitions &= transitions &- 1
                    let start = block &+ startBit, end = block &+ endBit
                    if (dirtyEnds &>> endBit) & 1 == 0 {
                        try body(Token(start: baseOffset &+ start, end: baseOffset &+ end, kind: arabicWord))
                    } else if try !punctuatedWord(
                        base, count, baseOffset, table, start, end,
                        others: (others & ((UInt64(1) &<< endBit) &- (UInt64(1) &<< startBit))) &>> startBit,
                        marks: marks &>> startBit, arabicWord, body)
                    {
                        let stop = try chunkWithOthers(bytes, baseOffset, table, gapStart, end, body)
                        if stop != end {
                            restart = stop
                            continue scan
                        }
                    }
                    gapStart = end
                }
                block &+= FastBlockClassifier.blockSize
            }
        }
        // The rest, from the last gap on: the code-point loop.
        let rest = restart >= 0 ? restart : gapStart
        try forEachTokenByCodePoints(
            in: UnsafeBufferPointer(rebasing: bytes[rest..<count]), baseOffset: baseOffset &+ rest, table, body)
    }

    /// The most common chunks after plain words: a plain Arabic word with one punctuation
    /// mark before and/or after it («كلمة،» «"كلمة"» «(كلمة)»), and ASCII digits with
    /// or without one after them (``digitWord``). Emits the chunk's tokens and returns
    /// true, or returns false with nothing emitted. `others` and `marks` are the masks of
    /// the chunk (bit 0 = its first byte; at most 64 bytes long).
    ///
    /// The punctuation marks taken are those of classes Other, MidLetter, MidNum and
    /// MidNumLet (not ExtendNumLet, which joins letters and digits, nor blank ones). Such
    /// a mark at the start of a chunk follows a space, and at the end precedes one, so
    /// none of the rules that join a middle character to letters or digits (WB6, WB7,
    /// WB11, WB12: a letter or digit on *both* sides) applies: it is a token of its own.
    /// The word after a leading mark must start with a letter (a mark would attach to the
    /// punctuation, WB4).
    @inline(__always)
    static func punctuatedWord(
        _ base: UnsafePointer<UInt8>,
        _ count: Int,
        _ baseOffset: Int,
        _ table: FastCharacterTable,
        _ start: Int,
        _ end: Int,
        others: UInt64,
        marks: UInt64,
        _ arabicWord: TokenKind,
        _ body: (Token) throws -> Void
    ) throws -> Bool {
        let scanner = table.scanner
        let length = end &- start
        var leading = 0, trailing = 0
        var leadingEntry: UInt16 = 0, trailingEntry: UInt16 = 0
        if others & 1 != 0 {
            let b0 = base[start]
            if b0 < 0x80 {
                if b0 &- 0x30 < 10 { return try digitWord(base, baseOffset, table, start, end, body) }
                if (b0 | 0x20) &- 0x61 >= 26 {
                    leading = 1
                    leadingEntry = scanner.small[Int(b0)]
                    guard isLonePunctuation(leadingEntry) else { return false }
                }
            } else {
                leadingEntry = scanner.entry(base, start, count, &leading)
                guard isLonePunctuation(leadingEntry) else { return false }
            }
        }
        if (others &>> (length &- 1)) & 1 != 0 && length &- leading >= 2 && (base[end &- 1] | 0x20) &- 0x61 >= 26 {
            var last = end &- 1
            while end &- last < 3 && base[last] & 0xC0 == 0x80 { last &-= 1 }
            trailingEntry = scanner.entry(base, last, count, &trailing)
            guard last &+ trailing == end, isLonePunctuation(trailingEntry) else { return false }
        }
        // The word between: at least one code point, all plain Arabic, not starting with a mark.
        let coreLength = length &- leading &- trailing
        guard coreLength >= 1, coreLength < 64 else { return false }
        var coreKind = arabicWord
        if others & ((UInt64(1) &<< coreLength &- 1) &<< leading) != 0 || (marks &>> leading) & 1 != 0 {
            // Not a plain Arabic word (starting with a letter): ASCII letters only?
            var index = start &+ leading
            while index < end &- trailing {
                if (base[index] | 0x20) &- 0x61 >= 26 { return false }
                index &+= 1
            }
            coreKind = table.kinds[FastWordScanner.scalarClasses(scanner.small[0x61])]
        } else if coreLength < 2 {
            return false
        }
        let kinds = table.kinds
        if leading != 0 {
            try body(
                Token(
                    start: baseOffset &+ start, end: baseOffset &+ start &+ leading,
                    kind: kinds[FastWordScanner.scalarClasses(leadingEntry)]))
        }
        try body(Token(start: baseOffset &+ start &+ leading, end: baseOffset &+ end &- trailing, kind: coreKind))
        if trailing != 0 {
            try body(
                Token(
                    start: baseOffset &+ end &- trailing, end: baseOffset &+ end,
                    kind: kinds[FastWordScanner.scalarClasses(trailingEntry)]))
        }
        return true
    }

    /// A chunk of ASCII digits, optionally followed by one punctuation mark of the classes
    /// ``punctuatedWord`` takes («2015», «2015،», «15.»). Emits its tokens and returns
    /// true, or returns false with nothing emitted.
    @inline(never)
    static func digitWord(
        _ base: UnsafePointer<UInt8>,
        _ baseOffset: Int,
        _ table: FastCharacterTable,
        _ start: Int,
        _ end: Int,
        _ body: (Token) throws -> Void
    ) throws -> Bool {
        var index = start &+ 1
        while index < end && base[index] &- 0x30 < 10 { index &+= 1 }
        var trailingEntry: UInt16 = 0
        if index < end {
            // One punctuation mark of one or two bytes, then the space.
            let scanner = table.scanner
            var length = 0
            trailingEntry = scanner.entry(base, index, end, &length)
            guard index &+ length == end, isLonePunctuation(trailingEntry) else { return false }
        }
        let kinds = table.kinds
        try body(
            Token(
                start: baseOffset &+ start, end: baseOffset &+ index,
                kind: kinds[FastWordScanner.scalarClasses(table.scanner.small[0x30])]))
        if index < end {
            try body(
                Token(
                    start: baseOffset &+ index, end: baseOffset &+ end,
                    kind: kinds[FastWordScanner.scalarClasses(trailingEntry)]))
        }
        return true
    }

    /// The masks of a group of up to 8 classified blocks, on the stack.
    struct MaskGroup {
        private var words: (
            UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64,
            UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64,
            UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64
        ) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)

        /// Stores block `index`'s masks (`index` < 8).
        @inline(__always)
        mutating func set(_ index: Int, transitions: UInt64, others: UInt64, marks: UInt64, dirtyEnds: UInt64) {
            withUnsafeMutableBytes(of: &words) { raw in
                raw.storeBytes(of: transitions, toByteOffset: index &* 32, as: UInt64.self)
                raw.storeBytes(of: others, toByteOffset: index &* 32 &+ 8, as: UInt64.self)
                raw.storeBytes(of: marks, toByteOffset: index &* 32 &+ 16, as: UInt64.self)
                raw.storeBytes(of: dirtyEnds, toByteOffset: index &* 32 &+ 24, as: UInt64.self)
            }
        }

        /// Block `index`'s masks.
        @inline(__always)
        mutating func get(_ index: Int) -> (transitions: UInt64, others: UInt64, marks: UInt64, dirtyEnds: UInt64) {
            withUnsafeMutableBytes(of: &words) { raw in
                (
                    raw.load(fromByteOffset: index &* 32, as: UInt64.self),
                    raw.load(fromByteOffset: index &* 32 &+ 8, as: UInt64.self),
                    raw.load(fromByteOffset: index &* 32 &+ 16, as: UInt64.self),
                    raw.load(fromByteOffset: index &* 32 &+ 24, as: UInt64.self)
                )
            }
        }
    }

    private static let letterClass = UInt16(FastWordBreakClass.letter.rawValue)

    /// A chunk ending at `end` (a space) that ``punctuatedWord`` did not take: the gap
    /// before it (from `gapStart`) and the chunk go to the code-point loop, and the return
    /// value is where that stopped.
    ///
    /// The gap starts at a boundary (a space after a chunk that did not end in a space,
    /// see below). The end is a boundary too — and the code-point loop stops there, seeing
    /// the context ICU would — unless the chunk ends with a space other than U+0020 (EM
    /// SPACE, U+3000…): WB3d keeps such a space with the U+0020 after it, and a mark or
    /// format character after those would attach to them. Then the stretch grows by the
    /// next gap and chunk until a chunk ends with anything else, or the text ends.
    @inline(never)
    static func chunkWithOthers(
        _ bytes: UnsafeBufferPointer<UInt8>,
        _ baseOffset: Int,
        _ table: FastCharacterTable,
        _ gapStart: Int,
        _ end: Int,
        _ body: (Token) throws -> Void
    ) throws -> Int {
        guard let base = bytes.baseAddress else { return end }
        let count = bytes.count
        let scanner = table.scanner
        let spaceClass = UInt16(FastWordBreakClass.space.rawValue)
        var stop = end
        while stop < count {
            // The last code point before the space at `stop`.
            var last = stop &- 1
            while last > gapStart && stop &- last < 4 && base[last] & 0xC0 == 0x80 { last &-= 1 }
            var length = 0
            let entry = scanner.entry(base, last, count, &length)
            if base[stop] != 0x20 { break }  // a line feed or a tab: always a boundary
            if entry & FastWordScanner.classMask != spaceClass && base[last] != 0xE1 && base[last] != 0xE3 { break }
            // A wide space (or one the table does not model: U+1680, U+3000): take the next gap and chunk.
            while stop < count && (base[stop] == 0x20 || base[stop] == 0x0A || base[stop] == 0x09) { stop &+= 1 }
            while stop < count && base[stop] != 0x20 && base[stop] != 0x0A && base[stop] != 0x09 { stop &+= 1 }
        }
        try forEachTokenByCodePoints(
            in: UnsafeBufferPointer(rebasing: bytes[gapStart..<stop]), baseOffset: baseOffset &+ gapStart, table, body)
        return stop
    }

    /// Whether a table entry is a punctuation mark that is a token by itself between a
    /// space and a plain word or number (see ``punctuatedWord``).
    @inline(__always)
    private static func isLonePunctuation(_ entry: UInt16) -> Bool {
        guard entry & FastWordScanner.notBlankBit != 0 else { return false }
        switch entry & FastWordScanner.classMask {
        case UInt16(FastWordBreakClass.other.rawValue), UInt16(FastWordBreakClass.midLetter.rawValue),
            UInt16(FastWordBreakClass.midNum.rawValue), UInt16(FastWordBreakClass.midNumLet.rawValue):
            return true
        default:
            return false
        }
    }
}
