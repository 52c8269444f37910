import ArgumentParser
import Foundation

/// Collects per-file failures: each is printed to standard error as it happens
/// (`qalam: PATH: reason`), and the run ends with exit status 1 if there was any.
final class FailureReport {
    private(set) var failures = 0

    /// Reports that `path` failed with `error`.
    func fail(_ path: String, _ error: any Error) {
        failures += 1
        let name = path == "-" ? "<stdin>" : path
        FileHandle.standardError.write(Data("qalam: \(name): \(error)\n".utf8))
    }

    /// Throws `ExitCode.failure` when anything failed.
    func finish() throws {
        if failures > 0 { throw ExitCode.failure }
    }
}
