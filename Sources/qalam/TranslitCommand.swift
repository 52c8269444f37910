import ArgumentParser
import Foundation
import QalamNames
import QalamText

/// `qalam translit`: transliterate text line by line with a character scheme, an ICU
/// transform or the name romanizer.
struct TranslitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "translit",
        abstract: "Transliterate text line by line (Buckwalter schemes, ICU transforms, name romanization).",
        discussion: """
            Schemes: bw (Buckwalter), safebw (safe Buckwalter), xmlbw (XML Buckwalter), \
            icu:<id> (an ICU transform such as icu:Arabic-Latin, icu:Arabic-Latin/BGN, \
            icu:Any-Latin or a compound 'icu:Any-Latin; Latin-ASCII'), name (Arabic-script \
            names to ranked Latin spellings).

            bw/safebw/xmlbw round-trip losslessly: characters of the input that are scheme \
            symbols (Latin letters, $, ', …) or '\\' are escaped with '\\', which --reverse \
            undoes; Arabic-script text needs no escapes. --plain gives conventional output \
            without escapes (lossless only for text without scheme symbols).

            With --scheme name each input line is one name and gives one output line of up \
            to --top tab-separated candidates, best first; with --reverse each line is a \
            Latin name and gives Arabic-script spellings.
            """
    )

    @OptionGroup var input: InputOptions

    @Option(help: ArgumentHelp("bw, safebw, xmlbw, icu:<id> or name.", valueName: "scheme"))
    var scheme: String = "bw"

    @Flag(help: "Convert back: scheme symbols to Arabic script, or Latin names to Arabic spellings.")
    var reverse = false

    @Flag(help: "With bw/safebw/xmlbw: do not escape scheme symbols already in the input.")
    var plain = false

    @Option(help: ArgumentHelp("With --scheme name: candidates per line.", valueName: "k"))
    var top: Int = 1

    @Flag(help: "With --scheme name: append each candidate's score after a space.")
    var scores = false

    func validate() throws {
        guard top > 0 else { throw ValidationError("--top must be positive") }
        if !["bw", "safebw", "xmlbw", "name"].contains(scheme) && !scheme.hasPrefix("icu:") {
            throw ValidationError("unknown scheme '\(scheme)': use bw, safebw, xmlbw, icu:<id> or name")
        }
    }

    func run() throws {
        let convert = try makeConverter()
        let report = FailureReport()
        var output = OutputWriter()
        for source in InputCollector.collect(input.paths, report: report) {
            do {
                let text = try source.readText(options: input)
                var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
                if lines.last?.isEmpty == true { lines.removeLast() }
                for line in lines {
                    output.write(try convert(line))
                    output.write("\n")
                }
            } catch {
                report.fail(source.path, error)
            }
        }
        output.flush()
        try report.finish()
    }

    /// The line converter for the chosen scheme.
    private func makeConverter() throws -> (Substring) throws -> String {
        switch scheme {
        case "bw", "safebw", "xmlbw":
            let kind: TransliterationScheme = scheme == "bw" ? .buckwalter : scheme == "safebw" ? .safeBuckwalter : .xmlBuckwalter
            let transliterator = try Transliterator(scheme: kind, escaping: !plain)
            return reverse ? { transliterator.reverse($0) } : { transliterator.transliterate($0) }
        case "name":
            if reverse {
                let matcher = try LatinNameMatcher()
                return { line in
                    matcher.arabicSpellings(of: String(line), top: top).map { candidate in
                        scores ? "\(candidate.arabic) \(String(format: "%.3f", candidate.score))" : candidate.arabic
                    }.joined(separator: "\t")
                }
            }
            let romanizer = try NameRomanizer()
            return { line in
                romanizer.romanize(String(line), top: top).map { candidate in
                    scores ? "\(candidate.latin) \(String(format: "%.3f", candidate.score))" : candidate.latin
                }.joined(separator: "\t")
            }
        default:
            let transform = try ICUTransform(id: String(scheme.dropFirst(4)), reverse: reverse)
            return { try transform.transform($0) }
        }
    }
}
