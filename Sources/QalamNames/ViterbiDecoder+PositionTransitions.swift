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
        guard count > 0, emissions.count >= count * tags, index.count >= count,
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
                                for tag in 0..<tags {
                                    var best: Float = -.infinity
                                    var bestPrevious = 0
                                    if tag > 0 && tag & 1 == 0 {
                                        // An I-X tag (even index) may follow only B-X (tag - 1) or
                                        // I-X (tag): every other previous tag scores -infinity in a
                                        // masked table and never wins (the comparison is strict), so
                                        // only these two are tried, in the same order.
                                        for previous in (tag &- 1)...tag {
                                            let candidate = score[previousBase &+ previous] + transition[table &+ previous &* tags &+ tag]
                                            if candidate > best { best = candidate; bestPrevious = previous }
                                        }
                                    } else {
                                        for previous in 0..<tags {
                                            let candidate = score[previousBase &+ previous] + transition[table &+ previous &* tags &+ tag]
                                            if candidate > best { best = candidate; bestPrevious = previous }
                                        }
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
        }
        return path
    }
}
