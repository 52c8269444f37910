import Benchmark
import Foundation
import QalamText

// Throughput and allocations of the text hot path: the ICU tokenizer engine, the fast
// engine (streaming, into a reused array, on two threads), the `search` normalizer,
// tokenize + normalize, and sentence splitting, over the shared 19 MB news sample.
//
//     QALAM_BENCHMARKS=1 swift package --disable-sandbox benchmark --target TokenizerBenchmarks
//
// Each iteration processes the whole corpus once. Besides package-benchmark's own metrics
// (wall clock, instructions, mallocs) every benchmark reports two custom metrics per
// iteration: MB/s (10^6 bytes of UTF-8 input per second) and ktokens/s.

/// The corpus: ../shared/data/news/saudinewsnet-sample.txt next to the package, or a
/// generated Arabic-and-Latin text of the same size when ../shared is absent.
let corpus: String = {
    var root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    while root.path != "/" && !FileManager.default.fileExists(atPath: root.appendingPathComponent("Package.swift").path) {
        root.deleteLastPathComponent()
    }
    let path = root.deletingLastPathComponent().appendingPathComponent("shared/data/news/saudinewsnet-sample.txt").path
    if let data = FileManager.default.contents(atPath: path), !data.isEmpty {
        return String(decoding: data, as: UTF8.self)
    }
    print("TokenizerBenchmarks: \(path) not found; using a generated corpus of 19 MB instead (figures not comparable)")
    let words = ["قال", "رئيس", "الوزراء،", "اليوم", "(الاثنين)", "إن", "الحكومة", "ستعلن", "عن", "خطة", "جديدة",
                 "بقيمة", "3.5", "مليار", "ريال", "في", "2015م.", "OpenAI", "لـ«الشرق»:", "\"نعم\"", "١٢٣٫٥"]
    var text = ""
    text.reserveCapacity(19_300_000)
    var state: UInt64 = 42
    while text.utf8.count < 19_000_000 {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        text += words[Int(state >> 33) % words.count]
        text += (state >> 20) % 17 == 0 ? "\n" : " "
    }
    return text
}()

let corpusBytes = corpus.utf8.count
let corpusTokens: Int = (try? Tokenizer(engine: .icu).tokenize(corpus).count) ?? 0

let megabytesPerSecond = BenchmarkMetric.custom("MB/s", polarity: .prefersLarger, useScalingFactor: false)
let kilotokensPerSecond = BenchmarkMetric.custom("ktokens/s", polarity: .prefersLarger, useScalingFactor: false)

/// Runs `body` once per iteration and records MB/s (and ktokens/s when `tokens`) for each.
func measure(_ benchmark: Benchmark, tokens: Bool = true, _ body: () throws -> Void) throws {
    let clock = ContinuousClock()
    for _ in benchmark.scaledIterations {
        let start = clock.now
        benchmark.startMeasurement()
        try body()
        benchmark.stopMeasurement()
        let elapsed = clock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        benchmark.measurement(megabytesPerSecond, Int(Double(corpusBytes) / seconds / 1e6))
        if tokens { benchmark.measurement(kilotokensPerSecond, Int(Double(corpusTokens) / seconds / 1e3)) }
    }
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .instructions, .mallocCountTotal, .peakMemoryResident, megabytesPerSecond, kilotokensPerSecond],
        warmupIterations: 1,
        scalingFactor: .one,
        maxDuration: .seconds(20),
        maxIterations: 7
    )
    let text = corpus
    let fast = Tokenizer(engine: .fast)
    let icu = Tokenizer(engine: .icu)
    fast.prepare()

    Benchmark("Tokenize ICU engine, streaming") { benchmark in
        var count = 0
        try measure(benchmark) { try icu.forEachToken(in: text) { _ in count += 1 } }
        blackHole(count)
    }

    Benchmark("Tokenize fast engine, streaming") { benchmark in
        var count = 0
        try measure(benchmark) { try fast.forEachToken(in: text) { _ in count += 1 } }
        blackHole(count)
    }

    Benchmark("Tokenize fast engine, into a reused array") { benchmark in
        var tokens: [Token] = []
        var copy = text
        try copy.withUTF8 { bytes in
            try fast.tokenize(bytes, into: &tokens)  // grow the array once, before measuring
            try measure(benchmark) { try fast.tokenize(bytes, into: &tokens) }
        }
        blackHole(tokens.count)
    }

    Benchmark("Tokenize fast engine, 2 threads") { benchmark in
        var buffers: [[Token]] = []
        var copy = text
        try copy.withUTF8 { bytes in
            try fast.tokenizeConcurrently(bytes, parts: 2, into: &buffers)
            try measure(benchmark) { try fast.tokenizeConcurrently(bytes, parts: 2, into: &buffers) }
        }
        blackHole(buffers.count)
    }

    Benchmark("Normalize, search preset") { benchmark in
        let normalizer = try Normalizer(preset: .search)
        var length = 0
        try measure(benchmark) { length = try normalizer.normalizedString(text).utf8.count }
        blackHole(length)
    }

    Benchmark("Tokenize fast + normalize search") { benchmark in
        let normalizer = try Normalizer(preset: .search)
        var length = 0
        try measure(benchmark) {
            let normalized = try normalizer.normalizedString(text)
            try fast.forEachToken(in: normalized) { length &+= $0.end }
        }
        blackHole(length)
    }

    Benchmark("Split sentences") { benchmark in
        let splitter = try SentenceSplitter()
        var sentences = 0
        try measure(benchmark) { sentences = try splitter.split(text).count }
        blackHole(sentences)
    }

    // The normalizer's own suite (byte API into a reused buffer, String API, display preset,
    // alignment, sentences) with its own MB/s metric.
    normalizerBenchmarks()
}
