import ArgumentParser
import Foundation
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

            Inputs are streamed in blocks that end at a line feed, so memory does not grow \
            with the input's size. A problem found in a later block (invalid UTF-8, a NUL \
            byte, a line over --max-line-bytes) is reported after the tokens of the blocks \
            before it were written.

            --stats writes no tokens: one line per input with the token count, the bytes, \
            the seconds spent tokenizing (reading and checking excluded; 'wall' includes \
            them) and the throughput in MB/s (10^6 bytes per second). \
            --verify-engines tokenizes with both engines and reports the first difference.
            """
    )

    @OptionGroup var input: InputOptions

    @Option(help: "Output format.")
    var format: TextFormat = .text

    @Option(help: "Tokenizer engine: fast (byte scanner, ICU for what it does not model) or icu. Both give identical tokens.")
    var engine: Tokenizer.Engine = .fast

    @Flag(help: "Write no tokens; print counts, time and throughput per input.")
    var stats = false

    @Flag(help: "Check that the fast and ICU engines give identical tokens; print the first difference.")
    var verifyEngines = false

    @Option(help: ArgumentHelp("Threads to tokenize with (each block is split at line feeds).", valueName: "n"))
    var jobs: Int = 1

    @Option(help: ArgumentHelp("Bytes read per block (testing aid).", visibility: .hidden))
    var blockBytes: Int = 4 << 20

    func validate() throws {
        guard blockBytes >= 16 else { throw ValidationError("--block-bytes must be at least 16") }
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        if stats && verifyEngines { throw ValidationError("--stats and --verify-engines exclude each other") }
    }

    func run() throws {
        let report = FailureReport()
        let sources = InputCollector.collect(input.paths, report: report)
        let reader = LineBlockReader(options: input, blockSize: blockBytes)
        var output = OutputWriter()
        let nameDocuments = sources.count > 1
        for (index, source) in sources.enumerated() {
            do {
                if stats {
                    try printStats(source, reader: reader, output: &output)
                } else if verifyEngines {
                    try verify(source, reader: reader, output: &output)
                } else {
                    if format == .text && index > 0 && nameDocuments { output.write("\n") }
                    try writeTokens(source, reader: reader, named: nameDocuments, output: &output)
                }
            } catch {
                output.flush()
                report.fail(source.path, error)
            }
        }
        output.flush()
        try report.finish()
    }

    /// Calls `body` with the tokens of each block of `source`, block by block, in order.
    private func forEachBlockOfTokens(
        _ source: InputSource, reader: LineBlockReader, tokenizer: Tokenizer,
        _ body: (_ block: UnsafeBufferPointer<UInt8>, _ offset: Int, _ tokens: [[Token]]) throws -> Void
    ) throws -> Int {
        var buffers: [[Token]] = []
        return try reader.forEachBlock(of: source) { block, offset in
            try tokenizer.tokenizeConcurrently(block, baseOffset: offset, parts: jobs, into: &buffers)
            try body(block, offset, buffers)
        }
    }

    private func writeTokens(_ source: InputSource, reader: LineBlockReader, named: Bool, output: inout OutputWriter) throws {
        let tokenizer = Tokenizer(engine: engine)
        let documentField = named ? "\"document\":\(JSON.quoted(source.displayName))," : ""
        var counter = ScalarCounter()
        _ = try forEachBlockOfTokens(source, reader: reader, tokenizer: tokenizer) { block, offset, pieces in
            for tokens in pieces {
                for token in tokens {
                    let bytes = UnsafeBufferPointer(rebasing: block[(token.start - offset)..<(token.end - offset)])
                    switch format {
                    case .text:
                        output.write(bytes: bytes)
                        output.write("\n")
                    case .jsonl:
                        let start = counter.advance(to: token.start, in: block, bufferStart: offset)
                        let end = counter.advance(to: token.end, in: block, bufferStart: offset)
                        let text = String(decoding: bytes, as: UTF8.self)
                        output.write("{\(documentField)\"text\":\(JSON.quoted(text)),\"kind\":\"\(token.kind)\",\"start\":\(start),\"end\":\(end)}\n")
                    }
                }
            }
            if format == .jsonl { _ = counter.advance(to: offset + block.count, in: block, bufferStart: offset) }
        }
    }

    private func printStats(_ source: InputSource, reader: LineBlockReader, output: inout OutputWriter) throws {
        let tokenizer = Tokenizer(engine: engine)
        tokenizer.prepare()
        var tokenCount = 0
        var bytes = 0
        var tokenizing: Duration = .zero
        let clock = ContinuousClock()
        let wallStart = clock.now
        var buffers: [[Token]] = []
        try reader.forEachBlock(of: source) { block, _ in
            let start = clock.now
            if jobs == 1 {
                // The streaming API: no array, no allocation per token.
                try tokenizer.forEachToken(in: block) { _ in tokenCount += 1 }
            } else {
                try tokenizer.tokenizeConcurrently(block, parts: jobs, into: &buffers)
                for buffer in buffers { tokenCount += buffer.count }
            }
            tokenizing += clock.now - start
            bytes += block.count
        }
        let wall = clock.now - wallStart
        let seconds = Self.seconds(tokenizing)
        let rate = seconds > 0 ? Double(bytes) / seconds / 1e6 : 0
        output.write("tokens=\(tokenCount) bytes=\(bytes) seconds=\(Self.format(seconds, 6)) MB/s=\(Self.format(rate, 1)) wall=\(Self.format(Self.seconds(wall), 6)) engine=\(engine) jobs=\(jobs) input=\(source.displayName)\n")
    }

    private func verify(_ source: InputSource, reader: LineBlockReader, output: inout OutputWriter) throws {
        var fastTokens: [Token] = [], icuTokens: [Token] = []
        var total = 0
        try reader.forEachBlock(of: source) { block, offset in
            try Tokenizer(engine: .fast).tokenize(block, baseOffset: offset, into: &fastTokens)
            try Tokenizer(engine: .icu).tokenize(block, baseOffset: offset, into: &icuTokens)
            if fastTokens != icuTokens {
                let index = (0..<min(fastTokens.count, icuTokens.count)).first { fastTokens[$0] != icuTokens[$0] } ?? min(fastTokens.count, icuTokens.count)
                let fast = index < fastTokens.count ? "\(fastTokens[index])" : "none"
                let icu = index < icuTokens.count ? "\(icuTokens[index])" : "none"
                throw EngineMismatch(tokenIndex: total + index, fast: fast, icu: icu)
            }
            total += fastTokens.count
        }
        output.write("\(source.displayName): \(total) tokens, fast == icu\n")
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }

    private static func format(_ value: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", value) }
}

/// The fast and ICU engines disagreed (a bug: please report the input).
struct EngineMismatch: Error, CustomStringConvertible {
    /// Index of the first differing token in the input.
    let tokenIndex: Int
    /// The fast engine's token there.
    let fast: String
    /// ICU's token there.
    let icu: String

    var description: String { "engines differ at token \(tokenIndex): fast \(fast), icu \(icu)" }
}

extension Tokenizer.Engine: ExpressibleByArgument {}
