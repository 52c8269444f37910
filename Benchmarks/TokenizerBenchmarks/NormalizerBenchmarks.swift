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
// Each iteration processes the whole corpus once and records the suite's "MB/s" metric
// (10^6 bytes of UTF-8 input per second), timed by `measure` (TokenizerBenchmarks.swift).

/// Registers the normalizer and sentence splitter benchmarks.
func normalizerBenchmarks() {
    let configuration = Benchmark.Configuration(
        metrics: [.wallClock, .instructions, .mallocCountTotal, .peakMemoryResident, megabytesPerSecond],
        warmupIterations: 1,
        scalingFactor: .one,
        maxDuration: .seconds(20),
        maxIterations: 7
    )
    let text = corpus

    Benchmark("Normalizer search, UTF-8 into a reused buffer", configuration: configuration) { benchmark in
        let normalizer = try Normalizer(preset: .search)
        var buffer: [UInt8] = []
        try normalizer.normalizeUTF8(text, into: &buffer)  // grow the buffer once, before measuring
        try measure(benchmark, tokens: false) { try normalizer.normalizeUTF8(text, into: &buffer) }
        blackHole(buffer.count)
    }

    Benchmark("Normalizer search, String", configuration: configuration) { benchmark in
        let normalizer = try Normalizer(preset: .search)
        var length = 0
        try measure(benchmark, tokens: false) { length = try normalizer.normalizedString(text).utf8.count }
        blackHole(length)
    }

    Benchmark("Normalizer display, UTF-8 into a reused buffer", configuration: configuration) { benchmark in
        let normalizer = try Normalizer(preset: .display)
        var buffer: [UInt8] = []
        try normalizer.normalizeUTF8(text, into: &buffer)
        try measure(benchmark, tokens: false) { try normalizer.normalizeUTF8(text, into: &buffer) }
        blackHole(buffer.count)
    }

    Benchmark("Normalizer search, with alignment", configuration: configuration) { benchmark in
        let normalizer = try Normalizer(preset: .search)
        var count = 0
        try measure(benchmark, tokens: false) { count = try normalizer.normalize(text).scalarCount }
        blackHole(count)
    }

    Benchmark("Sentence splitter", configuration: configuration) { benchmark in
        let splitter = try SentenceSplitter()
        var count = 0
        try measure(benchmark, tokens: false) { count = try splitter.split(text).count }
        blackHole(count)
    }
}
