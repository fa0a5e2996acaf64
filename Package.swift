// swift-tools-version: 6.1
import PackageDescription

/// One set of compiler settings for every target.
let settings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "EDIKit",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "EDICore", targets: ["EDICore"]),
        .library(name: "EDISchema", targets: ["EDISchema"]),
        .executable(name: "edikit", targets: ["edikit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .target(name: "EDICore", swiftSettings: settings),
        .target(name: "EDISchema", dependencies: ["EDICore"], swiftSettings: settings),
        .target(name: "UNECEImport", swiftSettings: settings),
        .executableTarget(
            name: "edikit",
            dependencies: [
                "EDICore", "EDISchema", "UNECEImport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: settings
        ),
        .target(name: "TestSupport", dependencies: ["EDICore"], path: "Tests/TestSupport", swiftSettings: settings),
        .testTarget(name: "EDICoreTests", dependencies: ["EDICore", "TestSupport"], swiftSettings: settings),
        .testTarget(name: "EDISchemaTests", dependencies: ["EDISchema", "TestSupport"], swiftSettings: settings),
        .testTarget(name: "UNECEImportTests", dependencies: ["UNECEImport", "TestSupport"], swiftSettings: settings),
        .testTarget(name: "EDIKitCLITests", dependencies: ["TestSupport"], swiftSettings: settings),
    ],
    swiftLanguageModes: [.v6]
)
