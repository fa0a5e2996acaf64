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

    /// The renames of a file's staged outputs, after the other migrations.
    static func registerMovesMigration(_ migrator: inout DatabaseMigrator) {
        // The renames of a file's staged outputs, one row each (copied from the staging spool in the
        // commit); `file.pending_moves` keeps the original's rename, owed after them.
        migrator.registerMigration("file-commit-moves") { db in
            try db.execute(sql: """
                CREATE TABLE pending_move (file_id INTEGER NOT NULL, source TEXT NOT NULL, target TEXT NOT NULL);
                CREATE INDEX pending_move_file ON pending_move(file_id);
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
                                 outcome.moves.isEmpty && outcome.spooledMoves == nil ? nil : moves])
            let fileID = db.lastInsertedRowID
            var interchangeIDs: [String: Int64] = [:]
            let insertMove = try db.cachedStatement(sql: "INSERT INTO pending_move (file_id, source, target) VALUES (?, ?, ?)")
            try outcome.spooledMoves?.forEach { move in
                try insertMove.execute(arguments: [fileID, move.from, move.to])
            }
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
                if interchangeIDs[interchange.controlNumber] == nil { interchangeIDs[interchange.controlNumber] = interchangeID }
            }
            // Spooled transactions go to their interchange's row (none when it was left out: a broken envelope).
            let insertTransaction = try db.cachedStatement(sql: """
                INSERT INTO "transaction" (interchange_id, type, control_number, valid, output) VALUES (?, ?, ?, ?, ?)
                """)
            try outcome.spooledTransactions?.forEach { spooled in
                guard let interchangeID = interchangeIDs[spooled.interchange] else { return }
                let transaction = spooled.transaction
                try insertTransaction.execute(arguments: [interchangeID, transaction.type, transaction.controlNumber,
                                                          transaction.valid ? 1 : 0, transaction.output])
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
            let id: Int64 = row["id"]
            let outputs = try database.read { db in
                try Row.fetchAll(db, sql: "SELECT source, target FROM pending_move WHERE file_id = ? ORDER BY rowid", arguments: [id])
                    .map { PendingMove(from: $0["source"], to: $0["target"], original: nil) }
            }
            return UnfinishedFile(id: id, moves: outputs + (try JSONDecoder().decode([PendingMove].self, from: Data(text.utf8))))
        }
    }

    public func markFinished(_ ids: [Int64]) throws {
        guard !ids.isEmpty else { return }
        try database.write { db in
            let now = Date().timeIntervalSince1970
            for id in ids {
                try db.execute(sql: "UPDATE file SET pending_moves = NULL, updated_at = ? WHERE id = ?", arguments: [now, id])
                try db.execute(sql: "DELETE FROM pending_move WHERE file_id = ?", arguments: [id])
            }
        }
    }
}
