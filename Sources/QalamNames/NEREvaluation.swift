/// Entity-level precision, recall and F1 with exact span matching (the conlleval
/// convention): a predicted entity counts only if its type and both ends match.
public struct NEREvaluation: Sendable {
    /// Counts for one type.
    public struct Counts: Sendable, Hashable {
        /// Predicted entities that match a gold one.
        public var truePositives = 0
        /// Predicted entities.
        public var predicted = 0
        /// Gold entities.
        public var gold = 0

        /// Zero counts.
        public init() {}

        /// Precision (0 when nothing was predicted).
        public var precision: Double { predicted == 0 ? 0 : Double(truePositives) / Double(predicted) }
        /// Recall (0 when there is no gold entity).
        public var recall: Double { gold == 0 ? 0 : Double(truePositives) / Double(gold) }
        /// Harmonic mean of precision and recall.
        public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
    }

    /// Counts per type.
    public private(set) var byType: [EntityType: Counts] = [:]
    /// Tokens seen.
    public private(set) var tokens = 0

    /// An empty evaluation.
    public init() {}

    /// Adds one sentence: gold and predicted tags, position by position.
    public mutating func add(gold: [BIOTag], predicted: [BIOTag]) {
        tokens += gold.count
        let goldChunks = Set(BIOChunker.chunks(gold))
        let predictedChunks = BIOChunker.chunks(predicted)
        for chunk in goldChunks { byType[chunk.type, default: Counts()].gold += 1 }
        for chunk in predictedChunks {
            byType[chunk.type, default: Counts()].predicted += 1
            if goldChunks.contains(chunk) { byType[chunk.type, default: Counts()].truePositives += 1 }
        }
    }

    /// All types pooled.
    public var micro: Counts {
        byType.values.reduce(into: Counts()) {
            $0.truePositives += $1.truePositives
            $0.predicted += $1.predicted
            $0.gold += $1.gold
        }
    }

    /// Mean F1 over the types that occur in gold or predictions.
    public var macroF1: Double {
        let present = EntityType.allCases.compactMap { byType[$0] }.filter { $0.gold > 0 || $0.predicted > 0 }
        return present.isEmpty ? 0 : present.map(\.f1).reduce(0, +) / Double(present.count)
    }

    /// A plain-text table: one line per type, then micro and macro.
    public var report: String {
        func line(_ name: String, _ counts: Counts) -> String {
            func fixed(_ value: Double) -> String {
                let scaled = Int((value * 10000).rounded())
                let fraction = String(scaled % 10000)
                return "\(scaled / 10000).\(String(repeating: "0", count: 4 - fraction.count))\(fraction)"
            }
            return "\(name.padding(toLength: 6, withPad: " ", startingAt: 0)) P \(fixed(counts.precision))  R \(fixed(counts.recall))  F1 \(fixed(counts.f1))  (gold \(counts.gold), predicted \(counts.predicted), correct \(counts.truePositives))"
        }
        var lines = EntityType.allCases.map { line($0.rawValue, byType[$0] ?? Counts()) }
        lines.append(line("micro", micro))
        let macro = Int((macroF1 * 10000).rounded())
        let fraction = String(macro % 10000)
        lines.append("macro  F1 \(macro / 10000).\(String(repeating: "0", count: 4 - fraction.count))\(fraction)")
        lines.append("tokens \(tokens)")
        return lines.joined(separator: "\n")
    }
}
