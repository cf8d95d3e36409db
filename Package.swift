// swift-tools-version: 6.0
// Tools 6.0 is the first version that accepts a resource outside the target's folder
// (`../../Resources`), which keeps the catalog JSON at the top of the repository.
import PackageDescription

// The module graph (docs/architecture.md): dependencies point down only.
let package = Package(
    name: "smtp-codes",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "smtp-codes", targets: ["smtp-codes"]),
        // For the benchmarks and fuzzing packages and scale tests; not part of the installed tool.
        .library(name: "SMTPCatalog", targets: ["SMTPCatalog"]),
        .library(name: "CatalogLoading", targets: ["CatalogLoading"]),
        .library(name: "CatalogSearch", targets: ["CatalogSearch"]),
        .library(name: "ReplyExplainer", targets: ["ReplyExplainer"]),
        .library(name: "ExplorerUI", targets: ["ExplorerUI"]),
        .library(name: "SyntheticCatalog", targets: ["SyntheticCatalog"]),
        // For the fuzz package (Fuzz/), whose key-decoder target drives KeyDecoder and whose
        // line target drives LineReader.
        .library(name: "CursesTerminal", targets: ["CursesTerminal"]),
        .library(name: "InputReading", targets: ["InputReading"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .target(name: "TextSafety"),
        .target(name: "TerminalScreen", dependencies: ["TextSafety"]),
        .target(name: "SMTPCatalog", dependencies: ["TextSafety"]),
        .target(
            name: "CatalogLoading",
            dependencies: ["SMTPCatalog", "CatalogSearch"],
            resources: [.copy("../../Resources")],
            // SwiftPM's generated resource accessor imports the full Foundation; without
            // this, its members (`localizedDescription`) reach every file of the module, and
            // one use links ICU into the binary (docs/decisions.md, "FoundationEssentials only").
            swiftSettings: [.enableUpcomingFeature("MemberImportVisibility")]
        ),
        .target(name: "CatalogSearch", dependencies: ["SMTPCatalog"]),
        .target(name: "ReplyExplainer", dependencies: ["SMTPCatalog"]),
        .target(name: "CatalogDocuments", dependencies: ["SMTPCatalog", "CatalogSearch", "ReplyExplainer", "TerminalScreen"]),
        .systemLibrary(
            name: "CNcursesw",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncurses-dev"])]
        ),
        // zlib, for gzip-compressed logs and mailboxes; InputReading is its only importer.
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .target(name: "InputReading", dependencies: ["CZlib"]),
        .target(name: "SyntheticCatalog", dependencies: ["SMTPCatalog"]),
        .target(name: "CursesTerminal", dependencies: ["CNcursesw", "TerminalScreen"]),
        .target(name: "ExplorerUI", dependencies: ["SMTPCatalog", "CatalogSearch", "ReplyExplainer", "CatalogDocuments", "TerminalScreen"]),
        .executableTarget(
            name: "smtp-codes",
            dependencies: [
                "SMTPCatalog", "CatalogLoading", "CatalogSearch", "ReplyExplainer", "CatalogDocuments",
                "TerminalScreen", "ExplorerUI", "CursesTerminal", "InputReading",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(
            name: "TestSupport",
            dependencies: ["SMTPCatalog", "CatalogLoading", "CatalogSearch", "ReplyExplainer", "SyntheticCatalog", "TerminalScreen"],
            path: "Tests/TestSupport"
        ),
        .testTarget(name: "TextSafetyTests", dependencies: ["TextSafety"]),
        .testTarget(name: "InputReadingTests", dependencies: ["InputReading"]),
        .testTarget(name: "TerminalScreenTests", dependencies: ["TerminalScreen"]),
        .testTarget(name: "SMTPCatalogTests", dependencies: ["SMTPCatalog", "TestSupport"]),
        .testTarget(name: "CatalogLoadingTests", dependencies: ["CatalogLoading", "SMTPCatalog", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(
            name: "CatalogSearchTests", dependencies: ["CatalogSearch", "CatalogLoading", "SMTPCatalog", "TestSupport"],
            exclude: ["Fixtures"]
        ),
        .testTarget(name: "CatalogDocumentsTests", dependencies: ["CatalogDocuments", "ReplyExplainer", "SMTPCatalog", "TerminalScreen", "TestSupport"]),
        .testTarget(name: "ReplyExplainerTests", dependencies: ["ReplyExplainer", "SMTPCatalog", "CatalogLoading", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "CommandLineTests", dependencies: ["SMTPCatalog", "CatalogDocuments", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(
            name: "ExplorerUITests",
            dependencies: ["ExplorerUI", "SMTPCatalog", "CatalogLoading", "CatalogSearch", "TerminalScreen", "TestSupport"],
            exclude: ["Snapshots"]
        ),
        .testTarget(name: "EndToEndTests", dependencies: ["SMTPCatalog", "CatalogLoading", "SyntheticCatalog", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "CursesTerminalTests", dependencies: ["CursesTerminal", "CNcursesw", "TerminalScreen", "TestSupport"]),
    ]
)
