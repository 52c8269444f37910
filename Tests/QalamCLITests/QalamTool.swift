import Foundation
import Testing

/// Runs the built `qalam` executable in tests.
enum QalamTool {
    /// The result of one run.
    struct Run {
        let status: Int32
        let stdout: String
        let stderr: String
        let stdoutBytes: Data
    }

    /// The package root: the folder holding Package.swift.
    static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
            url = url.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }()

    /// `../shared` beside the package root.
    static let shared = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")

    /// Whether `../shared` exists.
    static let sharedAvailable = FileManager.default.fileExists(atPath: shared.appendingPathComponent("corpus").path)

    /// The `qalam` binary built beside the test bundle.
    static let executable: URL? = {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments.first ?? "").deletingLastPathComponent().appendingPathComponent("qalam"),
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("qalam"),
            Bundle.main.bundleURL.appendingPathComponent("qalam"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    /// Runs `qalam arguments…` with `input` on standard input.
    static func run(_ arguments: [String], input: Data = Data()) throws -> Run {
        guard let executable else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSLocalizedDescriptionKey: "qalam binary not found beside the tests"])
        }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        // Feed input and drain both outputs concurrently so no pipe fills up.
        let group = DispatchGroup()
        nonisolated(unsafe) var out = Data(), err = Data()
        group.enter()
        DispatchQueue.global().async { out = stdout.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        group.enter()
        DispatchQueue.global().async { err = stderr.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        stdin.fileHandleForWriting.write(input)
        try stdin.fileHandleForWriting.close()
        process.waitUntilExit()
        group.wait()
        return Run(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
                   stderr: String(decoding: err, as: UTF8.self), stdoutBytes: out)
    }

    /// Runs `qalam arguments…` with `input` (UTF-8) on standard input.
    static func run(_ arguments: [String], input: String) throws -> Run {
        try run(arguments, input: Data(input.utf8))
    }

    /// A fresh temporary folder.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("qalam-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
