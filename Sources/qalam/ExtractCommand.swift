import ArgumentParser
import Dispatch
import Foundation
import QalamEvents
import QalamText

/// `qalam extract`: who left (or took) which role, as JSON Lines, TSV or a table.
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Find role changes in Arabic news: who resigned, left, was dismissed, took leave or was appointed.",
        discussion: """
            Reads files, folders (recursively, *.txt) or standard input. With --input jsonl, \
            every input holds one document per line as {"id": …, "text": …}. \
            jsonl writes one event per line: {"document", "event", "person", "role", \
            "organization", "destination", "evidence", "confidence"}; start/end are Unicode \
            scalar offsets into the document, end exclusive. One event per person and type \
            per document. Output order follows input order whatever --jobs is.
            """
    )

    /// How the inputs are read.
    enum InputFormat: String, CaseIterable, ExpressibleByArgument {
        /// Each file (or standard input) is one document.
        case text
        /// Each line is a JSON object {"id", "text"}.
        case jsonl
    }

    @OptionGroup var input: InputOptions

    @Option(name: .customLong("input"), help: "How inputs hold documents: text (one per file) or jsonl ({\"id\",\"text\"} per line).")
    var inputFormat: InputFormat = .text

    @Option(help: "Output format: jsonl, tsv or table.")
    var format: ExtractionFormat = .jsonl

    @Option(help: ArgumentHelp("Documents processed in parallel.", valueName: "n"))
    var jobs: Int = 1

    @Flag(help: "Add the trigger word and the pattern that produced each event.")
    var explain = false

    @Flag(help: "Do not spell names in Latin letters (faster; no \"latin\" field).")
    var noLatin = false

    @Option(help: ArgumentHelp("Drop events less sure than this (0–1).", valueName: "p"))
    var minConfidence: Double = 0.5

    @Flag(help: "Print documents, bytes, seconds, MB/s and documents/s on standard error at the end.")
    var stats = false

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        guard (0...1).contains(minConfidence) else { throw ValidationError("--min-confidence must be between 0 and 1") }
    }

    /// One unit of work: a file to read, or a document already read from a JSONL line.
    private enum Work: Sendable {
        case file(InputSource)
        case inline(id: String, text: String)
    }

    /// What processing one unit gave: formatted output, the events, or a failure.
    private struct Outcome: Sendable {
        var output = ""
        var events: [RoleChangeEvent] = []
        var bytes = 0
        var failure: (path: String, error: String)? = nil
    }

    func run() throws {
        var configured: EventExtractor
        if noLatin {
            configured = try EventExtractor(withoutRomanizer: ())
        } else {
            configured = try EventExtractor()
        }
        configured.minimumConfidence = minConfidence
        let extractor = configured
        let report = FailureReport()
        let sources = InputCollector.collect(input.paths, report: report)
        var output = OutputWriter()
        if format == .tsv { output.write(ExtractionFormat.tsvHeader) }
        var tableEvents: [RoleChangeEvent] = []
        var progress = ProgressBar(total: inputFormat == .text ? sources.count : nil,
                                   wanted: inputFormat == .jsonl || sources.count > 1)
        let started = Date()
        var done = 0
        var bytes = 0
        let batchSize = max(16, 32 * jobs)

        func flush(_ batch: [Work]) {
            let outcomes = process(batch, extractor: extractor)
            for outcome in outcomes {
                if let failure = outcome.failure {
                    progress.finish()
                    report.fail(failure.path, FailureMessage(text: failure.error))
                }
                output.write(outcome.output)
                if format == .table { tableEvents += outcome.events }
                bytes += outcome.bytes
            }
            done += batch.count
            progress.update(done)
        }

        var batch: [Work] = []
        for source in sources {
            switch inputFormat {
            case .text:
                batch.append(.file(source))
                if batch.count >= batchSize { flush(batch); batch.removeAll() }
            case .jsonl:
                do {
                    var reader = try JSONLinesReader(source: source)
                    while let result = reader.next() {
                        switch result {
                        case .success(let item): batch.append(.inline(id: item.id, text: item.text))
                        case .failure(let error): report.fail(source.path, error)
                        }
                        if batch.count >= batchSize { flush(batch); batch.removeAll() }
                    }
                } catch {
                    report.fail(source.path, error)
                }
            }
        }
        if !batch.isEmpty { flush(batch) }
        progress.finish()
        if format == .table { output.write(ExtractionFormat.table(tableEvents, explain: explain)) }
        output.flush()
        if stats {
            let seconds = Date().timeIntervalSince(started)
            let megabytes = Double(bytes) / 1_000_000
            let line = String(format: "documents=%d bytes=%d seconds=%.3f MB/s=%.2f documents/s=%.1f jobs=%d\n",
                              done, bytes, seconds, megabytes / seconds, Double(done) / seconds, jobs)
            FileHandle.standardError.write(Data(line.utf8))
        }
        try report.finish()
    }

    /// Processes a batch, `jobs` documents at a time; outcomes keep the batch order.
    private func process(_ batch: [Work], extractor: EventExtractor) -> [Outcome] {
        let results = OutcomeSlots<Outcome>(count: batch.count)
        let options = input
        let format = format
        let explain = explain
        let work: @Sendable (Int) -> Void = { index in
            results.set(index, Self.handle(batch[index], extractor: extractor, options: options, format: format, explain: explain))
        }
        if jobs == 1 {
            for index in batch.indices { work(index) }
        } else {
            let next = IndexDispenser()
            DispatchQueue.concurrentPerform(iterations: min(jobs, batch.count)) { _ in
                while let index = next.take(below: batch.count) { work(index) }
            }
        }
        return results.all()
    }

    private static func handle(_ work: Work, extractor: EventExtractor, options: InputOptions, format: ExtractionFormat, explain: Bool) -> Outcome {
        var outcome = Outcome()
        let id: String
        let text: String
        do {
            switch work {
            case .file(let source):
                id = source.displayName
                text = try source.readText(options: options)
            case .inline(let itemID, let itemText):
                id = itemID
                text = itemText
            }
        } catch {
            if case .file(let source) = work { outcome.failure = (source.path, "\(error)") }
            return outcome
        }
        outcome.bytes = text.utf8.count
        do {
            let document = try Document(text)
            let events = extractor.extract(from: document, id: id)
            switch format {
            case .jsonl: outcome.output = events.map { ExtractionFormat.jsonLine($0, document: document, explain: explain) }.joined()
            case .tsv: outcome.output = events.map { ExtractionFormat.tsvLine($0, explain: explain) }.joined()
            case .table: outcome.events = events
            }
        } catch {
            outcome.failure = (id, "\(error)")
        }
        return outcome
    }
}

/// A failure message carried as an error.
private struct FailureMessage: Error, CustomStringConvertible {
    let text: String
    var description: String { text }
}

/// Result slots filled from several threads, read back in order.
private final class OutcomeSlots<Value: Sendable>: @unchecked Sendable {
    private var values: [Value?]
    private let lock = NSLock()

    init(count: Int) { values = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Value) {
        lock.lock()
        values[index] = value
        lock.unlock()
    }

    func all() -> [Value] {
        lock.lock()
        defer { lock.unlock() }
        return values.compactMap { $0 }
    }

}

/// Hands out indices 0, 1, 2, … to worker threads.
private final class IndexDispenser: @unchecked Sendable {
    private var next = 0
    private let lock = NSLock()

    func take(below limit: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard next < limit else { return nil }
        next += 1
        return next - 1
    }
}
