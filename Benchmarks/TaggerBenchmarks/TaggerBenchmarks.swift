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

    // The tagger keeps word scores between documents (see EntityTagger.clearWordCache()).
    // "cold": the kept scores are cleared before every iteration, so each word type of the
    // 300 articles is seen for the first time; "warm": the steady state of a long run.
    for warm in [false, true] {
        let name = "Tag news: tokenize + tag, \(warm ? "warm" : "cold") word cache"
        Benchmark(name, configuration: .init(metrics: [.wallClock, .throughput, tokensPerSecond], maxIterations: 20)) { benchmark in
            guard let tagger = try? EntityTagger() else { return }
            if warm, let document = try? Document(newsText) { blackHole(tagger.entities(in: document)) }
            for _ in benchmark.scaledIterations {
                if !warm { tagger.clearWordCache() }
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
    }

    // A stream of short documents (one article each, as `qalam tag FOLDER` reads a folder of
    // article files), with the word scores kept from one article to the next as in a run
    // (cleared before each iteration, so every iteration starts cold).
    Benchmark("Tag news article by article: tokenize + tag", configuration: .init(metrics: [.wallClock, .throughput, tokensPerSecond], maxIterations: 20)) { benchmark in
        guard let tagger = try? EntityTagger() else { return }
        let articles = newsText.split(separator: "\n").map(String.init)
        for _ in benchmark.scaledIterations {
            tagger.clearWordCache()
            var tokens = 0
            let started = DispatchTime.now().uptimeNanoseconds
            benchmark.startMeasurement()
            for article in articles {
                guard let document = try? Document(article) else { continue }
                blackHole(tagger.entities(in: document))
                tokens += document.tokens.count
            }
            benchmark.stopMeasurement()
            let elapsed = max(DispatchTime.now().uptimeNanoseconds - started, 1)
            benchmark.measurement(tokensPerSecond, Int(Double(tokens) * 1e9 / Double(elapsed)))
        }
    }

    Benchmark("Model load (model file + lexicons)", configuration: .init(metrics: [.wallClock], maxIterations: 10)) { benchmark in
        guard let url = try? EntityTagger.shippedModelURL() else { return }
        for _ in benchmark.scaledIterations {
            blackHole(try? EntityTagger(modelAt: url))
        }
    }
}
