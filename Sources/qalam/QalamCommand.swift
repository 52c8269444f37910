import ArgumentParser

/// The `qalam` command-line tool.
@main
struct QalamCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qalam",
        abstract: "Arabic text processing: tokens, normalization, sentences, names and who-left-what-role events.",
        discussion: """
            Every subcommand reads the files and folders it is given (folders recursively, \
            *.txt files), or standard input when given none or '-'. Bad input never stops a \
            run: each failing file is reported on standard error with the reason and the \
            exit status is 1 when any file failed.
            """,
        version: "0.1.0",
        subcommands: [
            ExtractCommand.self,
            TagCommand.self,
            TranslitCommand.self,
            FindCommand.self,
            TokenizeCommand.self,
            NormalizeCommand.self,
            SentencesCommand.self,
            TrainCommand.self,
            EvalCommand.self,
        ]
    )
}
