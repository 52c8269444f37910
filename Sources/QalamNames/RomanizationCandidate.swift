/// One Latin spelling proposed for an Arabic-script name.
public struct RomanizationCandidate: Sendable, Hashable, CustomStringConvertible {
    /// The Latin spelling, capitalized like a name ("Bob McGrew").
    public let latin: String
    /// The candidate's score: a log10 probability-like value, higher is better. Scores
    /// compare candidates of one name; they are not calibrated across names.
    public let score: Double

    /// Creates a candidate.
    public init(latin: String, score: Double) {
        self.latin = latin
        self.score = score
    }

    /// `latin (score)`.
    public var description: String { "\(latin) (\(score))" }
}
