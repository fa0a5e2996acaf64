public import Foundation

/// The built `edikit` executable, for tests that run the real process.
public enum EDIKitExecutable {
    /// Beside the test bundle, in a build folder of the repository, or `EDIKIT_BINARY`; nil when not built.
    public static let url: URL? = {
        var candidates: [URL] = []
        if let path = ProcessInfo.processInfo.environment["EDIKIT_BINARY"] { candidates.append(URL(fileURLWithPath: path)) }
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        for start in [executable, Bundle.main.bundleURL, Bundle.main.executableURL].compactMap({ $0 }) {
            var directory = start.deletingLastPathComponent()
            // Walk up out of `EDIKitPackageTests.xctest/Contents/MacOS` on macOS.
            for _ in 0..<4 {
                candidates.append(directory.appendingPathComponent("edikit"))
                directory.deleteLastPathComponent()
            }
        }
        for scratch in [".build-tests", ".build"] {
            candidates.append(Fixtures.repositoryRoot.appendingPathComponent("\(scratch)/debug/edikit"))
        }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()
}
