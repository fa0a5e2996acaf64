public import EDICore
import Foundation
import GRDB

/// One commit per file: the crash-safety half of the SQLite ledger (docs/pipeline.md, "Crash safety").
extension SQLiteLedger {
    /// Adds the file identity (inode, modification time) and the renames still owed to `file`.
    static func registerCommitMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("file-commit") { db in
            try db.execute(sql: """
                ALTER TABLE file ADD COLUMN inode INTEGER;
                ALTER TABLE file ADD COLUMN modified_at REAL;
                ALTER TABLE file ADD COLUMN pending_moves TEXT;
                CREATE INDEX file_pending ON file(id) WHERE pending_moves IS NOT NULL;
                """)
        }
    }

    public func lastControlNumber(partner: String, level: ControlNumberLevel) throws -> Int {
        try database.read { db in
            try Int.fetchOne(db, sql: "SELECT last FROM control_number WHERE partner = ? AND level = ?",
                             arguments: [partner, level.rawValue]) ?? 0
        }
    }

    public func commit(_ outcome: FileOutcome) throws -> Int64 {
        let moves = String(decoding: try JSONEncoder().encode(outcome.moves), as: UTF8.self)
        return try database.write { db in
            let now = Date().timeIntervalSince1970
            let identity = outcome.identity
            try db.execute(sql: """
                INSERT INTO file (name, sha256, size, direction, status, location, reason, received_at, updated_at,
                                  inode, modified_at, pending_moves)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [identity.name, identity.sha256, identity.size, outcome.direction.rawValue, outcome.status.rawValue,
                                 outcome.location, outcome.reason, now, now, Int64(bitPattern: identity.inode), identity.modified,
                                 outcome.moves.isEmpty ? nil : moves])
            let fileID = db.lastInsertedRowID
            for interchange in outcome.interchanges {
                try db.execute(sql: """
                    INSERT INTO interchange (file_id, partner, direction, control_number, recorded_at, acknowledgement_expected_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """, arguments: [fileID, interchange.partner, interchange.direction.rawValue, interchange.controlNumber, now,
                                     interchange.acknowledgementExpected?.timeIntervalSince1970])
                let interchangeID = db.lastInsertedRowID
                for transaction in interchange.transactions {
                    try db.execute(sql: """
                        INSERT INTO "transaction" (interchange_id, type, control_number, valid, output) VALUES (?, ?, ?, ?, ?)
                        """, arguments: [interchangeID, transaction.type, transaction.controlNumber, transaction.valid ? 1 : 0,
                                         transaction.output])
                }
                try Self.insertGroups(interchange.groups, interchangeID: interchangeID, db)
            }
            try Self.recordOperations(of: outcome, fileID: fileID, db)
            for advance in outcome.controlNumbers {
                try db.execute(sql: "UPDATE control_number SET last = ? WHERE partner = ? AND level = ? AND last = ?",
                               arguments: [advance.to, advance.partner, advance.level.rawValue, advance.from])
                if db.changesCount == 0 {
                    guard advance.from == 0 else { throw ControlNumberConflict(advance: advance) }
                    try db.execute(sql: "INSERT OR IGNORE INTO control_number (partner, level, last) VALUES (?, ?, ?)",
                                   arguments: [advance.partner, advance.level.rawValue, advance.to])
                    if db.changesCount == 0 { throw ControlNumberConflict(advance: advance) }
                }
            }
            return fileID
        }
    }

    public func unfinishedFiles() throws -> [UnfinishedFile] {
        let rows = try database.read { db in
            try Row.fetchAll(db, sql: "SELECT id, pending_moves FROM file WHERE pending_moves IS NOT NULL ORDER BY id")
        }
        return try rows.map { row in
            let text: String = row["pending_moves"]
            return UnfinishedFile(id: row["id"], moves: try JSONDecoder().decode([PendingMove].self, from: Data(text.utf8)))
        }
    }

    public func markFinished(_ ids: [Int64]) throws {
        guard !ids.isEmpty else { return }
        try database.write { db in
            let now = Date().timeIntervalSince1970
            for id in ids {
                try db.execute(sql: "UPDATE file SET pending_moves = NULL, updated_at = ? WHERE id = ?", arguments: [now, id])
            }
        }
    }
}
