public import Foundation

/// What a partner's acknowledgement says about something we sent.
///
/// From X12 TA104 (I17), AK901 (715), AK501/IK501 (717) and EDIFACT CONTRL 0083.
public enum AcknowledgementStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// TA1/AK5/AK9 `A`; CONTRL `7` without an error.
    case accepted
    /// TA1/AK5/AK9 `E`; CONTRL `7` with an error code.
    case acceptedWithErrors
    /// TA1/AK5/AK9 `R`, `M`, `W`, `X`; CONTRL `4`.
    case rejected
    /// AK9 `P`: at least one transaction set rejected; CONTRL `7` with some messages rejected.
    case partiallyAccepted
    /// CONTRL `8`: the interchange arrived; the acknowledgement of its content follows later.
    case received

    /// X12 TA104, AK501/IK501 or AK901 (codes I17, 717, 715 — the same letters mean the same).
    public init?(x12Code code: String) {
        switch code {
        case "A": self = .accepted
        case "E": self = .acceptedWithErrors
        case "P": self = .partiallyAccepted
        case "R", "M", "W", "X": self = .rejected
        default: return nil
        }
    }

    /// EDIFACT 0083 action: `4` rejected, `7` acknowledged (with errors when 0085 is given), `8` received.
    public init?(contrlAction action: String, syntaxError: String?) {
        switch action {
        case "4": self = .rejected
        case "7": self = syntaxError == nil ? .accepted : .acceptedWithErrors
        case "8": self = .received
        default: return nil
        }
    }

    /// The status of a whole from the statuses of its parts: all accepted → accepted, all rejected →
    /// rejected, some rejected → partially accepted, errors noted → accepted with errors. `received` only
    /// counts when nothing else is known; nil when there is nothing to combine.
    public static func combining(_ parts: [AcknowledgementStatus]) -> AcknowledgementStatus? {
        let final = parts.filter { $0 != .received }
        if final.isEmpty { return parts.isEmpty ? nil : .received }
        if final.allSatisfy({ $0 == .rejected }) { return .rejected }
        if final.contains(.rejected) || final.contains(.partiallyAccepted) { return .partiallyAccepted }
        if final.contains(.acceptedWithErrors) { return .acceptedWithErrors }
        return .accepted
    }

    /// Whether this answers the acknowledgement we wait for (everything but `received`).
    public var isFinal: Bool { self != .received }
}

/// One acknowledgement read from an inbound file: which of our interchanges, groups and transactions
/// it answers, and what it says about each.
public struct ReceivedAcknowledgement: Sendable, Hashable, Codable {
    /// TA1, 997, 999 or CONTRL.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// X12 TA1 interchange acknowledgment.
        case ta1 = "TA1"
        /// X12 997 functional acknowledgment.
        case functional997 = "997"
        /// X12 999 implementation acknowledgment.
        case implementation999 = "999"
        /// EDIFACT CONTRL syntax and service report.
        case contrl = "CONTRL"
    }

    /// What one acknowledgement says about one of our transactions (AK2/AK5, IK5, UCM).
    public struct TransactionOutcome: Sendable, Hashable, Codable {
        /// AK201 / UCM S009 0065 (`810`, `INVOIC`).
        public var type: String
        /// AK202 / UCM 0062: our ST02 / UNH 0062.
        public var controlNumber: String
        /// AK501 / IK501 / UCM 0083 as sent.
        public var code: String
        /// The status it means; nil when the code is not one of the standard's.
        public var status: AcknowledgementStatus?
        /// Error codes (AK502–AK506, IK502–IK506, UCM 0085, and AK304/IK304 or UCS 0085 per segment note).
        public var errors: [String]
    }

    /// The kind.
    public var kind: Kind
    /// The acknowledgement's own interchange control number (ISA13 / UNB 0020).
    public var controlNumber: String
    /// TA101 / UCI 0020: our interchange it answers (nil for 997/999).
    public var interchangeReference: String?
    /// AK101: the GS01 of our group (997/999).
    public var groupFunctionalId: String?
    /// AK102 / UCF 0048: our GS06 / UNG 0048.
    public var groupReference: String?
    /// TA104, AK901 or UCI 0083 as sent.
    public var code: String
    /// The status of the level it answers; nil when the code is not one of the standard's.
    public var status: AcknowledgementStatus?
    /// TA105 note code, AK905–AK909, UCI 0085.
    public var errors: [String]
    /// The transactions it names.
    public var transactions: [TransactionOutcome]

    /// Creates an acknowledgement record.
    public init(kind: Kind, controlNumber: String, interchangeReference: String? = nil, groupFunctionalId: String? = nil,
                groupReference: String? = nil, code: String, status: AcknowledgementStatus?, errors: [String] = [],
                transactions: [TransactionOutcome] = []) {
        self.kind = kind
        self.controlNumber = controlNumber
        self.interchangeReference = interchangeReference
        self.groupFunctionalId = groupFunctionalId
        self.groupReference = groupReference
        self.code = code
        self.status = status
        self.errors = errors
        self.transactions = transactions
    }

    /// How the acknowledgement names what it answers: `interchange 000000001`, `group IN 1`.
    public var subject: String {
        switch kind {
        case .ta1, .contrl: "interchange \(interchangeReference ?? "")"
        case .functional997, .implementation999: "group \(groupFunctionalId ?? "") \(groupReference ?? "")"
        }
    }
}

/// How a received acknowledgement was matched in the ledger.
public struct AcknowledgementMatch: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The ledger id of the acknowledgement record.
    public var id: Int64
    /// What was received.
    public var acknowledgement: ReceivedAcknowledgement
    /// Our interchange control number it was matched to; nil when it matches nothing we sent.
    public var matchedInterchange: String?
    /// Transaction control numbers it names that we did not send in that interchange or group.
    public var unmatchedTransactions: [String]

    /// Whether it answers something we sent.
    public var isMatched: Bool { matchedInterchange != nil }

    public var description: String {
        let status = acknowledgement.status?.rawValue ?? "code \(acknowledgement.code)"
        guard let interchange = matchedInterchange else {
            return "\(acknowledgement.kind.rawValue) for \(acknowledgement.subject): \(status), unmatched (we sent no such \(acknowledgement.subject))"
        }
        let extra = unmatchedTransactions.isEmpty ? "" : "; transactions not ours: \(unmatchedTransactions.joined(separator: ","))"
        return "\(acknowledgement.kind.rawValue) for \(acknowledgement.subject): \(status), matched our interchange \(interchange)\(extra)"
    }
}

/// An acknowledgement read from an inbound file, to be matched in that file's ledger commit.
public struct AcknowledgementRecord: Sendable, Hashable {
    /// What it says.
    public var acknowledgement: ReceivedAcknowledgement
    /// The partner who sent it (the file's partner).
    public var partner: String
    /// When it was read.
    public var receivedAt: Date

    /// Creates a record.
    public init(acknowledgement: ReceivedAcknowledgement, partner: String, receivedAt: Date) {
        self.acknowledgement = acknowledgement
        self.partner = partner
        self.receivedAt = receivedAt
    }
}

/// An X12 functional group we sent (GS01, GS06 and its ST02s), as the ledger keeps it so that a
/// 997/999 AK1 and AK2 find it.
public struct GroupRecord: Sendable, Hashable {
    /// GS01 (`IN`, `SH`, `PR`).
    public var functionalId: String
    /// GS06.
    public var controlNumber: String
    /// ST02 of each transaction in the group.
    public var transactionControlNumbers: [String]

    /// Creates a record.
    public init(functionalId: String, controlNumber: String, transactionControlNumbers: [String]) {
        self.functionalId = functionalId
        self.controlNumber = controlNumber
        self.transactionControlNumbers = transactionControlNumbers
    }
}
