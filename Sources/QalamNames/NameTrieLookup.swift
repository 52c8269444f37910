/// What the romanizer's two name tries share — ``LatinNameTrie`` (the builder) and
/// ``PackedNameTrie`` (its read-only copy for the search): following an edge and the values
/// kept where a name ends. Looking a whole name up is written once, here, for both.
protocol NameTrieLookup {
    /// The node reached from `node` by `byte`, or -1.
    func next(_ node: Int32, _ byte: UInt8) -> Int32
    /// Per node: the lexicon bonus of the name ending there, or `-.infinity` when none does.
    var terminalBonus: [Float] { get }
    /// Whether a second per-name value is kept (the lexicon part of the reranker's score).
    var keepsScores: Bool { get }
    /// The second per-name value at `node` (only asked when ``keepsScores``).
    func storedScore(at node: Int32) -> Float
}

extension NameTrieLookup {
    /// The node spelled by `bytes` from the root, or -1.
    @inline(__always)
    func lookup(_ bytes: [UInt8]) -> Int32 {
        var node: Int32 = 0
        for byte in bytes {
            node = next(node, byte)
            if node < 0 { return -1 }
        }
        return node
    }

    /// The second per-name value of the name spelled by `bytes`, or nil when the trie keeps
    /// none or `bytes` is not a name in it.
    func score(of bytes: [UInt8]) -> Float? {
        guard keepsScores else { return nil }
        let node = lookup(bytes)
        guard node >= 0, terminalBonus[Int(node)] != -.infinity else { return nil }
        return storedScore(at: node)
    }

    /// The bonus of the name spelled by `bytes`, or 0 when it is not a name in the trie.
    @inline(__always)
    func bonus(of bytes: [UInt8]) -> Float {
        let node = lookup(bytes)
        guard node >= 0 else { return 0 }
        let bonus = terminalBonus[Int(node)]
        return bonus == -.infinity ? 0 : bonus
    }
}
