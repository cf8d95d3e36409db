// swift-tools-version: 6.0
// Benchmarks live in their own package so `swift test` at the root stays fast.
// Run: cd Benchmarks && swift run -c release smtp-codes-bench   (see docs/performance.md)
import PackageDescription

let package = Package(
    name: "smtp-codes-benchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "smtp-codes", path: "..")],
    targets: [
        .executableTarget(
            name: "smtp-codes-bench",
            dependencies: [
                .product(name: "SMTPCatalog", package: "smtp-codes"),
                .product(name: "CatalogLoading", package: "smtp-codes"),
                .product(name: "CatalogSearch", package: "smtp-codes"),
                .product(name: "ReplyExplainer", package: "smtp-codes"),
                .product(name: "ExplorerUI", package: "smtp-codes"),
                .product(name: "SyntheticCatalog", package: "smtp-codes"),
            ]
        ),
    ]
)
