import Foundation

/// One folder of translated documents (`<out>/<document-type>`), opened once: each document is
/// created relative to its descriptor, so no path is resolved again per document.
///
/// A document appears whole or not at all, in two steps: ``stage(_:durable:)`` writes it where no
/// reader looks for it, ``publish(_:as:)`` gives it its name. On Linux it is staged as an unnamed
/// file (`O_TMPFILE`, kept open) and linked into place (`linkat`), one directory entry per document;
/// where the file system or the process cannot link such a file (checked once, when the folder is
/// opened), it is staged under a temporary name and renamed.
///
/// ``publish(_:stem:)`` picks the name, and keeps nothing in memory per document to do it: a file
/// already under the name whose modification time is not older than the folder's opening was
/// written by this run, so the document takes the next free `-2`, `-3`…; an older file is an earlier
/// run's and is replaced (the document is linked under a temporary name and renamed over it).
///
/// Several threads may stage and publish documents at once. `@unchecked Sendable`:
/// `temporaryCounter` is read and written only with `lock` held; everything else is set once.
final class DocumentFolder: @unchecked Sendable {
    /// A document written but not named yet: an open unnamed file, or a file under a temporary name.
    enum StagedDocument {
        case unnamed(Int32)
        case temporary(String)
    }

    /// How an unnamed file gets its name.
    private enum Linking {
        /// `linkat` of the descriptor itself (`AT_EMPTY_PATH`: no path to resolve; Linux allows it
        /// to processes that may read any file).
        case descriptor
        /// `linkat` of its `/proc/self/fd` path.
        case procPath
        /// Not possible: documents are staged under temporary names.
        case none
    }

    let path: String
    /// The folder's own name (the document type).
    let name: String
    private let descriptor: Int32
    private let linking: Linking
    private let lock = NSLock()
    private var temporaryCounter = 0
    /// When the folder was opened, stamped by the file system itself (the modification time of a
    /// file created then), so it compares with the stamps of the documents written after it.
    private let openedAt: timespec

    /// Creates the folder when missing and opens it.
    init(parent: String, name: String) throws {
        path = (parent as NSString).appendingPathComponent(name)
        self.name = name
        if mkdir(path, 0o755) != 0, errno != EEXIST { throw POSIXFailure(operation: "mkdir", path: path) }
        descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw POSIXFailure(operation: "open", path: path) }
        linking = Self.linking(in: descriptor)
        openedAt = try Self.stamp(in: descriptor, path: path)
    }

    deinit { close(descriptor) }

    /// Writes a document where no reader sees it (fsynced first when `durable`); ``publish(_:as:)``
    /// names it, ``discard(_:)`` drops it.
    func stage(_ bytes: UnsafeRawBufferPointer, durable: Bool) throws -> StagedDocument {
        #if os(Linux)
        if linking != .none {
            let file = openat(descriptor, ".", Self.unnamedFileFlags, 0o644)
            guard file >= 0 else { throw POSIXFailure(operation: "open", path: path) }
            do {
                try writeAll(bytes, to: file, durable: durable, name: ".")
            } catch {
                close(file)
                throw error
            }
            return .unnamed(file)
        }
        #endif
        let temporary = nextTemporaryName()
        let file = openat(descriptor, temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard file >= 0 else { throw POSIXFailure(operation: "open", path: describe(temporary)) }
        defer { close(file) }
        do {
            try writeAll(bytes, to: file, durable: durable, name: temporary)
        } catch {
            unlinkat(descriptor, temporary, 0)
            throw error
        }
        return .temporary(temporary)
    }

    /// Gives a staged document the name `<stem>.json`, or `<stem>-2.json`, `-3`… when this run
    /// already wrote that name; a file of an earlier run is replaced. Returns the name; on failure
    /// the document is dropped. One thread at a time, in the order names are to be given.
    func publish(_ staged: StagedDocument, stem: String) throws -> String {
        var name = "\(stem).json"
        var counter = 2
        switch staged {
        case .unnamed(let file):
            defer { close(file) }
            while link(file, to: name) != 0 {
                guard errno == EEXIST else { throw POSIXFailure(operation: "link", path: describe(name)) }
                guard writtenThisRun(name) else {
                    let temporary = nextTemporaryName()
                    guard link(file, to: temporary) == 0 else { throw POSIXFailure(operation: "link", path: describe(temporary)) }
                    try rename(temporary, to: name)
                    return name
                }
                name = "\(stem)-\(counter).json"
                counter += 1
            }
        case .temporary(let temporary):
            while writtenThisRun(name) {
                name = "\(stem)-\(counter).json"
                counter += 1
            }
            try rename(temporary, to: name)
        }
        return name
    }

    /// Whether a file of that name is there and was written since the folder was opened.
    private func writtenThisRun(_ name: String) -> Bool {
        var status = stat()
        guard fstatat(descriptor, name, &status, AT_SYMLINK_NOFOLLOW) == 0 else { return false }
        let modified = status.st_mtim
        return modified.tv_sec > openedAt.tv_sec || (modified.tv_sec == openedAt.tv_sec && modified.tv_nsec >= openedAt.tv_nsec)
    }

    /// The modification time the file system gives a file created in the folder now (the file is
    /// removed at once).
    private static func stamp(in folder: Int32, path: String) throws -> timespec {
        let name = ".opened-\(getpid())"
        unlinkat(folder, name, 0)  // left by a killed run of the same process number
        let file = openat(folder, name, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard file >= 0 else { throw POSIXFailure(operation: "open", path: (path as NSString).appendingPathComponent(name)) }
        defer {
            close(file)
            unlinkat(folder, name, 0)
        }
        var status = stat()
        guard fstat(file, &status) == 0 else { throw POSIXFailure(operation: "stat", path: (path as NSString).appendingPathComponent(name)) }
        return status.st_mtim
    }

    /// Drops a staged document that will not be published.
    func discard(_ staged: StagedDocument) {
        switch staged {
        case .unnamed(let file): close(file)
        case .temporary(let temporary): unlinkat(descriptor, temporary, 0)
        }
    }

    #if os(Linux)
    /// `O_TMPFILE` (`__O_TMPFILE | O_DIRECTORY`, a macro Swift does not import) for writing.
    private static let unnamedFileFlags: Int32 = 0o20000000 | O_DIRECTORY | O_WRONLY | O_CLOEXEC
    /// `AT_EMPTY_PATH` (`<fcntl.h>` declares it only with `_GNU_SOURCE`).
    private static let emptyPath: Int32 = 0x1000

    /// How unnamed files can be linked into the folder: tried once on an empty one, linked under a
    /// temporary name and removed at once.
    private static func linking(in folder: Int32) -> Linking {
        let file = openat(folder, ".", unnamedFileFlags, 0o644)
        guard file >= 0 else { return .none }
        defer { close(file) }
        let probe = ".probe-\(getpid())"
        unlinkat(folder, probe, 0)  // left by a killed run of the same process number
        for linking in [Linking.descriptor, .procPath] where link(file, in: folder, to: probe, by: linking) == 0 {
            unlinkat(folder, probe, 0)
            return linking
        }
        return .none
    }

    private static func link(_ file: Int32, in folder: Int32, to name: String, by linking: Linking) -> Int32 {
        switch linking {
        case .descriptor: linkat(file, "", folder, name, emptyPath)
        case .procPath: linkat(AT_FDCWD, "/proc/self/fd/\(file)", folder, name, AT_SYMLINK_FOLLOW)
        case .none: -1
        }
    }

    /// `linkat` of an unnamed file to `name` in the folder: 0, or -1 with `errno` set.
    private func link(_ file: Int32, to name: String) -> Int32 {
        Self.link(file, in: descriptor, to: name, by: linking)
    }
    #else
    private static func linking(in folder: Int32) -> Linking { .none }
    private func link(_ file: Int32, to name: String) -> Int32 { -1 }
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
