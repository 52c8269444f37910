import ArgumentParser

/// `qalam train`: the group of training commands.
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train Qalam's models from annotated data.",
        subcommands: [TrainNERCommand.self]
    )
}
