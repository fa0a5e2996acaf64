import Foundation

/// One folder of translated documents (`<out>/<document-type>`), opened once: each document is
/// created relative to its descriptor, so no path is resolved again per document.
///
/// A document appears whole or not at all. On Linux it is written to an unnamed file
/// (`O_TMPFILE`) and linked into place under its name (`linkat`), one directory entry per
/// document; where that is not supported, or the name is taken by an earlier run's file, it is
/// written under a temporary name and renamed over the target.
final class DocumentFolder {
    let path: String
    private let descriptor: Int32
    /// Cleared the first time the file system refuses an unnamed file.
    private var createsUnnamedFiles = true
    private var temporaryCounter = 0

    /// Creates the folder when missing and opens it.
    init(parent: String, name: String) throws {
        path = (parent as NSString).appendingPathComponent(name)
        if mkdir(path, 0o755) != 0, errno != EEXIST { throw POSIXFailure(operation: "mkdir", path: path) }
        descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw POSIXFailure(operation: "open", path: path) }
    }

    deinit { close(descriptor) }

    /// Writes `bytes` as the file `name` (fsynced first when `durable`), replacing an older file.
    func write(_ bytes: [UInt8], to name: String, durable: Bool) throws {
        #if os(Linux)
        if createsUnnamedFiles {
            let file = openat(descriptor, ".", Self.unnamedFileFlags, 0o644)
            if file >= 0 {
                defer { close(file) }
                try Self.writeAll(bytes, to: file, durable: durable, path: describe(name))
                if try link(file, as: name) { return }
                createsUnnamedFiles = false  // no /proc: fall back to named temporary files
            } else if [EOPNOTSUPP, EISDIR, EINVAL].contains(errno) {
                createsUnnamedFiles = false
            } else {
                throw POSIXFailure(operation: "open", path: path)
            }
        }
        #endif
        let temporary = nextTemporaryName()
        let file = openat(descriptor, temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard file >= 0 else { throw POSIXFailure(operation: "open", path: describe(temporary)) }
        do {
            try Self.writeAll(bytes, to: file, durable: durable, path: describe(temporary))
        } catch {
            close(file)
            unlinkat(descriptor, temporary, 0)
            throw error
        }
        close(file)
        try rename(temporary, to: name)
    }

    #if os(Linux)
    /// `O_TMPFILE` (`__O_TMPFILE | O_DIRECTORY`, a macro Swift does not import) for writing.
    private static let unnamedFileFlags: Int32 = 0o20000000 | O_DIRECTORY | O_WRONLY | O_CLOEXEC

    /// Gives an unnamed file its name; a file already there is replaced through a temporary name
    /// and a rename. False when `/proc` is not there to name the file by.
    private func link(_ file: Int32, as name: String) throws -> Bool {
        let source = "/proc/self/fd/\(file)"
        if linkat(AT_FDCWD, source, descriptor, name, AT_SYMLINK_FOLLOW) == 0 { return true }
        switch errno {
        case EEXIST:
            let temporary = nextTemporaryName()
            guard linkat(AT_FDCWD, source, descriptor, temporary, AT_SYMLINK_FOLLOW) == 0 else {
                throw POSIXFailure(operation: "link", path: describe(temporary))
            }
            try rename(temporary, to: name)
            return true
        case ENOENT:
            return false
        default:
            throw POSIXFailure(operation: "link", path: describe(name))
        }
    }
    #endif

    private func rename(_ temporary: String, to name: String) throws {
        guard renameat(descriptor, temporary, descriptor, name) == 0 else {
            let failure = POSIXFailure(operation: "rename", path: describe(name))
            unlinkat(descriptor, temporary, 0)
            throw failure
        }
    }

    private func nextTemporaryName() -> String {
        temporaryCounter += 1
        return ".tmp-\(getpid())-\(temporaryCounter)"
    }

    private func describe(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }

    /// Writes every byte in as few calls as the kernel allows, then fsyncs when `durable`.
    private static func writeAll(_ bytes: [UInt8], to file: Int32, durable: Bool, path: String) throws {
        try bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(file, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0, errno == EINTR { continue }
                guard written > 0 else { throw POSIXFailure(operation: "write", path: path) }
                offset += written
            }
        }
        if durable, fsync(file) != 0 { throw POSIXFailure(operation: "fsync", path: path) }
    }
}
