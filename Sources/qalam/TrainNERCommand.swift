import ArgumentParser
import Foundation
import Qalam

/// `qalam train ner`: train the entity tagger from a CoNLL file.
struct TrainNERCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ner",
        abstract: "Train the named-entity tagger (averaged perceptron) from CoNLL data.",
        discussion: """
            Reads TRAIN (token and tag per line, blank line between sentences; tags O, B-/I- \
            PERS|ORG|LOC|MISC) and writes the model to OUT. Training is deterministic: the same \
            data and options give the same bytes. With --holdout F, the last fraction F of the \
            sentences is kept out of training and scored after every epoch (to choose --epochs); \
            the shipped model is trained with --holdout 0 on all of ANERcorp's train split. \
            Build in release mode for training: swift build -c release.
            """
    )

    @Option(help: ArgumentHelp("Training data in CoNLL format.", valueName: "file"))
    var train: String

    @Option(help: ArgumentHelp("Where to write the model.", valueName: "file"))
    var out: String

    @Option(help: "Passes over the training data.")
    var epochs: Int = 25

    @Option(help: "Seed of the sentence shuffle.")
    var seed: UInt64 = 42

    @Option(help: ArgumentHelp("log2 of the number of feature rows (hashed feature space).", valueName: "bits"))
    var rowBits: Int = 22

    @Option(help: ArgumentHelp("Words seen at most this often are trained without their identity features.", valueName: "count"))
    var rareWords: Int = 0

    @Option(help: ArgumentHelp("Train this many models with consecutive seeds and average them.", valueName: "count"))
    var ensemble: Int = 5

    @Option(help: ArgumentHelp("How a mistake moves the weights: perceptron (+1/−1) or pa (passive–aggressive with cost-augmented decoding).", valueName: "rule"))
    var update: String = "pa"

    @Option(help: ArgumentHelp("With --update pa: the largest step (PA-I's C; default: the shipped model's, 0.003).", valueName: "C"))
    var aggressiveness: Float?

    @Option(help: ArgumentHelp("With --update pa: the cost of a wrong tag on a token (default: the shipped model's, 1).", valueName: "cost"))
    var cost: Float?

    @Option(help: ArgumentHelp("With --update pa: the cost of a wrong tag inside a gold person, or of a wrong person tag (default: the shipped model's, 2).", valueName: "cost"))
    var personCost: Float?

    @Option(help: ArgumentHelp("Fraction of sentences (from the end) held out and scored each epoch.", valueName: "fraction"))
    var holdout: Double = 0

    @Option(help: ArgumentHelp("Cross-validate instead of writing a model: train on all but one of COUNT contiguous folds, tag that fold, and print the pooled scores.", valueName: "count"))
    var folds: Int = 0

    @Option(help: ArgumentHelp("With --folds, also write every sentence with its cross-validated tags (CoNLL).", valueName: "file"))
    var foldOutput: String?

    @Option(help: ArgumentHelp("With --folds, run only fold K (1-based) and score it alone; Lexicons/scripts/leak_free_cv.py runs each fold with lexicons built without it.", valueName: "K"))
    var onlyFold: Int?

    func validate() throws {
        guard epochs > 0 else { throw ValidationError("--epochs must be positive") }
        guard (1...16).contains(ensemble) else { throw ValidationError("--ensemble must be in 1...16") }
        guard (12...24).contains(rowBits) else { throw ValidationError("--row-bits must be in 12...24") }
        guard (0..<1).contains(holdout) else { throw ValidationError("--holdout must be in [0, 1)") }
        guard folds == 0 || (2...20).contains(folds) else { throw ValidationError("--folds must be 0 or in 2...20") }
        if let onlyFold {
            guard folds > 0 else { throw ValidationError("--only-fold needs --folds") }
            guard (1...folds).contains(onlyFold) else { throw ValidationError("--only-fold must be in 1...\(folds)") }
        }
        guard update == "perceptron" || update == "pa" else { throw ValidationError("--update must be perceptron or pa") }
        guard (aggressiveness ?? 1) > 0, (cost ?? 0) >= 0, (personCost ?? 0) >= 0 else {
            throw ValidationError("--aggressiveness must be positive, --cost and --person-cost not negative")
        }
    }

    /// The update rule the options select: the shipped rule's settings unless given.
    private var updateRule: PerceptronUpdateRule {
        guard update == "pa", let shipped = PerceptronUpdateRule.shipped.passiveAggressiveSettings else { return .perceptron }
        return .passiveAggressive(
            aggressiveness: aggressiveness ?? shipped.aggressiveness, cost: cost ?? shipped.cost,
            personCost: personCost ?? shipped.personCost)
    }

    func run() throws {
        guard let data = FileManager.default.contents(atPath: train), let text = String(data: data, encoding: .utf8) else {
            throw ValidationError("cannot read \(train) as UTF-8")
        }
        let sentences = try CoNLLCorpus.taggedSentences(text)
        if folds > 0 { return try crossValidate(sentences) }
        let heldOut = Int(Double(sentences.count) * holdout)
        let training = Array(sentences.dropLast(heldOut))
        let development = Array(sentences.suffix(heldOut))
        let extractor = try NERFeatureExtractor.shipped(rowBits: rowBits)
        var models: [NERModel] = []
        for member in 0..<ensemble {
            var trainer = PerceptronTrainer(extractor: extractor, epochs: epochs, seed: seed &+ UInt64(member))
            trainer.rareWordLimit = rareWords
            trainer.updateRule = updateRule
            models.append(train(trainer, training, development, extractor: extractor))
        }
        guard let model = NERModel.mean(of: models) else { throw ValidationError("no model trained") }
        if ensemble > 1, !development.isEmpty {
            printError("ensemble of \(ensemble): " + score(model, development, extractor: extractor))
        }
        let bytes = model.serialized()
        try Data(bytes).write(to: URL(fileURLWithPath: out))
        printError("wrote \(out) (\(bytes.count) bytes)")
    }

    /// Trains on all but one contiguous fold (documents stay together), tags the fold
    /// as `eval ner` does, and prints the scores pooled over all folds.
    private func crossValidate(_ sentences: [TaggedSentence]) throws {
        let extractor = try NERFeatureExtractor.shipped(rowBits: rowBits)
        var evaluation = NEREvaluation()
        var conll = ""
        for fold in 0..<folds where onlyFold.map({ $0 - 1 == fold }) ?? true {
            let range = (sentences.count * fold / folds)..<(sentences.count * (fold + 1) / folds)
            let training = Array(sentences[..<range.lowerBound] + sentences[range.upperBound...])
            let development = Array(sentences[range])
            var models: [NERModel] = []
            for member in 0..<ensemble {
                var trainer = PerceptronTrainer(extractor: extractor, epochs: epochs, seed: seed &+ UInt64(member))
                trainer.rareWordLimit = rareWords
                trainer.updateRule = updateRule
                models.append(trainer.train(training))
            }
            guard let averaged = NERModel.mean(of: models) else { throw ValidationError("no model trained") }
            // Tag with the model as it would be shipped: serialized (Int16 weights) and loaded.
            let model = try NERModel(bytes: Data(averaged.serialized()))
            let predicted = EntityTagger(model: model, extractor: extractor).tags(forSentences: development.map(\.tokens))
            var foldEvaluation = NEREvaluation()
            for (sentence, tags) in zip(development, predicted) {
                let system = tags.compactMap { BIOTag(string: $0) }
                evaluation.add(gold: sentence.tags, predicted: system)
                foldEvaluation.add(gold: sentence.tags, predicted: system)
                if foldOutput != nil {
                    for (token, tag) in zip(sentence.tokens, tags) { conll += token + "\t" + tag + "\n" }
                    conll += "\n"
                }
            }
            let person = foldEvaluation.byType[.person] ?? NEREvaluation.Counts()
            printError(String(format: "fold %d/%d: micro F1 %.4f, PERS F1 %.4f", fold + 1, folds, foldEvaluation.micro.f1, person.f1))
        }
        if let foldOutput { try Data(conll.utf8).write(to: URL(fileURLWithPath: foldOutput)) }
        let scope = onlyFold.map { "fold \($0) of \(folds)" } ?? "\(folds) folds"
        print("cross-validation, \(scope), ensemble of \(ensemble), \(epochs) epochs:")
        print(evaluation.report)
    }

    private func score(_ model: NERModel, _ development: [TaggedSentence], extractor: NERFeatureExtractor) -> String {
        let tagger = EntityTagger(model: model, extractor: extractor)
        var evaluation = NEREvaluation()
        let predicted = tagger.tags(forSentences: development.map(\.tokens))
        for (sentence, tags) in zip(development, predicted) {
            evaluation.add(gold: sentence.tags, predicted: tags.compactMap { BIOTag(string: $0) })
        }
        let person = evaluation.byType[.person] ?? NEREvaluation.Counts()
        return String(format: "held-out micro F1 %.4f, PERS F1 %.4f", evaluation.micro.f1, person.f1)
    }

    private func train(_ trainer: PerceptronTrainer, _ training: [TaggedSentence], _ development: [TaggedSentence], extractor: NERFeatureExtractor) -> NERModel {
        let started = Date()
        printError("seed \(trainer.seed): training on \(training.count) sentences (\(training.reduce(0) { $0 + $1.tokens.count }) tokens), \(epochs) epochs")
        return trainer.train(training) { epoch, model in
            var line = "epoch \(epoch) (\(Int(Date().timeIntervalSince(started))) s)"
            if !development.isEmpty { line += ": " + score(model, development, extractor: extractor) }
            printError(line)
        }
    }

    private func printError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
