import Foundation

/// One folder of translated documents (`<out>/<document-type>`), opened once: each document is
/// created relative to its descriptor, so no path is resolved again per document.
///
/// A document appears whole or not at all. On Linux it is written to an unnamed file
/// (`O_TMPFILE`) and linked into place under its name (`linkat`), one directory entry per
/// document; where that is not supported, or the name is taken by an earlier run's file, it is
/// written under a temporary name and renamed over the target.
///
/// Several threads may write documents at once. `@unchecked Sendable`: `createsUnnamedFiles`,
/// `linksByDescriptor` and `temporaryCounter` are read and written only with `lock` held.
final class DocumentFolder: @unchecked Sendable {
    let path: String
    /// The folder's own name (the document type).
    let name: String
    private let descriptor: Int32
    private let lock = NSLock()
    /// Cleared the first time the file system refuses an unnamed file.
    private var createsUnnamedFiles = true
    private var temporaryCounter = 0
    /// Cleared the first time `linkat` refuses to link by descriptor alone.
    private var linksByDescriptor = true

    /// Creates the folder when missing and opens it.
    init(parent: String, name: String) throws {
        path = (parent as NSString).appendingPathComponent(name)
        self.name = name
        if mkdir(path, 0o755) != 0, errno != EEXIST { throw POSIXFailure(operation: "mkdir", path: path) }
        descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw POSIXFailure(operation: "open", path: path) }
    }

    deinit { close(descriptor) }

    /// Writes `bytes` as the file `name` (fsynced first when `durable`), replacing an older file.
    func write(_ bytes: UnsafeRawBufferPointer, to name: String, durable: Bool) throws {
        #if os(Linux)
        if lock.withLock({ createsUnnamedFiles }) {
            let file = openat(descriptor, ".", Self.unnamedFileFlags, 0o644)
            if file >= 0 {
                defer { close(file) }
                try writeAll(bytes, to: file, durable: durable, name: name)
                if try link(file, as: name) { return }
                lock.withLock { createsUnnamedFiles = false }  // cannot be named: fall back to named temporary files
            } else if [EOPNOTSUPP, EISDIR, EINVAL].contains(errno) {
                lock.withLock { createsUnnamedFiles = false }
            } else {
                throw POSIXFailure(operation: "open", path: path)
            }
        }
        #endif
        let temporary = nextTemporaryName()
        let file = openat(descriptor, temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard file >= 0 else { throw POSIXFailure(operation: "open", path: describe(temporary)) }
        do {
            try writeAll(bytes, to: file, durable: durable, name: temporary)
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
    /// `AT_EMPTY_PATH` (`<fcntl.h>` declares it only with `_GNU_SOURCE`).
    private static let emptyPath: Int32 = 0x1000

    /// Gives an unnamed file its name; a file already there is replaced through a temporary name
    /// and a rename. False when the file cannot be named (no `/proc`).
    private func link(_ file: Int32, as name: String) throws -> Bool {
        if link(file, to: name) == 0 { return true }
        switch errno {
        case EEXIST:
            let temporary = nextTemporaryName()
            guard link(file, to: temporary) == 0 else {
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

    /// `linkat` of the open file to `name` in the folder: by its descriptor (`AT_EMPTY_PATH`, no path
    /// to resolve; Linux allows it to processes that may read any file), else by its `/proc/self/fd`
    /// path. 0 or -1 with `errno` set, like `linkat`.
    private func link(_ file: Int32, to name: String) -> Int32 {
        if lock.withLock({ linksByDescriptor }) {
            if linkat(file, "", descriptor, name, Self.emptyPath) == 0 { return 0 }
            let failure = errno
            guard failure == ENOENT || failure == EPERM else { return -1 }
            lock.withLock { linksByDescriptor = false }
        }
        return linkat(AT_FDCWD, "/proc/self/fd/\(file)", descriptor, name, AT_SYMLINK_FOLLOW)
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
        let number = lock.withLock {
            temporaryCounter += 1
            return temporaryCounter
        }
        return ".tmp-\(getpid())-\(number)"
    }

    private func describe(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }

    /// Writes every byte in as few calls as the kernel allows, then fsyncs when `durable`; `name`
    /// is for the error.
    private func writeAll(_ buffer: UnsafeRawBufferPointer, to file: Int32, durable: Bool, name: String) throws {
        var offset = 0
        while offset < buffer.count {
            let written = Foundation.write(file, buffer.baseAddress! + offset, buffer.count - offset)
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { throw POSIXFailure(operation: "write", path: describe(name)) }
            offset += written
        }
        if durable, fsync(file) != 0 { throw POSIXFailure(operation: "fsync", path: describe(name)) }
    }
}
