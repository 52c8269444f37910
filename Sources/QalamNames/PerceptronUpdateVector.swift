/// The difference between the gold path's features and a predicted path's, as sparse
/// changes to the weight table and the plain transitions (used by the passive–aggressive
/// update, which needs the difference's squared norm before it moves the weights).
struct UpdateVector {
    /// Change per index of the weight table (row × tag).
    private(set) var weights: [Int: Float] = [:]
    /// Change per cell of the plain transition table.
    private(set) var transitions: [Int: Float] = [:]

    /// The squared Euclidean norm of the change.
    var squaredNorm: Float {
        weights.values.reduce(0) { $0 + $1 * $1 } + transitions.values.reduce(0) { $0 + $1 * $1 }
    }

    /// Adds gold-minus-predicted for one sentence: the emission rows of every token whose
    /// tag differs, and the plain and observation-dependent transitions of every position
    /// whose (previous, current) pair differs — the same features the perceptron moves.
    mutating func add(gold: [Int], predicted: [Int], rows: [[UInt32]], positionRows: [UInt32]) {
        let tags = BIOTag.count
        for position in rows.indices {
            let previousGold = position == 0 ? -1 : gold[position - 1]
            let previousPredicted = position == 0 ? -1 : predicted[position - 1]
            if gold[position] != predicted[position] {
                for row in rows[position] {
                    let base = Int(row) * tags
                    weights[base + gold[position], default: 0] += 1
                    weights[base + predicted[position], default: 0] -= 1
                }
            }
            guard gold[position] != predicted[position] || previousGold != previousPredicted else { continue }
            transitions[(previousGold + 1) * tags + gold[position], default: 0] += 1
            transitions[(previousPredicted + 1) * tags + predicted[position], default: 0] -= 1
            let first = position * TransitionFeatures.rowsPerPosition
            let goldGroup = first + TransitionFeatures.group(ofPrevious: previousGold) * TransitionFeatures.propertyCount
            let predictedGroup = first + TransitionFeatures.group(ofPrevious: previousPredicted) * TransitionFeatures.propertyCount
            for property in 0..<TransitionFeatures.propertyCount {
                weights[Int(positionRows[goldGroup + property]) * tags + gold[position], default: 0] += 1
                weights[Int(positionRows[predictedGroup + property]) * tags + predicted[position], default: 0] -= 1
            }
        }
        weights = weights.filter { $0.value != 0 }
        transitions = transitions.filter { $0.value != 0 }
    }
}
