// swift-tools-version: 6.1
// Qalam's benchmark suites (package-benchmark). A separate package so that building and
// testing Qalam itself never builds the benchmark harness.
//
//     cd Benchmarks && swift package --disable-sandbox benchmark

import PackageDescription

/// A benchmark suite in `Benchmarks/<name>/` that measures the Qalam library.
func suite(_ name: String) -> Target {
    .executableTarget(
        name: name,
        dependencies: [
            .product(name: "Benchmark", package: "benchmark"),
            .product(name: "Qalam", package: "Qalam"),
        ],
        path: "Benchmarks/\(name)",
        plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    )
}

let package = Package(
    name: "QalamBenchmarks",
    dependencies: [
        .package(path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.0", traits: ["MallocInterposer"]),
    ],
    targets: [
        suite("TokenizerBenchmarks"),
        suite("RomanizerBenchmarks"),
        suite("TaggerBenchmarks"),
        suite("ExtractionBenchmarks"),
    ],
    swiftLanguageModes: [.v6]
)
