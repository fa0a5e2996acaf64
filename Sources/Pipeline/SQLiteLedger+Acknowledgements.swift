import Foundation
import GRDB

/// Outbound groups, acknowledgement state per interchange, group and transaction, the acknowledgements
/// received, and where each file came from and which attempt it repeats (docs/pipeline.md, "Acknowledgement reconciliation").
extension SQLiteLedger {
    /// Migrations v2 and v3 (after v1, which is never edited).
    static func registerAcknowledgementMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v2-acknowledgements") { db in
            try db.execute(sql: """
                ALTER TABLE file ADD COLUMN retry_of INTEGER REFERENCES file(id);
                ALTER TABLE file ADD COLUMN origin TEXT;
                CREATE TABLE functional_group (
                    id INTEGER PRIMARY KEY AUTOINCREMENT, interchange_id INTEGER NOT NULL REFERENCES interchange(id),
                    functional_id TEXT NOT NULL, control_number TEXT NOT NULL,
                    acknowledgement_status TEXT, acknowledged_at REAL, acknowledgement_id INTEGER);
                CREATE INDEX functional_group_interchange ON functional_group(interchange_id);
                ALTER TABLE interchange ADD COLUMN acknowledgement_id INTEGER;
                ALTER TABLE "transaction" ADD COLUMN group_id INTEGER REFERENCES functional_group(id);
                ALTER TABLE "transaction" ADD COLUMN acknowledgement_status TEXT;
                ALTER TABLE "transaction" ADD COLUMN acknowledged_at REAL;
                ALTER TABLE "transaction" ADD COLUMN acknowledgement_id INTEGER;
                CREATE INDEX transaction_interchange ON "transaction"(interchange_id);
                CREATE INDEX interchange_file ON interchange(file_id);
                CREATE TABLE acknowledgement (
                    id INTEGER PRIMARY KEY AUTOINCREMENT, file_id INTEGER NOT NULL REFERENCES file(id), partner TEXT NOT NULL,
                    kind TEXT NOT NULL, control_number TEXT NOT NULL, interchange_reference TEXT, group_functional_id TEXT,
                    group_reference TEXT, code TEXT NOT NULL, status TEXT, errors TEXT NOT NULL, transactions TEXT NOT NULL,
                    interchange_id INTEGER REFERENCES interchange(id), group_id INTEGER REFERENCES functional_group(id),
                    unmatched_transactions TEXT NOT NULL, received_at REAL NOT NULL);
                """)
        }
        // Each commit looks for a reprocessed file it repeats: kept cheap on a ledger of many files.
        migrator.registerMigration("v3-reprocess-indexes") { db in
            try db.execute(sql: """
                CREATE INDEX file_reprocessed ON file(sha256) WHERE status = 'reprocessed';
                CREATE INDEX file_retry_of ON file(retry_of) WHERE retry_of IS NOT NULL;
                """)
        }
    }

    /// Inserts the functional groups of an interchange and links their transactions (ST02), in the file's commit.
    static func insertGroups(_ groups: [GroupRecord], interchangeID: Int64, _ db: Database) throws {
        for group in groups {
            try db.execute(sql: "INSERT INTO functional_group (interchange_id, functional_id, control_number) VALUES (?, ?, ?)",
                           arguments: [interchangeID, group.functionalId, group.controlNumber])
            let groupID = db.lastInsertedRowID
            for number in group.transactionControlNumbers {
                try db.execute(sql: """
                    UPDATE "transaction" SET group_id = ? WHERE interchange_id = ? AND control_number = ? AND group_id IS NULL
                    """, arguments: [groupID, interchangeID, number])
            }
        }
    }

    /// The rest of a file's commit: where the file was taken from (for `edikit reprocess`), which
    /// reprocessed file it is a new attempt of, and the acknowledgements it brought, each matched to what we sent.
    static func recordOperations(of outcome: FileOutcome, fileID: Int64, _ db: Database) throws {
        if let origin = outcome.moves.first(where: { $0.original != nil })?.from {
            try db.execute(sql: "UPDATE file SET origin = ? WHERE id = ?", arguments: [origin, fileID])
            // A file `edikit reprocess` put back: the new attempt of the latest such record waiting at this path.
            let suffix = "/" + origin
            try db.execute(sql: """
                UPDATE file SET retry_of = (
                    SELECT p.id FROM file p WHERE p.status = 'reprocessed' AND p.sha256 = ? AND substr(p.location, -length(?)) = ?
                        AND NOT EXISTS (SELECT 1 FROM file r WHERE r.retry_of = p.id) ORDER BY p.id DESC LIMIT 1)
                WHERE id = ?
                """, arguments: [outcome.identity.sha256, suffix, suffix, fileID])
        }
        for record in outcome.acknowledgements {
            _ = try match(record.acknowledgement, fileID: fileID, partner: record.partner, at: record.receivedAt, db)
        }
    }

    public func acknowledgements(ofFile id: Int64) throws -> [AcknowledgementMatch] {
        try database.read { db in
            try Row.fetchAll(db, sql: """
                SELECT a.*, i.control_number AS matched FROM acknowledgement a LEFT JOIN interchange i ON i.id = a.interchange_id
                WHERE a.file_id = ? ORDER BY a.id
                """, arguments: [id]).map { row in
                    let decoder = JSONDecoder()
                    let acknowledgement = ReceivedAcknowledgement(
                        kind: ReceivedAcknowledgement.Kind(rawValue: row["kind"]) ?? .functional997, controlNumber: row["control_number"],
                        interchangeReference: row["interchange_reference"], groupFunctionalId: row["group_functional_id"],
                        groupReference: row["group_reference"], code: row["code"],
                        status: (row["status"] as String?).flatMap(AcknowledgementStatus.init(rawValue:)),
                        errors: try decoder.decode([String].self, from: Data((row["errors"] as String).utf8)),
                        transactions: try decoder.decode([ReceivedAcknowledgement.TransactionOutcome].self,
                                                         from: Data((row["transactions"] as String).utf8)))
                    return AcknowledgementMatch(id: row["id"], acknowledgement: acknowledgement, matchedInterchange: row["matched"],
                                                unmatchedTransactions: try decoder.decode([String].self,
                                                                                          from: Data((row["unmatched_transactions"] as String).utf8)))
                }
        }
    }

    /// Matches one acknowledgement and records it, with what it says about each level matched.
    static func match(_ acknowledgement: ReceivedAcknowledgement, fileID: Int64, partner: String, at date: Date,
                      _ db: Database) throws -> AcknowledgementMatch {
        let target = try Self.target(of: acknowledgement, partner: partner, db)
        let encoder = JSONEncoder()
        func json(_ value: some Encodable) throws -> String { String(decoding: try encoder.encode(value), as: UTF8.self) }
        try db.execute(sql: """
            INSERT INTO acknowledgement (file_id, partner, kind, control_number, interchange_reference, group_functional_id,
                group_reference, code, status, errors, transactions, interchange_id, group_id, unmatched_transactions, received_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '[]', ?)
            """, arguments: [fileID, partner, acknowledgement.kind.rawValue, acknowledgement.controlNumber,
                             acknowledgement.interchangeReference, acknowledgement.groupFunctionalId, acknowledgement.groupReference,
                             acknowledgement.code, acknowledgement.status?.rawValue, try json(acknowledgement.errors),
                             try json(acknowledgement.transactions), target?.interchange, target?.group, date.timeIntervalSince1970])
        let id = db.lastInsertedRowID
        var match = AcknowledgementMatch(id: id, acknowledgement: acknowledgement, matchedInterchange: nil, unmatchedTransactions: [])
        guard let target else { return match }
        match.matchedInterchange = try String.fetchOne(db, sql: "SELECT control_number FROM interchange WHERE id = ?",
                                                       arguments: [target.interchange])
        match.unmatchedTransactions = try Self.settleTransactions(of: acknowledgement, id: id, in: target, at: date, db)
        if let group = target.group {
            try db.execute(sql: """
                UPDATE functional_group SET acknowledgement_status = ?, acknowledged_at = ?, acknowledgement_id = ? WHERE id = ?
                """, arguments: [acknowledgement.status?.rawValue, date.timeIntervalSince1970, id, group])
        }
        try Self.settleInterchange(target.interchange, by: acknowledgement, id: id, at: date, db)
        try db.execute(sql: "UPDATE acknowledgement SET unmatched_transactions = ? WHERE id = ?",
                       arguments: [try json(match.unmatchedTransactions), id])
        return match
    }

    /// The outbound interchange (and group) an acknowledgement answers: by partner and control number
    /// (leading zeros aside), the latest when a number was used twice.
    private static func target(of acknowledgement: ReceivedAcknowledgement, partner: String,
                               _ db: Database) throws -> (interchange: Int64, group: Int64?)? {
        switch acknowledgement.kind {
        case .ta1, .contrl:
            guard let reference = acknowledgement.interchangeReference else { return nil }
            return try Int64.fetchOne(db, sql: """
                SELECT id FROM interchange WHERE partner = ? AND direction = 'outbound' AND ltrim(control_number, '0') = ltrim(?, '0')
                ORDER BY id DESC LIMIT 1
                """, arguments: [partner, reference]).map { ($0, nil) }
        case .functional997, .implementation999:
            guard let reference = acknowledgement.groupReference else { return nil }
            let row = try Row.fetchOne(db, sql: """
                SELECT g.id AS group_id, g.interchange_id FROM functional_group g JOIN interchange i ON i.id = g.interchange_id
                WHERE i.partner = ? AND i.direction = 'outbound' AND g.functional_id = ? AND ltrim(g.control_number, '0') = ltrim(?, '0')
                ORDER BY g.id DESC LIMIT 1
                """, arguments: [partner, acknowledgement.groupFunctionalId ?? "", reference])
            return row.map { ($0["interchange_id"], $0["group_id"]) }
        }
    }

    /// Records each named transaction's status; the ones not named get the level's status when the
    /// standard says so (AK9 `A`/`E` accepts, `R` rejects the sets not listed; CONTRL `7` acknowledges the
    /// messages not explicitly rejected, `4` rejects them all; a TA1 `R` rejects the whole interchange).
    /// Returns the names that match nothing.
    private static func settleTransactions(of acknowledgement: ReceivedAcknowledgement, id: Int64,
                                           in target: (interchange: Int64, group: Int64?), at date: Date,
                                           _ db: Database) throws -> [String] {
        let scope = target.group.map { ("group_id = ?", $0) } ?? ("interchange_id = ?", target.interchange)
        var named: [Int64] = []
        var unmatched: [String] = []
        for outcome in acknowledgement.transactions {
            guard let transaction = try Int64.fetchOne(db, sql: """
                SELECT id FROM "transaction" WHERE \(scope.0) AND ltrim(control_number, '0') = ltrim(?, '0') ORDER BY id DESC LIMIT 1
                """, arguments: [scope.1, outcome.controlNumber]) else {
                unmatched.append(outcome.controlNumber)
                continue
            }
            named.append(transaction)
            try db.execute(sql: """
                UPDATE "transaction" SET acknowledgement_status = ?, acknowledged_at = ?, acknowledgement_id = ? WHERE id = ?
                """, arguments: [outcome.status?.rawValue, date.timeIntervalSince1970, id, transaction])
        }
        let others: AcknowledgementStatus? = switch acknowledgement.status {
        case .accepted, .acceptedWithErrors: acknowledgement.kind == .ta1 ? nil : .accepted
        case .rejected: .rejected
        default: nil
        }
        if let others {
            let exclusion = named.isEmpty ? "" : " AND id NOT IN (\(named.map { _ in "?" }.joined(separator: ",")))"
            let values: [(any DatabaseValueConvertible)?] = [others.rawValue, date.timeIntervalSince1970, id, scope.1]
                + named.map { $0 as (any DatabaseValueConvertible)? }
            try db.execute(sql: """
                UPDATE "transaction" SET acknowledgement_status = ?, acknowledged_at = ?, acknowledgement_id = ? WHERE \(scope.0)\(exclusion)
                """, arguments: StatementArguments(values))
        }
        return unmatched
    }

    /// The interchange's status: a TA1's own (unless its groups were acknowledged and it does not
    /// reject), a CONTRL's from its messages, a 997/999's from the groups acknowledged so far.
    private static func settleInterchange(_ interchange: Int64, by acknowledgement: ReceivedAcknowledgement, id: Int64, at date: Date,
                                          _ db: Database) throws {
        let groupStatuses = try String.fetchAll(db, sql: """
            SELECT acknowledgement_status FROM functional_group WHERE interchange_id = ? AND acknowledgement_status IS NOT NULL
            """, arguments: [interchange]).compactMap(AcknowledgementStatus.init(rawValue:))
        let status: AcknowledgementStatus?
        switch acknowledgement.kind {
        case .ta1:
            status = acknowledgement.status == .rejected || groupStatuses.isEmpty ? acknowledgement.status : .combining(groupStatuses)
        case .functional997, .implementation999:
            status = .combining(groupStatuses)
        case .contrl:
            if acknowledgement.code == "7" {
                let messages = try String.fetchAll(db, sql: """
                    SELECT acknowledgement_status FROM "transaction" WHERE interchange_id = ? AND acknowledgement_status IS NOT NULL
                    """, arguments: [interchange]).compactMap(AcknowledgementStatus.init(rawValue:))
                let combined = AcknowledgementStatus.combining(messages) ?? .accepted
                status = combined == .accepted && acknowledgement.status == .acceptedWithErrors ? .acceptedWithErrors : combined
            } else {
                status = acknowledgement.status
            }
        }
        guard let status else { return }
        try db.execute(sql: """
            UPDATE interchange SET acknowledgement_status = ?, acknowledgement_id = ?,
                acknowledged_at = CASE WHEN ? THEN ? ELSE acknowledged_at END WHERE id = ?
            """, arguments: [status.rawValue, id, status.isFinal, date.timeIntervalSince1970, interchange])
    }
}
