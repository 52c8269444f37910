import Foundation

/// Locates `../shared` (the data sets beside the project) from this source file.
enum SharedData {
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
    static let root = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")

    /// Whether `../shared` exists.
    static let available = FileManager.default.fileExists(atPath: root.appendingPathComponent("data").path)

    /// Why shared-data tests are skipped.
    static let skipReason: Comment = "../shared not found beside the project: shared-data tests skipped"

    /// A file under `../shared`.
    static func url(_ path: String) -> URL { root.appendingPathComponent(path) }

    /// The text of a file under `../shared`.
    static func text(_ path: String) throws -> String {
        try String(contentsOf: url(path), encoding: .utf8)
    }

    /// Every text corpus in `../shared`: data sets, the article and the evaluation texts.
    static func corpora() -> [URL] {
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [] }
        var files: [URL] = []
        for case let url as URL in walker where ["txt", "tsv", "conll"].contains(url.pathExtension) {
            files.append(url)
        }
        return files.sorted { $0.path < $1.path }
    }
}

import Testing
