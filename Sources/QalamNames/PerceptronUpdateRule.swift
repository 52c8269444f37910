/// How ``PerceptronTrainer`` moves the weights when its decoded path differs from the gold one.
public enum PerceptronUpdateRule: Sendable, Equatable {
    /// The plain structured perceptron (Collins 2002): +1 on the gold path's features, −1
    /// on the predicted path's, decoding without a cost.
    case perceptron
    /// Passive–aggressive, PA-I (Crammer et al. 2006), with cost-augmented decoding: the
    /// training decoder adds `cost` to every wrong tag of a token (and `personCost` instead
    /// where the token is part of a gold person or the wrong tag is a person tag), and the
    /// step is the smallest one that makes the gold path win by the path's cost, capped at
    /// `aggressiveness`.
    case passiveAggressive(aggressiveness: Float, cost: Float, personCost: Float)

    /// The rule the shipped model is trained with (chosen by 4-fold cross-validation of
    /// ANERcorp train): passive–aggressive, step cap 0.003, cost 1 per wrong tag, 2 for a
    /// token of a gold person or a wrong person tag.
    public static let shipped = PerceptronUpdateRule.passiveAggressive(aggressiveness: 0.003, cost: 1, personCost: 2)

    /// The passive–aggressive settings, or nil for the plain perceptron.
    public var passiveAggressiveSettings: (aggressiveness: Float, cost: Float, personCost: Float)? {
        guard case .passiveAggressive(let aggressiveness, let cost, let personCost) = self else { return nil }
        return (aggressiveness, cost, personCost)
    }
}
