public import Foundation

/// Where tests put their temporary files and folders: one folder per test process under the system's
/// temporary directory, removed with everything in it when the process exits, so that a test that
/// stops half-way, or forgets to clean up, leaves nothing behind.
public enum TestFiles {
    /// `<tmp>/edikit-tests-<pid>`, created on first use and removed at exit.
    public static let folder: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("edikit-tests-\(getpid())")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        atexit { TestFiles.removeFolder() }
        return url
    }()

    private static func removeFolder() {
        try? FileManager.default.removeItem(at: folder)
    }
}
