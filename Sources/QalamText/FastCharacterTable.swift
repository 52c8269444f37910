import CICU

/// The code-point table of the fast tokenizer engine, built once per process from the
/// ICU library Qalam is linked against and checked against it.
///
/// Each modeled code point gets its Word_Break class from ICU's property data, then the
/// class is *verified*: the scanner and ICU's word break iterator segment a set of probe
/// strings around the code point (between letters, digits, spaces, marks, quotes, at the
/// start and end of a line…). A code point whose class does not reproduce ICU's
/// boundaries is tried as ``FastWordBreakClass/other`` (ICU tailors some, such as the
/// colon), and if that fails too it becomes ``FastWordBreakClass/unknown``, so the fast
/// engine hands it to ICU. The table thus follows the linked ICU version's rules instead
/// of assuming them.
///
/// Modeled: U+0000–U+07FF (ASCII, Latin-1, Latin Extended, combining marks, Arabic,
/// Arabic Supplement) and the three-byte blocks of Arabic Extended, General Punctuation
/// and the Arabic Presentation Forms. Not modeled, ever: letters of scripts other than
/// Arabic and Latin, Hebrew letters, emoji (Emoji=Yes above ASCII), ZWJ, regional
/// indicators, and every four-byte code point.
final class FastCharacterTable: @unchecked Sendable {
    /// The process-wide table, built on first use.
    static let shared = FastCharacterTable()

    /// The scanner over this table.
    let scanner: FastWordScanner
    /// Token kind for each set of ``ScalarClass`` bits seen in a segment.
    let kinds: UnsafePointer<TokenKind>
    /// How many code points are modeled (not unknown) after verification.
    let modeledCount: Int
    /// Code points whose ICU property class was overridden to `other` by verification.
    let tailored: [UInt32]
    /// Whether the engine's block loop may run: the verified table agrees that the plain
    /// Arabic code points of ``FastBlockClassifier`` (U+0620–U+065F) are letters and marks
    /// that make an Arabic word, and that ASCII digits make a number.
    let blockLoopEnabled: Bool

    private static let blockRanges: [ClosedRange<Int>] = [
        0x22...0x23,  // U+0880–U+08FF Arabic Extended-B/-A
        0x80...0x81,  // U+2000–U+207F General Punctuation
        0x3ED...0x3F7,  // U+FB40–U+FDFF Arabic Presentation Forms-A
        0x3F9...0x3FB,  // U+FE40–U+FEFF small forms, Arabic Presentation Forms-B
    ]

    private init() {
        let small = UnsafeMutablePointer<UInt16>.allocate(capacity: 0x800)
        small.initialize(repeating: 0, count: 0x800)
        let blockIndex = UnsafeMutablePointer<UInt16>.allocate(capacity: 1024)
        blockIndex.initialize(repeating: 0, count: 1024)
        let blockCount = 1 + Self.blockRanges.reduce(0) { $0 + $1.count }
        let blocks = UnsafeMutablePointer<UInt16>.allocate(capacity: blockCount * 64)
        blocks.initialize(repeating: 0, count: blockCount * 64)
        var next: UInt16 = 1
        for range in Self.blockRanges {
            for block in range {
                blockIndex[block] = next
                next += 1
            }
        }
        let kinds = UnsafeMutablePointer<TokenKind>.allocate(capacity: 512)
        for mask in 0..<512 { (kinds + mask).initialize(to: Self.kind(ofClassMask: mask)) }
        self.kinds = UnsafePointer(kinds)
        let pairRun = UnsafeMutablePointer<UInt16>.allocate(capacity: 0x10000)
        pairRun.initialize(repeating: 0, count: 0x10000)
        let scanner = FastWordScanner(small: small, blockIndex: blockIndex, blocks: blocks, pairRun: pairRun)
        self.scanner = scanner

        // Slot of a code point in the tables, or nil when not modeled.
        func slot(_ value: Int) -> UnsafeMutablePointer<UInt16>? {
            if value < 0x800 { return small + value }
            guard value < 0x10000 else { return nil }
            let block = Int(blockIndex[value >> 6])
            return block == 0 ? nil : blocks + (block << 6 | value & 0x3F)
        }
        var candidates: [(value: Int, entry: UInt16)] = []
        var values = Array(0..<0x800)
        for range in Self.blockRanges { for block in range { values += (block << 6)..<((block + 1) << 6) } }
        for value in values {
            guard let scalar = Unicode.Scalar(UInt32(value)), let entry = Self.proposedEntry(scalar) else { continue }
            candidates.append((value, entry))
        }
        for candidate in candidates { slot(candidate.value)?.pointee = candidate.entry }

        // Verify against ICU: the probe alphabet first (all of the table is void if one of
        // its members fails), then every candidate; failures retry as `other`.
        var tailored: [UInt32] = []
        let verifier = try? FastTableVerifier()
        if let verifier, verifier.failures(among: FastTableVerifier.alphabet.map { Int($0.value) }, scanner: scanner).isEmpty {
            let failed = verifier.failures(among: candidates.map(\.value), scanner: scanner)
            for value in failed {
                guard let entry = slot(value) else { continue }
                entry.pointee = entry.pointee & ~FastWordScanner.classMask | UInt16(FastWordBreakClass.other.rawValue)
            }
            let stillFailing = Set(verifier.failures(among: failed, scanner: scanner))
            for value in failed {
                if stillFailing.contains(value) { slot(value)?.pointee = 0 } else { tailored.append(UInt32(value)) }
            }
        } else {
            // No ICU to check against, or the basics disagree: model nothing.
            for candidate in candidates { slot(candidate.value)?.pointee = 0 }
        }
        // The word-at-a-time table for two-byte code points, from the verified entries.
        for value in 0x80..<0x800 {
            let entry = small[value]
            let wordClass = entry & FastWordScanner.classMask
            guard wordClass == UInt16(FastWordBreakClass.letter.rawValue)
                || wordClass == UInt16(FastWordBreakClass.extendOrFormat.rawValue) else { continue }
            let lead = 0xC0 | value >> 6, trail = 0x80 | value & 0x3F
            pairRun[trail << 8 | lead] = entry | FastWordScanner.runBit
        }
        var modeled = 0
        for value in values where (slot(value)?.pointee ?? 0) & FastWordScanner.classMask != 0 { modeled += 1 }
        self.modeledCount = modeled
        self.tailored = tailored
        self.blockLoopEnabled = modeled > 0 && Self.plainRunsAgree(small: small, kinds: self.kinds)
    }

    /// Whether every word of plain Arabic code points (U+0620–U+065F) starting with a
    /// letter is one `arabicWord` segment by this table, every run of ASCII letters one
    /// `latinWord` and every run of ASCII digits one `number` — what
    /// ``FastTokenizerEngine/forEachTokenByBlocks`` assumes.
    static func plainRunsAgree(small: UnsafePointer<UInt16>, kinds: UnsafePointer<TokenKind>) -> Bool {
        let letter = UInt16(FastWordBreakClass.letter.rawValue)
        let extend = UInt16(FastWordBreakClass.extendOrFormat.rawValue)
        var letterBits = Set<UInt16>(), markBits = Set<UInt16>()
        for value in 0x620...0x65F {
            let entry = small[value]
            guard entry & FastWordScanner.notBlankBit != 0 else { return false }
            switch entry & FastWordScanner.classMask {
            case letter: letterBits.insert(entry & ~FastWordScanner.classMask)
            // The classifier takes U+0620–U+064A for letters that can start a word.
            case extend where value >= 0x64B: markBits.insert(entry & ~FastWordScanner.classMask)
            default: return false
            }
        }
        guard small[0x628] & FastWordScanner.classMask == letter,
            kinds[FastWordScanner.scalarClasses(small[0x628])] == .arabicWord
        else { return false }
        // Every mix of the entries' scalar classes with at least one letter.
        let values = Array(letterBits.union(markBits))
        guard values.count <= 12 else { return false }
        for subset in 1..<(1 << values.count) {
            var mask: UInt16 = 0
            var hasLetter = false
            for (index, value) in values.enumerated() where subset & (1 << index) != 0 {
                mask |= value
                if letterBits.contains(value) { hasLetter = true }
            }
            if hasLetter && kinds[FastWordScanner.scalarClasses(mask)] != .arabicWord { return false }
        }
        // ASCII letters: one Latin word.
        let latin = small[0x61]
        guard latin & FastWordScanner.classMask == letter, kinds[FastWordScanner.scalarClasses(latin)] == .latinWord,
            (0x41...0x5A).allSatisfy({ small[$0] == latin }), (0x61...0x7A).allSatisfy({ small[$0] == latin })
        else { return false }
        let digit = small[0x30]
        guard digit & FastWordScanner.classMask == UInt16(FastWordBreakClass.numeric.rawValue),
            digit & FastWordScanner.notBlankBit != 0, (0x31...0x39).allSatisfy({ small[$0] == digit })
        else { return false }
        return kinds[FastWordScanner.scalarClasses(digit)] == .number
    }

    /// The entry for a code point from its ICU Word_Break property and Swift's scalar
    /// properties, or nil when it is not modeled.
    private static func proposedEntry(_ scalar: Unicode.Scalar) -> UInt16? {
        let scalarClass = ScalarClass.of(scalar)
        if scalarClass == .otherLetter { return nil }
        if scalar.value >= 0x80 && scalar.properties.isEmoji { return nil }
        let wordClass = FastWordBreakClass.fromICU(qicu_word_break_value_of(scalar))
        if wordClass == .unknown { return nil }
        let notBlank: UInt16 = ScalarClass.isBlank(scalar) ? 0 : FastWordScanner.notBlankBit
        return UInt16(wordClass.rawValue) | FastWordScanner.scalarClassBit(scalarClass) | notBlank
    }

    /// The token kind for a set of ``ScalarClass`` bits: the rules of
    /// ``TokenKind/classify(_:)`` for segments without letters of other scripts.
    static func kind(ofClassMask mask: Int) -> TokenKind {
        func has(_ scalarClass: ScalarClass) -> Bool { mask & (1 << Int(scalarClass.rawValue)) != 0 }
        let scripts = (has(.arabicLetter) ? 1 : 0) + (has(.latinLetter) ? 1 : 0) + (has(.otherLetter) ? 1 : 0)
        if scripts > 0 {
            if scripts > 1 || has(.digit) { return .mixedWord }
            return has(.arabicLetter) ? .arabicWord : (has(.latinLetter) ? .latinWord : .otherWord)
        }
        if has(.digit) { return .number }
        if has(.punctuation) && !has(.whitespace) && !has(.symbol) { return .punctuation }
        return .symbol
    }
}

/// ICU's Word_Break property value of a scalar.
private func qicu_word_break_value_of(_ scalar: Unicode.Scalar) -> Int32 {
    qicu_word_break_value(Int32(bitPattern: scalar.value))
}
