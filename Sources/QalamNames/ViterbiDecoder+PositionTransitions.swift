extension ViterbiDecoder {
    /// `groupOffset[previous + 1]`: where the weights after a previous tag's group start
    /// within one position's group weights (see ``TransitionFeatures``).
    static let groupOffset: [Int] = (-1..<BIOTag.count).map { TransitionFeatures.group(ofPrevious: $0) * BIOTag.count }

    /// Like ``decode(emissions:count:transitions:)``, with transitions that depend on the
    /// position: the weight from `previous` to `tag` at position `i` is
    /// `maskedTransitions[(previous + 1) * tags + tag] + groupWeights[groupIndex[i] * width + groupOffset[previous + 1] + tag]`
    /// (`width` = ``TransitionFeatures/groupWidth``; disallowed pairs already at -infinity in
    /// `maskedTransitions`, see ``TransitionFeatures/masked(_:)``). `groupIndex` is the
    /// position's row of `groupWeights` (its word type's slot, say); `nil` means the position.
    static func decode(emissions: [Float], count: Int, maskedTransitions: [Float], groupWeights: [Float], groupIndex: [Int]? = nil) -> [Int] {
        let tags = BIOTag.count, width = TransitionFeatures.groupWidth
        let index = groupIndex ?? Array(0..<count)
        guard count > 0, emissions.count >= count * tags, maskedTransitions.count >= (tags + 1) * tags, index.count >= count,
            index.allSatisfy({ $0 >= 0 && ($0 + 1) * width <= groupWeights.count })
        else { return [] }
        var score = [Float](repeating: -.infinity, count: count * tags)
        var back = [Int8](repeating: 0, count: count * tags)
        var path = [Int](repeating: 0, count: count)
        maskedTransitions.withUnsafeBufferPointer { transition in
            groupWeights.withUnsafeBufferPointer { group in
                groupOffset.withUnsafeBufferPointer { offset in
                    index.withUnsafeBufferPointer { index in
                    emissions.withUnsafeBufferPointer { emission in
                        score.withUnsafeMutableBufferPointer { score in
                            back.withUnsafeMutableBufferPointer { back in
                                let first = index[0] &* width
                                for tag in 0..<tags { score[tag] = (transition[tag] + group[first &+ offset[0] &+ tag]) + emission[tag] }
                                var position = 1
                                while position < count {
                                    let base = position &* tags, previousBase = base &- tags
                                    let groups = index[position] &* width
                                    for tag in 0..<tags {
                                        var best: Float = -.infinity
                                        var bestPrevious = 0
                                        for previous in 0..<tags {
                                            let weight = transition[(previous &+ 1) &* tags &+ tag] + group[groups &+ offset[previous &+ 1] &+ tag]
                                            let candidate = score[previousBase &+ previous] + weight
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
                }
            }
        }
        return path
    }
}
