public import Foundation

/// An invoice, the same for X12 810 and EDIFACT INVOIC.
///
/// X12: `BIG` (date `BIG01`, number `BIG02`, PO date `BIG03`, PO number `BIG04`, type `BIG07`),
/// `CUR`, `REF`, `N1` loops, `ITD`, `DTM`, `IT1` + `PID` + `SAC`/`TXI`, `TDS`, `TXI`, `SAC`, `CTT`.
/// EDIFACT: `BGM` 380 (1004 number), `DTM` 137, SG1 `RFF` ON/AAK, SG2 `NAD`, SG7 `CUX`,
/// SG8 `PAT` + `DTM` + `PCD`, SG25 `LIN`/`QTY` 47/`MOA` 203/`PRI`, `UNS`, SG48 `MOA` 79/77/125/176,
/// SG50 `TAX`.
public struct Invoice: Codable, Sendable, Equatable, Hashable {
    /// The invoice number (`BIG02`, BGM 1004).
    public var number: String
    /// The invoice date, ISO 8601 (`BIG01`, DTM 137).
    public var date: String?
    /// Invoice type code as sent (`BIG07` 640; BGM 1001: `380` commercial invoice, `381` credit note).
    /// (Not `type`: that key is the document discriminator of ``InternalDocument``'s JSON.)
    public var invoiceType: String?
    /// Purpose or message function as sent (`BIG08` 353, BGM 1225).
    public var purpose: String?
    /// The buyer's purchase order number (`BIG04`, RFF ON).
    public var purchaseOrderNumber: String?
    /// The purchase order date, ISO 8601 (`BIG03`, RFF ON + DTM 171).
    public var purchaseOrderDate: String?
    /// Ship date, ISO 8601 (DTM `011`, DTM 35 actual delivery or 11).
    public var shipDate: String?
    /// Other dates.
    public var otherDates: [QualifiedDate]
    /// ISO 4217 currency of every amount.
    public var currency: String?
    /// Parties by role (bill-to, remit-to, ship-to, seller, buyer).
    public var parties: [Party]
    /// Header references.
    public var references: [Reference]
    /// Terms of payment.
    public var terms: [PaymentTerms]
    /// Carrier.
    public var carrier: Carrier?
    /// The invoice lines.
    public var lines: [InvoiceLine]
    /// Header allowances and charges.
    public var allowancesCharges: [AllowanceCharge]
    /// Header taxes.
    public var taxes: [Tax]
    /// Totals.
    public var totals: InvoiceTotals
    /// Notes.
    public var notes: [Note]
    /// Where it came from.
    public var envelope: DocumentEnvelope?

    /// Creates an invoice.
    public init(number: String, date: String? = nil, invoiceType: String? = nil, purpose: String? = nil,
                purchaseOrderNumber: String? = nil, purchaseOrderDate: String? = nil, shipDate: String? = nil,
                otherDates: [QualifiedDate] = [], currency: String? = nil, parties: [Party] = [],
                references: [Reference] = [], terms: [PaymentTerms] = [], carrier: Carrier? = nil,
                lines: [InvoiceLine] = [], allowancesCharges: [AllowanceCharge] = [], taxes: [Tax] = [],
                totals: InvoiceTotals = InvoiceTotals(), notes: [Note] = [], envelope: DocumentEnvelope? = nil) {
        self.number = number
        self.date = date
        self.invoiceType = invoiceType
        self.purpose = purpose
        self.purchaseOrderNumber = purchaseOrderNumber
        self.purchaseOrderDate = purchaseOrderDate
        self.shipDate = shipDate
        self.otherDates = otherDates
        self.currency = currency
        self.parties = parties
        self.references = references
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

/// One invoice line (X12 `IT1` loop, EDIFACT SG25 `LIN` group).
public struct InvoiceLine: Codable, Sendable, Equatable, Hashable {
    /// The line number as sent (`IT101`, LIN 1082).
    public var lineNumber: String
    /// The purchase order line it bills, when different from ``lineNumber``.
    public var purchaseOrderLineNumber: String?
    /// Item identifiers.
    public var items: [ItemIdentifier]
    /// Description.
    public var description: String?
    /// Quantity invoiced (`IT102`/`IT103`, QTY 47).
    public var quantity: Quantity
    /// Unit price (`IT104`/`IT105`, PRI).
    public var unitPrice: UnitPrice?
    /// Line amount (MOA 203; X12: quantity × price).
    public var amount: Decimal?
    /// Line allowances and charges.
    public var allowancesCharges: [AllowanceCharge]
    /// Line taxes.
    public var taxes: [Tax]
    /// Line references.
    public var references: [Reference]
    /// Line notes.
    public var notes: [Note]

    /// Creates a line.
    public init(lineNumber: String, purchaseOrderLineNumber: String? = nil, items: [ItemIdentifier] = [],
                description: String? = nil, quantity: Quantity, unitPrice: UnitPrice? = nil, amount: Decimal? = nil,
                allowancesCharges: [AllowanceCharge] = [], taxes: [Tax] = [], references: [Reference] = [],
                notes: [Note] = []) {
        self.lineNumber = lineNumber
        self.purchaseOrderLineNumber = purchaseOrderLineNumber
        self.items = items
        self.description = description
        self.quantity = quantity
        self.unitPrice = unitPrice
        self.amount = amount
        self.allowancesCharges = allowancesCharges
        self.taxes = taxes
        self.references = references
        self.notes = notes
    }
}

/// Invoice totals (X12 `TDS`/`CTT`/`AMT`, EDIFACT `CNT` and SG48 `MOA`).
public struct InvoiceTotals: Codable, Sendable, Equatable, Hashable {
    /// Number of lines (`CTT01`, CNT 2).
    public var lineCount: Int?
    /// Sum of the line amounts (MOA 79).
    public var lineItemsAmount: Decimal?
    /// Total amount due, taxes and charges included (`TDS01`, MOA 77).
    public var totalAmount: Decimal?
    /// Amount subject to terms discount (`TDS02`).
    public var amountSubjectToDiscount: Decimal?
    /// Amount after terms discount (`TDS04`).
    public var discountedAmount: Decimal?
    /// Taxable amount (MOA 125).
    public var taxableAmount: Decimal?
    /// Total tax (MOA 176, `TXI` sum).
    public var taxAmount: Decimal?
    /// Total of allowances and charges (MOA 131).
    public var allowancesChargesAmount: Decimal?

    /// Creates totals.
    public init(lineCount: Int? = nil, lineItemsAmount: Decimal? = nil, totalAmount: Decimal? = nil,
                amountSubjectToDiscount: Decimal? = nil, discountedAmount: Decimal? = nil,
                taxableAmount: Decimal? = nil, taxAmount: Decimal? = nil, allowancesChargesAmount: Decimal? = nil) {
        self.lineCount = lineCount
        self.lineItemsAmount = lineItemsAmount
        self.totalAmount = totalAmount
        self.amountSubjectToDiscount = amountSubjectToDiscount
        self.discountedAmount = discountedAmount
        self.taxableAmount = taxableAmount
        self.taxAmount = taxAmount
        self.allowancesChargesAmount = allowancesChargesAmount
    }
}
