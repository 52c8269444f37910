import QalamText

/// Trains the ``SecondStage``: an averaged perceptron over first-pass output made by models
/// that had not seen the sentence (a jackknife: the training text is cut into contiguous
/// folds, each tagged by first-pass models trained on the others — ``jackknife(_:folds:extractor:trainFirstPass:)``).
/// Deterministic: fixed seed, fixed fold order.
public struct SecondStageTrainer: Sendable {
    /// Passes over the training data.
    public var epochs = 10
    /// Seed of the sentence shuffle.
    public var seed: UInt64 = 42
    /// log2 of the number of rows of the second stage's hashed feature table.
    public var rowBits = 18
    /// See ``SecondStage/window``.
    public var window = 15
    /// See ``SecondStage/residual``.
    public var residual = true
    /// See ``SecondStage/propagation``.
    public var propagation = true
    /// See ``SecondStage/disabledTemplates``.
    public var disabledTemplates: UInt32 = 0
    /// See ``SecondStage/baseScale``.
    public var baseScale: Float = 1

    /// A trainer with the default settings.
    public init() {}

    /// First-pass output of one text with the gold tags: what the second stage learns from.
    public struct Example: Sendable {
        /// The first pass (with its own tables: table `i` for position `i`).
        var sentence: FirstPassSentence
        /// ``TransitionFeatures/cells`` floats per position.
        var tables: [Float]
        /// Gold tag indices.
        var gold: [Int]
        /// The gold tags.
        public var goldTags: [BIOTag] { gold.map { BIOTag.all[$0] } }
        /// The first pass's tags.
        public var firstPassTags: [BIOTag] { sentence.path.map { BIOTag.all[$0] } }
    }

    /// Jackknifed first-pass output for `sentences`: `folds` contiguous folds, each tagged by
    /// `trainFirstPass(other folds)`, in the order of `sentences`.
    public static func jackknife(
        _ sentences: [TaggedSentence], folds: Int, extractor: NERFeatureExtractor,
        trainFirstPass: ([TaggedSentence]) -> NERModel
    ) -> [Example] {
        let folds = max(2, min(folds, sentences.count))
        var examples: [Example] = []
        examples.reserveCapacity(sentences.count)
        for fold in 0..<folds {
            let range = (sentences.count * fold / folds)..<(sentences.count * (fold + 1) / folds)
            let model = trainFirstPass(Array(sentences[..<range.lowerBound] + sentences[range.upperBound...]))
            let tagged = FirstPassSentence.tag(sentences[range].map(\.tokens), model: model, extractor: extractor)
            for (first, gold) in zip(tagged.sentences, sentences[range]) {
                let own = first.withOwnTables(from: tagged.tables)
                examples.append(Example(sentence: own.sentence, tables: own.tables, gold: gold.tags.map(\.index)))
            }
        }
        return examples
    }

    /// Mean first-pass margin (best minus second-best emission) over the examples' tokens
    /// (a diagnostic of the first pass's score scale).
    public static func meanMargin(_ examples: [Example]) -> Double {
        var total = 0.0, count = 0
        for example in examples {
            let tags = BIOTag.count
            for position in 0..<example.sentence.count {
                let scores = example.sentence.emissions[(position * tags)..<((position + 1) * tags)].sorted(by: >)
                total += Double(scores[scores.startIndex] - scores[scores.startIndex + 1])
                count += 1
            }
        }
        return count == 0 ? 0 : total / Double(count)
    }

    /// The second stage's tags for training examples (to see how it fits its own data).
    public static func paths(_ stage: SecondStage, on examples: [Example]) -> [[BIOTag]] {
        var offset = 0
        var sentences: [FirstPassSentence] = []
        for example in examples {
            var sentence = example.sentence
            sentence.tableIndex = sentence.tableIndex.map { $0 + offset }
            offset += sentence.count
            sentences.append(sentence)
        }
        return stage.paths(sentences, tables: examples.flatMap(\.tables)).map { $0.map { BIOTag.all[$0] } }
    }

    /// The second stage trained on `examples` (one text, in order).
    public func train(_ examples: [Example]) -> SecondStage {
        let tags = BIOTag.count, per = SecondStageFeatures.rowsPerPosition
        let rows = SecondStageFeatures.rows(examples.map(\.sentence), window: window, rowBits: rowBits, disabled: disabledTemplates)
        var weights = [Float](repeating: 0, count: (1 << rowBits) * tags)
        var weightSums = weights
        var transitions = [Float](repeating: 0, count: TransitionFeatures.cells)
        var transitionSums = transitions
        var order = Array(examples.indices)
        var random = SplitMix64(seed: seed)
        var step: Float = 1
        for _ in 0..<max(epochs, 1) {
            for index in stride(from: order.count - 1, to: 0, by: -1) {
                order.swapAt(index, Int(random.next() % UInt64(index + 1)))
            }
            // Stage with the current weights, for scoring (the table is dense while training).
            for exampleIndex in order {
                let example = examples[exampleIndex]
                let count = example.sentence.count
                guard count > 0, example.gold.count == count else { continue }
                let sentenceRows = rows[exampleIndex]
                var emissions = residual ? example.sentence.emissions.map { $0 * baseScale } : [Float](repeating: 0, count: count * tags)
                for position in 0..<count {
                    for row in sentenceRows[(position * per)..<((position + 1) * per)] where row != SecondStageFeatures.absent {
                        let source = Int(row) * tags
                        for tag in 0..<tags { emissions[position * tags + tag] += weights[source + tag] }
                    }
                }
                guard let own = TransitionFeatures.masked(transitions) else { continue }
                var tables: [Float]
                if residual {
                    tables = example.tables
                    for position in 0..<count {
                        for cell in 0..<TransitionFeatures.cells {
                            let index = position * TransitionFeatures.cells + cell
                            tables[index] = tables[index] * baseScale + own[cell]
                        }
                    }
                } else {
                    tables = own
                }
                let predicted = ViterbiDecoder.decode(
                    emissions: emissions, count: count, tables: tables,
                    tableIndex: residual ? nil : [Int](repeating: 0, count: count))
                let gold = example.gold
                if predicted.count == count, predicted != gold {
                    for position in 0..<count {
                        let previousGold = position == 0 ? -1 : gold[position - 1]
                        let previousPredicted = position == 0 ? -1 : predicted[position - 1]
                        if gold[position] != predicted[position] {
                            for row in sentenceRows[(position * per)..<((position + 1) * per)] where row != SecondStageFeatures.absent {
                                let base = Int(row) * tags
                                weights[base + gold[position]] += 1
                                weightSums[base + gold[position]] += step
                                weights[base + predicted[position]] -= 1
                                weightSums[base + predicted[position]] -= step
                            }
                        }
                        if gold[position] != predicted[position] || previousGold != previousPredicted {
                            let goldCell = (previousGold + 1) * tags + gold[position]
                            let predictedCell = (previousPredicted + 1) * tags + predicted[position]
                            transitions[goldCell] += 1
                            transitionSums[goldCell] += step
                            transitions[predictedCell] -= 1
                            transitionSums[predictedCell] -= step
                        }
                    }
                }
                step += 1
            }
        }
        for index in weights.indices where weightSums[index] != 0 || weights[index] != 0 { weights[index] -= weightSums[index] / step }
        for index in transitions.indices { transitions[index] -= transitionSums[index] / step }
        var stage = SecondStage(
            weights: NERModel(rowBits: rowBits, denseWeights: weights, transitions: transitions),
            window: window, residual: residual, propagation: propagation)
        stage.disabledTemplates = disabledTemplates
        stage.baseScale = baseScale
        return stage
    }
}
