/// The spellings a word's beam passes found, each with its model score and lexicon bonus:
/// the small map ``NameRomanizer`` merges search results in (a few dozen entries per word).
///
/// Open addressing over slots holding an entry's index, keyed by an FNV-1a hash of the
/// spelling's bytes; entries stay in insertion order. It replaces `[SpellingKey: (Double, Double)]`
/// dictionaries, whose seeded hashing of every spelling cost more than the merging itself. No
/// result depends on the order of the entries (the ranking sorts them by a total order).
struct SpellingTable {
    /// The spellings (lower-case bytes), in insertion order.
    private(set) var spellings: [[UInt8]] = []
    /// Per entry: log10 probability (segmentations merged).
    private(set) var scores: [Double] = []
    /// Per entry: the lexicon bonus.
    private(set) var bonuses: [Double] = []
    private var hashes: [UInt64] = []
    /// Entry index + 1 per slot (0: empty).
    private var slots: [Int32]
    private var mask: Int

    /// An empty table with room for about `capacity` entries before it grows.
    init(capacity: Int = 32) {
        var size = 16
        while size < 2 * capacity { size <<= 1 }
        slots = [Int32](repeating: 0, count: size)
        mask = size - 1
        spellings.reserveCapacity(capacity)
        scores.reserveCapacity(capacity)
        bonuses.reserveCapacity(capacity)
        hashes.reserveCapacity(capacity)
    }

    /// Empties the table, keeping its buffers (a table is reused from word to word).
    mutating func removeAll() {
        spellings.removeAll(keepingCapacity: true)
        scores.removeAll(keepingCapacity: true)
        bonuses.removeAll(keepingCapacity: true)
        hashes.removeAll(keepingCapacity: true)
        for index in slots.indices { slots[index] = 0 }
    }

    /// The number of entries.
    var count: Int { spellings.count }

    @inline(__always)
    private static func hash(_ bytes: [UInt8]) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return hash
    }

    /// The slot of `bytes` (holding its entry, or the empty slot where it would go).
    @inline(__always)
    private func slot(of bytes: [UInt8], hash: UInt64) -> Int {
        var index = Int(truncatingIfNeeded: hash >> 7) & mask
        while true {
            let stored = Int(slots[index])
            if stored == 0 { return index }
            if hashes[stored - 1] == hash && spellings[stored - 1] == bytes { return index }
            index = (index + 1) & mask
        }
    }

    /// Adds a search result: a new spelling gets `score` and `bonus`; a known one gets
    /// log10(10^old + 10^score) and `bonus` (as `found[key] = (logSumExp10(old, score), bonus)`).
    mutating func accumulate(_ bytes: [UInt8], score: Double, bonus: Double) {
        let hash = Self.hash(bytes)
        let index = slot(of: bytes, hash: hash)
        let stored = Int(slots[index])
        if stored != 0 {
            scores[stored - 1] = logSumExp10(scores[stored - 1], score)
            bonuses[stored - 1] = bonus
        } else {
            append(bytes, hash: hash, score: score, bonus: bonus, slot: index)
        }
    }

    /// Sets the entry of `bytes` to (`score`, `bonus`) when its score is higher than the entry's
    /// (than −∞ when there is none).
    mutating func keepBetter(_ bytes: [UInt8], score: Double, bonus: Double) {
        let hash = Self.hash(bytes)
        let index = slot(of: bytes, hash: hash)
        let stored = Int(slots[index])
        if stored != 0 {
            if score > scores[stored - 1] {
                scores[stored - 1] = score
                bonuses[stored - 1] = bonus
            }
        } else if score > -.infinity {
            append(bytes, hash: hash, score: score, bonus: bonus, slot: index)
        }
    }

    private mutating func append(_ bytes: [UInt8], hash: UInt64, score: Double, bonus: Double, slot: Int) {
        spellings.append(bytes)
        scores.append(score)
        bonuses.append(bonus)
        hashes.append(hash)
        slots[slot] = Int32(spellings.count)
        if 2 * spellings.count > slots.count { grow() }
    }

    /// Doubles the slots.
    private mutating func grow() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        mask = slots.count - 1
        for (entry, hash) in hashes.enumerated() {
            var index = Int(truncatingIfNeeded: hash >> 7) & mask
            while slots[index] != 0 { index = (index + 1) & mask }
            slots[index] = Int32(entry + 1)
        }
    }
}
