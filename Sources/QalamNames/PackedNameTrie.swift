/// A read-only copy of a ``LatinNameTrie`` laid out for the constrained beam search of
/// ``NameRomanizer``: each node is 8 bytes (its child-letter mask and where its children
/// start), the children of a node sit side by side in letter order, and following an edge
/// by a letter a–z is one load and a popcount — no hashed edge table.
///
/// Nodes are renumbered at build: a node's children form one group, and the groups follow
/// the builder's node order, which is mostly depth first (sorted lists are inserted name after
/// name), so walking down a name (most of the trie is single-child chains) stays within a few
/// cache lines. Node numbers differ from the builder's, so they are only ever
/// compared with each other. Edges by any byte other than a–z (the apostrophe of "o'neil")
/// are looked up in a small dictionary.
struct PackedNameTrie: NameTrieLookup, Sendable {
    private struct Node {
        /// ``LatinNameTrie/maskBit(_:)`` bits of the node's children.
        var mask: UInt32
        /// The number of the node's first child (its letter children follow in letter order,
        /// then its other children).
        var first: Int32
    }

    private let nodes: [Node]
    /// Edges by bytes other than a–z: `node << 8 | byte` → child.
    private let otherEdges: [UInt32: Int32]
    /// Per node: the lexicon bonus of the name ending there, or `-.infinity` when no name ends there.
    let terminalBonus: [Float]
    /// Per node: the builder's second value (empty when the builder kept none).
    private let scores: [Float]

    /// The number of nodes.
    var nodeCount: Int { nodes.count }

    /// The packed copy of `trie`.
    init(_ trie: LatinNameTrie) {
        var copy = trie
        self.init(consuming: &copy)
    }

    /// The packed copy of `trie`, whose edge table is freed as soon as it has been read (the
    /// builder is left without edges: ``NameRomanizer`` packs its trie this way to keep the peak
    /// memory of loading down).
    init(consuming trie: inout LatinNameTrie) {
        let count = trie.nodeCount
        // Children of every builder node, grouped by parent (a counting sort over the edge
        // table), then each group put in the packed order: letters a–z, then other bytes, by byte
        // (groups are short: an insertion sort).
        let rank = { (byte: UInt8) -> Int in
            let letter = byte &- UInt8(ascii: "a")
            return letter < 26 ? Int(letter) : 26 + Int(byte)
        }
        var groupStart = [Int32](repeating: 0, count: count + 1)
        trie.forEachEdge { parent, _, _ in groupStart[Int(parent)] += 1 }
        // Running sums: groupStart[p] is where p's group ends (groupStart[count]: all edges)...
        for node in 1...count { groupStart[node] += groupStart[node - 1] }
        var children = [(byte: UInt8, target: Int32)](repeating: (0, 0), count: Int(groupStart[count]))
        // ...and counts down to where it starts as the group is filled from its end.
        trie.forEachEdge { parent, byte, target in
            groupStart[Int(parent)] -= 1
            children[Int(groupStart[Int(parent)])] = (byte, target)
        }
        trie.releaseEdges()
        for node in 0..<count where groupStart[node + 1] - groupStart[node] > 1 {
            let low = Int(groupStart[node])
            for place in (low + 1)..<Int(groupStart[node + 1]) {
                let item = children[place]
                var slot = place
                while slot > low && rank(children[slot - 1].byte) > rank(item.byte) {
                    children[slot] = children[slot - 1]
                    slot -= 1
                }
                children[slot] = item
            }
        }
        let isLetter = { (byte: UInt8) in byte &- UInt8(ascii: "a") < 26 }
        // The groups stay in the builder's node order, which is mostly depth first (names were
        // inserted in sorted order, each walked from where it left the previous one): the child
        // in place k of `children` becomes node k + 1, so a chain of single children stays
        // consecutive, and no search over the trie is needed.
        var newID = [Int32](repeating: -1, count: count)
        newID[0] = 0
        var other: [UInt32: Int32] = [:]
        for place in children.indices { newID[Int(children[place].target)] = Int32(place + 1) }
        var packed = [Node](repeating: Node(mask: 0, first: 0), count: count)
        for old in 0..<count where newID[old] >= 0 {
            let id = newID[old]
            packed[Int(id)] = Node(mask: trie.children(of: Int32(old)), first: groupStart[old] + 1)
        }
        for place in children.indices where !isLetter(children[place].byte) {
            // The parent of `place` is the node whose group holds it.
            var low = 0
            var high = count - 1
            while low < high {
                let middle = (low + high + 1) / 2
                if Int(groupStart[middle]) <= place { low = middle } else { high = middle - 1 }
            }
            // Several nodes may share a start (empty groups): the parent is the last of them
            // whose group is not empty, which the search above finds.
            other[UInt32(newID[low]) << 8 | UInt32(children[place].byte)] = Int32(place + 1)
        }
        children = []
        groupStart = []
        var bonus = [Float](repeating: -.infinity, count: count)
        for old in 0..<count where newID[old] >= 0 { bonus[Int(newID[old])] = trie.terminalBonus[old] }
        nodes = packed
        otherEdges = other
        terminalBonus = bonus
        if trie.tracksScores {
            var values = [Float](repeating: 0, count: count)
            for old in 0..<count where newID[old] >= 0 { values[Int(newID[old])] = trie.scoreValue(at: Int32(old)) }
            scores = values
        } else {
            scores = []
        }
    }

    /// The trie of names of lower-case letters a–z given in byte order (a name may repeat; it
    /// keeps its larger bonus): name `i` is `bytes[starts[i]..<starts[i + 1]]`, with bonus
    /// `bonuses[i]`. Built straight into the packed layout, with no hashed edge table: the nodes
    /// are counted first (each name adds the letters it does not share with the one before), and
    /// a node's names, side by side in the sorted input, are split into one run per next letter.
    /// Names with other bytes, or out of order, are skipped.
    init(sortedNames bytes: [UInt8], starts: [Int32], bonuses: [Float]) {
        let count = starts.count - 1
        // The names kept, each with its start, length and the letters it shares with the kept
        // name before it (which tell where a run of names splits by letter).
        var kept: [(start: Int32, length: Int32, shared: Int32, bonus: Float)] = []
        kept.reserveCapacity(count)
        var nodeCount = 1
        // (No closure over the arrays below: mutable captures are boxed and checked on every access.)
        do {
            var previous = 0..<0
            for index in 0..<count {
                let current = Int(starts[index])..<Int(starts[index + 1])
                var letters = true
                for offset in current where bytes[offset] &- UInt8(ascii: "a") >= 26 {
                    letters = false
                    break
                }
                guard letters else { continue }
                var shared = 0
                while shared < current.count, shared < previous.count,
                      bytes[current.lowerBound + shared] == bytes[previous.lowerBound + shared] { shared += 1 }
                // Out of order: `current` ends within `previous`, or differs by a smaller letter.
                if shared < previous.count
                    && (shared == current.count || bytes[current.lowerBound + shared] < bytes[previous.lowerBound + shared]) {
                    continue
                }
                nodeCount += current.count - shared
                kept.append((Int32(current.lowerBound), Int32(current.count), Int32(shared), bonuses[index]))
                previous = current
            }
        }
        var nodes = [Node](repeating: Node(mask: 0, first: 0), count: nodeCount)
        var bonus = [Float](repeating: -.infinity, count: nodeCount)
        var used = 1
        // Nodes still to fill, each with its run of `kept` and its depth (depth first).
        var pending: [(node: Int32, low: Int, high: Int, depth: Int32)] = [(0, 0, kept.count, 0)]
        do {
            while let (node, low, high, depth) = pending.popLast() {
                var place = low
                // Names ending here come first in a sorted run.
                while place < high, kept[place].length == depth {
                    bonus[Int(node)] = max(bonus[Int(node)], kept[place].bonus)
                    place += 1
                }
                if place == high { continue }
                if high - place == 1 {
                    // One name left (most nodes: the rest of a name is a chain): its letters in a row.
                    let last = kept[place]
                    var current = node
                    for offset in Int(last.start + depth)..<Int(last.start + last.length) {
                        let child = Int32(used)
                        used += 1
                        nodes[Int(current)] = Node(mask: UInt32(1) << UInt32(bytes[offset] - UInt8(ascii: "a")), first: child)
                        current = child
                    }
                    bonus[Int(current)] = max(bonus[Int(current)], last.bonus)
                    continue
                }
                // One run per next letter (a name sharing only `depth` letters with the one before
                // starts a run); the children get consecutive numbers in letter order.
                let first = Int32(used)
                var mask: UInt32 = 0
                let pushedFrom = pending.count
                while place < high {
                    let letter = bytes[Int(kept[place].start + depth)]
                    var end = place + 1
                    while end < high, kept[end].shared > depth { end += 1 }
                    mask |= UInt32(1) << UInt32(letter - UInt8(ascii: "a"))
                    pending.append((Int32(used), place, end, depth + 1))
                    used += 1
                    place = end
                }
                nodes[Int(node)] = Node(mask: mask, first: first)
                // The first letter's subtree is filled next (swapped in place: reversing a slice
                // of `pending` copied it).
                var left = pushedFrom, right = pending.count - 1
                while left < right {
                    pending.swapAt(left, right)
                    left += 1
                    right -= 1
                }
            }
        }
        self.nodes = nodes
        otherEdges = [:]
        terminalBonus = bonus
        scores = []
    }

    /// Calls `body` with every name spelled by letters a–z (names through other bytes, as
    /// "o'neil", are left out) and its bonus, in byte order.
    func forEachLetterName(_ body: ([UInt8], Float) -> Void) {
        var name: [UInt8] = []
        // Depth-first: each entry is a node and the depth of its letter in `name`.
        var pending: [(node: Int32, depth: Int, letter: UInt8)] = []
        func push(childrenOf node: Int32, depth: Int) {
            let entry = nodes[Int(node)]
            var mask = entry.mask & ((1 << 26) - 1)
            var child = entry.first + Int32(mask.nonzeroBitCount)
            while mask != 0 {
                let letter = 31 - mask.leadingZeroBitCount
                mask &= ~(UInt32(1) << UInt32(letter))
                child -= 1
                pending.append((child, depth, UInt8(ascii: "a") + UInt8(letter)))
            }
        }
        push(childrenOf: 0, depth: 0)
        while let (node, depth, letter) = pending.popLast() {
            name.removeLast(name.count - depth)
            name.append(letter)
            if terminalBonus[Int(node)] != -.infinity { body(name, terminalBonus[Int(node)]) }
            push(childrenOf: node, depth: depth + 1)
        }
    }

    /// The letters (``LatinNameTrie/maskBit(_:)`` bits) that have an edge out of `node`.
    @inline(__always)
    func children(of node: Int32) -> UInt32 { nodes[Int(node)].mask }

    /// The node reached from `node` by `byte`, or -1.
    @inline(__always)
    func next(_ node: Int32, _ byte: UInt8) -> Int32 {
        let entry = nodes[Int(node)]
        let letter = byte &- UInt8(ascii: "a")
        guard letter < 26 else {
            if entry.mask & (1 << 26) == 0 { return -1 }
            return otherEdges[UInt32(truncatingIfNeeded: node) << 8 | UInt32(byte)] ?? -1
        }
        let bit = UInt32(1) << UInt32(letter)
        if entry.mask & bit == 0 { return -1 }
        return entry.first + Int32((entry.mask & (bit &- 1)).nonzeroBitCount)
    }

    /// Whether the builder's second per-name value was kept.
    var keepsScores: Bool { !scores.isEmpty }

    /// The builder's second per-name value at `node`.
    func storedScore(at node: Int32) -> Float { scores[Int(node)] }
}
