import Foundation

/// Why a model file could not be used.
public struct NERModelError: Error, Sendable, CustomStringConvertible {
    /// What is wrong.
    public let reason: String
    /// Creates an error.
    public init(_ reason: String) { self.reason = reason }
    /// A one-line message.
    public var description: String { "NER model: \(reason)" }
}

/// The weights of the entity tagger: a hashed feature table (`1 << rowBits` rows of one
/// weight per ``BIOTag``) and tag-transition weights.
///
/// The binary file format (little-endian): magic `QNER`, format version, feature template
/// version, row bits, tag count, weight scale (Float32), the transition table
/// ((tags + 1) × tags Float32, the extra first row being the sentence start), the number of
/// non-zero rows, then for each such row its index (UInt32, ascending) and one Int16 per
/// tag (weight = value × scale). Same weights, same bytes.
public struct NERModel: Sendable {
    /// log2 of the number of rows of the hashed feature space.
    public let rowBits: Int
    /// Which rows are non-zero: the `n`-th non-zero row's weights start at `n × tags` in
    /// ``values`` (rows are stored in ascending order).
    private var rowIndex: HashedRowIndex
    /// The weights of the non-zero rows, ``BIOTag/count`` per row.
    private var values: [Float]
    /// `transitions[(previous + 1) * BIOTag.count + tag]`, with `previous = -1` at a sentence start.
    public internal(set) var transitions: [Float]

    static let magic: [UInt8] = Array("QNER".utf8)
    static let formatVersion: UInt32 = 1

    /// A model from dense weights (`weights[row * BIOTag.count + tag]`, `1 << rowBits`
    /// rows) and transitions; only non-zero rows are kept.
    public init(rowBits: Int, denseWeights weights: [Float], transitions: [Float]) {
        self.rowBits = rowBits
        self.transitions = transitions
        values = []
        let tags = BIOTag.count
        var rows: [Int] = []
        for row in 0..<min(weights.count / tags, 1 << rowBits) {
            let slice = weights[(row * tags)..<((row + 1) * tags)]
            if slice.contains(where: { $0 != 0 }) {
                rows.append(row)
                values.append(contentsOf: slice)
            }
        }
        rowIndex = HashedRowIndex(rowCount: 1 << rowBits, rows: rows)
    }

    /// The mean of several models over the same feature space (an ensemble of
    /// perceptrons trained with different shuffles); `nil` when `models` is empty or the
    /// models disagree on the row bits.
    public static func mean(of models: [NERModel]) -> NERModel? {
        guard let first = models.first, models.allSatisfy({ $0.rowBits == first.rowBits }) else { return nil }
        let tags = BIOTag.count
        let share = 1 / Float(models.count)
        var sums: [UInt32: [Float]] = [:]
        var transitions = [Float](repeating: 0, count: first.transitions.count)
        for model in models {
            for (rank, row) in model.rowIndex.rows.enumerated() {
                let start = rank * tags
                var row0 = sums[UInt32(row)] ?? [Float](repeating: 0, count: tags)
                for tag in 0..<tags { row0[tag] += model.values[Int(start) + tag] * share }
                sums[UInt32(row)] = row0
            }
            for index in transitions.indices { transitions[index] += model.transitions[index] * share }
        }
        var result = NERModel(rowBits: first.rowBits, denseWeights: [], transitions: transitions)
        let rows = sums.keys.sorted()
        for row in rows {
            result.values.append(contentsOf: sums[row] ?? [])
        }
        result.rowIndex = HashedRowIndex(rowCount: 1 << first.rowBits, rows: rows.map { Int($0) })
        return result
    }

    /// Number of non-zero rows.
    public var nonZeroRows: Int { values.count / BIOTag.count }

    /// Adds the weights of `row` to `target[offset ..< offset + BIOTag.count]`.
    @inline(__always)
    func addWeights(ofRow row: UInt32, to target: inout [Float], at offset: Int) {
        guard let rank = rowIndex.rank(of: Int(row)) else { return }
        let base = rank * BIOTag.count
        for tag in 0..<BIOTag.count { target[offset + tag] += values[base + tag] }
    }

    /// Adds the weights of `row` to the `BIOTag.count` floats at `target` (the tagger's
    /// hot path: no array uniqueness or bounds checks on the target per weight).
    @inline(__always)
    func addWeights(ofRow row: UInt32, to target: UnsafeMutablePointer<Float>) {
        guard let rank = rowIndex.rank(of: Int(row)) else { return }
        let base = rank * BIOTag.count
        values.withUnsafeBufferPointer { values in
            guard base + BIOTag.count <= values.count else { return }
            for tag in 0..<BIOTag.count { target[tag] += values[base + tag] }
        }
    }

    /// Calls `body` with read-only pointers into the weight table, for adding many rows
    /// (``UnsafeWeights/addWeights(ofRow:to:)``) without reaching the arrays each time.
    @inline(__always)
    func withUnsafeWeights<Result>(_ body: (UnsafeWeights) -> Result) -> Result {
        rowIndex.bits.withUnsafeBufferPointer { bits in
            rowIndex.before.withUnsafeBufferPointer { before in
                values.withUnsafeBufferPointer { values in
                    body(UnsafeWeights(rowCount: rowIndex.rowCount, bits: bits, before: before, values: values))
                }
            }
        }
    }

    /// The model's bytes; weights are quantized to 16 bits.
    public func serialized() -> [UInt8] {
        var out: [UInt8] = Self.magic
        func put32(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { out.append(contentsOf: $0) } }
        func putFloat(_ value: Float) { put32(value.bitPattern) }
        let largest = values.reduce(Float(0)) { max($0, abs($1)) }
        let scale = largest > 0 ? largest / 32767 : 1
        put32(Self.formatVersion)
        put32(NERFeatureExtractor.templateVersion)
        put32(UInt32(rowBits))
        put32(UInt32(BIOTag.count))
        putFloat(scale)
        for value in transitions { putFloat(value) }
        var rows: [(UInt32, [Int16])] = []
        for (rank, row) in rowIndex.rows.enumerated() {
            let start = rank * BIOTag.count
            let slice = values[start..<(start + BIOTag.count)]
            let quantized = slice.map { Int16(clamping: Int(($0 / scale).rounded())) }
            if quantized.contains(where: { $0 != 0 }) { rows.append((UInt32(row), quantized)) }
        }
        put32(UInt32(rows.count))
        for (row, quantized) in rows {
            put32(row)
            for value in quantized { withUnsafeBytes(of: value.littleEndian) { out.append(contentsOf: $0) } }
        }
        return out
    }

    /// Reads a model written by ``serialized()``; anything malformed is an ``NERModelError``.
    public init(bytes: Data) throws {
        var reader = ByteReader(bytes: [UInt8](bytes))
        guard try reader.bytes(4) == Self.magic else { throw NERModelError("not a Qalam NER model (bad magic)") }
        let format = try reader.uint32()
        guard format == Self.formatVersion else { throw NERModelError("format version \(format), expected \(Self.formatVersion)") }
        let templates = try reader.uint32()
        guard templates == NERFeatureExtractor.templateVersion else {
            throw NERModelError("trained with feature templates v\(templates), this build uses v\(NERFeatureExtractor.templateVersion); retrain with `qalam train ner`")
        }
        let bits = Int(try reader.uint32())
        guard (10...26).contains(bits) else { throw NERModelError("row bits \(bits) out of range") }
        let tags = Int(try reader.uint32())
        guard tags == BIOTag.count else { throw NERModelError("\(tags) tags, expected \(BIOTag.count)") }
        let scale = Float(bitPattern: try reader.uint32())
        guard scale.isFinite, scale > 0 else { throw NERModelError("bad weight scale") }
        rowBits = bits
        transitions = []
        for _ in 0..<((tags + 1) * tags) {
            let value = Float(bitPattern: try reader.uint32())
            guard value.isFinite else { throw NERModelError("non-finite transition weight") }
            transitions.append(value)
        }
        let rowCount = Int(try reader.uint32())
        guard rowCount <= 1 << bits, rowCount * (4 + 2 * tags) <= bytes.count else { throw NERModelError("row count \(rowCount) too large") }
        values = []
        values.reserveCapacity(rowCount * tags)
        var rows: [Int] = []
        rows.reserveCapacity(rowCount)
        var previous = -1
        for _ in 0..<rowCount {
            let row = Int(try reader.uint32())
            guard row > previous, row < 1 << bits else { throw NERModelError("row index \(row) out of order or range") }
            previous = row
            rows.append(row)
            for _ in 0..<tags { values.append(Float(try reader.int16()) * scale) }
        }
        guard reader.isAtEnd else { throw NERModelError("trailing bytes after the weights") }
        rowIndex = HashedRowIndex(rowCount: 1 << bits, rows: rows)
    }
}

/// Little-endian reading from a byte array with bounds checks.
struct ByteReader {
    let bytes: [UInt8]
    var position = 0

    var isAtEnd: Bool { position == bytes.count }

    mutating func bytes(_ count: Int) throws -> [UInt8] {
        guard position + count <= bytes.count else { throw NERModelError("file is truncated") }
        defer { position += count }
        return Array(bytes[position..<(position + count)])
    }

    mutating func uint32() throws -> UInt32 {
        guard position + 4 <= bytes.count else { throw NERModelError("file is truncated") }
        defer { position += 4 }
        return UInt32(bytes[position]) | UInt32(bytes[position + 1]) << 8 | UInt32(bytes[position + 2]) << 16
            | UInt32(bytes[position + 3]) << 24
    }

    mutating func int16() throws -> Int16 {
        guard position + 2 <= bytes.count else { throw NERModelError("file is truncated") }
        defer { position += 2 }
        return Int16(bitPattern: UInt16(bytes[position]) | UInt16(bytes[position + 1]) << 8)
    }
}

/// Pointers into an ``NERModel``'s weight table, valid inside ``NERModel/withUnsafeWeights(_:)``.
struct UnsafeWeights {
    let rowCount: Int
    let bits: UnsafeBufferPointer<UInt64>
    let before: UnsafeBufferPointer<Int32>
    let values: UnsafeBufferPointer<Float>

    /// Adds the weights of `row` to the `BIOTag.count` floats at `target`, as
    /// ``NERModel/addWeights(ofRow:to:)`` does.
    @inline(__always)
    func addWeights(ofRow row: UInt32, to target: UnsafeMutablePointer<Float>) {
        guard let rank = HashedRowIndex.rank(of: Int(row), rowCount: rowCount, bits: bits, before: before) else { return }
        let base = rank * BIOTag.count
        guard base + BIOTag.count <= values.count else { return }
        for tag in 0..<BIOTag.count { target[tag] += values[base + tag] }
    }
}
