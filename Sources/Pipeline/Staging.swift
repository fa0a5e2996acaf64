import Foundation

/// The outputs of one file before its commit: written and flushed to disk under
/// `ROOT/.staging/<token>/`, with the final name each will take. Nothing staged is visible in the
/// output folders; after the ledger commit, ``PendingMove``s rename each into place and then move
/// the original (docs/pipeline.md, "Crash safety").
final class Staging {
    /// The workspace.
    let workspace: Workspace
    /// `ROOT/.staging/<token>/`.
    let folder: URL
    /// Renames of the staged outputs, in the order they were staged.
    private(set) var outputs: [PendingMove] = []
    /// The rename of the original, once its destination is chosen.
    private(set) var original: PendingMove?
    private var reserved: Set<String> = []
    private var count = 0
    private var stagedPaths: [String] = []
    /// Above this many staged files, one `syncfs` costs less than an `fsync` each.
    static let filesFlushedOneByOne = 4

    /// Output names given so far by this process.
    let names: NameCounters?

    /// A new, empty staging folder.
    init(workspace: Workspace, names: NameCounters? = nil) throws {
        self.workspace = workspace
        self.names = names
        folder = workspace.staging.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    /// Every rename owed: outputs first, the original last.
    var moves: [PendingMove] { outputs + (original.map { [$0] } ?? []) }

    /// Stages bytes that go to a free name in `target` (`name`, `name-2`…); returns the final path.
    func stage(_ data: Data, in target: URL, name: String) throws -> URL {
        let destination = freePath(in: target, name: name, excluding: reserved, counters: names)
        try stage(data, at: destination)
        return destination
    }

    /// Stages bytes that go to exactly `destination`.
    func stage(_ data: Data, at destination: URL) throws {
        reserved.insert(destination.path)
        count += 1
        let staged = folder.appendingPathComponent("\(count)-\(destination.lastPathComponent)")
        try writeStaged(data, to: staged)
        stagedPaths.append(staged.path)
        outputs.append(PendingMove(from: workspace.relativePath(staged), to: workspace.relativePath(destination), original: nil))
    }

    /// Chooses where the original goes: a free name in `target` (with room for `<name>.report.json`).
    func moveOriginal(_ file: URL, identity: FileIdentity, to target: URL) -> URL {
        let destination = freePath(in: target, name: safeName(file.lastPathComponent), excluding: reserved, counters: names)
        reserved.insert(destination.path)
        original = PendingMove(from: workspace.relativePath(file), to: workspace.relativePath(destination), original: identity)
        return destination
    }

    /// Drops everything staged so far (the file's outcome changed, e.g. a duplicate found late).
    func reset() throws {
        for move in outputs { try? FileManager.default.removeItem(atPath: workspace.absolutePath(move.from)) }
        outputs = []
        original = nil
        reserved = []
        stagedPaths = []
    }

    /// Flushes the staged files and the staging folder's entries, so the commit never names a file
    /// that is not on disk: an `fsync` each for a few files, one `syncfs` of the file system for
    /// many (a large interchange's documents).
    func synchronize() throws {
        if stagedPaths.count > Self.filesFlushedOneByOne, FileSystemFlush.flush(folder.path) { return }
        for path in stagedPaths {
            let descriptor = open(path, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else { throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: path]) }
            let flushed = fsync(descriptor) == 0
            close(descriptor)
            guard flushed else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
        }
        synchronizeFolder(folder.path)
    }

    /// Removes the staging folder.
    func discard() {
        try? FileManager.default.removeItem(at: folder)
    }

    /// Carries out renames owed after a commit; safe to repeat after a crash: a staged output that
    /// is gone was moved already, and an original is moved only while it is still the same file.
    /// Returns the folders changed, to be flushed (``synchronizeFolder(_:)``) before the file is
    /// marked finished, and how many renames were still owed.
    @discardableResult
    static func perform(_ moves: [PendingMove], in workspace: Workspace) throws -> (folders: Set<String>, renamed: Int) {
        var folders = Set<String>()
        var renamed = 0
        for move in moves {
            let from = workspace.absolutePath(move.from), to = workspace.absolutePath(move.to)
            if let identity = move.original {
                guard identity.matches(from) else { continue }
            } else if FileStatusInfo(path: from) == nil {
                continue
            }
            let folder = (to as NSString).deletingLastPathComponent
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            guard rename(from, to) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: to,
                                                               NSLocalizedDescriptionKey: String(cString: strerror(errno))])
            }
            folders.insert(folder)
            folders.insert((from as NSString).deletingLastPathComponent)
            renamed += 1
            if renamed == 1 { Failpoint.renaming.reach() }
        }
        return (folders, renamed)
    }
}

/// Writes a new file (no temporary name: used inside the staging folder); ``Staging/synchronize()``
/// flushes it before the commit.
func writeStaged(_ data: Data, to url: URL) throws {
    let descriptor = open(url.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else {
        throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path, NSLocalizedDescriptionKey: String(cString: strerror(errno))])
    }
    defer { close(descriptor) }
    try data.withUnsafeBytes { buffer in
        var offset = 0
        while offset < buffer.count {
            let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            if written < 0, errno == EINTR { continue }
            guard written > 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
            }
            offset += written
        }
    }
}

/// Flushes a folder's entries (renames and new names in it) to disk.
func synchronizeFolder(_ path: String) {
    let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard descriptor >= 0 else { return }
    fsync(descriptor)
    close(descriptor)
}

/// Files whose renames are done but not yet marked in the ledger: their folders are flushed and
/// they are marked together, one ledger write for many files. Until then a restart repeats their
/// renames, which changes nothing (``Staging/perform(_:in:)``).
final class FinishedFiles: @unchecked Sendable {
    private let lock = NSLock()
    private var ids: [Int64] = []
    private var folders: Set<String> = []

    /// How many wait to be marked.
    var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return ids.count
    }

    /// Adds a file whose renames touched `folders`.
    func add(_ id: Int64, folders touched: Set<String>) {
        lock.lock()
        ids.append(id)
        folders.formUnion(touched)
        lock.unlock()
    }

    /// Flushes the folders, then marks the files finished.
    func flush(to ledger: any Ledger) throws {
        lock.lock()
        let (pending, touched) = (ids, folders)
        ids = []
        folders = []
        lock.unlock()
        for folder in touched.sorted() { synchronizeFolder(folder) }
        try ledger.markFinished(pending)
    }
}

/// `syncfs(2)` where the C library has it (Linux): flushes every file of one file system at once.
enum FileSystemFlush {
    private typealias SyncFS = @convention(c) (Int32) -> Int32
    private static let syncfs: SyncFS? = {
        #if os(Linux)
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "syncfs") else { return nil }
        return unsafeBitCast(symbol, to: SyncFS.self)
        #else
        return nil
        #endif
    }()

    /// Flushes the file system holding `path`; false when that is not possible here.
    static func flush(_ path: String) -> Bool {
        guard let syncfs else { return false }
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        return syncfs(descriptor) == 0
    }
}
