import Foundation
import QalamText

/// One input the tool reads: a file or standard input.
struct InputSource: Sendable {
    /// The path as given or found ("-" for standard input).
    let path: String
    /// The name written in output (`document` fields) and in error messages.
    var displayName: String { path == "-" ? "<stdin>" : path }
    /// Whether this is standard input.
    var isStandardInput: Bool { path == "-" }

    /// Reads the whole input and decodes it as text.
    func readText(options: InputOptions) throws -> String {
        let bytes = try readBytes()
        return try TextDecoding.decode(bytes, lossy: options.lossy, lineLimit: options.maxLineBytes)
    }

    /// Reads the whole input as bytes.
    func readBytes() throws -> [UInt8] {
        if isStandardInput {
            return [UInt8](FileHandle.standardInput.readDataToEndOfFile())
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw InputError.unreadable(reason: FileManager.default.fileExists(atPath: path) ? "permission denied" : "no such file")
        }
        defer { try? handle.close() }
        do {
            return [UInt8](try handle.readToEnd() ?? Data())
        } catch {
            throw InputError.unreadable(reason: error.localizedDescription)
        }
    }
}

/// Problems with paths given on the command line.
enum InputError: Error, CustomStringConvertible {
    case unreadable(reason: String)
    case notFound
    case emptyDirectory

    var description: String {
        switch self {
        case .unreadable(let reason): "cannot read: \(reason)"
        case .notFound: "no such file or directory"
        case .emptyDirectory: "folder holds no *.txt files"
        }
    }
}

/// Turns the paths on the command line into inputs: files as given, folders walked
/// recursively for `*.txt` files (sorted, so output order is stable), standard input
/// for none or "-". Paths that do not exist are reported and skipped.
struct InputCollector {
    /// Expands `paths`; problems go to `report`.
    static func collect(_ paths: [String], report: FailureReport) -> [InputSource] {
        if paths.isEmpty { return [InputSource(path: "-")] }
        var sources: [InputSource] = []
        let files = FileManager.default
        for path in paths {
            if path == "-" { sources.append(InputSource(path: "-")); continue }
            var isDirectory: ObjCBool = false
            guard files.fileExists(atPath: path, isDirectory: &isDirectory) else {
                report.fail(path, InputError.notFound)
                continue
            }
            if !isDirectory.boolValue { sources.append(InputSource(path: path)); continue }
            guard let walker = files.enumerator(atPath: path) else {
                report.fail(path, InputError.unreadable(reason: "cannot list folder"))
                continue
            }
            var found: [String] = []
            while let relative = walker.nextObject() as? String {
                if relative.hasSuffix(".txt") {
                    let full = (path as NSString).appendingPathComponent(relative)
                    var isDir: ObjCBool = false
                    if files.fileExists(atPath: full, isDirectory: &isDir), !isDir.boolValue { found.append(full) }
                }
            }
            if found.isEmpty { report.fail(path, InputError.emptyDirectory); continue }
            sources.append(contentsOf: found.sorted().map { InputSource(path: $0) })
        }
        return sources
    }
}
