extension ViterbiDecoder {
    /// Like ``decode(emissions:count:transitions:)``, with one transition table per
    /// position (`tables[i * cells + (previous + 1) * tags + tag]`, disallowed pairs
    /// already at -infinity; see ``TransitionFeatures/tables(rows:count:base:addWeights:)``).
    static func decode(emissions: [Float], count: Int, positionTransitions tables: [Float]) -> [Int] {
        let tags = BIOTag.count, cells = TransitionFeatures.cells
        guard count > 0, emissions.count >= count * tags, tables.count >= count * cells else { return [] }
        var score = [Float](repeating: -.infinity, count: count * tags)
        var back = [Int8](repeating: 0, count: count * tags)
        var path = [Int](repeating: 0, count: count)
        tables.withUnsafeBufferPointer { transition in
            emissions.withUnsafeBufferPointer { emission in
                score.withUnsafeMutableBufferPointer { score in
                    back.withUnsafeMutableBufferPointer { back in
                        for tag in 0..<tags { score[tag] = transition[tag] + emission[tag] }
                        var position = 1
                        while position < count {
                            let base = position &* tags, previousBase = base &- tags
                            let table = position &* cells &+ tags
                            for tag in 0..<tags {
                                var best: Float = -.infinity
                                var bestPrevious = 0
                                for previous in 0..<tags {
                                    let candidate = score[previousBase &+ previous] + transition[table &+ previous &* tags &+ tag]
                                    if candidate > best { best = candidate; bestPrevious = previous }
                                }
                                score[base &+ tag] = best + emission[base &+ tag]
                                back[base &+ tag] = Int8(truncatingIfNeeded: bestPrevious)
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
        return path
    }
}
