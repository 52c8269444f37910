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

    @Option(help: ArgumentHelp("Fraction of sentences (from the end) held out and scored each epoch.", valueName: "fraction"))
    var holdout: Double = 0

    @Option(help: ArgumentHelp("Cross-validate instead of writing a model: train on all but one of COUNT contiguous folds, tag that fold, and print the pooled scores.", valueName: "count"))
    var folds: Int = 0

    @Option(help: ArgumentHelp("With --folds, also write every sentence with its cross-validated tags (CoNLL).", valueName: "file"))
    var foldOutput: String?

    @Flag(inversion: .prefixedNo, help: "Train the learned second stage (stacking over jackknifed first-pass output) and store it in the model file.")
    var secondStage = false

    @Option(help: ArgumentHelp("Jackknife folds for the second stage's training input.", valueName: "count"))
    var innerFolds: Int = 4

    @Option(help: ArgumentHelp("Epochs of the jackknife's first-pass models (default: --epochs).", valueName: "count"))
    var innerEpochs: Int?

    @Option(help: ArgumentHelp("Second stage: passes over the data.", valueName: "count"))
    var stage2Epochs: Int = 10

    @Option(help: ArgumentHelp("Second stage: sentences before and after a word within which its other occurrences count.", valueName: "count"))
    var stage2Window: Int = 15

    @Option(help: ArgumentHelp("Second stage: log2 of the number of feature rows.", valueName: "bits"))
    var stage2RowBits: Int = 18

    @Flag(inversion: .prefixedNo, help: "Second stage: start from the first pass's scores (residual).")
    var stage2Residual = true

    @Flag(inversion: .prefixedNo, help: "Second stage: keep the label-consistency rules after it.")
    var stage2Propagation = true

    @Option(help: ArgumentHelp("With --folds and --second-stage: also score this second-stage variant (repeatable; keys window, epochs, rowbits, residual, propagation, e.g. window=30,propagation=0).", valueName: "spec"))
    var stage2Variant: [String] = []

    @Option(help: ArgumentHelp("With --folds and --second-stage: keep each fold's first-stage model and jackknife in DIR and reuse them.", valueName: "dir"))
    var stage2Cache: String?

    func validate() throws {
        guard (2...20).contains(innerFolds) else { throw ValidationError("--inner-folds must be in 2...20") }
        guard stage2Epochs > 0, (12...24).contains(stage2RowBits), stage2Window >= 0 else {
            throw ValidationError("--stage2-epochs must be positive, --stage2-row-bits in 12...24, --stage2-window not negative")
        }
        guard epochs > 0 else { throw ValidationError("--epochs must be positive") }
        guard (1...16).contains(ensemble) else { throw ValidationError("--ensemble must be in 1...16") }
        guard (12...24).contains(rowBits) else { throw ValidationError("--row-bits must be in 12...24") }
        guard (0..<1).contains(holdout) else { throw ValidationError("--holdout must be in [0, 1)") }
        guard folds == 0 || (2...20).contains(folds) else { throw ValidationError("--folds must be 0 or in 2...20") }
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
            models.append(train(trainer, training, development, extractor: extractor))
        }
        guard let model = NERModel.mean(of: models) else { throw ValidationError("no model trained") }
        if ensemble > 1, !development.isEmpty {
            printError("ensemble of \(ensemble): " + score(model, development, extractor: extractor))
        }
        var stage: SecondStage?
        if secondStage {
            printError("second stage: jackknife of \(innerFolds) folds")
            let examples = jackknife(training, extractor: extractor)
            stage = stage2Trainer(try variants().first ?? [:]).train(examples)
        }
        let bytes = NERModelFile.serialized(model: model, secondStage: stage)
        try Data(bytes).write(to: URL(fileURLWithPath: out))
        printError("wrote \(out) (\(bytes.count) bytes)")
    }

    /// Trains on all but one contiguous fold (documents stay together), tags the fold
    /// as `eval ner` does, and prints the scores pooled over all folds.
    private func crossValidate(_ sentences: [TaggedSentence]) throws {
        let extractor = try NERFeatureExtractor.shipped(rowBits: rowBits)
        var evaluation = NEREvaluation()
        var baselineEvaluation = NEREvaluation()
        var variantEvaluations = [NEREvaluation](repeating: NEREvaluation(), count: try variants().count)
        var conll = "", baselineConll = ""
        for fold in 0..<folds {
            let range = (sentences.count * fold / folds)..<(sentences.count * (fold + 1) / folds)
            let training = Array(sentences[..<range.lowerBound] + sentences[range.upperBound...])
            let development = Array(sentences[range])
            let cached = stage2Cache.map { ($0 + "/fold-\(fold)-model.bin", $0 + "/fold-\(fold)-jackknife.bin") }
            var model: NERModel
            if let cached, let data = FileManager.default.contents(atPath: cached.0) {
                model = try NERModel(bytes: data)
            } else {
                var models: [NERModel] = []
                for member in 0..<ensemble {
                    var trainer = PerceptronTrainer(extractor: extractor, epochs: epochs, seed: seed &+ UInt64(member))
                    trainer.rareWordLimit = rareWords
                    models.append(trainer.train(training))
                }
                guard let mean = NERModel.mean(of: models) else { throw ValidationError("no model trained") }
                model = mean
                if let cached {
                    try Data(model.serialized()).write(to: URL(fileURLWithPath: cached.0))
                    model = try NERModel(bytes: Data(model.serialized()))
                }
            }
            var predicted = EntityTagger(model: model, extractor: extractor).tags(forSentences: development.map(\.tokens))
            if secondStage {
                var baseline = NEREvaluation()
                for (sentence, tags) in zip(development, predicted) {
                    let system = tags.compactMap { BIOTag(string: $0) }
                    baseline.add(gold: sentence.tags, predicted: system)
                    baselineEvaluation.add(gold: sentence.tags, predicted: system)
                }
                printFold("first stage only", fold, baseline)
                if let foldOutput {
                    var text = ""
                    for (sentence, tags) in zip(development, predicted) {
                        for (token, tag) in zip(sentence.tokens, tags) { text += token + "\t" + tag + "\n" }
                        text += "\n"
                    }
                    baselineConll += text
                    try Data(baselineConll.utf8).write(to: URL(fileURLWithPath: foldOutput + ".first"))
                }
                let examples: [SecondStageTrainer.Example]
                if let cached, let data = FileManager.default.contents(atPath: cached.1) {
                    examples = try SecondStageTrainer.examples(from: data)
                } else {
                    examples = jackknife(training, extractor: extractor)
                    if let cached { try Data(SecondStageTrainer.serialized(examples)).write(to: URL(fileURLWithPath: cached.1)) }
                }
                var jackknifed = NEREvaluation()
                for example in examples { jackknifed.add(gold: example.goldTags, predicted: example.firstPassTags) }
                printFold("jackknifed first pass on the training part", fold, jackknifed)
                let outerExamples = SecondStageTrainer.jackknife(development, folds: 2, extractor: extractor) { _ in model }
                let zero = SecondStage(weights: NERModel(rowBits: 12, denseWeights: [], transitions: [Float](repeating: 0, count: 90)), window: 15, residual: true, propagation: true)
                let zeroTags = EntityTagger(model: model, extractor: extractor, secondStage: zero).tags(forSentences: development.map(\.tokens))
                let zeroOwn = SecondStageTrainer.paths(zero, on: outerExamples)
                printError("zero second stage: same tags as the first stage \(zeroTags == predicted), own tables same as first pass \(zip(zeroOwn, outerExamples).allSatisfy { $0 == $1.firstPassTags })")
                printError(String(format: "mean first-pass margin: jackknife %.2f, outer model on the fold %.2f",
                                  SecondStageTrainer.meanMargin(examples), SecondStageTrainer.meanMargin(outerExamples)))
                for (number, variant) in try variants().enumerated() {
                    let stage = stage2Trainer(variant).train(examples)
                    var fit = NEREvaluation()
                    for (example, tags) in zip(examples, SecondStageTrainer.paths(stage, on: examples)) { fit.add(gold: example.goldTags, predicted: tags) }
                    printFold("second stage on its own training data", fold, fit)
                    let tags = EntityTagger(model: model, extractor: extractor, secondStage: stage).tags(forSentences: development.map(\.tokens))
                    var variantFold = NEREvaluation()
                    for (sentence, tags) in zip(development, tags) {
                        let system = tags.compactMap { BIOTag(string: $0) }
                        variantFold.add(gold: sentence.tags, predicted: system)
                        variantEvaluations[number].add(gold: sentence.tags, predicted: system)
                    }
                    printFold("second stage " + describe(variant), fold, variantFold)
                    if number == 0 { predicted = tags }
                }
            }
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
        print("cross-validation, \(folds) folds, ensemble of \(ensemble), \(epochs) epochs:")
        print(evaluation.report)
        if secondStage {
            print("first stage only:")
            print(baselineEvaluation.report)
            for (variant, variantEvaluation) in zip(try variants(), variantEvaluations) {
                print("second stage " + describe(variant) + ":")
                print(variantEvaluation.report)
            }
        }
    }

    /// The second-stage settings to train: the options, then each --stage2-variant.
    private func variants() throws -> [[String: Int]] {
        var result: [[String: Int]] = [[:]]
        for spec in stage2Variant {
            var variant: [String: Int] = [:]
            for part in spec.split(separator: ",") {
                let pair = part.split(separator: "=")
                guard pair.count == 2, let value = Int(pair[1]),
                    ["window", "epochs", "rowbits", "residual", "propagation", "disable", "scale"].contains(String(pair[0])) else {
                    throw ValidationError("bad --stage2-variant \(spec)")
                }
                variant[String(pair[0])] = value
            }
            result.append(variant)
        }
        return result
    }

    private func describe(_ variant: [String: Int]) -> String {
        let trainer = stage2Trainer(variant)
        return "(window \(trainer.window), \(trainer.epochs) epochs, row bits \(trainer.rowBits), residual \(trainer.residual), propagation \(trainer.propagation), disabled \(trainer.disabledTemplates), scale \(trainer.baseScale))"
    }

    private func stage2Trainer(_ variant: [String: Int]) -> SecondStageTrainer {
        var trainer = SecondStageTrainer()
        trainer.seed = seed
        trainer.epochs = variant["epochs"] ?? stage2Epochs
        trainer.window = variant["window"] ?? stage2Window
        trainer.rowBits = variant["rowbits"] ?? stage2RowBits
        trainer.residual = (variant["residual"].map { $0 != 0 }) ?? stage2Residual
        trainer.propagation = (variant["propagation"].map { $0 != 0 }) ?? stage2Propagation
        trainer.disabledTemplates = UInt32(clamping: variant["disable"] ?? 0)
        trainer.baseScale = Float(variant["scale"] ?? 100) / 100
        return trainer
    }

    /// Jackknifed first-pass output of `sentences` (``SecondStageTrainer/jackknife``), each
    /// fold tagged by an ensemble like the first stage's, trained on the other folds.
    private func jackknife(_ sentences: [TaggedSentence], extractor: NERFeatureExtractor) -> [SecondStageTrainer.Example] {
        SecondStageTrainer.jackknife(sentences, folds: innerFolds, extractor: extractor) { training in
            var models: [NERModel] = []
            for member in 0..<ensemble {
                var trainer = PerceptronTrainer(extractor: extractor, epochs: innerEpochs ?? epochs, seed: seed &+ UInt64(member))
                trainer.rareWordLimit = rareWords
                models.append(trainer.train(training))
            }
            return NERModel.mean(of: models)
                ?? NERModel(rowBits: rowBits, denseWeights: [], transitions: [Float](repeating: 0, count: (BIOTag.count + 1) * BIOTag.count))
        }
    }

    private func printFold(_ label: String, _ fold: Int, _ evaluation: NEREvaluation) {
        let person = evaluation.byType[.person] ?? NEREvaluation.Counts()
        printError(String(format: "fold %d/%d, %@: micro F1 %.4f, PERS F1 %.4f", fold + 1, folds, label, evaluation.micro.f1, person.f1))
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
