import Foundation
import QalamEvents
import QalamText
import Testing

/// The package root (the folder holding Package.swift) and the shared data beside it.
let packageRoot: URL = {
    var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    while url.path != "/", !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
        url.deleteLastPathComponent()
    }
    return url
}()
let sharedFolder = packageRoot.appendingPathComponent("../shared").standardizedFileURL
let sharedAvailable = FileManager.default.fileExists(atPath: sharedFolder.appendingPathComponent("eval/score_relations.py").path)

/// Extracts events from every `*.txt` in `folder`, with the file path as document id.
func extractFolder(_ folder: URL) throws -> [RoleChangeEvent] {
    let extractor = try EventExtractor()
    let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".txt") }.sorted()
    return try files.flatMap { name in
        let url = folder.appendingPathComponent(name)
        return extractor.extract(from: try Document(String(contentsOf: url, encoding: .utf8)), id: url.path)
    }
}

@Suite("Extraction floors on the shared evaluation sets", .enabled(if: sharedAvailable, "../shared not found: evaluation floors skipped"))
struct EvaluationTests {
    @Test("openai-departures: F1 ≥ 0.90, full F1 ≥ 0.80")
    func openAIArticle() throws {
        let file = sharedFolder.appendingPathComponent("corpus/openai-departures.ar.txt")
        let events = try EventExtractor().extract(from: try Document(String(contentsOf: file, encoding: .utf8)), id: file.path)
        let result = try RelationScorer(goldFile: sharedFolder.appendingPathComponent("eval/openai-departures.gold.json")).score(events)
        print("openai-departures: P=\(result.precision) R=\(result.recall) F1=\(result.f1) full=\(result.fullF1)")
        #expect(result.f1 >= 0.90)
        #expect(result.fullF1 >= 0.80)
    }

    @Test("snn and news-dev: F1 ≥ 0.70 each", arguments: ["snn", "news-dev"])
    func developmentSet(name: String) throws {
        let events = try extractFolder(sharedFolder.appendingPathComponent("eval/\(name)"))
        let result = try RelationScorer(goldFile: sharedFolder.appendingPathComponent("eval/\(name).gold.json")).score(events)
        print("\(name): P=\(result.precision) R=\(result.recall) F1=\(result.f1) full=\(result.fullF1)")
        #expect(result.f1 >= 0.70)
    }
}
