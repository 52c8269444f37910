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
    ///
    /// One transition table for every position: the per-position decoder
    /// (``decode(emissions:count:tables:tableIndex:)``) with table 0 throughout.
    static func decode(emissions: [Float], count: Int, transitions: [Float]) -> [Int] {
        let cells = TransitionFeatures.cells
        // Disallowed pairs score -infinity: never better than an allowed one, so the result
        // (first best previous tag on ties) is the same as skipping them.
        guard count > 0, transitions.count >= cells, let masked = TransitionFeatures.masked(Array(transitions.prefix(cells)))
        else { return [] }
        return decode(emissions: emissions, count: count, tables: masked, tableIndex: Array(repeating: 0, count: count))
    }
}
