public import EDICore

/// An X12 855 purchase order acknowledgment (004010, 005010): BAK, CUR, REF, PER, DTM and N1
/// parties in the heading, PO1 line items with their ACK acknowledgements, CTT totals; every other
/// segment is kept and written back.
public struct PurchaseOrderAcknowledgement855: Sendable, Hashable, X12PartsDocument {
    /// ST03 implementation convention reference (005010), as sent.
    public var implementationConventionReference: String?
    /// The BAK segment.
    public var beginningSegment: X12Segment
    /// CUR currency of the heading.
    public var currency: X12Currency?
    /// REF references of the heading.
    public var references: [X12Reference]
    /// PER contacts of the heading.
    public var contacts: [X12Contact]
    /// DTM dates of the heading.
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
    /// PO1 line items, each with its ACK segments.
    public var lineItems: [X12LineItem]
    /// CTT totals.
    public var totals: X12TransactionTotals?
    /// Heading and summary segments the model does not name.
    public var unmappedSegments: [X12UnmappedSegment]
    /// Where BAK was read.
    public var origin: X12Origin

    static let table = X12Table.purchaseOrderAcknowledgement855

    /// An acknowledgement from its key values.
    public init(transactionSetPurposeCode: String = "00", acknowledgmentTypeCode: String, purchaseOrderNumber: String,
                purchaseOrderDate: String) {
        implementationConventionReference = nil
        beginningSegment = X12Segment(tag: "BAK")
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
        self.acknowledgmentTypeCode = acknowledgmentTypeCode
        self.purchaseOrderNumber = purchaseOrderNumber
        self.purchaseOrderDate = purchaseOrderDate
    }

    /// Reads an 855 from its segments, ST to SE.
    public init(segments: [OwnedSegment]) throws(X12ModelError) {
        let frame = try X12TransactionFrame.read(segments, transactionSet: "855", table: Self.table)
        let parts = X12DocumentParts(nodes: frame.nodes, table: Self.table, beginningTag: "BAK", lineTag: "PO1")
        guard let beginning = parts.beginning else { throw missing("BAK", in: "855", after: frame.nodes.first) }
        self.init(acknowledgmentTypeCode: "", purchaseOrderNumber: "", purchaseOrderDate: "")
        adoptSharedParts(parts, beginning: beginning)
        implementationConventionReference = frame.implementationConventionReference
        summaryAmounts = parts.summaryAmounts
        origin = parts.beginningOrigin
    }

    /// The transaction, ST to SE, with SE01 counting every segment.
    public func segments(controlNumber: String) -> [OutgoingSegment] {
        var parts = sharedParts
        parts.summaryAmounts = summaryAmounts
        return X12TransactionFrame.wrap(parts.segments(table: Self.table, lineTag: "PO1"), transactionSet: "855",
                                        controlNumber: controlNumber,
                                        implementationConventionReference: implementationConventionReference)
    }

    /// BAK01 transaction set purpose code (353).
    public var transactionSetPurposeCode: String {
        get { beginningSegment[element: 1] ?? "" }
        set { beginningSegment[element: 1] = newValue }
    }
    /// BAK02 acknowledgment type (587: `AD` with detail no change, `AC` with detail and change,
    /// `RJ` rejected).
    public var acknowledgmentTypeCode: String {
        get { beginningSegment[element: 2] ?? "" }
        set { beginningSegment[element: 2] = newValue }
    }
    /// BAK03 purchase order number.
    public var purchaseOrderNumber: String {
        get { beginningSegment[element: 3] ?? "" }
        set { beginningSegment[element: 3] = newValue }
    }
    /// BAK04 purchase order date, `CCYYMMDD` as sent.
    public var purchaseOrderDate: String {
        get { beginningSegment[element: 4] ?? "" }
        set { beginningSegment[element: 4] = newValue }
    }
    /// BAK05 release number.
    public var releaseNumber: String? {
        get { beginningSegment[element: 5] }
        set { beginningSegment[element: 5] = newValue }
    }
    /// BAK08 reference identification: the seller's order number.
    public var sellerOrderNumber: String? {
        get { beginningSegment[element: 8] }
        set { beginningSegment[element: 8] = newValue }
    }
    /// BAK09 acknowledgment date, `CCYYMMDD` as sent.
    public var acknowledgmentDate: String? {
        get { beginningSegment[element: 9] }
        set { beginningSegment[element: 9] = newValue }
    }

    /// The ship-to party (N101 `ST`).
    public var shipTo: X12Party? { parties.first(role: "ST") }
    /// The buying party (N101 `BY`).
    public var buyer: X12Party? { parties.first(role: "BY") }
    /// The selling party (N101 `SE`).
    public var seller: X12Party? { parties.first(role: "SE") }
}
