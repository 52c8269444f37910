/// A map from 64-bit word hashes to values, for the lexicons every tagging step reads.
///
/// Qalam's word lexicons are keyed by an FNV-1a hash of the word's folded letters
/// (``ArabicFolding/hash(_:)``), so the key is already a hash. A `Dictionary<UInt64, V>`
/// hashes it again with SipHash on every look-up, which was the single largest cost of
/// looking words up while tagging. This table mixes the key with one multiplication
/// (Fibonacci hashing, top bits) and probes linearly in a power-of-two array kept at
/// most half full. Values are stored densely in insertion order; entries are never
/// removed.
public struct HashKeyTable<Value> {
    @usableFromInline var slots: [HashKeySlot]
    @usableFromInline var shift: UInt64
    @usableFromInline var values: [Value]

    /// An empty table with room for `minimumCapacity` entries before it grows.
    @inlinable
    public init(minimumCapacity: Int = 8) {
        var size = 16
        while size < minimumCapacity * 2 { size <<= 1 }
        slots = Array(repeating: HashKeySlot(key: 0, index: -1), count: size)
        shift = UInt64(64 - size.trailingZeroBitCount)
        values = []
        values.reserveCapacity(minimumCapacity)
    }

    /// The number of keys.
    @inlinable
    public var count: Int { values.count }

    /// Whether the table has no keys.
    @inlinable
    public var isEmpty: Bool { values.isEmpty }

    @inlinable
    func home(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// The slot holding `key`, or the empty slot where it would go.
    @inlinable
    func find(_ key: UInt64) -> Int {
        let mask = slots.count - 1
        var position = home(key)
        while true {
            let slot = slots[position]
            if slot.index < 0 || slot.key == key { return position }
            position = (position + 1) & mask
        }
    }

    /// The value stored for `key`, if any.
    @inlinable
    public subscript(key: UInt64) -> Value? {
        let index = slots[find(key)].index
        return index < 0 ? nil : values[Int(index)]
    }

    /// Whether `key` is in the table.
    @inlinable
    public func contains(_ key: UInt64) -> Bool {
        slots[find(key)].index >= 0
    }

    /// Reads and changes the value of `key`, starting from `defaultValue` when absent.
    @inlinable
    public mutating func modify<Result>(
        _ key: UInt64, default defaultValue: @autoclosure () -> Value, _ body: (inout Value) throws -> Result
    ) rethrows -> Result {
        var position = find(key)
        if slots[position].index < 0 {
            if (values.count + 1) * 2 > slots.count {
                grow()
                position = find(key)
            }
            slots[position] = HashKeySlot(key: key, index: Int32(values.count))
            values.append(defaultValue())
        }
        return try body(&values[Int(slots[position].index)])
    }

    /// Stores `value` for `key`, replacing any earlier value.
    @inlinable
    public mutating func set(_ value: Value, for key: UInt64) {
        modify(key, default: value) { $0 = value }
    }

    /// Doubles the slot array and re-inserts every key.
    @usableFromInline
    mutating func grow() {
        let old = slots
        slots = Array(repeating: HashKeySlot(key: 0, index: -1), count: old.count * 2)
        shift -= 1
        for slot in old where slot.index >= 0 {
            slots[find(slot.key)] = slot
        }
    }
}

extension HashKeyTable: Sendable where Value: Sendable {}

/// One slot of a ``HashKeyTable``: the key and the index of its value, or `index == -1`
/// when empty. Not nested in the generic table, so its layout and metadata do not depend
/// on the value type.
@usableFromInline
struct HashKeySlot: Sendable {
    @usableFromInline var key: UInt64
    @usableFromInline var index: Int32
    @inlinable init(key: UInt64, index: Int32) {
        self.key = key
        self.index = index
    }
}
