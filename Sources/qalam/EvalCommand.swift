import ArgumentParser

/// `qalam eval`: measure Qalam's components against gold data.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Score a component against a gold file.",
        subcommands: [
            EvalTranslitCommand.self,
        ]
    )
}
