import QalamText

/// A tagged sentence for training or evaluation: tokens with their gold tags.
public struct TaggedSentence: Sendable {
    /// The tokens.
    public var tokens: [String]
    /// One tag per token.
    public var tags: [BIOTag]

    /// Creates a sentence; `tags` must be as long as `tokens`.
    public init(tokens: [String], tags: [BIOTag]) {
        self.tokens = tokens
        self.tags = tags
    }
}

/// Trains the entity tagger: an averaged structured perceptron with Viterbi decoding
/// (Collins 2002), whose mistakes move the weights by ``updateRule`` (the plain ±1, or
/// passive–aggressive steps with cost-augmented decoding, as the shipped model). Deterministic: sentences are shuffled with a fixed seed, so the same
/// data and settings give the same weights, and ``NERModel/serialized()`` the same bytes.
public struct PerceptronTrainer: Sendable {
    /// Passes over the training data.
    public var epochs: Int
    /// Seed of the shuffle.
    public var seed: UInt64
    /// Words seen at most this often in training are trained without their identity
    /// features (0 = never).
    public var rareWordLimit: Int = 0
    /// How a mistake moves the weights (the plain perceptron unless set).
    public var updateRule: PerceptronUpdateRule = .perceptron
    /// The features.
    public let extractor: NERFeatureExtractor

    /// A trainer.
    public init(extractor: NERFeatureExtractor, epochs: Int = 10, seed: UInt64 = 42) {
        self.extractor = extractor
        self.epochs = epochs
        self.seed = seed
    }

    /// Trains on `sentences`; after each epoch `report` gets the epoch number and the
    /// averaged model (to score a held-out set, say).
    public func train(_ sentences: [TaggedSentence], report: (Int, NERModel) -> Void = { _, _ in }) -> NERModel {
        let tags = BIOTag.count
        var model = DenseModel(rowBits: extractor.rowBits)
        var weightSums = [Float](repeating: 0, count: model.weights.count)
        var transitionSums = [Float](repeating: 0, count: model.transitions.count)
        // Feature rows per token, computed once.
        var cache: [String: WordFeatures] = [:]
        var frequency: [String: Int] = [:]
        for sentence in sentences { for token in sentence.tokens { frequency[token, default: 0] += 1 } }
        let boundary = extractor.boundaryFeatures()
        // Rows of the observation-dependent transition features, per sentence.
        var transitionRows: [[UInt32]] = []
        transitionRows.reserveCapacity(sentences.count)
        let tokenRows: [[[UInt32]]] = sentences.map { sentence in
            let words = sentence.tokens.map { token -> WordFeatures in
                if let known = cache[token] { return known }
                let features = extractor.features(
                    of: token[...], kind: TokenKind.classify(token.unicodeScalars),
                    identity: (frequency[token] ?? 0) > rareWordLimit)
                cache[token] = features
                return features
            }
            var sentenceRows = (0..<words.count).map { position in
                var rows: [UInt32] = []
                for offset in -2...2 {
                    let neighbour = position + offset
                    let word = (0..<words.count).contains(neighbour) ? words[neighbour] : boundary
                    rows += word.rows[offset + 2]
                }
                extractor.pairRows(keys: { words[$0].keys }, position: position, count: words.count, into: &rows)
                return rows
            }
            extractor.phraseRows(count: words.count, keys: { words[$0].keys }) { sentenceRows[$0].append($1) }
            transitionRows.append(TransitionFeatures.rows(keys: words.map(\.keys), rowBits: extractor.rowBits))
            return sentenceRows
        }
        var order = Array(sentences.indices)
        var random = SplitMix64(seed: seed)
        var step: Float = 1
        for epoch in 1...max(epochs, 1) {
            for index in stride(from: order.count - 1, to: 0, by: -1) {
                let other = Int(random.next() % UInt64(index + 1))
                order.swapAt(index, other)
            }
            for sentenceIndex in order {
                let rows = tokenRows[sentenceIndex]
                let gold = sentences[sentenceIndex].tags.map(\.index)
                guard !rows.isEmpty else { continue }
                var emissions = [Float](repeating: 0, count: rows.count * tags)
                for (position, tokenRows) in rows.enumerated() {
                    for row in tokenRows {
                        let source = Int(row) * tags
                        for tag in 0..<tags { emissions[position * tags + tag] += model.weights[source + tag] }
                    }
                }
                let positionRows = transitionRows[sentenceIndex]
                let groupWeights = TransitionFeatures.groupWeights(rows: positionRows, count: rows.count) { row, target, offset in
                    let source = Int(row) * tags
                    for tag in 0..<tags { target[offset + tag] += model.weights[source + tag] }
                }
                let tables = TransitionFeatures.tables(masked: TransitionFeatures.masked(model.transitions) ?? [], groupWeights: groupWeights)
                // The passive–aggressive rule decodes with a cost on every wrong tag.
                var decoded = emissions
                var costs: [Float] = []
                if case .passiveAggressive(_, let cost, let personCost) = updateRule {
                    costs = Self.tokenCosts(gold: gold, cost: cost, personCost: personCost)
                    for position in gold.indices {
                        for tag in 0..<tags where tag != gold[position] {
                            decoded[position * tags + tag] += Self.cost(of: tag, at: position, gold: gold, costs: costs, personCost: personCost)
                        }
                    }
                }
                let predicted = ViterbiDecoder.decode(emissions: decoded, count: rows.count, tables: tables)
                guard predicted.count == gold.count else { continue }
                if predicted != gold {
                    var change = UpdateVector()
                    change.add(gold: gold, predicted: predicted, rows: rows, positionRows: positionRows)
                    var size: Float = 1
                    if case .passiveAggressive(let aggressiveness, _, let personCost) = updateRule {
                        var loss: Float = 0
                        for position in gold.indices where predicted[position] != gold[position] {
                            loss += Self.cost(of: predicted[position], at: position, gold: gold, costs: costs, personCost: personCost)
                        }
                        let margin = Self.pathScore(gold, emissions: emissions, tables: tables)
                            - Self.pathScore(predicted, emissions: emissions, tables: tables)
                        let norm = change.squaredNorm
                        size = norm > 0 ? min(aggressiveness, max(0, (loss - margin) / norm)) : 0
                    }
                    if size > 0 {
                        for (index, value) in change.weights {
                            model.weights[index] += size * value
                            weightSums[index] += step * size * value
                        }
                        for (index, value) in change.transitions {
                            model.transitions[index] += size * value
                            transitionSums[index] += step * size * value
                        }
                    }
                }
                step += 1
            }
            report(epoch, averaged(model, weightSums: weightSums, transitionSums: transitionSums, step: step))
        }
        return averaged(model, weightSums: weightSums, transitionSums: transitionSums, step: step)
    }

    /// Whether the tag index is `B-PERS` or `I-PERS`.
    private static func isPersonTag(_ index: Int) -> Bool { BIOTag(index: index)?.type == .person }

    /// Each token's cost for a wrong tag: `personCost` inside a gold person, else `cost`.
    private static func tokenCosts(gold: [Int], cost: Float, personCost: Float) -> [Float] {
        gold.map { Self.isPersonTag($0) ? personCost : cost }
    }

    /// The cost of tagging `position` with `tag`: its token cost, and at least `personCost`
    /// when the wrong tag is a person tag.
    private static func cost(of tag: Int, at position: Int, gold: [Int], costs: [Float], personCost: Float) -> Float {
        guard tag != gold[position] else { return 0 }
        return Self.isPersonTag(tag) ? max(costs[position], personCost) : costs[position]
    }

    /// The score of a tag path: its emissions and per-position transitions.
    private static func pathScore(_ path: [Int], emissions: [Float], tables: [Float]) -> Float {
        let tags = BIOTag.count
        var score: Float = 0
        for (position, tag) in path.enumerated() {
            let previous = position == 0 ? -1 : path[position - 1]
            score += emissions[position * tags + tag]
            let cell = position * TransitionFeatures.cells + (previous + 1) * tags + tag
            if cell < tables.count { score += tables[cell] }
        }
        return score
    }

    /// The averaged weights: w − Σ(step · update) / steps.
    private func averaged(_ model: DenseModel, weightSums: [Float], transitionSums: [Float], step: Float) -> NERModel {
        var result = model
        for index in result.weights.indices where weightSums[index] != 0 || result.weights[index] != 0 {
            result.weights[index] -= weightSums[index] / step
        }
        for index in result.transitions.indices {
            result.transitions[index] -= transitionSums[index] / step
        }
        return NERModel(rowBits: model.rowBits, denseWeights: result.weights, transitions: result.transitions)
    }
}

/// The weights while training: one dense row per hashed feature.
struct DenseModel {
    let rowBits: Int
    var weights: [Float]
    var transitions: [Float]

    init(rowBits: Int) {
        self.rowBits = rowBits
        weights = Array(repeating: 0, count: (1 << rowBits) * BIOTag.count)
        transitions = Array(repeating: 0, count: (BIOTag.count + 1) * BIOTag.count)
    }
}

