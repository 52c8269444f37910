import Foundation
import Testing
import QalamText
@testable import QalamNames

@Suite("Entity tagger: learned second stage")
struct EntityTaggerSecondStageTests {
    static let person = BIOTag(.person, begin: true).index

    /// A word with its own stem (keys only; the second stage never reads the text).
    static func word(_ number: UInt32) -> WordKeys {
        var keys = WordKeys(word: number, stem: number, coarse: 1, transliteration: 10)
        keys.stemLetters = 5
        return keys
    }

    /// A first-pass sentence: `path` with emissions leaning to it by `lean`, plain tables.
    static func sentence(_ words: [UInt32], path: [Int], lean: Float, gold: [Int]) -> SecondStageTrainer.Example {
        let tags = BIOTag.count
        var emissions = [Float](repeating: 0, count: words.count * tags)
        for (position, tag) in path.enumerated() { emissions[position * tags + tag] = lean }
        let masked = TransitionFeatures.masked([Float](repeating: 0, count: TransitionFeatures.cells)) ?? []
        let first = FirstPassSentence(emissions: emissions, tableIndex: Array(words.indices), path: path, keys: words.map(word))
        return SecondStageTrainer.Example(sentence: first, tables: Array(repeatElement(masked, count: words.count).joined()), gold: gold)
    }

    /// A text in which the first pass tags a name once and leaves it outside a few
    /// sentences later, and where a word left outside everywhere is really outside.
    static func text(names: ClosedRange<UInt32>) -> [SecondStageTrainer.Example] {
        var examples: [SecondStageTrainer.Example] = []
        for name in names {
            let filler = 1000 + name % 7, other = 5000 + name
            examples.append(sentence([filler, name, filler], path: [0, person, 0], lean: 3, gold: [0, person, 0]))
            examples.append(sentence([filler, filler, other], path: [0, 0, 0], lean: 1, gold: [0, 0, 0]))
            examples.append(sentence([name, filler, filler], path: [0, 0, 0], lean: 1, gold: [person, 0, 0]))
        }
        return examples
    }

    static func trainer() -> SecondStageTrainer {
        var trainer = SecondStageTrainer()
        trainer.rowBits = 14
        trainer.window = 3
        trainer.epochs = 5
        return trainer
    }

    @Test func tagsAWordLikeItsOtherMentionsInTheText() {
        let stage = Self.trainer().train(Self.text(names: 1...40))
        // New words: the first pass tags the name in one sentence only.
        let test = Self.text(names: 200...204)
        let tables = test.flatMap(\.tables)
        var offset = 0
        let sentences = test.map { example -> FirstPassSentence in
            var sentence = example.sentence
            sentence.tableIndex = sentence.tableIndex.map { $0 + offset }
            offset += sentence.count
            return sentence
        }
        let paths = stage.paths(sentences, tables: tables)
        for (path, example) in zip(paths, test) {
            #expect(path == example.gold)
        }
        // Without the other mention, the same sentence stays as the first pass had it.
        let alone = Self.sentence([300, 1000, 1000], path: [0, 0, 0], lean: 1, gold: [0, 0, 0])
        #expect(stage.paths([alone.sentence], tables: alone.tables) == [[0, 0, 0]])
    }

    @Test func trainingIsDeterministicAndTheFileRoundTrips() throws {
        let first = Self.trainer().train(Self.text(names: 1...20))
        let second = Self.trainer().train(Self.text(names: 1...20))
        let model = PerceptronTrainer(extractor: NERModelTests.extractor, epochs: 2).train(NERModelTests.sentences)
        let bytes = NERModelFile.serialized(model: model, secondStage: first)
        #expect(bytes == NERModelFile.serialized(model: model, secondStage: second))
        let loaded = try NERModelFile.read(Data(bytes))
        #expect(loaded.secondStage?.window == 3)
        #expect(NERModelFile.serialized(model: loaded.model, secondStage: loaded.secondStage) == bytes)
        // A file without a second stage is the first stage's bytes and still loads.
        #expect(NERModelFile.serialized(model: model, secondStage: nil) == model.serialized())
        #expect(try NERModelFile.read(Data(model.serialized())).secondStage == nil)
        // A damaged second stage is an error, not a crash.
        #expect(throws: NERModelError.self) { try NERModelFile.read(Data(bytes.dropLast(5))) }
        #expect(throws: NERModelError.self) { try NERModelFile.read(Data(bytes + [0])) }
    }

    @Test func jackknifedTrainingIsUsedByBothTaggingPaths() throws {
        let extractor = NERModelTests.extractor
        let sentences = NERModelTests.sentences + NERModelTests.sentences
        let train: ([TaggedSentence]) -> NERModel = { PerceptronTrainer(extractor: extractor, epochs: 3).train($0) }
        let examples = SecondStageTrainer.jackknife(sentences, folds: 2, extractor: extractor, trainFirstPass: train)
        #expect(examples.count == sentences.count)
        let stage = Self.trainer().train(examples)
        let bytes = NERModelFile.serialized(model: train(sentences), secondStage: stage)
        let loaded = try NERModelFile.read(Data(bytes))
        let tagger = EntityTagger(model: loaded.model, extractor: extractor, secondStage: loaded.secondStage)
        let tags = tagger.tags(forSentences: sentences.map(\.tokens))
        #expect(tags.map(\.count) == sentences.map(\.tokens.count))
        // The raw-text path gives the same persons as the CoNLL path on one sentence.
        let text = sentences[0].tokens.joined(separator: " ")
        let document = try Document(text)
        let persons = tagger.entities(in: document).filter { $0.type == .person }.map(\.tokenRange)
        let conll = BIOChunker.chunks(tagger.tags(forSentences: [sentences[0].tokens])[0].compactMap { BIOTag(string: $0) })
        #expect(persons == conll.filter { $0.type == .person }.map(\.range))
    }
}
