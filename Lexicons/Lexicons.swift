import Foundation

/// Why a lexicon file could not be used.
public struct LexiconError: Error, Sendable, CustomStringConvertible {
    /// The lexicon's path relative to the `Lexicons/` folder, such as `charmaps/alef.tsv`.
    public let path: String
    /// What went wrong.
    public let reason: String

    /// Creates an error for `path`.
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    /// A one-line message naming the file.
    public var description: String { "lexicon \(path): \(reason)" }
}

/// Finds and reads Qalam's data files: character tables, name lists, trained models.
///
/// The files ship as the resources of this target. They are looked for, in order:
/// 1. in the folder named by the environment variable `QALAM_LEXICONS`;
/// 2. in the resource bundle SwiftPM places beside the executable
///    (`Qalam_QalamLexicons.resources`);
/// 3. in the `Lexicons/` folder of the source checkout this binary was built from.
/// A missing or unreadable file is a ``LexiconError``, never a crash.
public enum LexiconStore {
    /// The name of the resource bundle SwiftPM builds for this target.
    static let bundleName = "Qalam_QalamLexicons.resources"

    /// Folders searched for lexicon files, in order.
    public static let searchPath: [URL] = {
        var folders: [URL] = []
        if let override = ProcessInfo.processInfo.environment["QALAM_LEXICONS"], !override.isEmpty {
            folders.append(URL(fileURLWithPath: override, isDirectory: true))
        }
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        folders.append(executable.deletingLastPathComponent().appendingPathComponent(bundleName))
        folders.append(Bundle.main.bundleURL.appendingPathComponent(bundleName))
        folders.append(URL(fileURLWithPath: #filePath).deletingLastPathComponent())
        return folders
    }()

    /// The location of the lexicon at `path` (relative to `Lexicons/`).
    public static func url(for path: String) throws(LexiconError) -> URL {
        for folder in searchPath {
            let candidate = folder.appendingPathComponent(path)
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
        }
        throw LexiconError(path: path, reason: "not found (looked in \(searchPath.map(\.path).joined(separator: ", ")); set QALAM_LEXICONS to the Lexicons folder)")
    }

    /// The bytes of the lexicon at `path`.
    public static func data(_ path: String) throws(LexiconError) -> Data {
        let location = try url(for: path)
        do {
            return try Data(contentsOf: location)
        } catch {
            throw LexiconError(path: path, reason: "unreadable: \(error.localizedDescription)")
        }
    }

    /// The text of the lexicon at `path`, which must be UTF-8.
    public static func text(_ path: String) throws(LexiconError) -> String {
        let bytes = try data(path)
        guard let text = String(data: bytes, encoding: .utf8) else {
            throw LexiconError(path: path, reason: "not valid UTF-8")
        }
        return text
    }

    /// The data lines of a text lexicon: without `#` comment lines (the header that
    /// names the source and licence) and blank lines, each with its 1-based line number.
    public static func dataLines(_ path: String) throws(LexiconError) -> [(line: Int, text: Substring)] {
        let text = try text(path)
        var result: [(line: Int, text: Substring)] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.hasSuffix("\r") ? line.dropLast() : line
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            result.append((index + 1, trimmed))
        }
        return result
    }

    /// The tab-separated data rows of a text lexicon, each checked to have at least
    /// `columns` fields; a short row is a ``LexiconError`` naming the line.
    public static func rows(_ path: String, columns: Int) throws(LexiconError) -> [[Substring]] {
        var rows: [[Substring]] = []
        for (line, text) in try dataLines(path) {
            let fields = text.split(separator: "\t", omittingEmptySubsequences: false)
            if fields.count < columns {
                throw LexiconError(path: path, reason: "line \(line) has \(fields.count) tab-separated fields, expected \(columns)")
            }
            rows.append(fields)
        }
        return rows
    }
}
