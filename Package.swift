// swift-tools-version: 6.1
// Qalam — Arabic text processing: tokenization, normalization, named entities,
// name romanization and role-change event extraction.

import PackageDescription

/// Compiler and linker flags for the system ICU (Debian's `libicu-dev`), found by
/// pkg-config through the `CICU` system-library-like C target below.
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
            exclude: ["README.md"],
            resources: [
                .copy("charmaps"),
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
            dependencies: ["QalamText"]
        ),
        .testTarget(
            name: "QalamCLITests",
            dependencies: ["QalamText"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
