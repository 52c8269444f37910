import Benchmark
import Qalam

/// Placeholder suite; replaced by the real benchmarks.
let benchmarks: @Sendable () -> Void = {
    Benchmark("RomanizerBenchmarks placeholder") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(ICU.version) }
    }
}
