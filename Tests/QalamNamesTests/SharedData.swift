import Foundation

/// Locates `../shared` beside the package root (found from this file's path).
enum SharedData {
    static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
            url = url.deletingLastPathComponent()
        }
        return url
    }()

    static let folder = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")

    static func url(_ relative: String) -> URL { folder.appendingPathComponent(relative) }

    static let available = FileManager.default.fileExists(atPath: url("data/anercorp/test.txt").path)
        && FileManager.default.fileExists(atPath: url("corpus/openai-departures.ar.txt").path)

    static func text(_ relative: String) throws -> String {
        try String(contentsOf: url(relative), encoding: .utf8)
    }
}

/// For `.enabled(if:)`.
let sharedAvailable = SharedData.available
