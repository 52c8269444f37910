import QalamLexicons

/// An ensemble of regression trees (gradient-boosted, trained as a LambdaRank ranker) that
/// scores candidate spellings from their feature vectors: the sum of one leaf value per tree.
///
/// Text form (lines of a reranker file, in tree order; see ``RomanizerReranker``):
///
///     tree<TAB>SPLITS<TAB>LEAVES                           (LEAVES = SPLITS + 1)
///     split<TAB>FEATURE<TAB>THRESHOLD<TAB>YES<TAB>NO      (SPLITS of these)
///     leaf<TAB>VALUE                                     (LEAVES of these)
///
/// A split sends a value `x` of its feature to its `yes` child when `x <= threshold` (LightGBM's
/// rule for numeric splits), else to its `no` child; a child `c >= 0` is split `c` of the same
/// tree (counted from 0, and later than its parent), `c < 0` is the tree's leaf `-1 - c`.
///
/// In memory every split and every leaf is a node of one flat array, a leaf being a node that
/// leads to itself whatever the value. Each tree is walked for its full depth, for all the
/// candidates of a word side by side: no branch depends on the data, and the candidates' walks
/// overlap in time instead of waiting for each other's memory loads.
struct RerankerTreeEnsemble: Sendable {
    /// One node: a split, or a leaf (threshold +∞, both children itself).
    private struct Node {
        var threshold: Double
        var feature: Int32
        var yes: Int32
        var no: Int32
    }

    private var nodes: [Node] = []
    /// Per node: the leaf value (0 for a split).
    private var values: [Double] = []
    /// Per tree: its root node and its depth (splits on the longest path from the root).
    private var roots: [Int32] = []
    private var depths: [Int32] = []
    /// One more than the highest feature a split reads.
    private var featureLimit = 0
    /// The tree being read: its splits and leaves as written, and how many it still expects.
    private var pendingSplits: [(feature: Int, threshold: Double, yes: Int, no: Int)] = []
    private var pendingLeaves: [Double] = []
    private var expectedSplits = 0
    private var expectedLeaves = 0

    /// The number of trees.
    var count: Int { roots.count }

    /// An ensemble with no tree (every score 0); trees are added by ``parse(_:lineNumber:featureCount:path:)``.
    init() {}

    /// Whether every tree has all its splits and leaves.
    var isComplete: Bool { expectedSplits == pendingSplits.count && expectedLeaves == pendingLeaves.count }

    /// Reads one `tree`, `split` or `leaf` line (already split at tabs). Returns false when the
    /// line is not one of these; throws when it is one but malformed or out of place.
    mutating func parse(_ fields: [Substring], lineNumber: Int, featureCount: Int, path: String) throws(LexiconError) -> Bool {
        func fail(_ reason: String) -> LexiconError { LexiconError(path: path, reason: "line \(lineNumber): \(reason)") }
        switch fields.first {
        case "tree":
            guard isComplete else { throw fail("a new tree before the last one's splits and leaves") }
            guard fields.count == 3, let splits = Int(fields[1]), let leaves = Int(fields[2]),
                  splits >= 0, leaves == splits + 1 else {
                throw fail("expected tree<TAB>SPLITS<TAB>LEAVES with LEAVES = SPLITS + 1")
            }
            pendingSplits.removeAll()
            pendingLeaves.removeAll()
            expectedSplits = splits
            expectedLeaves = leaves
        case "split":
            guard pendingSplits.count < expectedSplits else { throw fail("a split line outside a tree's splits") }
            let index = pendingSplits.count
            guard fields.count == 5, let feature = Int(fields[1]), (0..<featureCount).contains(feature),
                  let threshold = Double(fields[2]), !threshold.isNaN,
                  let yes = Int(fields[3]), let no = Int(fields[4]),
                  (-expectedLeaves..<expectedSplits).contains(yes), (-expectedLeaves..<expectedSplits).contains(no) else {
                throw fail("expected split<TAB>FEATURE<TAB>THRESHOLD<TAB>YES<TAB>NO with children inside the tree")
            }
            // A child split comes later than its parent, so that every walk ends at a leaf.
            guard yes < 0 || yes > index, no < 0 || no > index else { throw fail("a split's child split must come after it") }
            pendingSplits.append((feature, threshold, yes, no))
        case "leaf":
            guard pendingSplits.count == expectedSplits, pendingLeaves.count < expectedLeaves else {
                throw fail("a leaf line outside a tree's leaves")
            }
            guard fields.count == 2, let value = Double(fields[1]), value.isFinite else { throw fail("expected leaf<TAB>VALUE") }
            pendingLeaves.append(value)
            if pendingLeaves.count == expectedLeaves { addPendingTree() }
        default:
            return false
        }
        return true
    }

    /// Appends the tree just read to the flat node array: its splits, then its leaves.
    private mutating func addPendingTree() {
        let base = nodes.count
        let leafBase = base + pendingSplits.count
        func node(_ child: Int) -> Int32 { Int32(child >= 0 ? base + child : leafBase + (-1 - child)) }
        for split in pendingSplits {
            nodes.append(Node(threshold: split.threshold, feature: Int32(split.feature), yes: node(split.yes), no: node(split.no)))
            values.append(0)
            featureLimit = max(featureLimit, split.feature + 1)
        }
        for (offset, value) in pendingLeaves.enumerated() {
            let itself = Int32(leafBase + offset)
            nodes.append(Node(threshold: .infinity, feature: 0, yes: itself, no: itself))
            values.append(value)
        }
        // Depth: children come after their parents, so one backward pass finds each split's height.
        var height = [Int32](repeating: 0, count: pendingSplits.count)
        for index in pendingSplits.indices.reversed() {
            let split = pendingSplits[index]
            height[index] = 1 + max(split.yes >= 0 ? height[split.yes] : 0, split.no >= 0 ? height[split.no] : 0)
        }
        roots.append(pendingSplits.isEmpty ? Int32(leafBase) : Int32(base))
        depths.append(height.first ?? 0)
        pendingSplits.removeAll()
        pendingLeaves.removeAll()
        expectedSplits = 0
        expectedLeaves = 0
    }

    /// The ensemble's score of each of `count` feature vectors stored one after the other in
    /// `features` (`stride` values each, in the order the trees were trained on). Vectors
    /// shorter than the features the splits read score 0.
    func scores(of features: [Double], count: Int, stride: Int) -> [Double] {
        guard count > 0 else { return [] }
        guard stride >= featureLimit, features.count >= count * stride else { return [Double](repeating: 0, count: count) }
        var totals = [Double](repeating: 0, count: count)
        var at = [Int32](repeating: 0, count: count)
        nodes.withUnsafeBufferPointer { nodes in
            values.withUnsafeBufferPointer { values in
                features.withUnsafeBufferPointer { features in
                    totals.withUnsafeMutableBufferPointer { totals in
                        at.withUnsafeMutableBufferPointer { at in
                            for tree in roots.indices {
                                let root = roots[tree]
                                for candidate in 0..<count { at[candidate] = root }
                                for _ in 0..<depths[tree] {
                                    for candidate in 0..<count {
                                        let node = nodes[Int(at[candidate])]
                                        let value = features[candidate * stride + Int(node.feature)]
                                        at[candidate] = value <= node.threshold ? node.yes : node.no
                                    }
                                }
                                for candidate in 0..<count { totals[candidate] += values[Int(at[candidate])] }
                            }
                        }
                    }
                }
            }
        }
        return totals
    }
}
