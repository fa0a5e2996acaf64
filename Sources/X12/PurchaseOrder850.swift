public import EDICore

/// An X12 850 purchase order (004010, 005010): BEG, CUR, REF, PER, DTM and N1 parties in the
/// heading, PO1 line items, CTT totals; every other segment is kept in `unmappedSegments` (or the
/// line's or party's) and written back.
public struct PurchaseOrder850: Sendable, Hashable, X12PartsDocument {
    /// ST03 implementation convention reference (005010), as sent.
    public var implementationConventionReference: String?
    /// The BEG segment.
    public var beginningSegment: X12Segment
    /// CUR currency of the heading.
    public var currency: X12Currency?
    /// REF references of the heading.
    public var references: [X12Reference]
    /// PER contacts of the heading.
    public var contacts: [X12Contact]
    /// DTM dates of the heading (`002` delivery requested, `001` cancel after).
    public var dates: [X12Date]
    /// ITD terms of sale.
    public var termsOfSale: [X12TermsOfSale]
    /// TD5 carrier routing of the heading.
    public var carrierRouting: [X12CarrierRouting]
    /// SAC allowances and charges of the heading (850, 855) or summary (810).
    public var allowancesCharges: [X12AllowanceCharge]
    /// TXI taxes of the heading (850, 855) or summary (810).
    public var taxes: [X12TaxInformation]
    /// AMT amounts of the CTT loop (`TT` total transaction amount).
    public var summaryAmounts: [X12MonetaryAmount]
    /// N1 parties of the heading.
    public var parties: [X12Party]
    /// PO1 line items.
    public var lineItems: [X12LineItem]
    /// CTT totals.
    public var totals: X12TransactionTotals?
    /// Heading and summary segments the model does not name (ITD, TD5, FOB, SAC, AMT…).
    public var unmappedSegments: [X12UnmappedSegment]
    /// Where BEG was read.
    public var origin: X12Origin

    static let table = X12Table.purchaseOrder850

    /// A purchase order from its key values.
    public init(transactionSetPurposeCode: String = "00", purchaseOrderTypeCode: String = "SA", purchaseOrderNumber: String,
                orderDate: String, releaseNumber: String? = nil) {
        implementationConventionReference = nil
        beginningSegment = X12Segment(tag: "BEG")
        currency = nil
        references = []
        contacts = []
        dates = []
        termsOfSale = []
        carrierRouting = []
        allowancesCharges = []
        taxes = []
        summaryAmounts = []
        parties = []
        lineItems = []
        totals = nil
        unmappedSegments = []
        origin = X12Origin()
        self.transactionSetPurposeCode = transactionSetPurposeCode
        self.purchaseOrderTypeCode = purchaseOrderTypeCode
        self.purchaseOrderNumber = purchaseOrderNumber
        self.releaseNumber = releaseNumber
        self.orderDate = orderDate
    }

    /// Reads an 850 from its segments, ST to SE.
    public init(segments: [OwnedSegment]) throws(X12ModelError) {
        let frame = try X12TransactionFrame.read(segments, transactionSet: "850", table: Self.table)
        let parts = X12DocumentParts(nodes: frame.nodes, table: Self.table, beginningTag: "BEG", lineTag: "PO1")
        guard let beginning = parts.beginning else { throw missing("BEG", in: "850", after: frame.nodes.first) }
        self.init(purchaseOrderNumber: "", orderDate: "")
        adoptSharedParts(parts, beginning: beginning)
        implementationConventionReference = frame.implementationConventionReference
        summaryAmounts = parts.summaryAmounts
        origin = parts.beginningOrigin
    }

    /// The transaction, ST to SE, with SE01 counting every segment.
    public func segments(controlNumber: String) -> [OutgoingSegment] {
        var parts = sharedParts
        parts.summaryAmounts = summaryAmounts
        return X12TransactionFrame.wrap(parts.segments(table: Self.table, lineTag: "PO1"), transactionSet: "850",
                                        controlNumber: controlNumber,
                                        implementationConventionReference: implementationConventionReference)
    }

    /// BEG01 transaction set purpose code (353: `00` original, `01` cancellation, `05` replace).
    public var transactionSetPurposeCode: String {
        get { beginningSegment[element: 1] ?? "" }
        set { beginningSegment[element: 1] = newValue }
    }
    /// BEG02 purchase order type code (92: `SA` stand-alone, `NE` new order, `RL` release).
    public var purchaseOrderTypeCode: String {
        get { beginningSegment[element: 2] ?? "" }
        set { beginningSegment[element: 2] = newValue }
    }
    /// BEG03 purchase order number.
    public var purchaseOrderNumber: String {
        get { beginningSegment[element: 3] ?? "" }
        set { beginningSegment[element: 3] = newValue }
    }
    /// BEG04 release number.
    public var releaseNumber: String? {
        get { beginningSegment[element: 4] }
        set { beginningSegment[element: 4] = newValue }
    }
    /// BEG05 purchase order date, `CCYYMMDD` as sent.
    public var orderDate: String {
        get { beginningSegment[element: 5] ?? "" }
        set { beginningSegment[element: 5] = newValue }
    }
    /// BEG06 contract number.
    public var contractNumber: String? {
        get { beginningSegment[element: 6] }
        set { beginningSegment[element: 6] = newValue }
    }

    /// The ship-to party (N101 `ST`).
    public var shipTo: X12Party? { parties.first(role: "ST") }
    /// The bill-to party (N101 `BT`).
    public var billTo: X12Party? { parties.first(role: "BT") }
    /// The buying party (N101 `BY`).
    public var buyer: X12Party? { parties.first(role: "BY") }
    /// The selling party (N101 `SE`).
    public var seller: X12Party? { parties.first(role: "SE") }
}
