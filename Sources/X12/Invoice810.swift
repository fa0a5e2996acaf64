public import EDICore

/// An X12 810 invoice (004010, 005010): BIG, CUR, REF, PER, N1 parties and DTM in the heading,
/// IT1 line items, TDS total monetary value and CTT in the summary; every other segment (ITD, FOB,
/// SAC, CAD, ISS…) is kept and written back.
public struct Invoice810: Sendable, Hashable, X12PartsDocument {
    /// ST03 implementation convention reference (005010), as sent.
    public var implementationConventionReference: String?
    /// The BIG segment.
    public var beginningSegment: X12Segment
    /// CUR currency of the heading.
    public var currency: X12Currency?
    /// REF references of the heading.
    public var references: [X12Reference]
    /// PER contacts of the heading.
    public var contacts: [X12Contact]
    /// DTM dates of the heading (`011` shipped).
    public var dates: [X12Date]
    /// ITD terms of sale.
    public var termsOfSale: [X12TermsOfSale]
    /// TD5 carrier routing of the heading.
    public var carrierRouting: [X12CarrierRouting]
    /// SAC allowances and charges of the heading (850, 855) or summary (810).
    public var allowancesCharges: [X12AllowanceCharge]
    /// TXI taxes of the heading (850, 855) or summary (810).
    public var taxes: [X12TaxInformation]
    /// AMT amounts of the summary.
    public var amounts: [X12MonetaryAmount]
    /// N1 parties of the heading.
    public var parties: [X12Party]
    /// IT1 line items.
    public var lineItems: [X12LineItem]
    /// TDS total monetary value summary.
    public var totalMonetaryValue: X12TotalMonetaryValue?
    /// CTT totals.
    public var totals: X12TransactionTotals?
    /// Heading and summary segments the model does not name.
    public var unmappedSegments: [X12UnmappedSegment]
    /// Where BIG was read.
    public var origin: X12Origin

    static let table = X12Table.invoice810

    /// An invoice from its key values.
    public init(invoiceDate: String, invoiceNumber: String, purchaseOrderDate: String? = nil, purchaseOrderNumber: String? = nil) {
        implementationConventionReference = nil
        beginningSegment = X12Segment(tag: "BIG")
        currency = nil
        references = []
        contacts = []
        dates = []
        termsOfSale = []
        carrierRouting = []
        allowancesCharges = []
        taxes = []
        amounts = []
        parties = []
        lineItems = []
        totalMonetaryValue = nil
        totals = nil
        unmappedSegments = []
        origin = X12Origin()
        self.invoiceDate = invoiceDate
        self.invoiceNumber = invoiceNumber
        self.purchaseOrderDate = purchaseOrderDate
        self.purchaseOrderNumber = purchaseOrderNumber
    }

    /// Reads an 810 from its segments, ST to SE.
    public init(segments: [OwnedSegment]) throws(X12ModelError) {
        let frame = try X12TransactionFrame.read(segments, transactionSet: "810", table: Self.table)
        let parts = X12DocumentParts(nodes: frame.nodes, table: Self.table, beginningTag: "BIG", lineTag: "IT1",
                                     namedTags: ["TDS", "AMT"])
        guard let beginning = parts.beginning else { throw missing("BIG", in: "810", after: frame.nodes.first) }
        self.init(invoiceDate: "", invoiceNumber: "")
        adoptSharedParts(parts, beginning: beginning)
        implementationConventionReference = frame.implementationConventionReference
        amounts = (parts.named["AMT"] ?? []).map { X12MonetaryAmount(segment: $0, origin: $0.origin) }
        totalMonetaryValue = parts.named["TDS"]?.first.map {
            X12TotalMonetaryValue(segment: $0, origin: parts.namedOrigins["TDS"] ?? X12Origin())
        }
        origin = parts.beginningOrigin
    }

    /// The transaction, ST to SE, with SE01 counting every segment.
    public func segments(controlNumber: String) -> [OutgoingSegment] {
        var parts = sharedParts
        if !amounts.isEmpty { parts.named["AMT"] = amounts.map(\.segment) }
        if let totalMonetaryValue { parts.named["TDS"] = [totalMonetaryValue.segment] }
        return X12TransactionFrame.wrap(parts.segments(table: Self.table, lineTag: "IT1"), transactionSet: "810",
                                        controlNumber: controlNumber,
                                        implementationConventionReference: implementationConventionReference)
    }

    /// BIG01 invoice date, `CCYYMMDD` as sent.
    public var invoiceDate: String {
        get { beginningSegment[element: 1] ?? "" }
        set { beginningSegment[element: 1] = newValue }
    }
    /// BIG02 invoice number.
    public var invoiceNumber: String {
        get { beginningSegment[element: 2] ?? "" }
        set { beginningSegment[element: 2] = newValue }
    }
    /// BIG03 purchase order date.
    public var purchaseOrderDate: String? {
        get { beginningSegment[element: 3] }
        set { beginningSegment[element: 3] = newValue }
    }
    /// BIG04 purchase order number.
    public var purchaseOrderNumber: String? {
        get { beginningSegment[element: 4] }
        set { beginningSegment[element: 4] = newValue }
    }
    /// BIG05 release number.
    public var releaseNumber: String? {
        get { beginningSegment[element: 5] }
        set { beginningSegment[element: 5] = newValue }
    }
    /// BIG07 transaction type code (640: `DI` debit invoice, `CR` credit memo).
    public var transactionTypeCode: String? {
        get { beginningSegment[element: 7] }
        set { beginningSegment[element: 7] = newValue }
    }

    /// The bill-to party (N101 `BT`).
    public var billTo: X12Party? { parties.first(role: "BT") }
    /// The ship-to party (N101 `ST`).
    public var shipTo: X12Party? { parties.first(role: "ST") }
    /// The remit-to party (N101 `RI`).
    public var remitTo: X12Party? { parties.first(role: "RI") }
    /// The selling party (N101 `SE`).
    public var seller: X12Party? { parties.first(role: "SE") }
}

/// TDS total monetary value summary (810): amounts of type N2, two implied decimals
/// (`125000` is 1250.00).
public struct X12TotalMonetaryValue: X12SegmentValue {
    public static var tag: String { "TDS" }
    public var segment: X12Segment
    public var origin: X12Origin

    public init(segment: X12Segment, origin: X12Origin = X12Origin()) {
        self.segment = segment
        self.origin = origin
    }

    /// A TDS from the total invoice amount.
    public init(totalInvoiceAmount: X12Amount) {
        self.init()
        self.totalInvoiceAmount = totalInvoiceAmount
    }

    /// TDS01 total invoice amount (including charges, less allowances).
    public var totalInvoiceAmount: X12Amount? {
        get { segment.amount(1, impliedDecimals: 2, origin: origin) }
        set { segment.setAmount(newValue, 1) }
    }
    /// TDS02 amount subject to terms discount.
    public var amountSubjectToTermsDiscount: X12Amount? {
        get { segment.amount(2, impliedDecimals: 2, origin: origin) }
        set { segment.setAmount(newValue, 2) }
    }
    /// TDS03 discounted amount due.
    public var discountedAmountDue: X12Amount? {
        get { segment.amount(3, impliedDecimals: 2, origin: origin) }
        set { segment.setAmount(newValue, 3) }
    }
    /// TDS04 terms discount amount.
    public var termsDiscountAmount: X12Amount? {
        get { segment.amount(4, impliedDecimals: 2, origin: origin) }
        set { segment.setAmount(newValue, 4) }
    }
}
