/// The envelope facts of one transaction: where it came from, for tracing a business document
/// back to the interchange, group and transaction that carried it.
public struct TransactionEnvelope: Sendable, Hashable, Codable {
    /// X12 or EDIFACT.
    public var syntax: EDISyntax
    /// Interchange sender (`ISA05`/`ISA06`, `UNB` S002).
    public var sender: EnvelopeParty
    /// Interchange receiver (`ISA07`/`ISA08`, `UNB` S003).
    public var receiver: EnvelopeParty
    /// `ISA13` / `UNB` 0020, as sent.
    public var interchangeControlNumber: String
    /// Interchange date and time as sent (`ISA09` `ISA10`, `UNB` S004).
    public var interchangeDate: String
    /// Interchange time as sent.
    public var interchangeTime: String
    /// X12 `ISA12` (`00401`); EDIFACT syntax identifier and version (`UNOC:3`).
    public var syntaxVersion: String
    /// Whether the interchange is test data (`ISA15` = T, `UNB` 0035 = 1).
    public var isTest: Bool
    /// `GS01` / `UNG` 0038.
    public var functionalId: String?
    /// `GS02` / `UNG` S006 application sender.
    public var applicationSender: String?
    /// `GS03` / `UNG` S007 application receiver.
    public var applicationReceiver: String?
    /// `GS06` / `UNG` 0048.
    public var groupControlNumber: String?
    /// `GS08` (`004010VICS`).
    public var groupVersion: String?
    /// `850`, `ORDERS`.
    public var transactionType: String
    /// `ST02` / `UNH` 0062.
    public var transactionControlNumber: String
    /// X12 version (`004010`, from ST03 or GS08) or EDIFACT directory (`D96A`).
    public var version: String
    /// EDIFACT association assigned code (`EAN008`), X12 `ST03` implementation convention.
    public var implementationReference: String?
    /// The file the transaction was read from.
    public var sourcePath: String?

    /// Creates an envelope record.
    public init(syntax: EDISyntax, sender: EnvelopeParty, receiver: EnvelopeParty, interchangeControlNumber: String,
                interchangeDate: String, interchangeTime: String, syntaxVersion: String, isTest: Bool,
                functionalId: String? = nil, applicationSender: String? = nil, applicationReceiver: String? = nil,
                groupControlNumber: String? = nil, groupVersion: String? = nil, transactionType: String,
                transactionControlNumber: String, version: String, implementationReference: String? = nil,
                sourcePath: String? = nil) {
        self.syntax = syntax
        self.sender = sender
        self.receiver = receiver
        self.interchangeControlNumber = interchangeControlNumber
        self.interchangeDate = interchangeDate
        self.interchangeTime = interchangeTime
        self.syntaxVersion = syntaxVersion
        self.isTest = isTest
        self.functionalId = functionalId
        self.applicationSender = applicationSender
        self.applicationReceiver = applicationReceiver
        self.groupControlNumber = groupControlNumber
        self.groupVersion = groupVersion
        self.transactionType = transactionType
        self.transactionControlNumber = transactionControlNumber
        self.version = version
        self.implementationReference = implementationReference
        self.sourcePath = sourcePath
    }
}
