import ArgumentParser
import QalamText

/// Options shared by every subcommand that reads text.
struct InputOptions: ParsableArguments {
    @Argument(help: ArgumentHelp(
        "Files or folders to read (folders recursively, *.txt). Standard input when none, or '-'.",
        valueName: "path"))
    var paths: [String] = []

    @Flag(help: "Replace invalid UTF-8 with U+FFFD instead of failing the file.")
    var lossy = false

    @Option(help: ArgumentHelp("Longest line accepted, in bytes.", valueName: "bytes"))
    var maxLineBytes: Int = TextDecoding.defaultLineLimit

    func validate() throws {
        guard maxLineBytes > 0 else { throw ValidationError("--max-line-bytes must be positive") }
    }
}
