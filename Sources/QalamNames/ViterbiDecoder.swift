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
        guard count > 0 else { return [] }
        var score = [Float](repeating: -.infinity, count: count * tags)
        var back = [Int8](repeating: 0, count: count * tags)
        for tag in 0..<tags where allowed[tag] {
            score[tag] = transitions[tag] + emissions[tag]
        }
        for position in 1..<max(count, 1) where position < count {
            let base = position * tags, previousBase = (position - 1) * tags
            for tag in 0..<tags {
                var best: Float = -.infinity
                var bestPrevious = 0
                for previous in 0..<tags where allowed[(previous + 1) * tags + tag] {
                    let candidate = score[previousBase + previous] + transitions[(previous + 1) * tags + tag]
                    if candidate > best { best = candidate; bestPrevious = previous }
                }
                score[base + tag] = best + emissions[base + tag]
                back[base + tag] = Int8(bestPrevious)
            }
        }
        var path = [Int](repeating: 0, count: count)
        var best: Float = -.infinity
        let last = (count - 1) * tags
        for tag in 0..<tags where score[last + tag] > best { best = score[last + tag]; path[count - 1] = tag }
        var position = count - 1
        while position > 0 {
            path[position - 1] = Int(back[position * tags + path[position]])
            position -= 1
        }
        return path
    }
}
