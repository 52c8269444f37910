import Benchmark
import Dispatch
import Foundation
import Qalam

/// The shared news sample (../shared/data/news/saudinewsnet-sample.txt), one article per line.
let newsSample: [String] = {
    var root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    while root.path != "/", !FileManager.default.fileExists(atPath: root.appendingPathComponent("Package.swift").path) {
        root.deleteLastPathComponent()
    }
    let file = root.appendingPathComponent("../shared/data/news/saudinewsnet-sample.txt")
    guard let text = try? String(contentsOf: file, encoding: .utf8) else {
        print("ExtractionBenchmarks: ../shared/data/news/saudinewsnet-sample.txt not found; benchmarks skipped")
        return []
    }
    return text.split(separator: "\n").map(String.init).filter { !$0.isEmpty }
}()

/// The first 1,000 articles: a batch large enough to measure, small enough to repeat.
let articles = Array(newsSample.prefix(1_000))
let articleBytes = articles.reduce(0) { $0 + $1.utf8.count }

/// Extracts events from `documents`, tokenization included.
func extractAll(_ documents: ArraySlice<String>, with extractor: EventExtractor) -> Int {
    var count = 0
    for (index, text) in zip(documents.indices, documents) {
        guard let document = try? Document(text) else { continue }
        count += extractor.extract(from: document, id: "news-\(index)").count
    }
    return count
}

let benchmarks: @Sendable () -> Void = {
    guard !articles.isEmpty, let extractor = try? EventExtractor() else { return }
    let megabytes = Double(articleBytes) / 1_000_000
    // Throughput: one "item" is one article; MB/s = megabytes / (wall-clock seconds per iteration).
    let configuration = Benchmark.Configuration(
        metrics: [.wallClock, .cpuTotal, .throughput, .peakMemoryResident],
        scalingFactor: .one,
        maxDuration: .seconds(20),
        maxIterations: 10
    )
    Benchmark("extract: 1,000 news articles (\(String(format: "%.2f", megabytes)) MB), single core", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(extractAll(articles[...], with: extractor)) }
    }
    Benchmark("extract: 1,000 news articles (\(String(format: "%.2f", megabytes)) MB), 2 workers", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations {
            let half = articles.count / 2
            let parts = [articles[..<half], articles[half...]]
            DispatchQueue.concurrentPerform(iterations: 2) { blackHole(extractAll(parts[$0], with: extractor)) }
        }
    }
}
