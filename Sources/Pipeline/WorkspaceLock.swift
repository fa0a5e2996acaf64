import Foundation

/// Another process already works on this root.
public struct WorkspaceBusyError: Error, Sendable, CustomStringConvertible {
    /// The lock file.
    public var path: String
    public var description: String { "another edikit process is working on this root (\(path) is locked)" }
}

/// An exclusive `flock` on `ROOT/.edikit.lock`, held while a process works on the root, so two
/// watchers never take the same files. The kernel releases it when the process ends, however it ends.
public final class WorkspaceLock: Sendable {
    private let descriptor: Int32

    /// Takes the lock, or throws ``WorkspaceBusyError`` at once when another process holds it.
    public init(_ workspace: Workspace) throws {
        try FileManager.default.createDirectory(at: workspace.root, withIntermediateDirectories: true)
        let path = workspace.lockFile.path
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path, NSLocalizedDescriptionKey: String(cString: strerror(errno))])
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            throw WorkspaceBusyError(path: path)
        }
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
