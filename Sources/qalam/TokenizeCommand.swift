import ArgumentParser
import QalamText

extension TextFormat: ExpressibleByArgument {}

/// `qalam tokenize`: split text into tokens with ICU word-break semantics.
struct TokenizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokenize",
        abstract: "Split text into tokens (ICU word-break segments that are not white space).",
        discussion: """
            text: one token per line, a blank line between documents. \
            jsonl: one object per token, {"text", "kind", "start", "end"} (plus "document" \
            when several inputs are read); start/end are Unicode scalar offsets into the \
            original input, end exclusive.
            """
    )

    @OptionGroup var input: InputOptions

    @Option(help: "Output format.")
    var format: TextFormat = .text

    @Option(help: "Tokenizer engine (all give identical tokens).")
    var engine: Tokenizer.Engine = .icu

    func run() throws {
        let report = FailureReport()
        let sources = InputCollector.collect(input.paths, report: report)
        let tokenizer = Tokenizer(engine: engine)
        var output = OutputWriter()
        let nameDocuments = sources.count > 1
        for (index, source) in sources.enumerated() {
            do {
                let text = try source.readText(options: input)
                let document = try Document(text, tokenizer: tokenizer)
                let documentField = nameDocuments ? "\"document\":\(JSON.quoted(source.displayName))," : ""
                if format == .text && index > 0 && nameDocuments { output.write("\n") }
                var counter = ScalarCounter()
                var copy = text
                copy.withUTF8 { bytes in
                    for token in document.tokens {
                        let tokenText = document.text(of: token)
                        switch format {
                        case .text:
                            output.write(String(tokenText))
                            output.write("\n")
                        case .jsonl:
                            let start = counter.advance(to: token.start, in: bytes, bufferStart: 0)
                            let end = counter.advance(to: token.end, in: bytes, bufferStart: 0)
                            output.write("{\(documentField)\"text\":\(JSON.quoted(tokenText)),\"kind\":\"\(token.kind)\",\"start\":\(start),\"end\":\(end)}\n")
                        }
                    }
                }
            } catch {
                report.fail(source.path, error)
            }
        }
        output.flush()
        try report.finish()
    }
}

extension Tokenizer.Engine: ExpressibleByArgument {}
