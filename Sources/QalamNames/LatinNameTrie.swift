/// A letter trie of known Latin names (census lists and training spellings), used to
/// constrain one pass of the romanizer's beam search to real names.
///
/// Nodes are integers (0 is the root); edges live in one open-addressing table keyed by
/// `node << 8 | byte`, so following an edge allocates nothing.
struct LatinNameTrie: Sendable {
    private var edgeKeys: [UInt64]
    private var edgeTargets: [Int32]
    private var mask: Int
    private var edgeCount = 0
    /// Per node: the lexicon bonus of the name ending there, or `-.infinity` when no name ends there.
    private(set) var terminalBonus: [Float] = [-.infinity]
    /// Per node: a second per-name value (the reranker's lexicon score), 0 where no name ends.
    private(set) var terminalExtra: [Float] = [0]

    /// The number of nodes.
    var nodeCount: Int { terminalBonus.count }

    /// Builds the trie of `names` (lower-case ASCII), each with its bonus and, when given, `extra[i]` (for `names[i]`).
    init(names: [(String, Float)], extra: [Float] = []) {
        var size = 1024
        let estimate = names.reduce(0) { $0 + $1.0.utf8.count }
        while size < estimate * 2 { size <<= 1 }
        edgeKeys = [UInt64](repeating: 0, count: size)
        edgeTargets = [Int32](repeating: 0, count: size)
        mask = size - 1
        for (position, (name, bonus)) in names.enumerated() {
            var node: Int32 = 0
            for byte in name.utf8 { node = insertEdge(from: node, byte: byte) }
            if node != 0 {
                terminalBonus[Int(node)] = max(terminalBonus[Int(node)], bonus)
                terminalExtra[Int(node)] = position < extra.count ? extra[position] : 0
            }
        }
    }

    @inline(__always)
    private func slot(for key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 24) & mask
    }

    private mutating func insertEdge(from node: Int32, byte: UInt8) -> Int32 {
        let key = (UInt64(node) << 8 | UInt64(byte)) + 1
        var index = slot(for: key)
        while edgeKeys[index] != 0 {
            if edgeKeys[index] == key { return edgeTargets[index] }
            index = (index + 1) & mask
        }
        let target = Int32(terminalBonus.count)
        terminalBonus.append(-.infinity)
        terminalExtra.append(0)
        edgeKeys[index] = key
        edgeTargets[index] = target
        edgeCount += 1
        return target
    }

    /// The node reached from `node` by `byte`, or -1.
    @inline(__always)
    func next(_ node: Int32, _ byte: UInt8) -> Int32 {
        let key = (UInt64(node) << 8 | UInt64(byte)) + 1
        var index = slot(for: key)
        while true {
            let stored = edgeKeys[index]
            if stored == key { return edgeTargets[index] }
            if stored == 0 { return -1 }
            index = (index + 1) & mask
        }
    }

    /// The second value of the name spelled by `bytes`, or nil when it is not a name in the trie.
    func extra(of bytes: [UInt8]) -> Float? {
        var node: Int32 = 0
        for byte in bytes {
            node = next(node, byte)
            if node < 0 { return nil }
        }
        return terminalBonus[Int(node)] == -.infinity ? nil : terminalExtra[Int(node)]
    }

    /// The bonus of the name spelled by `bytes`, or 0 when it is not a name in the trie.
    func bonus(of bytes: [UInt8]) -> Float {
        var node: Int32 = 0
        for byte in bytes {
            node = next(node, byte)
            if node < 0 { return 0 }
        }
        let bonus = terminalBonus[Int(node)]
        return bonus == -.infinity ? 0 : bonus
    }
}
