// swift-tools-version: 6.0
// libFuzzer targets, one executable per parser. They live in their own package because
// they only link with -sanitize=fuzzer, which the root package's `swift build` and
// `swift test` never pass. Run one with scripts/fuzz.sh TARGET SECONDS (docs/reliability.md).
import PackageDescription

let catalog: [Target.Dependency] = ["SMTPCatalog", "CatalogLoading", "CatalogSearch", "ReplyExplainer"].map {
    .product(name: $0, package: "smtp-codes")
}

/// A fuzz target: no main.swift, it defines the main SwiftPM links to (FuzzSupport/Driver.swift).
func fuzzTarget(_ name: String, _ dependencies: [Target.Dependency] = []) -> Target {
    .executableTarget(
        name: name,
        dependencies: ["FuzzSupport"] + catalog + dependencies,
        swiftSettings: [.unsafeFlags(["-parse-as-library"])]
    )
}

let package = Package(
    name: "smtp-codes-fuzz",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "smtp-codes", path: "..")],
    targets: [
        .target(name: "FuzzDriver"),
        .target(name: "FuzzSupport", dependencies: ["FuzzDriver"] + catalog),
        fuzzTarget("fuzz-json"),
        fuzzTarget("fuzz-reply"),
        fuzzTarget("fuzz-events"),
        fuzzTarget("fuzz-search"),
        fuzzTarget("fuzz-snapshot"),
        fuzzTarget("fuzz-lines", [.product(name: "InputReading", package: "smtp-codes")]),
        fuzzTarget("fuzz-keys", [
            .product(name: "ExplorerUI", package: "smtp-codes"),
            .product(name: "CursesTerminal", package: "smtp-codes"),
        ]),
    ]
)
