public import EDICore
public import Foundation

/// How a file taken from `inbox/` or `outbound/` is recognised again after a restart: its name,
/// size, modification time and inode, and the SHA-256 of its bytes.
public struct FileIdentity: Sendable, Codable, Hashable {
    /// The file name in its folder.
    public var name: String
    /// Bytes.
    public var size: Int
    /// Modification time (seconds since 1970, with nanoseconds).
    public var modified: Double
    /// Inode number.
    public var inode: UInt64
    /// SHA-256 of the bytes (hex).
    public var sha256: String

    /// Reads the identity of a regular file (not following a symbolic link).
    public init(of file: URL) throws {
        guard let status = FileStatusInfo(path: file.path) else {
            throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: file.path])
        }
        name = file.lastPathComponent
        size = status.size
        modified = status.modified
        inode = status.inode
        sha256 = SHA256.file(file.path) ?? ""
    }

    /// Whether the file now at a path is still this one (same inode, size and modification time).
    public func matches(_ path: String) -> Bool {
        guard let status = FileStatusInfo(path: path) else { return false }
        return status.inode == inode && status.size == size && status.modified == modified
    }
}

/// `lstat` of a path: size, modification time, inode, and whether it is a regular file or folder.
struct FileStatusInfo: Equatable {
    var size: Int
    var modified: Double
    var inode: UInt64
    var isRegular: Bool
    var isDirectory: Bool

    init?(path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        size = Int(info.st_size)
        #if canImport(Darwin)
        modified = Double(info.st_mtimespec.tv_sec) + Double(info.st_mtimespec.tv_nsec) / 1e9
        #else
        modified = Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9
        #endif
        inode = UInt64(info.st_ino)
        isRegular = (info.st_mode & S_IFMT) == S_IFREG
        isDirectory = (info.st_mode & S_IFMT) == S_IFDIR
    }
}

/// A rename the pipeline owes once a file's outcome is committed; paths are relative to the root.
public struct PendingMove: Sendable, Codable, Hashable {
    /// Where the file is now (a staged output, or the original in `inbox/` or `outbound/`).
    public var from: String
    /// Where it goes.
    public var to: String
    /// For the original: its identity, so that a new file of the same name is never moved in its place.
    public var original: FileIdentity?

    /// A rename from one path to another (relative to the root).
    public init(from: String, to: String, original: FileIdentity?) {
        self.from = from
        self.to = to
        self.original = original
    }
}

/// A transaction set (ST/UNH) of an interchange, as the ledger keeps it.
public struct TransactionRecord: Sendable, Hashable, Codable {
    /// ST01 / UNH 0065 (`850`, `ORDERS`) or the internal document type for outbound.
    public var type: String
    /// ST02 / UNH 0062.
    public var controlNumber: String
    /// Whether it validated without errors.
    public var valid: Bool
    /// The internal document or EDI file written for it.
    public var output: String?
}

/// An interchange (ISA/UNB) of a file, as the ledger keeps it.
public struct InterchangeRecord: Sendable, Hashable {
    /// The partner id.
    public var partner: String
    /// Which way it travels.
    public var direction: FileDirection
    /// ISA13 / UNB 0020.
    public var controlNumber: String
    /// When an acknowledgement is due (outbound).
    public var acknowledgementExpected: Date?
    /// Its transactions.
    public var transactions: [TransactionRecord]
    /// Its X12 functional groups (outbound; for matching 997/999).
    public var groups: [GroupRecord] = []
}

/// Control numbers a file used for one partner and level: they were `from + 1 … to`, and the
/// ledger's `last` moves from `from` to `to` in the file's commit.
public struct ControlNumberAdvance: Sendable, Hashable {
    /// The partner key the writers number by (the envelope party, `01:804512378`).
    public var partner: String
    /// Interchange, group or transaction.
    public var level: ControlNumberLevel
    /// `last` when the first number was allocated.
    public var from: Int
    /// The last number used.
    public var to: Int
}

/// Everything one file produced, committed to the ledger at once.
public struct FileOutcome: Sendable {
    /// The file.
    public var identity: FileIdentity
    /// Inbound or outbound.
    public var direction: FileDirection
    /// Archived, rejected or duplicate.
    public var status: FileStatus
    /// Where the original ends up.
    public var location: String
    /// Why (rejections, warnings).
    public var reason: String?
    /// Interchanges read or written.
    public var interchanges: [InterchangeRecord] = []
    /// Transactions of ``interchanges`` (inbound), matched by interchange control number: one line
    /// each in the staging folder until the commit.
    public var spooledTransactions: Spool<SpooledTransaction>?
    /// Control numbers used.
    public var controlNumbers: [ControlNumberAdvance] = []
    /// Renames owed after ``spooledMoves``: the original to `archive/` or `rejected/`.
    public var moves: [PendingMove] = []
    /// Renames owed first, read from the staging spool: staged outputs into place (one line each,
    /// so a file of many transactions is not held in memory).
    public var spooledMoves: Spool<PendingMove>?
    /// Acknowledgements the file brought (TA1, 997, 999, CONTRL), matched to what we sent in the commit.
    public var acknowledgements: [AcknowledgementRecord] = []

    /// An outcome without interchanges, numbers or renames yet.
    public init(identity: FileIdentity, direction: FileDirection, status: FileStatus, location: String, reason: String? = nil) {
        self.identity = identity
        self.direction = direction
        self.status = status
        self.location = location
        self.reason = reason
    }
}

/// A committed file whose renames may be unfinished.
public struct UnfinishedFile: Sendable {
    /// The ledger id.
    public var id: Int64
    /// The renames owed.
    public var moves: [PendingMove]
}

/// The ledger's control numbers moved since they were read: another process numbered for the same partner.
public struct ControlNumberConflict: Error, Sendable, CustomStringConvertible {
    /// The partner and level.
    public var advance: ControlNumberAdvance
    public var description: String {
        "control numbers of \(advance.partner) \(advance.level.rawValue) moved past \(advance.from) while this file was processed"
    }
}
