public import Foundation

/// Why files cannot be reprocessed: an unknown id, a file that is not rejected, a file that is gone.
public struct ReprocessError: Error, Sendable, CustomStringConvertible {
    /// What is wrong, naming the file id.
    public var message: String
    public var description: String { message }
}

/// `edikit reprocess`: puts rejected (or duplicate) files back where the pipeline takes them — an
/// inbound file into `inbox/`, an outbound document into `outbound/<partner>/` — under their original
/// names, so that they run again after a configuration fix. The file is moved with one rename and
/// never copied or deleted; the old report goes, the ledger keeps the old record (status
/// `reprocessed`) and links the new attempt to it.
public struct Reprocessor {
    /// The folders.
    public let workspace: Workspace
    /// The ledger.
    public let ledger: any Ledger

    /// A file put back: its old record and where it waits now.
    public struct Requeued: Sendable {
        /// The record of the rejected attempt.
        public var previous: LedgerFile
        /// Where the file is now.
        public var path: URL
    }

    /// What became of a reprocessed file.
    public struct Outcome: Sendable, Codable {
        /// The id of the rejected attempt.
        public var previousID: Int64
        /// Its name.
        public var name: String
        /// The new attempt; nil when the file has not been taken yet.
        public var attempt: LedgerFile?
    }

    /// Uses a workspace and its ledger.
    public init(workspace: Workspace, ledger: any Ledger) {
        self.workspace = workspace
        self.ledger = ledger
    }

    /// The ids of every file now rejected (not duplicates), oldest first.
    public func rejectedIDs() throws -> [Int64] {
        try ledger.files(withStatus: .rejected).map(\.id)
    }

    /// Checks every id first — nothing moves when one of them is wrong — then moves each file back.
    public func requeue(_ ids: [Int64]) throws -> [Requeued] {
        var seen = Set<Int64>()
        let files = try ids.filter { seen.insert($0).inserted }.map(checked)
        return try files.map(move)
    }

    /// The new attempt of each requeued file (the ledger links it to the old id when it commits it).
    public func outcomes(of requeued: [Requeued]) throws -> [Outcome] {
        try requeued.map { item in
            Outcome(previousID: item.previous.id, name: item.previous.name, attempt: try ledger.attempt(of: item.previous.id))
        }
    }

    private func checked(_ id: Int64) throws -> LedgerFile {
        guard let file = try ledger.file(id) else { throw ReprocessError(message: "file \(id) is not in the ledger") }
        guard file.status == .rejected || file.status == .duplicate else {
            throw ReprocessError(message: "file \(id) (\(file.name)) is \(file.status.rawValue), not rejected; only rejected or duplicate files are reprocessed")
        }
        guard let location = file.location,
              URL(fileURLWithPath: location).deletingLastPathComponent().standardizedFileURL.path == workspace.rejected.standardizedFileURL.path
        else {
            throw ReprocessError(message: "file \(id) (\(file.name)) is not recorded in \(workspace.rejected.path)")
        }
        var info = stat()
        guard lstat(location, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            throw ReprocessError(message: "file \(id) (\(file.name)): \(location) is missing or not a regular file")
        }
        _ = try origin(of: file)
        return file
    }

    private func move(_ file: LedgerFile) throws -> Requeued {
        let source = URL(fileURLWithPath: file.location ?? "")
        let folder = try origin(of: file)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let target = freePath(in: folder, name: Self.component(file.name))
        guard rename(source.path, target.path) == 0 else {
            throw ReprocessError(message: "file \(file.id): cannot move \(source.path) to \(target.path): \(String(cString: strerror(errno)))")
        }
        try? FileManager.default.removeItem(atPath: source.path + ".report.json")
        try ledger.updateFile(file.id, status: .reprocessed, location: target.path, reason: file.reason)
        return Requeued(previous: file, path: target)
    }

    /// The folder the file was taken from: `inbox/` or `outbound/<partner>/`, as the ledger recorded it.
    private func origin(of file: LedgerFile) throws -> URL {
        let parts = (file.origin ?? "").split(separator: "/").map(String.init).dropLast()
        switch (file.direction, parts.first) {
        case (.inbound, _): return workspace.inbox
        case (.outbound, "outbound") where parts.count == 2 && Self.component(parts[parts.startIndex + 1]) == parts[parts.startIndex + 1]:
            return workspace.outbound.appendingPathComponent(parts[parts.startIndex + 1])
        default:
            throw ReprocessError(message: "file \(file.id) (\(file.name)): the ledger does not say which outbound/<partner>/ it came from; move it there by hand")
        }
    }

    /// A name as it was in the folder it came from; one that could leave the folder or hide is made safe.
    private static func component(_ name: String) -> String {
        name.isEmpty || name == "." || name == ".." || !Workspace.isReady(name) || name.contains("\0") ? safeName(name) : name
    }
}
