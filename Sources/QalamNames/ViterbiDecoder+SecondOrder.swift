/// Second-order Viterbi (fifth round): the score of a tag also depends on the tag two
/// back, through trigram weights `trigram[((c + 1) * 10 + (a + 1)) * tags + b]` for tags
/// c, a, b at positions i − 2, i − 1, i (c = −1 before the sentence start), added to the
/// per-position first-order tables.
enum SecondOrderTransitions {
    /// Contexts (tag two back, previous tag), each with −1 for the start.
    static let contexts = (BIOTag.count + 1) * (BIOTag.count + 1)
    /// Floats of a trigram table.
    static let size = contexts * BIOTag.count
    private static let template: UInt8 = 103

    /// The weight-table row holding the weights of context (`twoBack`, `previous`) (−1 = start).
    @inline(__always)
    static func row(twoBack: Int, previous: Int, rowBits: Int) -> UInt32 {
        var hasher = FeatureHasher(template: template, offset: 0)
        // The tag two back enters by its type only (start, O, PERS, ORG, LOC, MISC).
        hasher.mix(UInt32(twoBack < 0 ? 0 : 1 + (twoBack + 1) / 2))
        hasher.mix(UInt32(previous < 0 ? 0 : 1 + (previous + 1) / 2))
        return hasher.row(bits: rowBits)
    }

    /// The context index of (`twoBack`, `previous`).
    @inline(__always)
    static func context(twoBack: Int, previous: Int) -> Int { (twoBack + 1) * (BIOTag.count + 1) + previous + 1 }

    /// The trigram table: `addWeights(row, target, offset)` adds a row's nine weights.
    static func table(rowBits: Int, addWeights: (UInt32, inout [Float], Int) -> Void) -> [Float] {
        var result = [Float](repeating: 0, count: size)
        for twoBack in -1..<BIOTag.count {
            for previous in -1..<BIOTag.count {
                addWeights(row(twoBack: twoBack, previous: previous, rowBits: rowBits), &result,
                           context(twoBack: twoBack, previous: previous) * BIOTag.count)
            }
        }
        return result
    }
}

extension ViterbiDecoder {
    /// Like ``decode(emissions:count:tables:tableIndex:)`` with the trigram weights of
    /// ``SecondOrderTransitions`` added: the search runs over pairs (previous tag, tag).
    static func decode(emissions: [Float], count: Int, tables: [Float], tableIndex: [Int]? = nil, trigram: [Float]) -> [Int] {
        let tags = BIOTag.count, cells = TransitionFeatures.cells, width = tags + 1
        let states = width * tags  // (previous + 1) * tags + tag
        let index = tableIndex ?? Array(0..<count)
        guard count > 0, emissions.count >= count * tags, index.count >= count, trigram.count == SecondOrderTransitions.size,
            index.allSatisfy({ $0 >= 0 && ($0 + 1) * cells <= tables.count })
        else { return [] }
        var score = [Float](repeating: -.infinity, count: count * states)
        var back = [Int8](repeating: 0, count: count * states)
        for tag in 0..<tags { score[tag] = tables[index[0] * cells + tag] + emissions[tag] }
        if count > 1 {
            for position in 1..<count {
                let table = index[position] * cells, base = position * states, previousBase = base - states
                for previous in 0..<tags {
                    for tag in 0..<tags {
                        let transition = tables[table + (previous + 1) * tags + tag]
                        guard transition > -.infinity else { continue }
                        var best: Float = -.infinity, bestTwoBack = 0
                        for twoBack in -1..<tags {
                            let prior = score[previousBase + (twoBack + 1) * tags + previous]
                            guard prior > -.infinity else { continue }
                            let candidate = prior + trigram[SecondOrderTransitions.context(twoBack: twoBack, previous: previous) * tags + tag]
                            if candidate > best { best = candidate; bestTwoBack = twoBack }
                        }
                        let state = (previous + 1) * tags + tag
                        score[base + state] = best + transition + emissions[position * tags + tag]
                        back[base + state] = Int8(truncatingIfNeeded: bestTwoBack)
                    }
                }
            }
        }
        var path = [Int](repeating: 0, count: count)
        let last = (count - 1) * states
        var best: Float = -.infinity, bestState = 0
        for state in 0..<states where score[last + state] > best { best = score[last + state]; bestState = state }
        path[count - 1] = bestState % tags
        var previous = bestState / tags - 1
        var position = count - 1
        while position > 0 {
            let state = (previous + 1) * tags + path[position]
            let twoBack = Int(back[position * states + state])
            path[position - 1] = previous
            previous = twoBack
            position -= 1
        }
        return path
    }
}
