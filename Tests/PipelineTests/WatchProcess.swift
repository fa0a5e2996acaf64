import Foundation
import Pipeline
import Testing
import TestSupport

/// A temporary pipeline root made from `Samples/`: the demo configuration with its guides copied
/// beside it (guide paths are relative to the root).
struct SampleRoot {
    let workspace: Workspace
    var root: URL { workspace.root }

    init() throws {
        let manager = FileManager.default
        workspace = Workspace(root: TestFiles.folder.appendingPathComponent("edikit-watch-\(UUID().uuidString)"))
        try workspace.create(configurationTemplate: ConfigurationTemplate.text)
        try manager.removeItem(at: workspace.configuration)
        try manager.copyItem(at: Fixtures.repositoryRoot.appendingPathComponent("Samples/edikit.yaml"), to: workspace.configuration)
        try manager.createDirectory(at: root.appendingPathComponent("Samples"), withIntermediateDirectories: true)
        try manager.copyItem(at: Fixtures.repositoryRoot.appendingPathComponent("Samples/guides"),
                             to: root.appendingPathComponent("Samples/guides"))
    }

    /// The log file beside the root.
    var log: URL { root.deletingLastPathComponent().appendingPathComponent("\(root.lastPathComponent).log") }

    /// Removes the root and its log.
    func remove() {
        try? FileManager.default.removeItem(at: root)
        try? FileManager.default.removeItem(at: log)
    }

    /// Writes a file the way a partner's transfer should: under a temporary name, then renamed in.
    func drop(_ data: Data, as name: String, in folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporary = folder.appendingPathComponent(".\(name).part")
        try data.write(to: temporary)
        guard rename(temporary.path, folder.appendingPathComponent(name).path) == 0 else { throw CocoaError(.fileWriteUnknown) }
    }

    /// Regular files below a folder (relative paths), hidden ones included when asked.
    func files(_ folder: URL, hidden: Bool = false) -> [String] {
        let all = (FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String]) ?? []
        return all.filter { path in
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &isDirectory),
                  !isDirectory.boolValue else { return false }
            return hidden || !path.split(separator: "/").contains { $0.hasPrefix(".") }
        }.sorted()
    }

    /// Originals in archive/ and rejected/ (reports left out), by file name.
    var finished: [String] {
        files(workspace.archive).map { ($0 as NSString).lastPathComponent }
            + files(workspace.rejected).filter { !$0.hasSuffix(".report.json") }
    }
}

/// The built `edikit` executable running `watch` on a root.
final class WatchProcess {
    /// The executable beside the test bundle, in a build folder of the repository, or `EDIKIT_BINARY`.
    static let binary: URL? = EDIKitExecutable.url

    let process = Process()
    let log: URL

    /// Starts `edikit watch ROOT` with extra arguments; standard error goes to `log`.
    init(root: URL, arguments: [String] = [], environment: [String: String] = [:], log: URL) throws {
        let binary = try #require(Self.binary, "edikit binary not found beside the tests; build it (swift build) or set EDIKIT_BINARY")
        self.log = log
        if !FileManager.default.fileExists(atPath: log.path) { _ = FileManager.default.createFile(atPath: log.path, contents: nil) }
        let handle = try FileHandle(forWritingTo: log)
        handle.seekToEndOfFile()
        process.executableURL = binary
        process.arguments = ["watch", root.path, "--schemas", Fixtures.repositoryRoot.appendingPathComponent("Schemas").path] + arguments
        // Its own temporary files (a kill can leave one behind) go into the tests' folder.
        process.environment = ProcessInfo.processInfo.environment.merging(["TMPDIR": TestFiles.folder.path]) { _, new in new }
            .merging(environment) { _, new in new }
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
    }

    /// Sends a signal and waits for the process to end; returns its exit status.
    @discardableResult
    func stop(_ signal: Int32, within seconds: Double = 30) -> Int32? {
        kill(process.processIdentifier, signal)
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning, Date() < deadline { usleep(10_000) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return nil
        }
        process.waitUntilExit()
        return process.terminationStatus
    }
}

/// Waits until a condition holds (checked every 50 ms); false after the timeout.
func eventually(within seconds: Double, _ condition: () -> Bool) -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if condition() { return true }
        usleep(50_000)
    }
    return condition()
}
