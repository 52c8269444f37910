import ArgumentParser
import Foundation
import QalamText

extension Normalizer.Preset: ExpressibleByArgument {}

/// The Unicode form chosen on the command line.
enum UnicodeFormChoice: String, CaseIterable, ExpressibleByArgument {
    case none, nfc, nfkc
}

/// `qalam normalize`: normalize Arabic text for search or display.
struct NormalizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "normalize",
        abstract: "Normalize Arabic text for search (folded) or display (cleaned).",
        discussion: """
            Presets: 'search' (default) applies NFKC, removes diacritics, Quranic marks, \
            tatweel, bidi controls and zero-width characters, and folds Persian letters, \
            hamza seats, alef forms, alef maqsura, taa marbuta and digits: \
            «أَحْمَدُ إلى مدرسةٍ العـــربية ﻻ» → «احمد الي مدرسه العربيه لا». \
            'display' applies NFC and removes tatweel and invisible controls only. \
            Each step can be added to or dropped from the preset with its flag \
            (--remove-tatweel / --no-remove-tatweel, …); --form picks the Unicode form.

            text: the normalized text, inputs one after another. \
            jsonl: one object per input line, {"line", "start", "end", "text", \
            "normalized"} (plus "document" when several inputs are read; plus \
            "alignment" with --alignment: for each character of "normalized", the \
            [start, end] of its source in the input). start/end are Unicode scalar \
            offsets into the original input, end exclusive.
            --stats normalizes without writing and prints one line per input: bytes, \
            seconds and MB/s of the byte-level API (normalizeUTF8 into a reused buffer; \
            MB/s from wall-clock time, cpu_MB/s from the thread's CPU time, which a busy \
            machine does not inflate; best_cpu_MB/s from the fastest run), then of the \
            String API (normalizedString, which adds the standard library's UTF-8 validation); \
            medians of --repeat runs.
            """
    )

    @OptionGroup var input: InputOptions

    @Option(help: "The set of steps to start from.")
    var preset: Normalizer.Preset = .search

    @Option(help: "Unicode normalization form, overriding the preset's.")
    var form: UnicodeFormChoice?

    @Flag(inversion: .prefixedNo, help: "Remove harakat, shadda, sukun, superscript alef (U+064B–U+065F, U+0670).")
    var removeDiacritics: Bool?
    @Flag(inversion: .prefixedNo, help: "Remove Quranic annotation marks (U+0610–U+061A, U+06D6–U+06ED, U+08CA–U+08FF).")
    var removeQuranicMarks: Bool?
    @Flag(inversion: .prefixedNo, help: "Remove tatweel U+0640.")
    var removeTatweel: Bool?
    @Flag(inversion: .prefixedNo, help: "Remove bidi controls (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069).")
    var removeBidiControls: Bool?
    @Flag(inversion: .prefixedNo, help: "Remove zero-width characters (U+200B–U+200D, U+2060–U+2064, U+FEFF, U+00AD).")
    var removeZeroWidth: Bool?
    @Flag(inversion: .prefixedNo, help: "Fold Persian/Urdu letters to Arabic (ک → ك, ی → ي, گ → ك, ە → ه, …).")
    var foldPersianLetters: Bool?
    @Flag(inversion: .prefixedNo, help: "Fold hamza seats (ؤ → و, ئ → ي).")
    var foldHamzaSeats: Bool?
    @Flag(inversion: .prefixedNo, help: "Fold alef forms (أ إ آ ٱ → ا).")
    var foldAlef: Bool?
    @Flag(inversion: .prefixedNo, help: "Fold alef maqsura (ى → ي).")
    var foldAlefMaqsura: Bool?
    @Flag(inversion: .prefixedNo, help: "Fold taa marbuta (ة → ه).")
    var foldTaaMarbuta: Bool?
    @Flag(inversion: .prefixedNo, help: "Map Arabic-Indic and Persian digits to ASCII (١٢٣٫٥ → 123.5).")
    var asciiDigits: Bool?

    @Option(help: "Output format.")
    var format: TextFormat = .text

    @Flag(help: "With --format jsonl: add the source span of every normalized character.")
    var alignment = false

    @Flag(help: "Normalize without writing the text; print bytes, seconds and MB/s per input.")
    var stats = false

    @Option(help: ArgumentHelp("With --stats: run this many times and report the median.", valueName: "n"))
    var `repeat`: Int = 1

    func validate() throws {
        guard `repeat` > 0 else { throw ValidationError("--repeat must be positive") }
        if alignment && format != .jsonl { throw ValidationError("--alignment needs --format jsonl") }
    }

    /// The steps: the preset's, with the form and each step flag applied.
    var steps: Set<NormalizationStep> {
        var steps = Set(preset.steps)
        if let form {
            steps.subtract([.nfc, .nfkc])
            switch form {
            case .none: break
            case .nfc: steps.insert(.nfc)
            case .nfkc: steps.insert(.nfkc)
            }
        }
        let flags: [(NormalizationStep, Bool?)] = [
            (.removeDiacritics, removeDiacritics), (.removeQuranicMarks, removeQuranicMarks),
            (.removeTatweel, removeTatweel), (.removeBidiControls, removeBidiControls),
            (.removeZeroWidth, removeZeroWidth), (.foldPersianLetters, foldPersianLetters),
            (.foldHamzaSeats, foldHamzaSeats), (.foldAlef, foldAlef), (.foldAlefMaqsura, foldAlefMaqsura),
            (.foldTaaMarbuta, foldTaaMarbuta), (.asciiDigits, asciiDigits),
        ]
        for (step, flag) in flags {
            switch flag {
            case .some(true): steps.insert(step)
            case .some(false): steps.remove(step)
            case .none: break
            }
        }
        return steps
    }

    func run() throws {
        let normalizer = try Normalizer(steps: steps)
        let report = FailureReport()
        let sources = InputCollector.collect(input.paths, report: report)
        var output = OutputWriter()
        let nameDocuments = sources.count > 1
        for source in sources {
            do {
                let text = try source.readText(options: input)
                if stats {
                    output.write(try measure(normalizer, text, name: source.displayName))
                    continue
                }
                switch format {
                case .text:
                    output.write(try normalizer.normalizedString(text))
                case .jsonl:
                    let documentField = nameDocuments ? "\"document\":\(JSON.quoted(source.displayName))," : ""
                    try writeLines(of: text, normalizer: normalizer, documentField: documentField, to: &output)
                }
            } catch {
                report.fail(source.path, error)
            }
        }
        output.flush()
        try report.finish()
    }

    /// One JSON object per line of `text`.
    private func writeLines(of text: String, normalizer: Normalizer, documentField: String, to output: inout OutputWriter) throws {
        var lineNumber = 0
        var scalarOffset = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let lineScalars = line.unicodeScalars.count
            defer { scalarOffset += lineScalars + 1 }
            if line.isEmpty && scalarOffset + lineScalars >= text.unicodeScalars.count { break }
            let content = line.hasSuffix("\r") ? line.dropLast() : line
            let contentScalars = content.unicodeScalars.count
            var object = "{\(documentField)\"line\":\(lineNumber),\"start\":\(scalarOffset),\"end\":\(scalarOffset + contentScalars),"
            object += "\"text\":\(JSON.quoted(content)),"
            if alignment {
                let result = try normalizer.normalize(String(content))
                let offsets = ScalarOffsetTable(String(content))
                object += "\"normalized\":\(JSON.quoted(result.text)),\"alignment\":["
                for index in 0..<result.scalarCount {
                    let span = result.originalRange(ofScalar: index)
                    let start = scalarOffset + offsets.scalarOffset(ofByte: span.lowerBound)
                    let end = scalarOffset + offsets.scalarOffset(ofByte: span.upperBound)
                    object += index == 0 ? "[\(start),\(end)]" : ",[\(start),\(end)]"
                }
                object += "]}\n"
            } else {
                object += "\"normalized\":\(JSON.quoted(try normalizer.normalizedString(content)))}\n"
            }
            output.write(object)
        }
    }

    /// Times the normalization of `text` and returns the report line.
    private func measure(_ normalizer: Normalizer, _ text: String, name: String) throws -> String {
        func median(_ times: [Double]) -> Double {
            let sorted = times.sorted()
            return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
        }
        func now() -> (wall: Double, cpu: Double) {
            var spec = timespec()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
            return (Double(DispatchTime.now().uptimeNanoseconds) / 1e9, Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9)
        }
        var byteTimes: [Double] = []
        var cpuTimes: [Double] = []
        var stringTimes: [Double] = []
        var buffer: [UInt8] = []
        var outputBytes = 0
        for _ in 0..<`repeat` {
            let before = now()
            try normalizer.normalizeUTF8(text, into: &buffer)
            let after = now()
            byteTimes.append(after.wall - before.wall)
            cpuTimes.append(after.cpu - before.cpu)
            let start = now().wall
            let stringOut = try normalizer.normalizedString(text)
            stringTimes.append(now().wall - start)
            outputBytes = buffer.count
            if stringOut.utf8.count != outputBytes { throw ValidationError("internal: byte and string results differ") }
        }
        let bytes = text.utf8.count
        let byteMedian = median(byteTimes), stringMedian = median(stringTimes)
        func rate(_ time: Double) -> String { String(format: "%.1f", time > 0 ? Double(bytes) / time / 1e6 : 0) }
        let steps = normalizer.steps.map(\.rawValue).joined(separator: ",")
        let cpuMedian = median(cpuTimes)
        let cpuBest = cpuTimes.min() ?? 0
        return "\(name)\tbytes=\(bytes)\toutput_bytes=\(outputBytes)\tseconds=\(String(format: "%.4f", byteMedian))"
            + "\tMB/s=\(rate(byteMedian))\tcpu_MB/s=\(rate(cpuMedian))\tbest_cpu_MB/s=\(rate(cpuBest))\tstring_seconds=\(String(format: "%.4f", stringMedian))\tstring_MB/s=\(rate(stringMedian))"
            + "\truns=\(`repeat`)\tsteps=\(steps)\n"
    }
}
