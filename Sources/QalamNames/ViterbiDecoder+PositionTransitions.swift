extension ViterbiDecoder {
    /// Like ``decode(emissions:count:transitions:)``, with a transition table per position:
    /// the weight from `previous` to `tag` at position `i` is
    /// `tables[tableIndex[i] * cells + (previous + 1) * tags + tag]` (`cells` =
    /// ``TransitionFeatures/cells``; disallowed pairs already at -infinity, see
    /// ``TransitionFeatures/tables(masked:groupWeights:)``; the decoder skips them). `tableIndex` `nil` means table
    /// `i` for position `i`.
    static func decode(emissions: [Float], count: Int, tables: [Float], tableIndex: [Int]? = nil) -> [Int] {
        let tags = BIOTag.count, cells = TransitionFeatures.cells
        let index = tableIndex ?? Array(0..<count)
        guard count > 0, (8...16).contains(tags), emissions.count >= count * tags, index.count >= count,
            index.allSatisfy({ $0 >= 0 && ($0 + 1) * cells <= tables.count })
        else { return [] }
        var score = [Float](repeating: -.infinity, count: count * tags)
        var back = [Int8](repeating: 0, count: count * tags)
        var path = [Int](repeating: 0, count: count)
        tables.withUnsafeBufferPointer { transition in
            index.withUnsafeBufferPointer { index in
                emissions.withUnsafeBufferPointer { emission in
                    score.withUnsafeMutableBufferPointer { score in
                        back.withUnsafeMutableBufferPointer { back in
                            let first = index[0] &* cells
                            for tag in 0..<tags { score[tag] = transition[first &+ tag] + emission[tag] }
                            var position = 1
                            while position < count {
                                let base = position &* tags, previousBase = base &- tags
                                let table = index[position] &* cells &+ tags
                                // The previous tag in the outer loop, the current tag in the
                                // inner one: for each tag the previous tags are still tried in
                                // ascending order with the same strict comparison, so the
                                // result is the same; the first eight tags go as one SIMD vector
                                // (lane additions are the same float additions). Disallowed
                                // pairs are -infinity and never win.
                                var best = SIMD8<Float>(repeating: -.infinity)
                                var bestPrevious = SIMD8<Int32>(repeating: 0)
                                var restBest = SIMD8<Float>(repeating: -.infinity)
                                var restPrevious = SIMD8<Int32>(repeating: 0)
                                for previous in 0..<tags {
                                    let from = score[previousBase &+ previous]
                                    let row = table &+ previous &* tags
                                    let candidate = SIMD8<Float>(repeating: from) + Self.load8(transition, at: row)
                                    let better = candidate .> best
                                    best.replace(with: candidate, where: better)
                                    bestPrevious.replace(with: Int32(truncatingIfNeeded: previous), where: better)
                                    var tag = 8
                                    while tag < tags {
                                        let rest = from + transition[row &+ tag]
                                        if rest > restBest[tag &- 8] { restBest[tag &- 8] = rest; restPrevious[tag &- 8] = Int32(truncatingIfNeeded: previous) }
                                        tag &+= 1
                                    }
                                }
                                for tag in 0..<tags {
                                    let value = tag < 8 ? best[tag] : restBest[tag &- 8]
                                    let previous = tag < 8 ? bestPrevious[tag] : restPrevious[tag &- 8]
                                    score[base &+ tag] = value + emission[base &+ tag]
                                    back[base &+ tag] = Int8(truncatingIfNeeded: previous)
                                }
                                position &+= 1
                            }
                            var best: Float = -.infinity
                            let last = (count &- 1) &* tags
                            for tag in 0..<tags where score[last &+ tag] > best { best = score[last &+ tag]; path[count &- 1] = tag }
                            position = count &- 1
                            while position > 0 {
                                path[position &- 1] = Int(back[position &* tags &+ path[position]])
                                position &-= 1
                            }
                        }
                    }
                }
            }
        }
        return path
    }

    /// Eight floats of `buffer` from `offset` (the caller keeps `offset + 8` within it).
    @inline(__always)
    private static func load8(_ buffer: UnsafeBufferPointer<Float>, at offset: Int) -> SIMD8<Float> {
        guard let base = buffer.baseAddress else { return SIMD8(repeating: -.infinity) }
        return UnsafeRawPointer(base + offset).loadUnaligned(as: SIMD8<Float>.self)
    }
}
