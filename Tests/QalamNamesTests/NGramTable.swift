/// The romanizer's n-grams in one open-addressing hash table, probed key by key: how arc scores
/// were read before the ninth round, kept here as the reference ``ContextNGramTable`` is
/// checked against.
///
/// Keys pack up to `order` IDs, `64 / order` bits each (ID + 1, so that 0 marks an empty
/// slot and an absent history position), the most recent ID in the low bits. Key and values
/// share one 16-byte slot, so a probe touches one cache line.
struct NGramTable: Sendable {
    private struct Slot {
        var key: UInt64
        var logProbability: Float
        var backoff: Float
    }

    private var slots: [Slot]
    private let mask: Int
    /// 64 − log2(slot count): the home slot is the top bits of the multiplied key.
    private let shift: UInt64
    /// The number of n-grams stored.
    private(set) var count = 0

    /// A table with room for `capacity` n-grams at a load factor of at most 1/2.
    init(capacity: Int) {
        var size = 16
        var bits: UInt64 = 4
        while size < capacity * 2 {
            size <<= 1
            bits += 1
        }
        slots = [Slot](repeating: Slot(key: 0, logProbability: 0, backoff: 0), count: size)
        mask = size - 1
        shift = 64 - bits
    }

    @inline(__always)
    private func home(of key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// Stores (or replaces) an n-gram; `key` must not be 0.
    mutating func insert(_ key: UInt64, logProbability: Float, backoff: Float) {
        var index = home(of: key)
        while slots[index].key != 0 && slots[index].key != key { index = (index + 1) & mask }
        if slots[index].key == 0 { count += 1 }
        slots[index] = Slot(key: key, logProbability: logProbability, backoff: backoff)
    }

    /// The slot holding `key`, or -1.
    @inline(__always)
    func find(_ key: UInt64) -> Int {
        var index = home(of: key)
        return slots.withUnsafeBufferPointer { buffer in
            while true {
                let stored = buffer[index].key
                if stored == key { return index }
                if stored == 0 { return -1 }
                index = (index + 1) & mask
            }
        }
    }

    /// The log10 probability stored in `slot`.
    @inline(__always)
    func logProbability(at slot: Int) -> Float { slots[slot].logProbability }

    /// The log10 back-off weight stored in `slot`.
    @inline(__always)
    func backoff(at slot: Int) -> Float { slots[slot].backoff }
}
