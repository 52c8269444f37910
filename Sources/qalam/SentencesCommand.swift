import ArgumentParser
import QalamText

/// `qalam sentences`: split text into sentences.
struct SentencesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sentences",
        abstract: "Split text into sentences (ICU sentence break, tuned for Arabic news).",
        discussion: """
            A sentence ends after ؟ ? ! . ۔ (with any closing quotes), at every line \
            break, and before a dash or bullet that follows a terminator; not inside numbers (3.5, ١٢٣٫٥), after abbreviations (د. م. Dr. U.S.) \
            or list numbers, nor inside a quotation that closes on the same line. The \
            Arabic comma ، and semicolon ؛ do not end sentences.

            text: one sentence per line, a blank line between documents. \
            jsonl: one object per sentence, {"text", "start", "end"} (plus "document" when \
            several inputs are read); start/end are Unicode scalar offsets into the \
            original input, end exclusive.
            """
    )

    @OptionGroup var input: InputOptions

    @Option(help: "Output format.")
    var format: TextFormat = .text

    func run() throws {
        let splitter = try SentenceSplitter()
        let report = FailureReport()
        let sources = InputCollector.collect(input.paths, report: report)
        var output = OutputWriter()
        let nameDocuments = sources.count > 1
        var written = 0
        for source in sources {
            do {
                var text = try source.readText(options: input)
                let sentences = try splitter.split(text)
                let documentField = nameDocuments ? "\"document\":\(JSON.quoted(source.displayName))," : ""
                if format == .text && written > 0 && nameDocuments { output.write("\n") }
                written += 1
                text.withUTF8 { bytes in
                    var counter = ScalarCounter()
                    for sentence in sentences {
                        let sentenceText = String(decoding: UnsafeBufferPointer(rebasing: bytes[sentence.range]), as: UTF8.self)
                        switch format {
                        case .text:
                            output.write(sentenceText)
                            output.write("\n")
                        case .jsonl:
                            let start = counter.advance(to: sentence.start, in: bytes, bufferStart: 0)
                            let end = counter.advance(to: sentence.end, in: bytes, bufferStart: 0)
                            output.write("{\(documentField)\"text\":\(JSON.quoted(sentenceText)),\"start\":\(start),\"end\":\(end)}\n")
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
