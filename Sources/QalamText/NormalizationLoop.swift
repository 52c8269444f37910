import CICU

/// Thrown by the loop when the output buffer is too small; the caller retries with
/// at least `needed` bytes.
struct OutputOverflow: Error {
    let needed: Int
}

/// The byte-level normalization loop over valid UTF-8.
///
/// Each character is looked up in the ``NormalizationTable``. A `fast` character is
/// replaced by the bytes of its entry with one unaligned 4-byte store (the output
/// pointer then moves by the replacement length, 0–3 bytes). Any other character sends
/// its normalization segment — from the last character with a boundary before it up to
/// the next such character — to the slow path: when the Unicode quick check already
/// accepts the segment it is mapped character by character; otherwise ICU normalizes it
/// (UTF-16) and the result is mapped. The fast path never makes the output longer than
/// the input it consumed, so only the slow path checks the capacity.
struct NormalizationLoop<Recorder: AlignmentRecorder> {
    let table: NormalizationTable
    let source: UnsafePointer<UInt8>
    let count: Int
    let output: UnsafeMutablePointer<UInt8>
    let capacity: Int
    var recorder: Recorder
    private var units: [UInt16] = []
    private var normalized: [UInt16] = []

    init(table: NormalizationTable, source: UnsafePointer<UInt8>, count: Int,
         output: UnsafeMutablePointer<UInt8>, capacity: Int, recorder: Recorder) {
        self.table = table
        self.source = source
        self.count = count
        self.output = output
        self.capacity = capacity
        self.recorder = recorder
    }

    /// Normalizes the whole input; returns the number of output bytes.
    /// `capacity` must be at least `count + 4`.
    mutating func run() throws -> Int {
        let lookup = table.lookup
        let src = source
        let dst = output
        let n = count
        let fastBit = NormalizationTable.fastBit
        let boundaryBit = NormalizationTable.boundaryBit
        var i = 0
        var o = 0
        var segmentInput = 0
        var segmentOutput = 0
        var segmentRecord = 0
        var floor = 0
        let pairs = table.pairLookup
        while i < n {
            // Hot path: ASCII and two-byte characters, decoded by one table lookup.
            if Recorder.records {
                while i &+ 1 < n {
                    let entry = pairs[Int(UInt16(littleEndian: UnsafeRawPointer(src + i).loadUnaligned(as: UInt16.self)))]
                    if entry & fastBit == 0 { break }
                    let length = 1 &+ Int(src[i] >> 7)
                    if entry & boundaryBit != 0 {
                        segmentInput = i
                        segmentOutput = o
                        segmentRecord = recorder.count
                    }
                    UnsafeMutableRawPointer(dst + o).storeBytes(of: entry.littleEndian, as: UInt32.self)
                    let produced = NormalizationTable.producedLength(entry)
                    if produced > 0 {
                        recorder.record(output: o, start: i, end: i &+ length)
                    } else if entry & NormalizationTable.markBit != 0 {
                        recorder.attachMark(start: i, end: i &+ length)
                    }
                    o &+= produced
                    i &+= length
                }
            } else {
                Self.fastRun(src, dst, pairs, limit: n &- 1, &i, &o)
            }
            if i >= n { break }
            let lead = src[i]
            let value: UInt32
            let length: Int
            if lead < 0x80 {
                value = UInt32(lead)
                length = 1
            } else if lead < 0xE0 {
                value = UInt32(lead & 0x1F) << 6 | UInt32(src[i + 1] & 0x3F)
                length = 2
            } else if lead < 0xF0 {
                value = UInt32(lead & 0x0F) << 12 | UInt32(src[i + 1] & 0x3F) << 6 | UInt32(src[i + 2] & 0x3F)
                length = 3
            } else {
                value = UInt32(lead & 0x07) << 18 | UInt32(src[i + 1] & 0x3F) << 12
                    | UInt32(src[i + 2] & 0x3F) << 6 | UInt32(src[i + 3] & 0x3F)
                length = 4
            }
            let entry = length < 4 ? lookup[Int(value)] : table.supplementaryEntry(value)
            if entry & fastBit != 0 {
                if entry & boundaryBit != 0 {
                    segmentInput = i
                    segmentOutput = o
                    if Recorder.records { segmentRecord = recorder.count }
                }
                let produced: Int
                if length < 4 {
                    UnsafeMutableRawPointer(dst + o).storeBytes(of: entry.littleEndian, as: UInt32.self)
                    produced = NormalizationTable.producedLength(entry)
                } else {
                    UnsafeMutableRawPointer(dst + o).copyMemory(from: src + i, byteCount: 4)
                    produced = 4
                }
                if Recorder.records {
                    if produced > 0 {
                        recorder.record(output: o, start: i, end: i + length)
                    } else if entry & NormalizationTable.markBit != 0 {
                        recorder.attachMark(start: i, end: i + length)
                    }
                }
                o += produced
                i += length
                continue
            }
            if entry & NormalizationTable.orderedMarkBit != 0, inCanonicalOrder(value, before: i) {
                // A kept mark after a character of lower or equal combining class: as is.
                let produced = NormalizationTable.producedLength(entry)
                UnsafeMutableRawPointer(dst + o).storeBytes(of: entry.littleEndian, as: UInt32.self)
                if Recorder.records && produced > 0 { recorder.record(output: o, start: i, end: i + length) }
                o += produced
                i += length
                continue
            }
            if entry & NormalizationTable.specialBit != 0 {
                // A zero-width joiner (inert: a normalization boundary on both sides).
                if joinsEmoji(at: i, length: length) {
                    if Recorder.records { recorder.record(output: o, start: i, end: i + length) }
                    UnsafeMutableRawPointer(dst + o).copyMemory(from: src + i, byteCount: length)
                    o += length
                }
                i += length
                floor = i
                segmentInput = i
                segmentOutput = o
                if Recorder.records { segmentRecord = recorder.count }
                if o + (n - i) + 4 > capacity { throw OutputOverflow(needed: o + (n - i) + 16) }
                continue
            }
            // Slow path: the whole normalization segment around this character.
            let start: Int
            if entry & boundaryBit != 0 {
                start = i
            } else if Recorder.records {
                start = segmentInput
                o = segmentOutput
                recorder.truncate(to: segmentRecord)
            } else {
                (start, o) = segmentStart(before: i, output: o, floor: floor)
            }
            var end = i + length
            while end < n {
                let (next, nextLength) = decode(at: end)
                if table.entry(next) & boundaryBit != 0 { break }
                end += nextLength
            }
            if Recorder.records { segmentRecord = recorder.count }
            segmentInput = start
            segmentOutput = o
            if quickCheckAccepts(start, end) {
                try mapEach(start, end, &o)
            } else {
                try normalizeWithICU(start, end, &o)
            }
            i = end
            floor = end
            if o + (n - i) + 4 > capacity { throw OutputOverflow(needed: o + (n - i) + 16) }
        }
        return o
    }

    /// The hot loop without alignment: consumes ASCII and two-byte characters while their
    /// entries are `fast`, up to byte `limit` (one before the end, as it reads two bytes).
    /// The length comes from the first byte alone (two bytes when it is not ASCII: the
    /// entry is only `fast` for ASCII and well-formed two-byte sequences), which keeps the
    /// table load off the loop's critical path; all state lives in registers.
    @inline(__always)
    private static func fastRun(
        _ src: UnsafePointer<UInt8>, _ dst: UnsafeMutablePointer<UInt8>, _ pairs: UnsafePointer<UInt32>,
        limit: Int, _ input: inout Int, _ output: inout Int
    ) {
        var i = input
        var o = output
        let raw = UnsafeRawPointer(src)
        let out = UnsafeMutableRawPointer(dst)
        while i < limit {
            let entry = pairs[Int(UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt16.self)))]
            if entry & NormalizationTable.fastBit == 0 { break }
            out.storeBytes(of: entry.littleEndian, toByteOffset: o, as: UInt32.self)
            o &+= NormalizationTable.producedLength(entry)
            i &+= 1 &+ Int(src[i] >> 7)
        }
        input = i
        output = o
    }

    /// Without alignment the hot loop does not track where normalization segments start;
    /// this finds it when the slow path needs it: the last character at or before `index`
    /// with a normalization boundary before it (not before `floor`, where the last slow
    /// stretch ended). Everything from there to `index` went through the fast paths, so
    /// the output position there is `output` minus what those characters produced.
    private func segmentStart(before index: Int, output: Int, floor: Int) -> (input: Int, output: Int) {
        var start = index
        while start > floor {
            var previous = start - 1
            while previous > floor && source[previous] & 0xC0 == 0x80 { previous -= 1 }
            let (value, _) = decode(at: previous)
            let entry = table.entry(value)
            if entry & NormalizationTable.boundaryBit != 0 {
                // A joiner is inert: the segment may start right after it.
                if entry & NormalizationTable.specialBit == 0 { start = previous }
                break
            }
            start = previous
        }
        var produced = 0
        var position = start
        while position < index {
            let (value, length) = decode(at: position)
            produced += value >= 0x10000 ? 4 : NormalizationTable.producedLength(table.entry(value))
            position += length
        }
        return (start, output - produced)
    }

    /// Whether the character before `index` has a combining class no higher than that of
    /// `mark` (so canonical ordering leaves the mark where it is).
    private func inCanonicalOrder(_ mark: UInt32, before index: Int) -> Bool {
        guard let previous = decode(before: index) else { return true }
        return table.combiningClass(previous) <= table.combiningClass(mark)
    }

    /// The scalar at byte `index` and its length in bytes.
    @inline(__always)
    private func decode(at index: Int) -> (UInt32, Int) {
        let lead = source[index]
        if lead < 0x80 { return (UInt32(lead), 1) }
        if lead < 0xE0 { return (UInt32(lead & 0x1F) << 6 | UInt32(source[index + 1] & 0x3F), 2) }
        if lead < 0xF0 {
            return (UInt32(lead & 0x0F) << 12 | UInt32(source[index + 1] & 0x3F) << 6 | UInt32(source[index + 2] & 0x3F), 3)
        }
        return (UInt32(lead & 0x07) << 18 | UInt32(source[index + 1] & 0x3F) << 12
                | UInt32(source[index + 2] & 0x3F) << 6 | UInt32(source[index + 3] & 0x3F), 4)
    }

    /// The scalar that ends at byte `index` (exclusive), if any.
    private func decode(before index: Int) -> UInt32? {
        guard index > 0 else { return nil }
        var start = index - 1
        while start > 0 && source[start] & 0xC0 == 0x80 { start -= 1 }
        return decode(at: start).0
    }

    /// Whether the zero-width joiner at `index` sits between two emoji (an emoji ZWJ
    /// sequence such as 👩‍💻), where it is kept.
    private func joinsEmoji(at index: Int, length: Int) -> Bool {
        guard index + length < count, let before = decode(before: index) else { return false }
        let after = decode(at: index + length).0
        return Self.isEmojiPart(before) && Self.isEmojiPart(after)
    }

    /// Emoji (beyond ASCII), emoji modifiers and the emoji variation selector U+FE0F.
    private static func isEmojiPart(_ value: UInt32) -> Bool {
        if value == 0xFE0F { return true }
        guard value >= 0x80, let scalar = Unicode.Scalar(value) else { return false }
        return scalar.properties.isEmoji
    }

    /// Whether Unicode's quick check says `start..<end` is already in the table's form:
    /// every character "yes" and combining marks in canonical order.
    private func quickCheckAccepts(_ start: Int, _ end: Int) -> Bool {
        var index = start
        var lastClass: UInt8 = 0
        while index < end {
            let (value, length) = decode(at: index)
            if table.entry(value) & NormalizationTable.quickCheckYesBit == 0 { return false }
            let combiningClass = table.combiningClass(value)
            if combiningClass != 0 && lastClass > combiningClass { return false }
            lastClass = combiningClass
            index += length
        }
        return true
    }

    /// Maps each character of `start..<end` through the table (no normalization needed).
    private mutating func mapEach(_ start: Int, _ end: Int, _ o: inout Int) throws {
        var index = start
        while index < end {
            let (value, length) = decode(at: index)
            if o + 8 > capacity { throw OutputOverflow(needed: capacity * 2) }
            if value >= 0x10000 {
                UnsafeMutableRawPointer(output + o).copyMemory(from: source + index, byteCount: 4)
                if Recorder.records { recorder.record(output: o, start: index, end: index + length) }
                o += 4
            } else {
                let entry = table.lookup[Int(value)]
                let produced = NormalizationTable.producedLength(entry)
                UnsafeMutableRawPointer(output + o).storeBytes(of: entry.littleEndian, as: UInt32.self)
                if Recorder.records {
                    if produced > 0 {
                        recorder.record(output: o, start: index, end: index + length)
                    } else if entry & NormalizationTable.markBit != 0 {
                        recorder.attachMark(start: index, end: index + length)
                    }
                }
                o += produced
            }
            index += length
        }
    }

    /// Normalizes `start..<end` with ICU and maps the result; every character produced
    /// aligns with the whole segment.
    private mutating func normalizeWithICU(_ start: Int, _ end: Int, _ o: inout Int) throws {
        guard let form = table.form else { return try mapEach(start, end, &o) }
        units.removeAll(keepingCapacity: true)
        var index = start
        while index < end {
            let (value, length) = decode(at: index)
            if value >= 0x10000 {
                let offset = value - 0x10000
                units.append(UInt16(0xD800 + (offset >> 10)))
                units.append(UInt16(0xDC00 + (offset & 0x3FF)))
            } else {
                units.append(UInt16(value))
            }
            index += length
        }
        var needed = units.count * 4 + 16
        var produced: Int32 = 0
        while true {
            if normalized.count < needed { normalized = [UInt16](repeating: 0, count: needed) }
            var status: Int32 = 0
            produced = qicu_normalize(form, units, Int32(units.count), &normalized, Int32(normalized.count), &status)
            if status == 15 /* U_BUFFER_OVERFLOW_ERROR */ && Int(produced) > normalized.count {
                needed = Int(produced)
                continue
            }
            try ICUError.check(status, "normalizing text")
            break
        }
        var unit = 0
        let total = Int(produced)
        while unit < total {
            var value = UInt32(normalized[unit])
            unit += 1
            if value >= 0xD800 && value < 0xDC00 && unit < total {
                let low = UInt32(normalized[unit])
                if low >= 0xDC00 && low < 0xE000 {
                    value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
                    unit += 1
                }
            }
            if o + 8 > capacity { throw OutputOverflow(needed: capacity * 2 + total * 4) }
            let emitted: Int
            if value >= 0x10000 {
                var bytes = (0xF0 | value >> 18) | (0x80 | (value >> 12) & 0x3F) << 8
                bytes |= (0x80 | (value >> 6) & 0x3F) << 16 | (0x80 | value & 0x3F) << 24
                UnsafeMutableRawPointer(output + o).storeBytes(of: bytes.littleEndian, as: UInt32.self)
                emitted = 4
            } else {
                let entry = table.lookup[Int(value)]
                UnsafeMutableRawPointer(output + o).storeBytes(of: entry.littleEndian, as: UInt32.self)
                emitted = NormalizationTable.producedLength(entry)
            }
            if emitted > 0 && Recorder.records { recorder.record(output: o, start: start, end: end) }
            o += emitted
        }
    }
}
