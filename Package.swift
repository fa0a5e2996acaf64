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
        .library(name: "X12", targets: ["X12"]),
        .library(name: "EDIFACT", targets: ["EDIFACT"]),
        .library(name: "O2C", targets: ["O2C"]),
        .executable(name: "edikit", targets: ["edikit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.0"),
    ],
    targets: [
        .target(name: "CEDIScan"),
        .target(name: "EDICore", dependencies: ["CEDIScan"], swiftSettings: settings),
        .target(name: "EDISchema", dependencies: ["EDICore"], swiftSettings: settings),
        .target(name: "UNECEImport", swiftSettings: settings),
        .target(name: "X12", dependencies: ["EDICore", "EDISchema"], swiftSettings: settings),
        .target(name: "EDIFACT", dependencies: ["EDICore", "EDISchema"], swiftSettings: settings),
        .target(name: "O2C", dependencies: ["EDICore", "EDISchema", "X12", "EDIFACT"], swiftSettings: settings),
        .target(name: "Pipeline", dependencies: ["EDICore", "EDISchema", "X12", "EDIFACT", "O2C", "Yams",
                                         .product(name: "GRDB", package: "GRDB.swift"),
                                         .product(name: "Logging", package: "swift-log")], swiftSettings: settings),
        .executableTarget(
            name: "edikit",
            dependencies: [
                "EDICore", "EDISchema", "UNECEImport", "X12", "EDIFACT", "O2C", "Pipeline",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: settings
        ),
        .target(name: "TestSupport", dependencies: ["EDICore"], path: "Tests/TestSupport", swiftSettings: settings),
        .testTarget(name: "EDICoreTests", dependencies: ["EDICore", "TestSupport"], swiftSettings: settings),
        .testTarget(name: "EDISchemaTests", dependencies: ["EDISchema", "TestSupport"], swiftSettings: settings),
        .testTarget(name: "UNECEImportTests", dependencies: ["UNECEImport", "TestSupport"], swiftSettings: settings),
        .testTarget(name: "X12Tests", dependencies: ["X12", "EDISchema", "TestSupport"], swiftSettings: settings),
        .testTarget(name: "EDIFACTTests", dependencies: ["EDIFACT", "EDISchema", "TestSupport"], swiftSettings: settings),
        .testTarget(name: "O2CTests", dependencies: ["O2C", "X12", "EDIFACT", "EDISchema", "TestSupport"],
                    exclude: ["Golden", "Pairs"], swiftSettings: settings),
        .testTarget(name: "PipelineTests", dependencies: ["Pipeline", "TestSupport"], swiftSettings: settings),
        .testTarget(name: "EDIKitCLITests", dependencies: ["TestSupport"], exclude: ["Snapshots"], swiftSettings: settings),
    ],
    swiftLanguageModes: [.v6]
)
