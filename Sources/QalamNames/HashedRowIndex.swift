/// Which rows of a hashed feature table (``NERModel``) are non-zero, and the number of each
/// non-zero row among them, so that its weights start at `rank × tags` in the packed values.
///
/// A bit per row and, for every 64 rows, the count of non-zero rows before them: 768 KB for
/// 2²² rows, where one `Int32` start per row took 16 MB. Each feature of a new word looks up
/// a random row; in 16 MB that look-up was a cache miss before the weights themselves
/// (another), in 768 KB it mostly hits.
struct HashedRowIndex: Sendable {
    /// Bit `row % 64` of word `row / 64` is set when the row is non-zero.
    private(set) var bits: [UInt64]
    /// Non-zero rows before each word of ``bits``.
    private(set) var before: [Int32]
    /// Number of rows (non-zero or not).
    let rowCount: Int

    /// The index of a table of `rowCount` rows whose non-zero rows are `rows`, in
    /// ascending order (rows out of range or out of order are left out).
    init(rowCount: Int, rows: [Int]) {
        self.rowCount = rowCount
        let words = (rowCount + 63) / 64
        var bits = [UInt64](repeating: 0, count: words)
        var previous = -1
        for row in rows where row > previous && row < rowCount {
            bits[row >> 6] |= 1 << UInt64(row & 63)
            previous = row
        }
        var before = [Int32](repeating: 0, count: words)
        var total: Int32 = 0
        for word in 0..<words {
            before[word] = total
            total += Int32(bits[word].nonzeroBitCount)
        }
        self.bits = bits
        self.before = before
    }

    /// The number of non-zero rows before `row`, or nil when `row` is zero or out of range.
    @inline(__always)
    func rank(of row: Int) -> Int? {
        Self.rank(of: row, rowCount: rowCount, bits: bits, before: before)
    }

    /// ``rank(of:)`` over the index's arrays as given (the tagger's hot path passes pointers).
    @inline(__always)
    static func rank<Bits: RandomAccessCollection<UInt64>, Before: RandomAccessCollection<Int32>>(
        of row: Int, rowCount: Int, bits: Bits, before: Before
    ) -> Int? where Bits.Index == Int, Before.Index == Int {
        guard row >= 0, row < rowCount else { return nil }
        let word = row >> 6
        guard word < bits.count, word < before.count else { return nil }
        let mask: UInt64 = 1 << UInt64(row & 63)
        let value = bits[bits.startIndex + word]
        guard value & mask != 0 else { return nil }
        return Int(before[before.startIndex + word]) + (value & (mask &- 1)).nonzeroBitCount
    }

    /// The non-zero rows, ascending.
    var rows: [Int] {
        var result: [Int] = []
        for (word, value) in bits.enumerated() {
            var rest = value
            while rest != 0 {
                result.append(word << 6 | rest.trailingZeroBitCount)
                rest &= rest &- 1
            }
        }
        return result
    }
}
