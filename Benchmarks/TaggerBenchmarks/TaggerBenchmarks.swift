import Benchmark
import Foundation
import Qalam

/// News text for the throughput benchmark: the first 300 articles of the shared
/// SaudiNewsNet sample (read in place, never shipped), or a small built-in text when
/// `../shared` is absent.
let newsText: String = {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let sample = root.deletingLastPathComponent().appendingPathComponent("shared/data/news/saudinewsnet-sample.txt")
    if let text = try? String(contentsOf: sample, encoding: .utf8) {
        return text.split(separator: "\n").prefix(300).joined(separator: "\n")
    }
    return String(repeating: "وقال سمير حداد، المدير التنفيذي لشركة نور في بيروت، إن الشركة ستفتح فرعا في دمشق.\n", count: 2000)
}()

/// Custom metric: tokens tagged per second, tokenization included.
let tokensPerSecond = BenchmarkMetric.custom("tokens/s (tokenize + tag)", polarity: .prefersLarger, useScalingFactor: false)

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration.maxDuration = .seconds(10)

    Benchmark("Tag news: tokenize + tag", configuration: .init(metrics: [.wallClock, .throughput, tokensPerSecond], maxIterations: 20)) { benchmark in
        guard let tagger = try? EntityTagger() else { return }
        for _ in benchmark.scaledIterations {
            let started = DispatchTime.now().uptimeNanoseconds
            benchmark.startMeasurement()
            guard let document = try? Document(newsText) else { return }
            let entities = tagger.entities(in: document)
            benchmark.stopMeasurement()
            let elapsed = max(DispatchTime.now().uptimeNanoseconds - started, 1)
            benchmark.measurement(tokensPerSecond, Int(Double(document.tokens.count) * 1e9 / Double(elapsed)))
            blackHole(entities)
        }
    }

    Benchmark("Model load (model file + lexicons)", configuration: .init(metrics: [.wallClock], maxIterations: 10)) { benchmark in
        guard let url = try? EntityTagger.shippedModelURL() else { return }
        for _ in benchmark.scaledIterations {
            blackHole(try? EntityTagger(modelAt: url))
        }
    }
}
