/// A party of an envelope: an identifier with its qualifier (X12 `ISA05`/`ISA06`, EDIFACT `UNB` S002).
public struct EnvelopeParty: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The qualifier (`ZZ`, `01`, `14`); nil when the envelope gives none.
    public var qualifier: String?
    /// The identifier, with the fixed-width padding of `ISA` removed.
    public var id: String

    /// Creates a party.
    public init(qualifier: String?, id: String) {
        self.qualifier = qualifier
        self.id = id
    }

    public var description: String {
        qualifier.map { "\($0):\(id)" } ?? id
    }
}

/// One transaction set (X12 `ST`…`SE`) or message (EDIFACT `UNH`…`UNT`) as seen in the envelope.
public struct TransactionSummary: Sendable, Hashable, Codable {
    /// `850`, `ORDERS`.
    public var type: String
    /// `ST02` / `UNH` 0062, exactly as sent.
    public var controlNumber: String
    /// Segments counted, header and trailer included.
    public var segmentCount: Int
    /// EDIFACT message version (`D:96A:UN`) or X12 `ST03` implementation convention.
    public var version: String?
    /// Where the header is.
    public var position: EDIPosition
}

/// A functional group (X12 `GS`…`GE`, EDIFACT `UNG`…`UNE`), or the implicit group of EDIFACT
/// messages sent without `UNG`.
public struct GroupSummary: Sendable, Hashable, Codable {
    /// X12 `GS01` (`PO`, `IN`), EDIFACT `UNG` 0038; nil for an implicit group.
    public var functionalId: String?
    /// `GS06` / `UNG` 0048; nil for an implicit group.
    public var controlNumber: String?
    /// X12 `GS08` (`004010`); EDIFACT `UNG` S008 version.
    public var version: String?
    /// Application sender (`GS02`).
    public var sender: String?
    /// Application receiver (`GS03`).
    public var receiver: String?
    /// Whether the group has no header of its own (EDIFACT messages without `UNG`).
    public var isImplicit: Bool
    /// The transactions in the group (empty when the outliner keeps counts only).
    public var transactions: [TransactionSummary] = []
    /// How many transactions the group holds.
    public var transactionCount = 0
    /// Where the header is.
    public var position: EDIPosition
}

/// An interchange (X12 `ISA`…`IEA`, EDIFACT `UNB`…`UNZ`) and what it holds.
public struct InterchangeSummary: Sendable, Hashable, Codable {
    /// X12 or EDIFACT.
    public var syntax: EDISyntax
    /// Sender id and qualifier.
    public var sender: EnvelopeParty
    /// Receiver id and qualifier.
    public var receiver: EnvelopeParty
    /// Preparation date as sent (`ISA09` YYMMDD, `UNB` S004 YYMMDD or CCYYMMDD).
    public var date: String
    /// Preparation time as sent (HHMM).
    public var time: String
    /// `ISA13` / `UNB` 0020, exactly as sent (leading zeros kept).
    public var controlNumber: String
    /// X12 `ISA12` (`00401`); EDIFACT syntax identifier and version (`UNOC:3`).
    public var version: String
    /// X12 `ISA15` / EDIFACT `UNB` 0035: whether this is test data.
    public var isTest: Bool
    /// Whether an acknowledgement is requested (`ISA14` = 1, `UNB` 0031 = 1).
    public var acknowledgementRequested: Bool
    /// The delimiters, by printable name.
    public var delimiters: Delimiters
    /// The groups in order.
    public var groups: [GroupSummary] = []
    /// `TA1` interchange acknowledgements carried in the interchange.
    public var interchangeAcknowledgements: Int = 0
    /// Where the header is.
    public var position: EDIPosition
}
