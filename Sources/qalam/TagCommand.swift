import ArgumentParser
import Foundation
import Qalam

/// `qalam tag`: find named entities.
struct TagCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tag",
        abstract: "Find persons, organizations, places and other names (PERS, ORG, LOC, MISC).",
        discussion: """
            Raw text in (the default, --input text): each input is tokenized and tagged. \
            jsonl: one object per entity, {"type", "text", "start", "end", "confidence"} (plus \
            "document" when several inputs are read); start/end are Unicode scalar offsets into \
            the original input, end exclusive; a clitic attached to the first word («لبيرتي») is \
            left outside the span. conll: token<TAB>tag per line, a blank line between sentences.

            Pre-tokenized input (--input conll): one token per line (any further columns are \
            ignored), a blank line between sentences; the same tokens are written back with the \
            predicted tag, token<TAB>tag, so a CoNLL file can be scored without re-tokenizing:

              qalam tag --input conll test.txt > system.txt && qalam eval ner --gold test.txt --system system.txt
            """
    )

    /// Output formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case jsonl, conll
    }

    /// Input formats.
    enum Input: String, ExpressibleByArgument, CaseIterable {
        case text, conll
    }

    @OptionGroup var input: InputOptions

    @Option(help: "Output format (with --input conll, always conll).")
    var format: Format = .jsonl

    @Option(name: .customLong("input"), help: "How inputs are read: raw text, or CoNLL tokens.")
    var inputFormat: Input = .text

    @Option(help: ArgumentHelp("A model written by `qalam train ner` instead of the shipped one.", valueName: "file"))
    var model: String?

    @Flag(help: "With --format jsonl, add the best Latin spelling of each person as \"latin\" (loads the romanizer).")
    var latin = false

    @Flag(help: "Print to standard error the load time, then tokens per second for tokenizing and tagging alone and with the output written.")
    var stats = false

    func run() throws {
        let report = FailureReport()
        let sources = InputCollector.collect(input.paths, report: report)
        let tagger: EntityTagger
        let loadStart = Date()
        do { tagger = try model.map { try EntityTagger(modelAt: URL(fileURLWithPath: $0)) } ?? EntityTagger() } catch {
            FileHandle.standardError.write(Data("qalam: cannot load the entity tagger: \(error)\n".utf8))
            throw ExitCode.failure
        }
        var romanizer: NameRomanizer?
        if latin {
            do { romanizer = try NameRomanizer() } catch {
                FileHandle.standardError.write(Data("qalam: cannot load the name romanizer: \(error)\n".utf8))
                throw ExitCode.failure
            }
        }
        // The tokenizer builds its character tables on first use; do it here, with the
        // other one-time work, so that the throughput figure is the steady rate.
        _ = try? Document("قال")
        let loadSeconds = Date().timeIntervalSince(loadStart)
        var output = OutputWriter()
        let nameDocuments = sources.count > 1
        var tokenCount = 0
        var seconds = 0.0
        // Tokenizing and tagging alone, without writing the output.
        var tagSeconds = 0.0
        for source in sources {
            do {
                let text = try source.readText(options: input)
                let started = Date()
                switch (inputFormat, format) {
                case (.conll, _):
                    let sentences = CoNLLCorpus.tokens(text)
                    let sentenceTags = tagger.tags(forSentences: sentences)
                    tagSeconds += Date().timeIntervalSince(started)
                    for (sentence, tags) in zip(sentences, sentenceTags) {
                        tokenCount += sentence.count
                        for (token, tag) in zip(sentence, tags) { output.write("\(token)\t\(tag)\n") }
                        output.write("\n")
                    }
                case (.text, .conll):
                    let document = try Document(text)
                    let entities = tagger.entities(in: document)
                    tagSeconds += Date().timeIntervalSince(started)
                    tokenCount += document.tokens.count
                    writeCoNLL(document, entities, to: &output)
                case (.text, .jsonl):
                    let document = try Document(text)
                    var entities = tagger.entities(in: document)
                    if let romanizer { entities = romanizer.addingLatinSpellings(to: entities, in: document) }
                    tagSeconds += Date().timeIntervalSince(started)
                    tokenCount += document.tokens.count
                    let documentField = nameDocuments ? "\"document\":\(JSON.quoted(source.displayName))," : ""
                    for entity in entities {
                        let range = document.scalarRange(of: entity.range)
                        output.write("{\(documentField)\"type\":\"\(entity.type.rawValue)\",\"text\":\(JSON.quoted(document.text(of: entity.range))),\"start\":\(range.lowerBound),\"end\":\(range.upperBound),\"confidence\":\(entity.confidence)\(entity.latin.map { ",\"latin\":\(JSON.quoted($0))" } ?? "")}\n")
                    }
                }
                seconds += Date().timeIntervalSince(started)
            } catch {
                report.fail(source.path, error)
            }
        }
        output.flush()
        if stats {
            func rate(_ seconds: Double) -> Int { seconds > 0 ? Int(Double(tokenCount) / seconds) : 0 }
            let line = "model load \(String(format: "%.3f", loadSeconds)) s; \(tokenCount) tokens; "
                + "tokenize + tag \(String(format: "%.3f", tagSeconds)) s = \(rate(tagSeconds)) tokens/s; "
                + "with output \(String(format: "%.3f", seconds)) s = \(rate(seconds)) tokens/s\n"
            FileHandle.standardError.write(Data(line.utf8))
        }
        try report.finish()
    }

    /// token<TAB>tag lines, a blank line after each sentence (. ! ? ؟ or a line break).
    private func writeCoNLL(_ document: Document, _ entities: [Entity], to output: inout OutputWriter) {
        var tags = Array(repeating: "O", count: document.tokens.count)
        for entity in entities {
            for index in entity.tokenRange {
                tags[index] = (index == entity.tokenRange.lowerBound ? "B-" : "I-") + entity.type.rawValue
            }
        }
        // Tokens and gaps are read as bytes of the document text.
        var text = document.text
        let tokens = document.tokens
        text.withUTF8 { bytes in
            for (index, token) in tokens.enumerated() {
                if index > 0, document.gapContainsLineFeed(before: index) {
                    output.write("\n")
                }
                let word = UnsafeBufferPointer(rebasing: bytes[token.start..<token.end])
                output.write(bytes: word)
                output.write("\t")
                output.write(tags[index])
                output.write("\n")
                if Self.endsSentence(word) { output.write("\n") }
            }
        }
        output.write("\n")
    }

    /// Whether a token is «.», «؟», «?» or «!», compared as bytes (no other text is
    /// canonically equivalent to these; `==` on strings took the slow normalizing path).
    private static func endsSentence(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        switch word.count {
        case 1: return word[0] == 0x2E || word[0] == 0x3F || word[0] == 0x21
        case 2: return word[0] == 0xD8 && word[1] == 0x9F
        default: return false
        }
    }
}
