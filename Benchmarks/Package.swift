// swift-tools-version: 6.1
import PackageDescription

/// Benchmarks for EDIKit, kept out of the root package so `swift test` never builds them.
/// `swift build -c release --scratch-path .build-bench --package-path Benchmarks`
let package = Package(
    name: "EDIKitBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "EDIKit", path: ".."),
    ],
    targets: [
        .target(name: "BenchSupport"),
        .executableTarget(
            name: "edikit-bench",
            dependencies: ["BenchSupport", .product(name: "EDICore", package: "EDIKit")]
        ),
        .executableTarget(
            name: "edikit-validate-bench",
            dependencies: ["BenchSupport", .product(name: "EDISchema", package: "EDIKit")]
        ),
        .executableTarget(
            name: "edikit-translate-bench",
            dependencies: ["BenchSupport", .product(name: "EDISchema", package: "EDIKit"), .product(name: "O2C", package: "EDIKit")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
