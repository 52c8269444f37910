import QalamText

/// What the first pass of the tagger (``NERModel``, Viterbi) produced for one sentence, as
/// the second stage (``SecondStage``) reads it: the emission scores, each position's
/// transition table (a number into a table store), the best path and the words' keys.
public struct FirstPassSentence: Sendable {
    /// Emission scores, ``BIOTag/count`` per position.
    var emissions: [Float]
    /// Per position, the number of its transition table (``TransitionFeatures/cells``
    /// floats) in the table store that comes with the sentence.
    var tableIndex: [Int]
    /// The first pass's best tags (indices into ``BIOTag/all``).
    public internal(set) var path: [Int]
    /// The words' short keys.
    var keys: [WordKeys]

    /// The number of tokens.
    public var count: Int { path.count }
}

extension FirstPassSentence {
    /// The first pass of `model` over pre-tokenized sentences, with the store of transition
    /// tables their ``tableIndex`` numbers point into.
    static func tag(_ sentences: [[String]], model: NERModel, extractor: NERFeatureExtractor) -> (sentences: [FirstPassSentence], tables: [Float]) {
        var cache = WordScoreCache(model: model, extractor: extractor)
        var transitions = TransitionWeightCache()
        var result: [FirstPassSentence] = []
        result.reserveCapacity(sentences.count)
        for tokens in sentences {
            let slots = tokens.map { cache.slot(of: $0[...], kind: TokenKind.classify($0.unicodeScalars)) }
            let emissions = cache.emissions(slots: slots)
            let (path, index) = transitions.decodeKeepingTables(emissions: emissions, slots: slots, model: model) { cache.keys(ofSlot: $0) }
            result.append(FirstPassSentence(emissions: emissions, tableIndex: index, path: path, keys: slots.map { cache.keys(ofSlot: $0) }))
        }
        return (result, transitions.builtTables)
    }

    /// The same sentence with its own copy of the tables it uses (table `i` for position
    /// `i`), so that sentences tagged by different models can be trained on together.
    func withOwnTables(from tables: [Float]) -> (sentence: FirstPassSentence, tables: [Float]) {
        let cells = TransitionFeatures.cells
        var own: [Float] = []
        own.reserveCapacity(count * cells)
        for table in tableIndex where (table + 1) * cells <= tables.count {
            own += tables[(table * cells)..<((table + 1) * cells)]
        }
        var copy = self
        copy.tableIndex = Array(0..<count)
        return (copy, own)
    }
}
