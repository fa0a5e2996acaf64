/// A purchase order acknowledgement, the same for X12 855 and EDIFACT ORDRSP.
///
/// X12: `BAK` (purpose `BAK01`, type `BAK02`, PO number `BAK03`, PO date `BAK04`, ack number
/// `BAK08`), `PO1` + `ACK` per line, `CTT`. EDIFACT: `BGM` 231 (1225 response type), `RFF` ON,
/// `LIN` (1229 action) + `QTY` + `DTM` + `PRI`, `CNT`.
public struct OrderAcknowledgement: Codable, Sendable, Equatable, Hashable {
    /// The acknowledgement's own number (`BAK08`, BGM 1004).
    public var number: String?
    /// The purchase order acknowledged (`BAK03`, RFF ON).
    public var purchaseOrderNumber: String
    /// The date of that order, ISO 8601 (`BAK04`, RFF ON + DTM 171).
    public var purchaseOrderDate: String?
    /// Date of the acknowledgement, ISO 8601 (`BAK09`, DTM 137).
    public var date: String?
    /// Purpose code as sent (`BAK01` 353).
    public var purpose: String?
    /// The acknowledgement type code as sent (`BAK02` 587: `AD`, `AC`, `RJ`…; BGM 1225: `29`, `4`, `27`…).
    public var acknowledgementType: String?
    /// The acknowledgement as a whole.
    public var status: AcknowledgementStatus
    /// ISO 4217 currency of every amount.
    public var currency: String?
    /// Parties by role.
    public var parties: [Party]
    /// Header references.
    public var references: [Reference]
    /// The acknowledged lines.
    public var lines: [OrderAcknowledgementLine]
    /// Number of lines (`CTT01`, CNT 2).
    public var lineCount: Int?
    /// Notes.
    public var notes: [Note]
    /// Where it came from.
    public var envelope: DocumentEnvelope?

    /// Creates an acknowledgement.
    public init(number: String? = nil, purchaseOrderNumber: String, purchaseOrderDate: String? = nil,
                date: String? = nil, purpose: String? = nil, acknowledgementType: String? = nil,
                status: AcknowledgementStatus, currency: String? = nil, parties: [Party] = [],
                references: [Reference] = [], lines: [OrderAcknowledgementLine] = [], lineCount: Int? = nil,
                notes: [Note] = [], envelope: DocumentEnvelope? = nil) {
        self.number = number
        self.purchaseOrderNumber = purchaseOrderNumber
        self.purchaseOrderDate = purchaseOrderDate
        self.date = date
        self.purpose = purpose
        self.acknowledgementType = acknowledgementType
        self.status = status
        self.currency = currency
        self.parties = parties
        self.references = references
        self.lines = lines
        self.lineCount = lineCount
        self.notes = notes
        self.envelope = envelope
    }
}

/// What the seller says about an order or a line, the same for both syntaxes.
public enum AcknowledgementStatus: String, Codable, Sendable, Hashable, CaseIterable {
    /// Accepted as ordered.
    case accepted
    /// Accepted with changes (quantity, price, date).
    case acceptedWithChanges
    /// Rejected.
    case rejected
    /// Back-ordered (lines).
    case backordered
    /// Not decided yet, or a code without a meaning here (see the code as sent).
    case pending
}

/// One acknowledged line (X12 `PO1` + `ACK`, EDIFACT SG26 `LIN` + `QTY` + `DTM`).
public struct OrderAcknowledgementLine: Codable, Sendable, Equatable, Hashable {
    /// The order line number (`PO101`, LIN 1082).
    public var lineNumber: String
    /// Item identifiers.
    public var items: [ItemIdentifier]
    /// Description.
    public var description: String?
    /// The quantity ordered (`PO102`, QTY 21).
    public var orderedQuantity: Quantity?
    /// Unit price.
    public var unitPrice: UnitPrice?
    /// The line status.
    public var status: AcknowledgementStatus
    /// The status code as sent (`ACK01` 668: `IA`, `IR`…; LIN 1229: `5`, `3`, `7`…).
    public var statusCode: String?
    /// Scheduled quantities and dates (`ACK02`/`ACK03`/`ACK05`, QTY + DTM).
    public var schedules: [ScheduledQuantity]
    /// Line references.
    public var references: [Reference]
    /// Line notes.
    public var notes: [Note]

    /// Creates a line.
    public init(lineNumber: String, items: [ItemIdentifier] = [], description: String? = nil,
                orderedQuantity: Quantity? = nil, unitPrice: UnitPrice? = nil, status: AcknowledgementStatus,
                statusCode: String? = nil, schedules: [ScheduledQuantity] = [], references: [Reference] = [],
                notes: [Note] = []) {
        self.lineNumber = lineNumber
        self.items = items
        self.description = description
        self.orderedQuantity = orderedQuantity
        self.unitPrice = unitPrice
        self.status = status
        self.statusCode = statusCode
        self.schedules = schedules
        self.references = references
        self.notes = notes
    }
}

/// A quantity the seller commits to, with its date (X12 `ACK02`–`ACK05`, EDIFACT `QTY` + `DTM`).
public struct ScheduledQuantity: Codable, Sendable, Equatable, Hashable {
    /// The quantity.
    public var quantity: Quantity
    /// The scheduled date, ISO 8601.
    public var date: String?
    /// The date qualifier as sent (`ACK04` 374, DTM 2005).
    public var dateQualifier: String?
    /// The status code of this schedule line as sent (`ACK01`), when it differs from the line's.
    public var statusCode: String?

    /// Creates a schedule line.
    public init(quantity: Quantity, date: String? = nil, dateQualifier: String? = nil, statusCode: String? = nil) {
        self.quantity = quantity
        self.date = date
        self.dateQualifier = dateQualifier
        self.statusCode = statusCode
    }
}
