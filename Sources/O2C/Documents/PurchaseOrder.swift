public import Foundation

/// A purchase order, the same for X12 850 and EDIFACT ORDERS.
///
/// Header: X12 `BEG` (purpose `BEG01`, type `BEG02`, number `BEG03`, date `BEG05`), `CUR`, `REF`,
/// `PER`, `ITD`, `DTM`, `TD5`, `N1` loops; lines `PO1` with `PID`, `SAC`, `TXI`, `DTM`, `N1`;
/// summary `CTT`/`AMT`. EDIFACT: `BGM` (1001 type, 1004 number, 1225 function), `DTM` 137/2,
/// `FTX`, SG1 `RFF`, SG2 `NAD`, SG7 `CUX`, SG8 `PAT`, SG10 `TDT`, SG25 `LIN`/`PIA`/`IMD`/`QTY`/
/// `PRI`/`MOA`, `UNS`, `MOA`, `CNT`.
public struct PurchaseOrder: Codable, Sendable, Equatable, Hashable {
    /// The buyer's order number (`BEG03`, BGM 1004).
    public var number: String
    /// The purpose or message function code as sent (`BEG01` 353: `00` original; BGM 1225: `9` original).
    public var purpose: String?
    /// The order type code as sent (`BEG02` 92: `SA` stand-alone, `NE` new; BGM 1001: `220` order).
    /// (Not `type`: that key is the document discriminator of ``InternalDocument``'s JSON.)
    public var orderType: String?
    /// Release number (`BEG04`).
    public var releaseNumber: String?
    /// Order date, ISO 8601 (`BEG05`, DTM 137).
    public var orderDate: String?
    /// Requested delivery date, ISO 8601 (DTM `002`, DTM 2).
    public var requestedDelivery: String?
    /// Requested ship date, ISO 8601 (DTM `010`, DTM 10).
    public var requestedShip: String?
    /// Other dates, with their qualifier as sent.
    public var otherDates: [QualifiedDate]
    /// ISO 4217 currency of every amount (`CUR02`, CUX C504 6345).
    public var currency: String?
    /// Parties by role.
    public var parties: [Party]
    /// Header references (`REF`, SG1 `RFF`).
    public var references: [Reference]
    /// Header contacts not tied to a party (`PER` at header level).
    public var contacts: [Contact]
    /// Terms of payment (`ITD`, SG8 `PAT`).
    public var terms: [PaymentTerms]
    /// Carrier and shipping instructions (`TD5`, `FOB`, SG10 `TDT`, SG12 `TOD`).
    public var carrier: Carrier?
    /// The order lines.
    public var lines: [PurchaseOrderLine]
    /// Header allowances and charges (`SAC`, SG19 `ALC`).
    public var allowancesCharges: [AllowanceCharge]
    /// Header taxes (`TAX`/`TXI`, SG6 `TAX`).
    public var taxes: [Tax]
    /// Control totals.
    public var totals: PurchaseOrderTotals?
    /// Notes (`MSG`/`NTE`, `FTX`).
    public var notes: [Note]
    /// Where the order came from.
    public var envelope: DocumentEnvelope?

    /// Creates an order.
    public init(number: String, purpose: String? = nil, orderType: String? = nil, releaseNumber: String? = nil,
                orderDate: String? = nil, requestedDelivery: String? = nil, requestedShip: String? = nil,
                otherDates: [QualifiedDate] = [], currency: String? = nil, parties: [Party] = [],
                references: [Reference] = [], contacts: [Contact] = [], terms: [PaymentTerms] = [],
                carrier: Carrier? = nil, lines: [PurchaseOrderLine] = [], allowancesCharges: [AllowanceCharge] = [],
                taxes: [Tax] = [], totals: PurchaseOrderTotals? = nil, notes: [Note] = [],
                envelope: DocumentEnvelope? = nil) {
        self.number = number
        self.purpose = purpose
        self.orderType = orderType
        self.releaseNumber = releaseNumber
        self.orderDate = orderDate
        self.requestedDelivery = requestedDelivery
        self.requestedShip = requestedShip
        self.otherDates = otherDates
        self.currency = currency
        self.parties = parties
        self.references = references
        self.contacts = contacts
        self.terms = terms
        self.carrier = carrier
        self.lines = lines
        self.allowancesCharges = allowancesCharges
        self.taxes = taxes
        self.totals = totals
        self.notes = notes
        self.envelope = envelope
    }

    /// The first party with a role.
    public func party(_ role: PartyRole) -> Party? { parties.first { $0.role == role } }
}

/// One line of a purchase order (X12 `PO1` loop, EDIFACT SG25 `LIN` group).
public struct PurchaseOrderLine: Codable, Sendable, Equatable, Hashable {
    // `quantity` comes first so that the memberwise initializer the mappers use (it builds the
    // line where it is returned, where an explicit one builds it in a local and copies it out,
    // ~690 instructions a line) does not clash with the public one below.
    /// Ordered quantity and unit (`PO102`/`PO103`, QTY 21).
    public var quantity: Quantity
    /// The line number as sent (`PO101`, LIN 1082).
    public var lineNumber: String
    /// Item identifiers (`PO106`…, LIN C212 and `PIA`).
    public var items: [ItemIdentifier] = []
    /// Description (`PID05`, IMD C273 7008).
    public var description: String?
    /// Unit price and basis (`PO104`/`PO105`, PRI).
    public var unitPrice: UnitPrice?
    /// Line amount (MOA 203, or quantity × price when the mapper computes it).
    public var amount: Decimal?
    /// Requested delivery date of this line, ISO 8601.
    public var requestedDelivery: String?
    /// Other line dates.
    public var otherDates: [QualifiedDate] = []
    /// Line parties (line `N1` loop, SG35 `NAD`).
    public var parties: [Party] = []
    /// Line references (line `REF`, SG29 `RFF`).
    public var references: [Reference] = []
    /// Line allowances and charges.
    public var allowancesCharges: [AllowanceCharge] = []
    /// Line taxes.
    public var taxes: [Tax] = []
    /// Line notes.
    public var notes: [Note] = []
}

extension PurchaseOrderLine {
    /// Creates a line.
    public init(lineNumber: String, items: [ItemIdentifier] = [], description: String? = nil, quantity: Quantity,
                unitPrice: UnitPrice? = nil, amount: Decimal? = nil, requestedDelivery: String? = nil,
                otherDates: [QualifiedDate] = [], parties: [Party] = [], references: [Reference] = [],
                allowancesCharges: [AllowanceCharge] = [], taxes: [Tax] = [], notes: [Note] = []) {
        self.init(quantity: quantity, lineNumber: lineNumber, items: items, description: description, unitPrice: unitPrice,
                  amount: amount, requestedDelivery: requestedDelivery, otherDates: otherDates, parties: parties,
                  references: references, allowancesCharges: allowancesCharges, taxes: taxes, notes: notes)
    }
}

/// Control totals of an order (X12 `CTT`/`AMT`, EDIFACT `CNT`/`MOA`).
public struct PurchaseOrderTotals: Codable, Sendable, Equatable, Hashable {
    /// Number of lines (`CTT01`, CNT 2).
    public var lineCount: Int?
    /// Hash total of the quantities (`CTT02`, CNT 1).
    public var quantityTotal: Decimal?
    /// Total amount (`AMT` TT, MOA 79/86).
    public var amount: Decimal?

    /// Creates totals.
    public init(lineCount: Int? = nil, quantityTotal: Decimal? = nil, amount: Decimal? = nil) {
        self.lineCount = lineCount
        self.quantityTotal = quantityTotal
        self.amount = amount
    }
}
