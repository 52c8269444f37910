import ArgumentParser
import Foundation
import Qalam

/// `qalam eval ner`: entity-level precision, recall and F1.
struct EvalNERCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ner",
        abstract: "Score named-entity tags: per-type precision, recall and F1, micro and macro.",
        discussion: """
            GOLD and SYSTEM are CoNLL files (token and tag per line, last column the tag, blank \
            line between sentences), with the same tokens in the same order. Entities are \
            compared by exact span and type (the conlleval convention). PER is read as PERS, so \
            AQMAR scores as is. Without --system, the gold tokens are tagged first (as `qalam tag --input conll` \
            does) with the shipped tagger or --model.
            """
    )

    @Option(help: ArgumentHelp("Gold annotations (CoNLL).", valueName: "file"))
    var gold: String

    @Option(help: ArgumentHelp("System output (CoNLL); default: tag the gold tokens now.", valueName: "file"))
    var system: String?

    @Option(help: ArgumentHelp("A model written by `qalam train ner` instead of the shipped one.", valueName: "file"))
    var model: String?

    func run() throws {
        let goldSentences = try CoNLLCorpus.taggedSentences(try read(gold))
        var evaluation = NEREvaluation()
        if let system {
            let systemSentences = try CoNLLCorpus.taggedSentences(try read(system))
            let goldTokens = goldSentences.flatMap(\.tokens), goldTags = goldSentences.flatMap(\.tags)
            let systemTokens = systemSentences.flatMap(\.tokens), systemTags = systemSentences.flatMap(\.tags)
            guard goldTokens.count == systemTokens.count else {
                throw ValidationError("\(gold) has \(goldTokens.count) tokens, \(system) has \(systemTokens.count)")
            }
            if let mismatch = goldTokens.indices.first(where: { goldTokens[$0] != systemTokens[$0] }) {
                throw ValidationError("token \(mismatch + 1) differs: \(goldTokens[mismatch]) vs \(systemTokens[mismatch])")
            }
            var position = 0
            for sentence in goldSentences {
                let range = position..<(position + sentence.tokens.count)
                evaluation.add(gold: Array(goldTags[range]), predicted: Array(systemTags[range]))
                position = range.upperBound
            }
        } else {
            let tagger = try model.map { try EntityTagger(modelAt: URL(fileURLWithPath: $0)) } ?? EntityTagger()
            let predicted = tagger.tags(forSentences: goldSentences.map(\.tokens))
            for (sentence, tags) in zip(goldSentences, predicted) {
                evaluation.add(gold: sentence.tags, predicted: tags.compactMap { BIOTag(string: $0) })
            }
        }
        print(evaluation.report)
    }

    private func read(_ path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw ValidationError("cannot read \(path) as UTF-8")
        }
        return text
    }
}
