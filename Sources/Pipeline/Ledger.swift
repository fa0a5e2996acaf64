public import EDICore
public import Foundation
import GRDB

/// The pipeline's record of everything: files, interchanges, transactions, control numbers.
///
/// One narrow interface, so that the SQLite ledger of one machine can become a shared
/// PostgreSQL one by configuration. Every method is one database transaction.
public protocol Ledger: Sendable {
    /// Records a file taken from a folder; returns its id. The same content (hash) taken twice
    /// is recorded twice — duplicates are decided on interchange control numbers.
    func recordFile(name: String, sha256: String, size: Int, direction: FileDirection) throws -> Int64
    /// Sets a file's status (and where it went, why).
    func updateFile(_ id: Int64, status: FileStatus, location: String?, reason: String?) throws
    /// Whether a partner already sent an interchange control number within the window.
    func hasSeenInterchange(partner: String, controlNumber: String, within window: TimeInterval) throws -> Bool
    /// Records an interchange of a file.
    func recordInterchange(fileID: Int64, partner: String, direction: FileDirection, controlNumber: String,
                           acknowledgementExpected: Date?) throws -> Int64
    /// Records a transaction of an interchange.
    func recordTransaction(interchangeID: Int64, type: String, controlNumber: String, valid: Bool, output: String?) throws
    /// The next control number for a partner and level, allocated in a database transaction: never reused.
    func nextControlNumber(partner: String, level: ControlNumberLevel) throws -> Int
    /// Counts of files by status.
    func fileCounts() throws -> [String: Int]

    /// The last control number handed out for a partner and level (0 when none yet).
    func lastControlNumber(partner: String, level: ControlNumberLevel) throws -> Int
    /// Records a file's whole outcome in one database transaction: the file, its interchanges and
    /// transactions, the control numbers it used (checked against what was read when they were
    /// allocated) and the renames still owed; returns the file's id.
    func commit(_ outcome: FileOutcome) throws -> Int64
    /// Committed files whose renames may not all have happened (the process stopped in between).
    func unfinishedFiles() throws -> [UnfinishedFile]
    /// Marks committed files' renames as done.
    func markFinished(_ ids: [Int64]) throws

    // Operations: acknowledgement state, `edikit status`, `edikit reprocess` (SQLiteLedger+Status.swift).

    /// Outbound interchanges past their expected-by time without an acknowledgement.
    func overdueAcknowledgements(at now: Date) throws -> [OverdueAcknowledgement]
    /// Counts, recent and rejected files, overdue and unmatched acknowledgements, control numbers.
    func status(at now: Date, recent: Int) throws -> PipelineStatus
    /// What the acknowledgements received say about one interchange we sent (the latest with that number).
    func outboundInterchange(partner: String, controlNumber: String) throws -> OutboundInterchangeState?
    /// The acknowledgements a file brought, as matched when it was committed.
    func acknowledgements(ofFile id: Int64) throws -> [AcknowledgementMatch]
    /// One file by id.
    func file(_ id: Int64) throws -> LedgerFile?
    /// The files with a status, oldest first.
    func files(withStatus status: FileStatus) throws -> [LedgerFile]
    /// The new attempt of a reprocessed file (the file whose `retryOf` is its id), once taken.
    func attempt(of previous: Int64) throws -> LedgerFile?
}

/// Which way a file travels.
public enum FileDirection: String, Sendable, Codable {
    /// From a partner.
    case inbound
    /// To a partner.
    case outbound
}

/// Where a file stands.
public enum FileStatus: String, Sendable, Codable, CaseIterable {
    /// Taken from the folder, being processed.
    case processing
    /// Processed and archived.
    case archived
    /// Could not be processed; in `rejected/` with a report.
    case rejected
    /// Its interchange was seen before.
    case duplicate
    /// Taken out of `rejected/` and put back to be processed again (`edikit reprocess`); the new
    /// attempt is the file whose `retryOf` is this one's id.
    case reprocessed
}

/// The ledger in SQLite (WAL), through GRDB.
public final class SQLiteLedger: Ledger {
    let database: DatabasePool

    /// Opens (and creates or migrates) the ledger at a path.
    public init(path: String) throws {
        var configuration = GRDB.Configuration()
        configuration.busyMode = .timeout(10)
        database = try DatabasePool(path: path, configuration: configuration)
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE file (
                    id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, sha256 TEXT NOT NULL, size INTEGER NOT NULL,
                    direction TEXT NOT NULL, status TEXT NOT NULL, location TEXT, reason TEXT,
                    received_at REAL NOT NULL, updated_at REAL NOT NULL);
                CREATE TABLE interchange (
                    id INTEGER PRIMARY KEY AUTOINCREMENT, file_id INTEGER NOT NULL REFERENCES file(id),
                    partner TEXT NOT NULL, direction TEXT NOT NULL, control_number TEXT NOT NULL, recorded_at REAL NOT NULL,
                    acknowledgement_expected_at REAL, acknowledged_at REAL, acknowledgement_status TEXT);
                CREATE INDEX interchange_partner_control ON interchange(partner, direction, control_number);
                CREATE TABLE "transaction" (
                    id INTEGER PRIMARY KEY AUTOINCREMENT, interchange_id INTEGER NOT NULL REFERENCES interchange(id),
                    type TEXT NOT NULL, control_number TEXT NOT NULL, valid INTEGER NOT NULL, output TEXT);
                CREATE TABLE control_number (
                    partner TEXT NOT NULL, level TEXT NOT NULL, last INTEGER NOT NULL, PRIMARY KEY (partner, level));
                """)
        }
        SQLiteLedger.registerCommitMigration(&migrator)
        SQLiteLedger.registerAcknowledgementMigration(&migrator)
        SQLiteLedger.registerMovesMigration(&migrator)
        try migrator.migrate(database)
        // Each commit reaches the disk before the renames it allows (docs/pipeline.md, "Crash safety");
        // GRDB opens the writer of a pool with NORMAL.
        try database.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
    }

    public func recordFile(name: String, sha256: String, size: Int, direction: FileDirection) throws -> Int64 {
        try database.write { db in
            let now = Date().timeIntervalSince1970
            try db.execute(sql: """
                INSERT INTO file (name, sha256, size, direction, status, received_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [name, sha256, size, direction.rawValue, FileStatus.processing.rawValue, now, now])
            return db.lastInsertedRowID
        }
    }

    public func updateFile(_ id: Int64, status: FileStatus, location: String?, reason: String?) throws {
        try database.write { db in
            try db.execute(sql: "UPDATE file SET status = ?, location = ?, reason = ?, updated_at = ? WHERE id = ?",
                           arguments: [status.rawValue, location, reason, Date().timeIntervalSince1970, id])
        }
    }

    public func hasSeenInterchange(partner: String, controlNumber: String, within window: TimeInterval) throws -> Bool {
        try database.read { db in
            let since = Date().timeIntervalSince1970 - window
            let count = try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM interchange WHERE partner = ? AND direction = 'inbound' AND control_number = ? AND recorded_at >= ?
                """, arguments: [partner, controlNumber, since]) ?? 0
            return count > 0
        }
    }

    public func recordInterchange(fileID: Int64, partner: String, direction: FileDirection, controlNumber: String,
                                  acknowledgementExpected: Date?) throws -> Int64 {
        try database.write { db in
            try db.execute(sql: """
                INSERT INTO interchange (file_id, partner, direction, control_number, recorded_at, acknowledgement_expected_at)
                VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [fileID, partner, direction.rawValue, controlNumber, Date().timeIntervalSince1970,
                                 acknowledgementExpected?.timeIntervalSince1970])
            return db.lastInsertedRowID
        }
    }

    public func recordTransaction(interchangeID: Int64, type: String, controlNumber: String, valid: Bool, output: String?) throws {
        try database.write { db in
            try db.execute(sql: """
                INSERT INTO "transaction" (interchange_id, type, control_number, valid, output) VALUES (?, ?, ?, ?, ?)
                """, arguments: [interchangeID, type, controlNumber, valid ? 1 : 0, output])
        }
    }

    public func nextControlNumber(partner: String, level: ControlNumberLevel) throws -> Int {
        try database.write { db in
            try db.execute(sql: """
                INSERT INTO control_number (partner, level, last) VALUES (?, ?, 1)
                ON CONFLICT(partner, level) DO UPDATE SET last = last + 1
                """, arguments: [partner, level.rawValue])
            return try Int.fetchOne(db, sql: "SELECT last FROM control_number WHERE partner = ? AND level = ?",
                                    arguments: [partner, level.rawValue]) ?? 1
        }
    }

    public func fileCounts() throws -> [String: Int] {
        try database.read { db in
            var counts: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT status, COUNT(*) AS n FROM file GROUP BY status") {
                counts[row["status"]] = row["n"]
            }
            return counts
        }
    }
}

/// Control numbers from the ledger: allocated in a database transaction, durable, never reused
/// even when the process is killed right after.
public struct LedgerAllocator: ControlNumberAllocator {
    /// The ledger.
    public let ledger: any Ledger

    /// Uses a ledger.
    public init(ledger: any Ledger) {
        self.ledger = ledger
    }

    public mutating func next(_ level: ControlNumberLevel, partner: String) throws -> Int {
        try ledger.nextControlNumber(partner: partner, level: level)
    }
}
