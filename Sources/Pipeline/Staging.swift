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
    /// `ROOT/.staging/<token>/moves`: the renames of the staged outputs, appended as they are
    /// staged, so memory does not grow with a file's outputs; the commit copies them into the ledger.
    private let spool: SpoolWriter<PendingMove>
    /// How many outputs are staged.
    var count: Int { spool.count }
    /// The rename of the original, once its destination is chosen.
    private(set) var original: PendingMove?
    /// Above this many staged files, one `syncfs` costs less than an `fsync` each.
    static let filesFlushedOneByOne = 4

    /// Output names given so far by this process.
    let names: NameCounters?

    /// A new, empty staging folder.
    init(workspace: Workspace, names: NameCounters? = nil) throws {
        self.workspace = workspace
        self.names = names
        folder = workspace.staging.appendingPathComponent(UUID().uuidString)
        spool = SpoolWriter(path: folder.appendingPathComponent("moves").path)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    /// The renames owed besides the spooled ones: the original's, last.
    var moves: [PendingMove] { original.map { [$0] } ?? [] }

    /// Stages bytes that go to a free name in `target` (`name`, `name-2`…); returns the final path.
    func stage(_ data: Data, in target: URL, name: String) throws -> URL {
        let destination = freePath(in: target, name: name, excluding: isReserved, counters: names)
        try stage(data, at: destination)
        return destination
    }

    /// Stages what `write` writes to an open file (an output too large to hold in memory) that goes
    /// to a free name in `target`; returns the final path.
    func stage(in target: URL, name: String, writing write: (Int32) throws -> Void) throws -> URL {
        let destination = freePath(in: target, name: name, excluding: isReserved, counters: names)
        try stage(at: destination, writing: write)
        return destination
    }

    /// Stages bytes that go to exactly `destination`.
    func stage(_ data: Data, at destination: URL) throws {
        try stage(at: destination) { try writeAll(data, to: $0, path: destination.path) }
    }

    private func stage(at destination: URL, writing write: (Int32) throws -> Void) throws {
        let relativeDestination = workspace.relativePath(destination)
        let staged = stagedPath(for: relativeDestination)
        try writeStaged(to: staged, writing: write)
        try spool.append(PendingMove(from: workspace.relativePath(staged), to: relativeDestination, original: nil))
    }

    /// Where the output bound for `destination` (as the ledger keeps it) waits: a file of the staging
    /// folder named after the whole destination (`internal%2FpurchaseOrder%2Fpo.json`), so the staged
    /// file is itself the reservation of its destination (created with `O_EXCL`) and nothing is kept
    /// in memory per output. Never one of the spools' names: a destination is always in a folder.
    private func stagedPath(for destination: String) -> URL {
        folder.appendingPathComponent(destination.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "/", with: "%2F"))
    }

    /// Whether a destination is taken by this file: staged already, or the original's.
    private func isReserved(_ path: String) -> Bool {
        let destination = workspace.relativePath(URL(fileURLWithPath: path))
        return original?.to == destination || access(stagedPath(for: destination).path, F_OK) == 0
    }

    /// The spooled renames, or nil when nothing is staged.
    var spooledMoves: Spool<PendingMove>? { spool.spool }

    /// Chooses where the original goes: a free name in `target` (with room for `<name>.report.json`).
    func moveOriginal(_ file: URL, identity: FileIdentity, to target: URL) -> URL {
        let destination = freePath(in: target, name: safeName(file.lastPathComponent), excluding: isReserved, counters: names)
        original = PendingMove(from: workspace.relativePath(file), to: workspace.relativePath(destination), original: identity)
        return destination
    }

    /// Drops everything staged so far (the file's outcome changed, e.g. a duplicate found late).
    func reset() throws {
        spool.reset()
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        original = nil
    }

    /// Flushes the staged files and the staging folder's entries, so the commit never names a file
    /// that is not on disk: an `fsync` each for a few files, one `syncfs` of the file system for
    /// many (a large interchange's documents). The spool itself needs no flush: the commit copies it.
    func synchronize() throws {
        if count > Self.filesFlushedOneByOne, FileSystemFlush.flush(folder.path) { return }
        try spooledMoves?.forEach { move in
            let path = workspace.absolutePath(move.from)
            let descriptor = open(path, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else { throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: path]) }
            let flushed = fsync(descriptor) == 0
            close(descriptor)
            guard flushed else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
        }
        synchronizeFolder(folder.path)
    }

    /// Carries out the renames owed after this file's commit: the spooled outputs, then the original.
    func performOwed() throws -> Set<String> {
        var folders = Set<String>()
        var renamed = 0
        try spooledMoves?.forEach { try Self.perform($0, in: workspace, folders: &folders, renamed: &renamed) }
        for move in moves { try Self.perform(move, in: workspace, folders: &folders, renamed: &renamed) }
        return folders
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
        for move in moves { try perform(move, in: workspace, folders: &folders, renamed: &renamed) }
        return (folders, renamed)
    }

    /// One owed rename (``perform(_:in:)``); adds the folders it changed.
    static func perform(_ move: PendingMove, in workspace: Workspace, folders: inout Set<String>, renamed: inout Int) throws {
        let from = workspace.absolutePath(move.from), to = workspace.absolutePath(move.to)
        if let identity = move.original {
            guard identity.matches(from) else { return }
        } else if FileStatusInfo(path: from) == nil {
            return
        }
        let folder = (to as NSString).deletingLastPathComponent
        // A folder already in `folders` exists: a rename of this call went into it or out of it.
        if !folders.contains(folder) {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        guard rename(from, to) == 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: to,
                                                           NSLocalizedDescriptionKey: String(cString: strerror(errno))])
        }
        folders.insert(folder)
        folders.insert((from as NSString).deletingLastPathComponent)
        renamed += 1
        if renamed == 1 { Failpoint.renaming.reach() }
    }
}

/// Writes a new file with what `write` writes to its descriptor (no temporary name: used inside the
/// staging folder; a name that exists is an error, `O_EXCL`); ``Staging/synchronize()`` flushes it
/// before the commit.
func writeStaged(to url: URL, writing write: (Int32) throws -> Void) throws {
    let descriptor = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else {
        throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path, NSLocalizedDescriptionKey: String(cString: strerror(errno))])
    }
    defer { close(descriptor) }
    try write(descriptor)
}

/// Writes all of `data` to an open file.
func writeAll(_ data: Data, to descriptor: Int32, path: String) throws {
    try data.withUnsafeBytes { buffer in
        var offset = 0
        while offset < buffer.count {
            let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            if written < 0, errno == EINTR { continue }
            guard written > 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
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
