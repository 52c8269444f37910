import ArgumentParser

/// `qalam eval`: the group of evaluation commands.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Score Qalam's output against gold annotations.",
        subcommands: [EvalNERCommand.self]
    )
}
