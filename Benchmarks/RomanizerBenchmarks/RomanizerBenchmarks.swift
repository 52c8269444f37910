import Benchmark
import Foundation
import Qalam

/// The text of a file of ../shared (read in place, never copied), or nil when it is absent.
private func sharedText(_ relativePath: String) -> String? {
    var root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    while root.path != "/" && !FileManager.default.fileExists(atPath: root.appendingPathComponent("Package.swift").path) {
        root.deleteLastPathComponent()
    }
    return try? String(contentsOf: root.appendingPathComponent("../shared/" + relativePath), encoding: .utf8)
}

/// Arabic names for the benchmarks: the Arabic column of ../shared's training pairs; a few
/// built-in names when ../shared is absent.
private let names: [String] = {
    guard let text = sharedText("data/translit/ar2en-train.tsv") else {
        print("RomanizerBenchmarks: ../shared not found, using 8 built-in names")
        return ["ميرا", "موراتي", "بوب", "ماكجرو", "سوندار", "بيتشاي", "جون", "شولمان"]
    }
    return text.split(separator: "\n").prefix(2_000).compactMap { $0.split(separator: "\t").first.map(String.init) }
}()

/// A news-like stream: 10,000 names drawn with a Zipf-like law from the first 500 names,
/// so that frequent names repeat as person names do in news.
private let stream: [String] = {
    var state: UInt64 = 7
    var result: [String] = []
    let pool = Array(names.prefix(500))
    for _ in 0..<10_000 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        let uniform = Double(state >> 11) / Double(1 << 53)
        let index = min(pool.count - 1, Int(pow(Double(pool.count), uniform)) - 1)
        result.append(pool[max(0, index)])
    }
    return result
}()

/// News articles to search for Latin names: the first 200 lines of ../shared's news sample;
/// one built-in sentence when ../shared is absent.
private let articles: [String] = {
    guard let text = sharedText("data/news/saudinewsnet-sample.txt") else {
        print("RomanizerBenchmarks: ../shared not found, searching one built-in sentence")
        return ["قالت المستشارة الألمانية أنجيلا ميركل إن الاتفاق مهم."]
    }
    return text.split(separator: "\n").prefix(200).map(String.init)
}()

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration.maxDuration = .seconds(5)
    Benchmark.defaultConfiguration.maxIterations = 50

    Benchmark("NameRomanizer model load",
              configuration: .init(metrics: [.wallClock, .peakMemoryResident])) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try NameRomanizer())
        }
    }

    // As `NameRomanizer()` (n-best reranker, Arabic-name and Egyptian-name tables, noisy-channel
    // term, skeleton pass), with the word cache off; top 5, and top 1 (the best spelling only,
    // what entity tagging asks for). The last two leave out the skeleton pass (fifteenth round)
    // or the reranker on the same names, for a before/after in one run.
    for (label, top, reranked, skeletons) in [("top 5", 5, true, true), ("top 1", 1, true, true),
                                              ("top 5, no skeleton pass", 5, true, false),
                                              ("top 5, no reranker", 5, false, true)] {
        Benchmark("NameRomanizer distinct names, no cache (\(label))",
                  configuration: .init(metrics: [.wallClock, .throughput], scalingFactor: .kilo)) { benchmark in
            let model = try RomanizerModel.shipped()
            var settings = NameRomanizer.Configuration()
            settings.cacheLimit = 0
            let romanizer = NameRomanizer(model: model, configuration: settings,
                                          reranker: reranked ? try RomanizerReranker.shipped() : nil,
                                          spellings: try ArabicNameSpellings.shipped(),
                                          egyptianNames: try EgyptianNameSpellings.shipped(),
                                          skeletons: skeletons ? try NameSkeleton.shipped() : nil)
            benchmark.startMeasurement()
            for index in benchmark.scaledIterations {
                blackHole(romanizer.romanize(names[index % names.count], top: top))
            }
        }
    }

    Benchmark("NameRomanizer news-like stream, warm word cache (top 5)",
              configuration: .init(metrics: [.wallClock, .throughput], scalingFactor: .kilo)) { benchmark in
        let romanizer = try NameRomanizer()
        // Fill the cache first: this measures repeated names only (a long news run's steady state).
        for name in stream { blackHole(romanizer.romanize(name, top: 5)) }
        benchmark.startMeasurement()
        for index in benchmark.scaledIterations {
            blackHole(romanizer.romanize(stream[index % stream.count], top: 5))
        }
    }

    // `qalam find`'s work without the tagger: a two-word name, its spellings generated once
    // (`LatinNameMatcher.query(for:)`), searched in 200 news articles (≈ 60k tokens, already
    // tokenized). The romanizer's word cache is warm after the first pass, as in a long run.
    Benchmark("LatinNameMatcher: a prepared name in 200 news articles",
              configuration: .init(metrics: [.wallClock, .throughput])) { benchmark in
        let matcher = try LatinNameMatcher()
        let documents = try articles.map { try Document($0) }
        let query = matcher.query(for: "Angela Merkel")
        for document in documents { blackHole(matcher.matches(of: query, in: document)) }
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            for document in documents { blackHole(matcher.matches(of: query, in: document)) }
        }
    }

    Benchmark("Buckwalter round trip of 1,000 names",
              configuration: .init(metrics: [.wallClock, .throughput])) { benchmark in
        let bw = try Transliterator(scheme: .buckwalter)
        let text = names.prefix(1_000).joined(separator: " ")
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(bw.reverse(bw.transliterate(text)))
        }
    }
}
