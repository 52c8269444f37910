/// A letter trie of known Latin names (census, voter and world lists and training spellings),
/// built while loading the romanizer; the search constrained to real names reads its packed
/// copy (``PackedNameTrie``).
///
/// Nodes are integers (0 is the root); edges live in one open-addressing table of 8-byte
/// slots keyed by `node << 8 | byte` (so a probe touches one cache line and following an
/// edge allocates nothing). The table grows as names are added (load factor at most 0.7).
/// At most 2^24 − 1 nodes (16.7 million; the shipped lexicons need about 1.2 million):
/// names that would need more are not added.
struct LatinNameTrie: NameTrieLookup, Sendable {
    private struct Edge {
        /// `node << 8 | byte`, plus 1 (0 marks an empty slot).
        var key: UInt32
        var target: Int32
    }

    private var edges: [Edge]
    private var mask: Int
    /// 64 − log2(slot count): the home slot is the top bits of the multiplied key.
    private var shift: UInt64
    private var edgeCount = 0
    /// Per node: the lexicon bonus of the name ending there, or `-.infinity` when no name ends there.
    private(set) var terminalBonus: [Float] = [-.infinity]
    /// Per node: bit `b − "a"` set when the node has a child by letter b (a–z), bit 26 when it
    /// has a child by any other byte. Most lookups of the constrained search fail; the mask
    /// answers them without probing the edge table.
    private var childMask: [UInt32] = [0]
    /// Per node (only when built with `tracksScores`): a second per-name value, summed over the
    /// insertions of the name (the lexicon part of the n-best reranker's score).
    private var scores: [Float] = []
    /// Whether a second per-name value is kept.
    let tracksScores: Bool

    /// The largest node count.
    static let maximumNodes = 1 << 24 - 1

    /// The number of nodes.
    var nodeCount: Int { terminalBonus.count }

    /// An empty trie with room for about `expectedNodes` nodes before it grows; `tracksScores`:
    /// keep a second per-name value (``score(of:)``).
    init(expectedNodes: Int = 1024, tracksScores: Bool = false) {
        self.tracksScores = tracksScores
        if tracksScores {
            scores = [0]
            scores.reserveCapacity(expectedNodes)
        }
        var size = 1024
        var bits: UInt64 = 10
        while Double(size) * 0.7 < Double(expectedNodes) {
            size <<= 1
            bits += 1
        }
        edges = [Edge](repeating: Edge(key: 0, target: 0), count: size)
        mask = size - 1
        shift = 64 - bits
        terminalBonus.reserveCapacity(expectedNodes)
        childMask.reserveCapacity(expectedNodes)
    }

    /// Builds the trie of `names` (lower-case ASCII), each with its bonus.
    init(names: [(String, Float)]) {
        self.init(expectedNodes: names.reduce(0) { $0 + $1.0.utf8.count } / 2)
        for (name, bonus) in names {
            insert(name.utf8, bonus: bonus)
        }
    }

    /// Adds a name (lower-case ASCII bytes) with its bonus (the larger bonus wins for a repeated
    /// name). Returns false when the trie is full.
    @discardableResult
    mutating func insert<Name: Sequence<UInt8>>(_ name: Name, bonus: Float) -> Bool {
        var node: Int32 = 0
        for byte in name {
            guard let next = insertEdge(from: node, byte: byte) else { return false }
            node = next
        }
        if node == 0 { return true }
        terminalBonus[Int(node)] = max(terminalBonus[Int(node)], bonus)
        return true
    }

    /// Adds the names of a sorted list faster than one by one: each name is walked only from
    /// where it leaves the previous one. `path` holds the nodes of the previous name (start
    /// with `[0]` and an empty `previous`); names must come in increasing byte order.
    mutating func insert(sorted name: ArraySlice<UInt8>, after previous: ArraySlice<UInt8>, path: inout [Int32],
                         bonus: Float, score: Float = 0) {
        var shared = 0
        var left = name.startIndex
        var right = previous.startIndex
        while left < name.endIndex, right < previous.endIndex, name[left] == previous[right], shared + 1 < path.count {
            shared += 1
            left += 1
            right += 1
        }
        path.removeLast(path.count - shared - 1)
        var node = path[shared]
        for byte in name[left...] {
            guard let next = insertEdge(from: node, byte: byte) else { return }
            node = next
            path.append(node)
        }
        if node == 0 { return }
        terminalBonus[Int(node)] = max(terminalBonus[Int(node)], bonus)
        if tracksScores { scores[Int(node)] += score }
    }

    /// Adds a name of the smaller lexicons on top of the large lists already inserted: its bonus
    /// becomes `additive` plus the larger of `census` (its 1990 census term, nil: not there) and
    /// the bonus it already has from the large lists (the 2010/2020 census term or the voter term;
    /// voter names are in no census list).
    mutating func insert(_ name: String, census: Float?, additive: Float, score: Float = 0) {
        var node: Int32 = 0
        for byte in name.utf8 {
            guard let next = insertEdge(from: node, byte: byte) else { return }
            node = next
        }
        if node == 0 { return }
        let listed = terminalBonus[Int(node)]
        let base = max(listed == -.infinity ? 0 : listed, census ?? -.infinity)
        terminalBonus[Int(node)] = base + additive
        if tracksScores { scores[Int(node)] += score }
    }

    @inline(__always)
    private func slot(for key: UInt32) -> Int {
        Int(truncatingIfNeeded: (UInt64(key) &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    private mutating func insertEdge(from node: Int32, byte: UInt8) -> Int32? {
        let key = (UInt32(node) << 8 | UInt32(byte)) + 1
        var index = slot(for: key)
        while edges[index].key != 0 {
            if edges[index].key == key { return edges[index].target }
            index = (index + 1) & mask
        }
        guard terminalBonus.count < Self.maximumNodes else { return nil }
        let target = Int32(terminalBonus.count)
        terminalBonus.append(-.infinity)
        childMask.append(0)
        if tracksScores { scores.append(0) }
        childMask[Int(node)] |= Self.maskBit(byte)
        edges[index] = Edge(key: key, target: target)
        edgeCount += 1
        if Double(edgeCount) > Double(edges.count) * 0.7 { grow() }
        return target
    }

    /// Doubles the edge table.
    private mutating func grow() {
        let old = edges
        edges = [Edge](repeating: Edge(key: 0, target: 0), count: old.count * 2)
        mask = edges.count - 1
        shift -= 1
        for edge in old where edge.key != 0 {
            var index = slot(for: edge.key)
            while edges[index].key != 0 { index = (index + 1) & mask }
            edges[index] = edge
        }
    }

    /// Calls `body` with every edge: parent node, byte, child node (in table order).
    func forEachEdge(_ body: (Int32, UInt8, Int32) -> Void) {
        for edge in edges where edge.key != 0 {
            let key = edge.key - 1
            body(Int32(key >> 8), UInt8(truncatingIfNeeded: key), edge.target)
        }
    }

    /// Frees the edge table (after ``PackedNameTrie`` has read it: lowers the peak memory of
    /// loading). The trie then has no edges; bonuses and child masks stay.
    mutating func releaseEdges() {
        edges = [Edge(key: 0, target: 0)]
        mask = 0
        shift = 63
        edgeCount = 0
    }

    /// The second per-name value stored at `node` (0 when none is kept).
    func scoreValue(at node: Int32) -> Float { tracksScores ? scores[Int(node)] : 0 }

    /// Whether a second per-name value is kept (``tracksScores``).
    var keepsScores: Bool { tracksScores }

    /// The second per-name value stored at `node`.
    func storedScore(at node: Int32) -> Float { scoreValue(at: node) }

    /// The letters (``maskBit(_:)`` bits) that have an edge out of `node`.
    @inline(__always)
    func children(of node: Int32) -> UInt32 { childMask[Int(node)] }

    /// The bit of `byte` in ``childMask``.
    @inline(__always)
    static func maskBit(_ byte: UInt8) -> UInt32 {
        let letter = byte &- UInt8(ascii: "a")
        return letter < 26 ? UInt32(1) << UInt32(letter) : UInt32(1) << 26
    }

    /// The node reached from `node` by `byte`, or -1.
    @inline(__always)
    func next(_ node: Int32, _ byte: UInt8) -> Int32 {
        let children = childMask[Int(node)]
        if children & Self.maskBit(byte) == 0 { return -1 }
        let key = (UInt32(truncatingIfNeeded: node) << 8 | UInt32(byte)) + 1
        var index = slot(for: key)
        return edges.withUnsafeBufferPointer { buffer in
            while true {
                let stored = buffer[index].key
                if stored == key { return buffer[index].target }
                if stored == 0 { return -1 }
                index = (index + 1) & mask
            }
        }
    }
}
