/// The beam search of ``NameRomanizer`` over one folded Arabic word.
///
/// Hypotheses live in one flat array of small structs (score, n-gram history packed in a
/// `UInt64`, trie node, back pointer, graphone); the inner loop creates no strings and
/// does one hash probe per n-gram order it backs off through. Hypotheses with the same
/// history (and trie node) at the same position are recombined, as in Viterbi search,
/// and those far below the best at their position are dropped early.
struct BeamDecoder {
    private let model: RomanizerModel
    private let beamWidth: Int
    private let graphonesPerLetter: Int
    /// Hypotheses scoring this much (log10) below the best at their position are dropped.
    private let threshold: Float

    init(model: RomanizerModel, configuration: NameRomanizer.Configuration) {
        self.model = model
        self.beamWidth = max(1, configuration.beamWidth)
        self.graphonesPerLetter = max(1, configuration.graphonesPerLetter)
        self.threshold = Float(max(0.5, configuration.pruningThreshold))
    }

    fileprivate struct Hypothesis {
        var score: Float
        var history: UInt64
        var node: Int32
        var parent: Int32
        var graphone: Int32
        /// The Arabic position this hypothesis has reached.
        var target: Int32
    }

    /// One decoded spelling: lower-case Latin bytes, log10 joint probability, and the
    /// lexicon bonus of the spelling when it is a known name (0 otherwise).
    struct Result {
        var latin: [UInt8]
        var score: Double
        var bonus: Double
    }

    /// The Latin spellings found for `letters` (folded Arabic letters), best first;
    /// several entries may share a spelling. With a `trie`, only spellings that are names
    /// in it are searched for; without one, each result's bonus is still looked up in `bonusTrie`.
    /// Arc scores go through `memo` (one per word, shared by its passes).
    func decode(_ letters: [UInt32], trie: PackedNameTrie? = nil, bonusTrie: PackedNameTrie,
                memo: ArcScoreMemo = ArcScoreMemo(size: 64)) -> [Result] {
        var buffers = Buffers()
        return decode(letters, trie: trie, bonusTrie: bonusTrie, memo: memo, buffers: &buffers)
    }

    /// The search's working arrays, kept between calls (``NameRomanizer`` lends them from word
    /// to word, as it does its arc-score memos): allocating them for every pass cost more than
    /// some of the work they hold.
    struct Buffers {
        fileprivate var pool: [Hypothesis] = []
        fileprivate var best: [Float] = []
        fileprivate var firstCreated: [Int] = []
        fileprivate var prune = PruneScratch()
        fileprivate var beamChildren: [UInt32] = []

        /// Empty buffers.
        init() {}
    }

    /// As ``decode(_:trie:bonusTrie:memo:)``, in `buffers` (same results). With a `trie`, the
    /// spellings are the names below `root` (the skeleton pass starts below a skeleton's node).
    func decode(_ letters: [UInt32], trie: PackedNameTrie? = nil, root: Int32 = 0, bonusTrie: PackedNameTrie,
                memo: ArcScoreMemo, buffers: inout Buffers) -> [Result] {
        let count = letters.count
        var pool: [Hypothesis] = []
        var best: [Float] = []
        var firstCreated: [Int] = []
        var scratch = PruneScratch()
        var beamChildren: [UInt32] = []
        swap(&pool, &buffers.pool)
        swap(&best, &buffers.best)
        swap(&firstCreated, &buffers.firstCreated)
        swap(&scratch, &buffers.prune)
        swap(&beamChildren, &buffers.beamChildren)
        defer {
            swap(&pool, &buffers.pool)
            swap(&best, &buffers.best)
            swap(&firstCreated, &buffers.firstCreated)
            swap(&scratch, &buffers.prune)
            swap(&beamChildren, &buffers.beamChildren)
        }
        pool.removeAll(keepingCapacity: true)
        pool.reserveCapacity(count * beamWidth * 8)
        best.removeAll(keepingCapacity: true)
        best.append(contentsOf: repeatElement(-.infinity, count: count + 1))
        pool.append(Hypothesis(score: 0, history: model.startHistory, node: trie == nil ? 0 : root, parent: -1, graphone: -1, target: 0))
        best[0] = 0
        // Hypotheses reaching position p are created while extending positions p − 1 and p − 2,
        // so they lie in the pool from `firstCreated[p − 2]` on (no per-position arrays).
        firstCreated.removeAll(keepingCapacity: true)
        firstCreated.append(contentsOf: repeatElement(0, count: count + 1))
        scratch.ranked.reserveCapacity(2 * beamWidth * graphonesPerLetter)
        beamChildren.reserveCapacity(beamWidth)

        let latinBytes = model.latinBytes
        let latinStarts = model.latinStarts
        for position in 0..<count {
            firstCreated[position] = pool.count
            let beam = prune(from: position >= 2 ? firstCreated[position - 2] : 0, to: pool.count, target: position,
                             best: best[position], pool: pool, scratch: &scratch)
            if beam.isEmpty { continue }
            // In the constrained pass, the first letters each hypothesis's trie node can go on
            // with: a graphone whose first Latin letter is not among them is skipped without
            // walking the trie (most are), with the same outcome as the walk.
            // A graphone whose first letter no hypothesis can take is skipped at once.
            var anyChildren: UInt32 = 0
            if let trie {
                beamChildren.removeAll(keepingCapacity: true)
                for index in beam {
                    let children = trie.children(of: pool[Int(index)].node)
                    beamChildren.append(children)
                    anyChildren |= children
                }
            }
            for span in 1...2 where position + span <= count {
                let key = RomanizerModel.arabicKey(letters[position], span == 2 ? letters[position + 1] : nil)
                guard let options = model.graphonesByArabic[key] else { continue }
                let target = position + span
                for graphone in options.prefix(graphonesPerLetter) {
                    let latin = Int(latinStarts[Int(graphone)])..<Int(latinStarts[Int(graphone) + 1])
                    // 0 for a graphone without Latin letters: it keeps the node, even a leaf's.
                    let firstBit = latin.isEmpty ? 0 : LatinNameTrie.maskBit(latinBytes[latin.lowerBound])
                    if trie != nil && firstBit != 0 && anyChildren & firstBit == 0 { continue }
                    for (rank, index) in beam.enumerated() {
                        if trie != nil && firstBit != 0 && beamChildren[rank] & firstBit == 0 { continue }
                        let hypothesis = pool[Int(index)]
                        var node: Int32 = 0
                        if let trie {
                            node = hypothesis.node
                            for offset in latin {
                                node = trie.next(node, latinBytes[offset])
                                if node < 0 { break }
                            }
                            if node < 0 { continue }
                        }
                        let score = hypothesis.score + memo.score(model, history: hypothesis.history, graphone: graphone)
                        if score < best[target] - threshold { continue }
                        if score > best[target] { best[target] = score }
                        pool.append(Hypothesis(score: score, history: model.advance(hypothesis.history, by: graphone),
                                               node: node, parent: index, graphone: graphone, target: Int32(target)))
                    }
                }
            }
        }
        var results: [Result] = []
        let finalStart = count >= 2 ? firstCreated[count - 2] : 0
        for index in prune(from: finalStart, to: pool.count, target: count, best: best[count], pool: pool, scratch: &scratch) {
            let hypothesis = pool[Int(index)]
            var bonus: Float = 0
            if let trie {
                bonus = trie.terminalBonus[Int(hypothesis.node)]
                if bonus == -.infinity { continue }
            }
            let final = hypothesis.score + model.logProbability(history: hypothesis.history, graphone: RomanizerModel.endID)
            // The Latin letters, collected backwards from the last graphone, then reversed.
            var bytes: [UInt8] = []
            bytes.reserveCapacity(2 * count + 2)
            var cursor = index
            while cursor >= 0, pool[Int(cursor)].graphone >= 0 {
                let graphone = Int(pool[Int(cursor)].graphone)
                var offset = Int(latinStarts[graphone + 1])
                while offset > Int(latinStarts[graphone]) {
                    offset -= 1
                    bytes.append(latinBytes[offset])
                }
                cursor = pool[Int(cursor)].parent
            }
            bytes.reverse()
            if bytes.isEmpty { continue }
            if trie == nil { bonus = bonusTrie.bonus(of: bytes) }
            results.append(Result(latin: bytes, score: Double(final), bonus: Double(bonus)))
        }
        return results
    }

    /// Buffers reused by ``prune(from:to:target:best:pool:scratch:)`` across positions.
    fileprivate struct PruneScratch {
        var ranked: [(score: Float, index: Int32)] = []
        var kept: [Int32] = []
    }

    /// The best `beamWidth` hypotheses at position `target` (those in `pool[start..<end]` that
    /// reach it) within the threshold, one per history and node, best first.
    private func prune(from start: Int, to end: Int, target: Int, best: Float, pool: [Hypothesis],
                       scratch: inout PruneScratch) -> [Int32] {
        let floor = best - threshold
        scratch.ranked.removeAll(keepingCapacity: true)
        for index in start..<end where pool[index].target == target && pool[index].score >= floor {
            scratch.ranked.append((pool[index].score, Int32(index)))
        }
        scratch.ranked.sort { $0.score > $1.score }
        scratch.kept.removeAll(keepingCapacity: true)
        for entry in scratch.ranked {
            let hypothesis = pool[Int(entry.index)]
            if scratch.kept.contains(where: { pool[Int($0)].history == hypothesis.history && pool[Int($0)].node == hypothesis.node }) {
                continue
            }
            scratch.kept.append(entry.index)
            if scratch.kept.count == beamWidth { break }
        }
        return scratch.kept
    }
}
