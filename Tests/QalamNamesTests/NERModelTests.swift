import Foundation
import Testing
import QalamText
@testable import QalamNames

@Suite("NER model and training")
struct NERModelTests {
    /// A feature extractor with empty lexicons: training depends on the data alone.
    static let extractor = NERFeatureExtractor(
        segmenter: CliticSegmenter(lexicon: StemLexicon(counts: ["شركة": 10])), gazetteer: NameGazetteer(),
        transliteration: TransliterationScorer(logOdds: [:]), newsContext: NewsContextTable(),
        clusters: WordClusterTable(), rowBits: 14)

    static let sentences: [TaggedSentence] = [
        ("قال سمير حداد إن الشركة في بيروت", "O B-PERS I-PERS O O O B-LOC"),
        ("وصل سمير إلى بيروت أمس", "O B-PERS O B-LOC O"),
        ("أعلن حداد أن شركة نور ستفتح في دمشق", "O B-PERS O B-ORG I-ORG O O B-LOC"),
        ("قال كريم نصار إن دمشق جميلة", "O B-PERS I-PERS O B-LOC O"),
    ].map { words, tags in
        TaggedSentence(tokens: words.split(separator: " ").map(String.init), tags: tags.split(separator: " ").compactMap { BIOTag(string: $0) })
    }

    @Test func trainingIsDeterministicAndLearns() throws {
        let trainer = PerceptronTrainer(extractor: Self.extractor, epochs: 10, seed: 7)
        let first = trainer.train(Self.sentences).serialized()
        let second = trainer.train(Self.sentences).serialized()
        #expect(first == second)
        let tagger = EntityTagger(model: try NERModel(bytes: Data(first)), extractor: Self.extractor)
        for sentence in Self.sentences {
            #expect(tagger.tags(forTokens: sentence.tokens) == sentence.tags.map(\.description))
        }
    }

    @Test(arguments: [PerceptronUpdateRule.shipped, .passiveAggressive(aggressiveness: 1, cost: 1, personCost: 1)])
    func passiveAggressiveTrainingIsDeterministicAndLearns(rule: PerceptronUpdateRule) throws {
        var trainer = PerceptronTrainer(extractor: Self.extractor, epochs: 40, seed: 7)
        trainer.updateRule = rule
        let first = trainer.train(Self.sentences).serialized()
        #expect(first == trainer.train(Self.sentences).serialized())
        var perceptron = trainer
        perceptron.updateRule = .perceptron
        #expect(first != perceptron.train(Self.sentences).serialized())
        let tagger = EntityTagger(model: try NERModel(bytes: Data(first)), extractor: Self.extractor)
        for sentence in Self.sentences {
            #expect(tagger.tags(forTokens: sentence.tokens) == sentence.tags.map(\.description))
        }
    }

    @Test func updateRuleSettings() {
        #expect(PerceptronUpdateRule.perceptron.passiveAggressiveSettings == nil)
        let settings = PerceptronUpdateRule.passiveAggressive(aggressiveness: 0.5, cost: 1.5, personCost: 3).passiveAggressiveSettings
        #expect(settings?.aggressiveness == 0.5 && settings?.cost == 1.5 && settings?.personCost == 3)
    }

    @Test func updateVectorIsGoldMinusPredicted() {
        let tags = BIOTag.count
        let positionRows = (0..<2 * TransitionFeatures.rowsPerPosition).map { UInt32(100 + $0) }
        let rows: [[UInt32]] = [[1, 2], [3]]
        var same = UpdateVector()
        same.add(gold: [1, 2], predicted: [1, 2], rows: rows, positionRows: positionRows)
        #expect(same.squaredNorm == 0)
        var change = UpdateVector()
        change.add(gold: [1, 2], predicted: [1, 0], rows: rows, positionRows: positionRows)
        // Only the second token differs: its row moves to gold tag 2 and away from O.
        #expect(change.weights[3 * tags + 2] == 1)
        #expect(change.weights[3 * tags + 0] == -1)
        #expect(change.weights[1 * tags + 1] == nil)
        #expect(change.transitions[2 * tags + 2] == 1)   // B-PERS → I-PERS
        #expect(change.transitions[2 * tags + 0] == -1)  // B-PERS → O
        // Two emission cells, two transition cells, and one observation-dependent row per
        // path (same previous group, so the same row, different tags).
        #expect(change.squaredNorm == Float(2 + 2 + 2 * TransitionFeatures.propertyCount))
    }

    @Test func serializationRoundTrips() throws {
        let model = PerceptronTrainer(extractor: Self.extractor, epochs: 2).train(Self.sentences)
        let bytes = model.serialized()
        let loaded = try NERModel(bytes: Data(bytes))
        #expect(loaded.serialized() == bytes)
        #expect(loaded.rowBits == 14)
    }

    @Test func corruptModelsAreErrors() throws {
        let bytes = PerceptronTrainer(extractor: Self.extractor, epochs: 1).train(Self.sentences).serialized()
        #expect(throws: NERModelError.self) { try NERModel(bytes: Data(bytes.dropLast(3))) }
        #expect(throws: NERModelError.self) { try NERModel(bytes: Data("QNEX".utf8) + Data(bytes.dropFirst(4))) }
        #expect(throws: NERModelError.self) { try NERModel(bytes: Data()) }
        #expect(throws: NERModelError.self) { try NERModel(bytes: Data(bytes + [0])) }
    }

    @Test func viterbiNeverStartsWithInside() {
        // Emissions that prefer I-PERS everywhere: the decoder must still produce valid BIO.
        let inside = BIOTag(.person, begin: false).index
        var emissions = [Float](repeating: 0, count: 3 * BIOTag.count)
        for position in 0..<3 { emissions[position * BIOTag.count + inside] = 5 }
        let path = ViterbiDecoder.decode(emissions: emissions, count: 3, transitions: [Float](repeating: 0, count: (BIOTag.count + 1) * BIOTag.count))
        let tags = path.map { BIOTag.all[$0] }
        for (index, tag) in tags.enumerated() { #expect(tag.mayFollow(index == 0 ? nil : tags[index - 1])) }
    }
}
