// swift-tools-version: 6.1
// Qalam — Arabic text processing: tokenization, normalization, named entities,
// name romanization and role-change event extraction.

import PackageDescription

/// Benchmarks (package-benchmark) build only when asked for, so that `swift test` never
/// builds the benchmark harness:
///
///     QALAM_BENCHMARKS=1 swift package --disable-sandbox benchmark
let withBenchmarks = Context.environment["QALAM_BENCHMARKS"] == "1"

/// The benchmark suites, one folder each under `Benchmarks/`.
let benchmarkSuites = ["TokenizerBenchmarks", "RomanizerBenchmarks", "TaggerBenchmarks", "ExtractionBenchmarks"]

let package = Package(
    name: "Qalam",
    products: [
        .library(name: "Qalam", targets: ["Qalam"]),
        .library(name: "QalamText", targets: ["QalamText"]),
        .library(name: "QalamNames", targets: ["QalamNames"]),
        .library(name: "QalamEvents", targets: ["QalamEvents"]),
        .executable(name: "qalam", targets: ["qalam"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.4.0"),
    ],
    targets: [
        // The only code that includes ICU headers. Plain C types in and out.
        .systemLibrary(
            name: "CICUSystem",
            path: "Sources/CICUSystem",
            pkgConfig: "icu-uc icu-i18n",
            providers: [.apt(["libicu-dev", "pkg-config"])]
        ),
        .target(
            name: "CICU",
            dependencies: ["CICUSystem"],
            path: "Sources/CICU"
        ),
        // Data files (character tables, name lists, trained models) as a resource target.
        .target(
            name: "QalamLexicons",
            path: "Lexicons",
            exclude: ["README.md", "scripts"],
            resources: [
                .copy("charmaps"),
                .copy("sentences"),
                .copy("events"),
                .copy("translit"),
                .copy("segmenter"),
                .copy("names"),
                .copy("gazetteers"),
                .copy("ner"),
            ]
        ),
        .target(
            name: "QalamText",
            dependencies: ["CICU", "QalamLexicons"]
        ),
        .target(
            name: "QalamNames",
            dependencies: ["QalamText", "QalamLexicons"]
        ),
        .target(
            name: "QalamEvents",
            dependencies: ["QalamText", "QalamNames", "QalamLexicons"]
        ),
        .target(
            name: "Qalam",
            dependencies: ["QalamText", "QalamNames", "QalamEvents"]
        ),
        .executableTarget(
            name: "qalam",
            dependencies: [
                "Qalam",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "QalamTextTests",
            dependencies: ["QalamText"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "QalamEventsTests",
            dependencies: ["Qalam", "QalamEvents", "QalamNames", "QalamText"]
        ),
        .testTarget(
            name: "QalamNamesTests",
            dependencies: ["QalamNames", "QalamText"]
        ),
        .testTarget(
            name: "QalamCLITests",
            dependencies: ["QalamText", "qalam"]
        ),
    ],
    swiftLanguageModes: [.v6]
)

if withBenchmarks {
    package.dependencies.append(
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.0", traits: ["MallocInterposer"]))
    for name in benchmarkSuites {
        package.targets.append(
            .executableTarget(
                name: name,
                dependencies: ["Qalam", .product(name: "Benchmark", package: "benchmark")],
                path: "Benchmarks/\(name)",
                plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
            ))
    }
}

/// A libFuzzer target checking that the fast tokenizer engine equals the ICU engine;
/// built only when QALAM_FUZZ=1 (`Tests/Fuzz/run_fuzz.sh`), never by `swift test`.
if Context.environment["QALAM_FUZZ"] == "1" {
    package.targets.append(
        .executableTarget(name: "FastPathFuzz", dependencies: ["QalamText"], path: "Tests/Fuzz/FastPathFuzz"))
}
