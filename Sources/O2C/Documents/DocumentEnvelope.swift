public import EDICore

/// Where a document came from (or goes to): the envelope facts of the transaction that carried
/// it, for tracing back to the interchange, group and transaction and the source file.
///
/// Built from EDICore's ``EDICore/TransactionEnvelope``: X12 `ISA`/`GS`/`ST`, EDIFACT
/// `UNB`/`UNG`/`UNH`.
public struct DocumentEnvelope: Codable, Sendable, Equatable, Hashable {
    /// `x12` or `edifact`.
    public var syntax: EDISyntax
    /// X12 version (`004010`) or EDIFACT directory (`D96A`).
    public var version: String
    /// The transaction set or message type (`850`, `ORDERS`).
    public var transactionType: String
    /// Interchange sender (`ISA05`/`ISA06`, UNB S002).
    public var sender: EnvelopePartyID
    /// Interchange receiver (`ISA07`/`ISA08`, UNB S003).
    public var receiver: EnvelopePartyID
    /// Application sender (`GS02`, UNG S006).
    public var applicationSender: String?
    /// Application receiver (`GS03`, UNG S007).
    public var applicationReceiver: String?
    /// `ISA13` / UNB 0020, as sent.
    public var interchangeControlNumber: String
    /// `GS06` / UNG 0048, as sent.
    public var groupControlNumber: String?
    /// `ST02` / UNH 0062, as sent.
    public var transactionControlNumber: String
    /// Interchange date and time as sent (`ISA09` `ISA10`, UNB S004).
    public var interchangeDateTime: String?
    /// Whether the interchange is marked as test data.
    public var isTest: Bool
    /// X12 `ST03` / `GS08` implementation convention, EDIFACT association assigned code (`EAN008`).
    public var implementationReference: String?
    /// The file the transaction was read from.
    public var sourceFile: String?
    /// When the file was received, ISO 8601 with time zone (set by the pipeline).
    public var receivedAt: String?

    /// Creates an envelope record.
    public init(syntax: EDISyntax, version: String, transactionType: String, sender: EnvelopePartyID,
                receiver: EnvelopePartyID, applicationSender: String? = nil, applicationReceiver: String? = nil,
                interchangeControlNumber: String, groupControlNumber: String? = nil, transactionControlNumber: String,
                interchangeDateTime: String? = nil, isTest: Bool = false, implementationReference: String? = nil,
                sourceFile: String? = nil, receivedAt: String? = nil) {
        self.syntax = syntax
        self.version = version
        self.transactionType = transactionType
        self.sender = sender
        self.receiver = receiver
        self.applicationSender = applicationSender
        self.applicationReceiver = applicationReceiver
        self.interchangeControlNumber = interchangeControlNumber
        self.groupControlNumber = groupControlNumber
        self.transactionControlNumber = transactionControlNumber
        self.interchangeDateTime = interchangeDateTime
        self.isTest = isTest
        self.implementationReference = implementationReference
        self.sourceFile = sourceFile
        self.receivedAt = receivedAt
    }

    /// The envelope of a transaction read by the validator.
    public init(_ envelope: TransactionEnvelope) {
        let dateTime = [envelope.interchangeDate, envelope.interchangeTime].filter { !$0.isEmpty }.joined(separator: " ")
        self.init(syntax: envelope.syntax, version: envelope.version, transactionType: envelope.transactionType,
                  sender: EnvelopePartyID(qualifier: envelope.sender.qualifier, id: envelope.sender.id),
                  receiver: EnvelopePartyID(qualifier: envelope.receiver.qualifier, id: envelope.receiver.id),
                  applicationSender: envelope.applicationSender, applicationReceiver: envelope.applicationReceiver,
                  interchangeControlNumber: envelope.interchangeControlNumber,
                  groupControlNumber: envelope.groupControlNumber,
                  transactionControlNumber: envelope.transactionControlNumber,
                  interchangeDateTime: dateTime.isEmpty ? nil : dateTime, isTest: envelope.isTest,
                  implementationReference: envelope.implementationReference ?? envelope.groupVersion,
                  sourceFile: envelope.sourcePath)
    }
}

/// An interchange party id with its qualifier (X12 `ISA05`/`ISA06`, EDIFACT UNB S002 0004/0007).
public struct EnvelopePartyID: Codable, Sendable, Equatable, Hashable, CustomStringConvertible {
    /// The qualifier (`ZZ`, `01`, `14`); nil when none was sent.
    public var qualifier: String?
    /// The identifier, without the `ISA` padding.
    public var id: String

    /// Creates an id.
    public init(qualifier: String? = nil, id: String) {
        self.qualifier = qualifier
        self.id = id
    }

    public var description: String { qualifier.map { "\($0):\(id)" } ?? id }
}
