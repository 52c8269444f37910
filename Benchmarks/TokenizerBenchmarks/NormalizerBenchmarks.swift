import Benchmark
import Foundation
import QalamText

// Throughput of the normalizer and the sentence splitter over the shared 19 MB news
// sample (or a generated Arabic text of the same size, with a printed notice, when
// ../shared is absent). Call `normalizerBenchmarks()` from the suite's `benchmarks`
// closure:
//
//     QALAM_BENCHMARKS=1 swift package --disable-sandbox benchmark --target TokenizerBenchmarks
//
// Each iteration processes the whole corpus once and records a custom "normalizer MB/s"
// metric (10^6 bytes of UTF-8 input per second).

/// The corpus of the suite (`corpus` in TokenizerBenchmarks.swift: the news sample, or a
/// generated text with a notice when ../shared is absent).
private var normalizerCorpus: String { corpus }

private let normalizerMegabytesPerSecond = BenchmarkMetric.custom("normalizer MB/s", polarity: .prefersLarger, useScalingFactor: false)

/// Runs `body` once per iteration and records MB/s of the corpus for each.
private func measureNormalizer(_ benchmark: Benchmark, _ body: () throws -> Void) throws {
    let clock = ContinuousClock()
    let bytes = normalizerCorpus.utf8.count
    for _ in benchmark.scaledIterations {
        let start = clock.now
        benchmark.startMeasurement()
        try body()
        benchmark.stopMeasurement()
        let elapsed = clock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        benchmark.measurement(normalizerMegabytesPerSecond, Int(Double(bytes) / seconds / 1e6))
    }
}

/// Registers the normalizer and sentence splitter benchmarks.
func normalizerBenchmarks() {
    let configuration = Benchmark.Configuration(
        metrics: [.wallClock, .instructions, .mallocCountTotal, .peakMemoryResident, normalizerMegabytesPerSecond],
        warmupIterations: 1,
        scalingFactor: .one,
        maxDuration: .seconds(20),
        maxIterations: 7
    )
    let text = normalizerCorpus

    Benchmark("Normalizer search, UTF-8 into a reused buffer", configuration: configuration) { benchmark in
        let normalizer = try Normalizer(preset: .search)
        var buffer: [UInt8] = []
        try normalizer.normalizeUTF8(text, into: &buffer)  // grow the buffer once, before measuring
        try measureNormalizer(benchmark) { try normalizer.normalizeUTF8(text, into: &buffer) }
        blackHole(buffer.count)
    }

    Benchmark("Normalizer search, String", configuration: configuration) { benchmark in
        let normalizer = try Normalizer(preset: .search)
        var length = 0
        try measureNormalizer(benchmark) { length = try normalizer.normalizedString(text).utf8.count }
        blackHole(length)
    }

    Benchmark("Normalizer display, UTF-8 into a reused buffer", configuration: configuration) { benchmark in
        let normalizer = try Normalizer(preset: .display)
        var buffer: [UInt8] = []
        try normalizer.normalizeUTF8(text, into: &buffer)
        try measureNormalizer(benchmark) { try normalizer.normalizeUTF8(text, into: &buffer) }
        blackHole(buffer.count)
    }

    Benchmark("Normalizer search, with alignment", configuration: configuration) { benchmark in
        let normalizer = try Normalizer(preset: .search)
        var count = 0
        try measureNormalizer(benchmark) { count = try normalizer.normalize(text).scalarCount }
        blackHole(count)
    }

    Benchmark("Sentence splitter", configuration: configuration) { benchmark in
        let splitter = try SentenceSplitter()
        var count = 0
        try measureNormalizer(benchmark) { count = try splitter.split(text).count }
        blackHole(count)
    }
}
