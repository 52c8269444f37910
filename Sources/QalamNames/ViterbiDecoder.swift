/// Finds the best BIO tag sequence for given emission scores and transition weights,
/// never letting an `I-X` follow anything but `B-X` or `I-X`.
enum ViterbiDecoder {
    /// Allowed (previous + 1, tag) pairs; previous = -1 is the sentence start.
    static let allowed: [Bool] = {
        var table = Array(repeating: false, count: (BIOTag.count + 1) * BIOTag.count)
        for previous in -1..<BIOTag.count {
            for tag in BIOTag.all {
                table[(previous + 1) * BIOTag.count + tag.index] = tag.mayFollow(previous < 0 ? nil : BIOTag.all[previous])
            }
        }
        return table
    }()

    /// `emissions[i * tags + t]` for `count` positions → best tag index per position.
    static func decode(emissions: [Float], count: Int, transitions: [Float]) -> [Int] {
        let tags = BIOTag.count
        guard count > 0, emissions.count >= count * tags, transitions.count >= (tags + 1) * tags else { return [] }
        // Disallowed pairs score -infinity: never better than an allowed one, so the result
        // (first best previous tag on ties) is the same as skipping them.
        var masked = transitions
        for index in 0..<(tags + 1) * tags where !allowed[index] { masked[index] = -.infinity }
        var score = [Float](repeating: -.infinity, count: count * tags)
        var back = [Int8](repeating: 0, count: count * tags)
        var path = [Int](repeating: 0, count: count)
        masked.withUnsafeBufferPointer { transition in
            emissions.withUnsafeBufferPointer { emission in
                score.withUnsafeMutableBufferPointer { score in
                    back.withUnsafeMutableBufferPointer { back in
                        for tag in 0..<tags { score[tag] = transition[tag] + emission[tag] }
                        var position = 1
                        while position < count {
                            let base = position &* tags, previousBase = base &- tags
                            for tag in 0..<tags {
                                var best: Float = -.infinity
                                var bestPrevious = 0
                                for previous in 0..<tags {
                                    let candidate = score[previousBase &+ previous] + transition[(previous &+ 1) &* tags &+ tag]
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
