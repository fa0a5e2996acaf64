public import Foundation
import GRDB

/// `edikit status` and `edikit reprocess` queries.
extension SQLiteLedger {
    private static let fileColumns = """
        f.id, f.name, f.direction, f.status, f.size, f.sha256, f.received_at, f.updated_at, f.location, f.reason, f.retry_of, f.origin,
        (SELECT partner FROM interchange WHERE file_id = f.id ORDER BY id LIMIT 1) AS partner
        """

    private static func file(_ row: Row) -> LedgerFile {
        LedgerFile(id: row["id"], name: row["name"], direction: FileDirection(rawValue: row["direction"]) ?? .inbound,
                   status: FileStatus(rawValue: row["status"]) ?? .processing, partner: row["partner"], size: row["size"],
                   sha256: row["sha256"], receivedAt: PipelineStatus.timestamp(row["received_at"]),
                   updatedAt: PipelineStatus.timestamp(row["updated_at"]), location: row["location"], reason: row["reason"],
                   origin: row["origin"], retryOf: row["retry_of"])
    }

    public func status(at now: Date, recent: Int) throws -> PipelineStatus {
        try database.read { db in
            var files: [String: [String: Int]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT direction, status, COUNT(*) AS n FROM file GROUP BY direction, status") {
                files[row["direction"], default: [:]][row["status"]] = row["n"]
            }
            var transactions: [String: [String: Int]] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT i.direction, CASE WHEN i.direction = 'inbound' THEN (CASE WHEN t.valid THEN 'valid' ELSE 'invalid' END)
                    ELSE coalesce(t.acknowledgement_status, 'awaiting') END AS state, COUNT(*) AS n
                FROM "transaction" t JOIN interchange i ON i.id = t.interchange_id GROUP BY 1, 2
                """) {
                transactions[row["direction"], default: [:]][row["state"]] = row["n"]
            }
            var acknowledgements: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT CASE WHEN interchange_id IS NULL THEN 'unmatched' ELSE coalesce(status, 'unknown') END AS state, COUNT(*) AS n
                FROM acknowledgement GROUP BY 1
                """) {
                acknowledgements[row["state"]] = row["n"]
            }
            let recentFiles = try Row.fetchAll(db, sql: "SELECT \(Self.fileColumns) FROM file f ORDER BY f.id DESC LIMIT ?",
                                               arguments: [max(0, recent)]).map(Self.file)
            let rejected = try Row.fetchAll(db, sql: """
                SELECT \(Self.fileColumns) FROM file f WHERE f.status IN ('rejected', 'duplicate') ORDER BY f.id DESC
                """).map(Self.file)
            let unmatched = try Row.fetchAll(db, sql: """
                SELECT a.*, f.name AS file_name FROM acknowledgement a JOIN file f ON f.id = a.file_id
                WHERE a.interchange_id IS NULL ORDER BY a.id DESC
                """).map { row in
                    AcknowledgementEntry(id: row["id"], fileID: row["file_id"], file: row["file_name"], partner: row["partner"],
                                         kind: row["kind"], subject: Self.subject(row), code: row["code"],
                                         status: (row["status"] as String?).flatMap(AcknowledgementStatus.init(rawValue:)),
                                         receivedAt: PipelineStatus.timestamp(row["received_at"]))
                }
            let counters = try Row.fetchAll(db, sql: "SELECT partner, level, last FROM control_number ORDER BY partner, level").map {
                ControlNumberState(party: $0["partner"], partner: nil, level: $0["level"], last: $0["last"])
            }
            return PipelineStatus(generatedAt: PipelineStatus.timestamp(now.timeIntervalSince1970), files: files,
                                  transactions: transactions, acknowledgements: acknowledgements, recentFiles: recentFiles,
                                  rejectedFiles: rejected, overdueAcknowledgements: try Self.overdue(at: now, db),
                                  unmatchedAcknowledgements: unmatched, controlNumbers: counters)
        }
    }

    public func overdueAcknowledgements(at now: Date) throws -> [OverdueAcknowledgement] {
        try database.read { db in try Self.overdue(at: now, db) }
    }

    private static func overdue(at now: Date, _ db: Database) throws -> [OverdueAcknowledgement] {
        try Row.fetchAll(db, sql: """
            SELECT i.partner, i.control_number, i.recorded_at, i.acknowledgement_expected_at, f.id AS file_id, f.name
            FROM interchange i JOIN file f ON f.id = i.file_id
            WHERE i.direction = 'outbound' AND i.acknowledgement_expected_at IS NOT NULL AND i.acknowledgement_expected_at < ?
                AND i.acknowledged_at IS NULL
            ORDER BY i.partner, i.acknowledgement_expected_at, i.id
            """, arguments: [now.timeIntervalSince1970]).map { row in
                let expected: Double = row["acknowledgement_expected_at"]
                return OverdueAcknowledgement(partner: row["partner"], interchange: row["control_number"], fileID: row["file_id"],
                                              file: row["name"], sentAt: PipelineStatus.timestamp(row["recorded_at"]),
                                              expectedBy: PipelineStatus.timestamp(expected),
                                              hoursOverdue: Int((now.timeIntervalSince1970 - expected) / 3600))
            }
    }

    private static func subject(_ row: Row) -> String {
        if let reference: String = row["interchange_reference"] { return "interchange \(reference)" }
        return "group \(row["group_functional_id"] as String? ?? "") \(row["group_reference"] as String? ?? "")"
    }

    public func file(_ id: Int64) throws -> LedgerFile? {
        try database.read { db in
            try Row.fetchOne(db, sql: "SELECT \(Self.fileColumns) FROM file f WHERE f.id = ?", arguments: [id]).map(Self.file)
        }
    }

    public func files(withStatus status: FileStatus) throws -> [LedgerFile] {
        try database.read { db in
            try Row.fetchAll(db, sql: "SELECT \(Self.fileColumns) FROM file f WHERE f.status = ? ORDER BY f.id",
                             arguments: [status.rawValue]).map(Self.file)
        }
    }

    public func attempt(of previous: Int64) throws -> LedgerFile? {
        try database.read { db in
            try Row.fetchOne(db, sql: "SELECT \(Self.fileColumns) FROM file f WHERE f.retry_of = ? ORDER BY f.id LIMIT 1",
                             arguments: [previous]).map(Self.file)
        }
    }

    public func outboundInterchange(partner: String, controlNumber: String) throws -> OutboundInterchangeState? {
        try database.read { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT * FROM interchange WHERE partner = ? AND direction = 'outbound' AND control_number = ? ORDER BY id DESC LIMIT 1
                """, arguments: [partner, controlNumber]) else { return nil }
            let id: Int64 = row["id"]
            let groups = try Row.fetchAll(db, sql: "SELECT * FROM functional_group WHERE interchange_id = ? ORDER BY id", arguments: [id])
            let transactions = try Row.fetchAll(db, sql: """
                SELECT t.*, g.control_number AS group_number FROM "transaction" t LEFT JOIN functional_group g ON g.id = t.group_id
                WHERE t.interchange_id = ? ORDER BY t.id
                """, arguments: [id])
            return OutboundInterchangeState(
                partner: row["partner"], controlNumber: row["control_number"], sentAt: PipelineStatus.timestamp(row["recorded_at"]),
                expectedBy: (row["acknowledgement_expected_at"] as Double?).map(PipelineStatus.timestamp),
                acknowledgement: try Self.acknowledged(row, db),
                groups: try groups.map { .init(functionalId: $0["functional_id"], controlNumber: $0["control_number"],
                                               acknowledgement: try Self.acknowledged($0, db)) },
                transactions: try transactions.map { .init(type: $0["type"], controlNumber: $0["control_number"], group: $0["group_number"],
                                                           acknowledgement: try Self.acknowledged($0, db)) })
        }
    }

    /// The acknowledgement columns of an interchange, group or transaction row, with the file it came in.
    private static func acknowledged(_ row: Row, _ db: Database) throws -> OutboundInterchangeState.Acknowledged? {
        guard let status = (row["acknowledgement_status"] as String?).flatMap(AcknowledgementStatus.init(rawValue:)),
              let acknowledgement: Int64 = row["acknowledgement_id"],
              let file = try Row.fetchOne(db, sql: """
                SELECT f.id, f.name, a.received_at FROM acknowledgement a JOIN file f ON f.id = a.file_id WHERE a.id = ?
                """, arguments: [acknowledgement]) else { return nil }
        let at: Double = row["acknowledged_at"] ?? file["received_at"]
        return .init(status: status, at: PipelineStatus.timestamp(at), fileID: file["id"], file: file["name"])
    }
}
