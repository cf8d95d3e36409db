// swift-tools-version: 6.0
// Tools 6.0 is the first version that accepts a resource outside the target's folder
// (`../../Resources`), which keeps the catalog JSON at the top of the repository.
import PackageDescription

let package = Package(
    name: "smtp-codes",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "smtp-codes", targets: ["smtp-codes"]),
        .library(name: "SMTPCatalog", targets: ["SMTPCatalog"]),
        // For the benchmarks package and scale tests; not part of the installed tool.
        .library(name: "ExplorerUI", targets: ["ExplorerUI"]),
        .library(name: "SyntheticCatalog", targets: ["SyntheticCatalog"]),
        // For the fuzz package (Fuzz/), whose key-decoder target drives KeyDecoder.
        .library(name: "CursesTerminal", targets: ["CursesTerminal"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .target(name: "TextSafety"),
        .target(name: "TerminalScreen", dependencies: ["TextSafety"]),
        .target(
            name: "SMTPCatalog",
            dependencies: ["TextSafety"],
            resources: [.copy("../../Resources")]
        ),
        .systemLibrary(
            name: "CNcursesw",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncurses-dev"])]
        ),
        .target(name: "SyntheticCatalog", dependencies: ["SMTPCatalog"]),
        .target(name: "CursesTerminal", dependencies: ["CNcursesw", "TerminalScreen"]),
        .target(name: "ExplorerUI", dependencies: ["SMTPCatalog", "TerminalScreen"]),
        .executableTarget(
            name: "smtp-codes",
            dependencies: [
                "SMTPCatalog",
                "TerminalScreen",
                "ExplorerUI",
                "CursesTerminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "TestSupport", dependencies: ["SMTPCatalog", "SyntheticCatalog", "TerminalScreen"], path: "Tests/TestSupport"),
        .testTarget(name: "SMTPCatalogTests", dependencies: ["SMTPCatalog", "TextSafety", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "CommandLineTests", dependencies: ["SMTPCatalog", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(
            name: "ExplorerUITests", dependencies: ["ExplorerUI", "SMTPCatalog", "TerminalScreen", "TestSupport"],
            exclude: ["Snapshots"]
        ),
        .testTarget(name: "EndToEndTests", dependencies: ["SMTPCatalog", "SyntheticCatalog", "TestSupport"]),
    ]
)
