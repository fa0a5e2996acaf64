import Foundation

/// One file in the ledger: where it is and why.
public struct LedgerFile: Sendable, Hashable, Codable {
    /// The ledger id (what `edikit reprocess` takes).
    public var id: Int64
    /// The name it had when taken.
    public var name: String
    /// `inbound` or `outbound`.
    public var direction: FileDirection
    /// Where it stands.
    public var status: FileStatus
    /// The partner of its first interchange, when one was read.
    public var partner: String?
    /// Bytes.
    public var size: Int
    /// SHA-256 of the content, hex.
    public var sha256: String
    /// When it was taken (ISO 8601, UTC).
    public var receivedAt: String
    /// When its status last changed.
    public var updatedAt: String
    /// Where it is now (archive or rejected path).
    public var location: String?
    /// Why it was rejected, or what was wrong.
    public var reason: String?
    /// Where it was taken from, relative to the root (`inbox/<name>`, `outbound/<partner>/<name>`).
    public var origin: String?
    /// The file id this one is a new attempt of (`edikit reprocess`).
    public var retryOf: Int64?
}

/// An outbound interchange whose acknowledgement is overdue.
public struct OverdueAcknowledgement: Sendable, Hashable, Codable {
    /// The partner id.
    public var partner: String
    /// Our ISA13 / UNB 0020.
    public var interchange: String
    /// The outbound file it was generated from.
    public var fileID: Int64
    /// That file's name.
    public var file: String
    /// When it was sent (ISO 8601, UTC).
    public var sentAt: String
    /// When the acknowledgement was due (`acknowledgementExpectedWithinHours` after sending).
    public var expectedBy: String
    /// Whole hours past due.
    public var hoursOverdue: Int
}

/// An acknowledgement received, as `edikit status` lists it.
public struct AcknowledgementEntry: Sendable, Hashable, Codable {
    /// The ledger id.
    public var id: Int64
    /// The file it came in.
    public var fileID: Int64
    /// That file's name.
    public var file: String
    /// The partner who sent it.
    public var partner: String
    /// `TA1`, `997`, `999`, `CONTRL`.
    public var kind: String
    /// What it answers: `interchange 000000001`, `group IN 1`.
    public var subject: String
    /// The code as sent (TA104, AK901, UCI 0083).
    public var code: String
    /// What the code means.
    public var status: AcknowledgementStatus?
    /// When it was read.
    public var receivedAt: String
}

/// The last control number used for a partner and level.
public struct ControlNumberState: Sendable, Hashable, Codable {
    /// The envelope party numbers are kept for (`qualifier:id` of the receiver).
    public var party: String
    /// The configured partner with that party, when known.
    public var partner: String?
    /// `interchange`, `group`, `transaction`.
    public var level: String
    /// The last number handed out.
    public var last: Int
}

/// What `edikit status` shows: counts, recent and rejected files, overdue and unmatched
/// acknowledgements, control numbers. The JSON form is documented in docs/pipeline.md.
public struct PipelineStatus: Sendable, Codable {
    /// When the status was taken (ISO 8601, UTC); overdue is judged against it.
    public var generatedAt: String
    /// Files by direction, then status.
    public var files: [String: [String: Int]]
    /// Transactions: `inbound` by `valid`/`invalid`; `outbound` by acknowledgement status, `awaiting` when none yet.
    public var transactions: [String: [String: Int]]
    /// Acknowledgements received, by status, plus `unmatched`.
    public var acknowledgements: [String: Int]
    /// The latest files, newest first.
    public var recentFiles: [LedgerFile]
    /// Files in `rejected/` (rejected or duplicate), newest first, with their reason.
    public var rejectedFiles: [LedgerFile]
    /// Outbound interchanges past their expected-by time without an acknowledgement, by partner and due time.
    public var overdueAcknowledgements: [OverdueAcknowledgement]
    /// Acknowledgements that answer nothing we sent, newest first.
    public var unmatchedAcknowledgements: [AcknowledgementEntry]
    /// Control numbers by party and level.
    public var controlNumbers: [ControlNumberState]

    /// Names the party of each control-number counter with the configured partner that has it.
    public mutating func namePartners(_ configuration: Configuration) {
        for index in controlNumbers.indices {
            let party = controlNumbers[index].party
            controlNumbers[index].partner = configuration.partners.values.sorted { $0.id < $1.id }
                .first { $0.party.description == party }?.id
        }
    }

    /// An ISO 8601 UTC time.
    static func timestamp(_ seconds: Double) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: Date(timeIntervalSince1970: seconds))
    }
}

/// What the acknowledgements received say about one interchange we sent, its groups and transactions.
public struct OutboundInterchangeState: Sendable, Hashable, Codable {
    /// One level's acknowledgement: status, when, from which file.
    public struct Acknowledged: Sendable, Hashable, Codable {
        /// What the latest acknowledgement says.
        public var status: AcknowledgementStatus
        /// When it was read (ISO 8601, UTC).
        public var at: String
        /// The ledger id of the file it came in.
        public var fileID: Int64
        /// That file's name.
        public var file: String
    }

    /// A group (GS) we sent.
    public struct Group: Sendable, Hashable, Codable {
        /// GS01.
        public var functionalId: String
        /// GS06.
        public var controlNumber: String
        /// The acknowledgement, nil while none.
        public var acknowledgement: Acknowledged?
    }

    /// A transaction (ST / UNH) we sent.
    public struct Transaction: Sendable, Hashable, Codable {
        /// `invoice` (the internal document type).
        public var type: String
        /// ST02 / UNH 0062.
        public var controlNumber: String
        /// GS06 of its group (X12).
        public var group: String?
        /// The acknowledgement, nil while none.
        public var acknowledgement: Acknowledged?
    }

    /// The partner id.
    public var partner: String
    /// ISA13 / UNB 0020.
    public var controlNumber: String
    /// When it was sent.
    public var sentAt: String
    /// When its acknowledgement is due.
    public var expectedBy: String?
    /// The interchange's acknowledgement (`received` for a CONTRL `8` is kept but does not count as acknowledged).
    public var acknowledgement: Acknowledged?
    /// Its groups.
    public var groups: [Group]
    /// Its transactions.
    public var transactions: [Transaction]
}
