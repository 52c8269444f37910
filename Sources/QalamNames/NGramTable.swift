/// An open-addressing hash table from packed graphone n-grams to their log10
/// probability and back-off weight: the hot data structure of the romanizer's beam search.
///
/// Keys pack up to `order` graphone IDs, `64 / order` bits each (ID + 1, so that 0 marks an empty
/// slot and an absent history position), the most recent ID in the low bits.
struct NGramTable: Sendable {
    private var keys: [UInt64]
    private var logProbabilities: [Float]
    private var backoffs: [Float]
    private let mask: Int
    /// The number of n-grams stored.
    private(set) var count = 0

    /// A table with room for `capacity` n-grams at a load factor of at most 1/2.
    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = [UInt64](repeating: 0, count: size)
        logProbabilities = [Float](repeating: 0, count: size)
        backoffs = [Float](repeating: 0, count: size)
        mask = size - 1
    }

    @inline(__always)
    private func slot(for key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 20) & mask
    }

    /// Stores (or replaces) an n-gram; `key` must not be 0.
    mutating func insert(_ key: UInt64, logProbability: Float, backoff: Float) {
        var index = slot(for: key)
        while keys[index] != 0 && keys[index] != key { index = (index + 1) & mask }
        if keys[index] == 0 { count += 1 }
        keys[index] = key
        logProbabilities[index] = logProbability
        backoffs[index] = backoff
    }

    /// The slot holding `key`, or -1.
    @inline(__always)
    func find(_ key: UInt64) -> Int {
        var index = slot(for: key)
        while true {
            let stored = keys[index]
            if stored == key { return index }
            if stored == 0 { return -1 }
            index = (index + 1) & mask
        }
    }

    /// The log10 probability stored in `slot`.
    @inline(__always)
    func logProbability(at slot: Int) -> Float { logProbabilities[slot] }

    /// The log10 back-off weight stored in `slot`.
    @inline(__always)
    func backoff(at slot: Int) -> Float { backoffs[slot] }
}
