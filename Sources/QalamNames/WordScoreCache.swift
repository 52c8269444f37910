import QalamText

/// Memo of word-type scores: for each distinct token text, the summed weights of its
/// features for every context offset (5 × 9 floats). Tagging a token then costs five
/// small vector additions, whatever the number of features. ``EntityTagger`` keeps one
/// between documents (``WordScoreStore``).
struct WordScoreCache: Sendable {
    private static let width = 5 * BIOTag.count
    /// Open-addressing table from word hash to slot (a `Dictionary` look-up, with its
    /// seeded re-hash, was a tenth of the tagging time): each cell holds a word hash and
    /// its slot, or -1 for an empty cell; the size is a power of two, at most half full.
    /// Hash and slot share a cell, so a look-up touches one cache line, not two (under
    /// `perf`, the look-up's first load drew 30 % of the tagging loop's own samples: a
    /// cache miss once the table outgrows the cache).
    private var table = [Cell](repeating: .empty, count: 1 << 10)
    private var filled = 0
    private var scores: [Float] = []
    private var keys: [WordKeys] = []
    /// The model and the extractor, held by reference: reading them in the mutating
    /// ``addWord(_:kind:key:)`` then copies no tables (a copy of the two structs retained a
    /// dozen arrays per new word).
    private let parts: Parts
    let boundary: Int

    init(model: NERModel, extractor: NERFeatureExtractor) {
        boundary = 0
        parts = Parts(model: model, extractor: extractor)
        append(extractor.boundaryFeatures(), model: model)
    }

    /// The slot of a word's scores, computing them on first sight.
    mutating func slot(of word: Substring, kind: TokenKind) -> Int {
        let key = Self.key(word.utf8)
        return knownSlot(key: key) ?? addWord(word, kind: kind, key: key)
    }

    /// The slot of the word with byte hash `key` if it was seen before.
    @inline(__always)
    func knownSlot(key: UInt64) -> Int? {
        let slot = table[cellIndex(of: key)].slot
        return slot >= 0 ? Int(slot) : nil
    }

    /// A slot for `word`, whose byte hash `key` (see ``key(_:)``) is not in the cache yet:
    /// each feature's weights are added into the slot as the extractor finds it (no
    /// ``WordFeatures`` arrays), offset by offset in the order ``WordFeatures`` would list
    /// them, so the sums are the same floats.
    mutating func addWord(_ word: Substring, kind: TokenKind, key: UInt64) -> Int {
        let slot = scores.count / Self.width
        let tags = BIOTag.count
        // The sums are made in a scratch row (zeros, then each feature's weights in order),
        // then appended.
        let parts = parts
        let wordKeys = withUnsafeTemporaryAllocation(of: Float.self, capacity: Self.width) { sums in
            sums.initialize(repeating: 0)
            let wordKeys = parts.model.withUnsafeWeights { weights in
                var sink = WeightSink(weights: weights, sums: sums, tags: tags)
                return parts.extractor.forEachFeature(of: word, kind: kind, into: &sink)
            }
            scores.append(contentsOf: sums)
            return wordKeys
        }
        keys.append(wordKeys)
        var cell = cellIndex(of: key)
        if (filled + 1) * 2 > table.count {
            grow()
            cell = cellIndex(of: key)
        }
        table[cell] = Cell(key: key, slot: Int32(truncatingIfNeeded: slot))
        filled += 1
        return slot
    }

    /// The cell holding `key`, or the empty cell where it would go (linear probing).
    @inline(__always)
    private func cellIndex(of key: UInt64) -> Int {
        let mask = table.count - 1
        var cell = Int(truncatingIfNeeded: (key ^ (key >> 29)) & UInt64(mask))
        while table[cell].slot >= 0 && table[cell].key != key { cell = (cell + 1) & mask }
        return cell
    }

    /// Doubles the table and re-inserts every word.
    private mutating func grow() {
        let old = table
        table = [Cell](repeating: .empty, count: old.count * 2)
        for entry in old where entry.slot >= 0 {
            table[cellIndex(of: entry.key)] = entry
        }
    }

    /// A 64-bit FNV-1a hash of a word's UTF-8 bytes: cheaper than hashing a String,
    /// which normalizes Unicode first.
    @inline(__always)
    static func key(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return hash
    }

    @discardableResult
    private mutating func append(_ features: WordFeatures, model: NERModel) -> Int {
        let slot = scores.count / Self.width
        let tags = BIOTag.count
        scores.append(contentsOf: repeatElement(0, count: Self.width))
        keys.append(features.keys)
        let base = slot * Self.width
        scores.withUnsafeMutableBufferPointer { scores in
            guard let start = scores.baseAddress, base + Self.width <= scores.count else { return }
            for (offsetIndex, rows) in features.rows.enumerated() where offsetIndex < 5 {
                let target = start + base + offsetIndex * tags
                for row in rows { model.addWeights(ofRow: row, to: target) }
            }
        }
        return slot
    }

    /// The number of word types held (the boundary pseudo-word included).
    var wordCount: Int { keys.count }

    /// The short keys of the word in `slot`.
    func keys(ofSlot slot: Int) -> WordKeys { keys[slot] }

    /// Emission scores (`count × tags`) for a sequence of word slots.
    func emissions(slots: [Int]) -> [Float] {
        let tags = BIOTag.count, count = slots.count
        var result = [Float](repeating: 0, count: count * tags)
        let width = Self.width, boundary = boundary
        scores.withUnsafeBufferPointer { scores in
            slots.withUnsafeBufferPointer { slots in
                result.withUnsafeMutableBufferPointer { result in
                    for position in 0..<count {
                        let target = position &* tags
                        for offset in -2...2 {
                            let neighbour = position &+ offset
                            let slot = neighbour >= 0 && neighbour < count ? slots[neighbour] : boundary
                            let source = slot &* width &+ (offset &+ 2) &* tags
                            for tag in 0..<tags { result[target &+ tag] += scores[source &+ tag] }
                        }
                    }
                }
            }
        }
        let parts = parts
        parts.model.withUnsafeWeights { weights in
            result.withUnsafeMutableBufferPointer { result in
                guard let start = result.baseAddress, result.count == count * tags else { return }
                for position in 0..<count {
                    let previous = position > 0 ? keys[slots[position - 1]] : .boundary
                    let next = position + 1 < count ? keys[slots[position + 1]] : .boundary
                    parts.extractor.forEachPairRow(previous: previous, current: keys[slots[position]], next: next) { row in
                        weights.addWeights(ofRow: row, to: start + position * tags)
                    }
                }
                parts.extractor.phraseRows(count: count, keys: { keys[slots[$0]] }) { position, row in
                    guard position >= 0, position < count else { return }
                    weights.addWeights(ofRow: row, to: start + position * tags)
                }
            }
        }
        return result
    }
}

/// One cell of ``WordScoreCache``'s hash table: a word hash and its slot (-1: empty).
private struct Cell: Sendable {
    var key: UInt64
    var slot: Int32

    static let empty = Cell(key: 0, slot: -1)
}

/// The model and the feature extractor of a ``WordScoreCache``, shared by reference.
private final class Parts: Sendable {
    let model: NERModel
    let extractor: NERFeatureExtractor

    init(model: NERModel, extractor: NERFeatureExtractor) {
        self.model = model
        self.extractor = extractor
    }
}

/// Adds each feature row's weights into a word's score row (offset by offset, `tags`
/// floats each), as ``WordScoreCache/addWord(_:kind:key:)`` finds them.
private struct WeightSink: FeatureRowSink {
    let weights: UnsafeWeights
    let sums: UnsafeMutableBufferPointer<Float>
    let tags: Int

    @inline(__always)
    mutating func take(offset: Int, row: UInt32) {
        guard let start = sums.baseAddress, (-2...2).contains(offset) else { return }
        weights.addWeights(ofRow: row, to: start + (offset + 2) * tags)
    }
}
