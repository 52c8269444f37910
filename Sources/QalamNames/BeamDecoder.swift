/// The beam search of ``NameRomanizer`` over one folded Arabic word.
///
/// Hypotheses live in flat arrays (score, n-gram history packed in a `UInt64`, back
/// pointer, graphone): the inner loop allocates nothing and does one hash probe per
/// n-gram order it backs off through. Hypotheses with the same history at the same
/// position are recombined (only the best survives, as in Viterbi search).
struct BeamDecoder {
    private let model: RomanizerModel
    private let beamWidth: Int
    private let graphonesPerLetter: Int

    // Hypothesis storage, reused across calls.
    private var scores: [Float] = []
    private var histories: [UInt64] = []
    private var parents: [Int32] = []
    private var graphones: [Int32] = []
    private var nodes: [Int32] = []
    /// Hypothesis indices waiting at each Arabic position.
    private var buckets: [[Int32]] = []
    /// The best score seen so far at each position (for threshold pruning).
    private var bestScores: [Float] = []
    /// Hypotheses scoring this much (log10) below the best at their position are dropped.
    private let threshold: Float

    init(model: RomanizerModel, configuration: NameRomanizer.Configuration) {
        self.model = model
        self.beamWidth = max(1, configuration.beamWidth)
        self.graphonesPerLetter = max(1, configuration.graphonesPerLetter)
        self.threshold = Float(max(0.5, configuration.pruningThreshold))
    }

    @inline(__always)
    private func logProbability(history: UInt64, graphone: Int32) -> Float {
        model.logProbability(history: history, graphone: graphone)
    }

    private mutating func add(score: Float, history: UInt64, node: Int32, parent: Int32, graphone: Int32, at position: Int) {
        if score < bestScores[position] - threshold { return }
        if score > bestScores[position] { bestScores[position] = score }
        nodes.append(node)
        scores.append(score)
        histories.append(history)
        parents.append(parent)
        graphones.append(graphone)
        buckets[position].append(Int32(scores.count - 1))
    }

    /// Keeps the best `beamWidth` hypotheses of a bucket, one per history.
    private mutating func prune(_ position: Int) {
        var bucket = buckets[position]
        let floor = bestScores[position] - threshold
        bucket.removeAll { scores[Int($0)] < floor }
        bucket.sort { scores[Int($0)] > scores[Int($1)] }
        var kept: [Int32] = []
        kept.reserveCapacity(beamWidth)
        for index in bucket {
            let history = histories[Int(index)]
            let node = nodes[Int(index)]
            if kept.contains(where: { histories[Int($0)] == history && nodes[Int($0)] == node }) { continue }
            kept.append(index)
            if kept.count == beamWidth { break }
        }
        bucket = kept
        buckets[position] = bucket
    }

    /// The Latin spellings found for `letters` (folded Arabic letters), with log10 joint
    /// probabilities, best first; several entries may share a spelling. With a `trie`,
    /// only spellings that are names in it are searched for.
    mutating func decode(_ letters: [UInt32], trie: LatinNameTrie? = nil) -> [(String, Double)] {
        let count = letters.count
        scores.removeAll(keepingCapacity: true)
        histories.removeAll(keepingCapacity: true)
        parents.removeAll(keepingCapacity: true)
        graphones.removeAll(keepingCapacity: true)
        nodes.removeAll(keepingCapacity: true)
        if buckets.count < count + 1 { buckets = Array(repeating: [], count: count + 1) }
        for index in 0...count { buckets[index].removeAll(keepingCapacity: true) }
        bestScores = [Float](repeating: -.infinity, count: count + 1)

        let start = model.startHistory
        add(score: 0, history: start, node: 0, parent: -1, graphone: -1, at: 0)

        for position in 0..<count {
            prune(position)
            let beam = buckets[position]
            if beam.isEmpty { continue }
            for span in 1...2 where position + span <= count {
                let key = RomanizerModel.arabicKey(letters[position], span == 2 ? letters[position + 1] : nil)
                guard let options = model.graphonesByArabic[key] else { continue }
                for graphone in options.prefix(graphonesPerLetter) {
                    for hypothesis in beam {
                        var node: Int32 = 0
                        if let trie {
                            node = nodes[Int(hypothesis)]
                            for byte in model.graphoneLatin[Int(graphone)] {
                                node = trie.next(node, byte)
                                if node < 0 { break }
                            }
                            if node < 0 { continue }
                        }
                        let history = histories[Int(hypothesis)]
                        let score = scores[Int(hypothesis)] + logProbability(history: history, graphone: graphone)
                        let next = model.advance(history, by: graphone)
                        add(score: score, history: next, node: node, parent: hypothesis, graphone: graphone, at: position + span)
                    }
                }
            }
        }
        prune(count)
        var results: [(String, Double)] = []
        for hypothesis in buckets[count] {
            if let trie, trie.terminalBonus[Int(nodes[Int(hypothesis)])] == -.infinity { continue }
            let final = scores[Int(hypothesis)]
                + logProbability(history: histories[Int(hypothesis)], graphone: RomanizerModel.endID)
            var pieces: [Int32] = []
            var cursor = hypothesis
            while cursor >= 0, graphones[Int(cursor)] >= 0 {
                pieces.append(graphones[Int(cursor)])
                cursor = parents[Int(cursor)]
            }
            var bytes: [UInt8] = []
            for piece in pieces.reversed() { bytes.append(contentsOf: model.graphoneLatin[Int(piece)]) }
            if bytes.isEmpty { continue }
            results.append((String(decoding: bytes, as: UTF8.self), Double(final)))
        }
        results.sort { $0.1 > $1.1 }
        return results
    }
}
