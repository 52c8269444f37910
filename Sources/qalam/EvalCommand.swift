import ArgumentParser

/// `qalam eval`: score Qalam's components against gold data.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Score a component's output against a gold file.",
        subcommands: [
            EvalNERCommand.self,
            EvalTranslitCommand.self,
        ]
    )
}
