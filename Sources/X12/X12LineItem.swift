import EDICore

/// A line item of an 850 or 855 (PO1 loop) or an 810 (IT1 loop): the baseline item, PID
/// descriptions, REF references, DTM dates, N1 parties, ACK line acknowledgements (855) and the
/// loop's other segments, kept.
public struct X12LineItem: Sendable, Hashable {
    /// The PO1 / IT1 segment.
    public var baseline: X12BaselineItem
    /// PID descriptions.
    public var descriptions: [X12ProductDescription]
    /// REF references of the line.
    public var references: [X12Reference]
    /// DTM dates of the line.
    public var dates: [X12Date]
    /// N1 parties of the line.
    public var parties: [X12Party]
    /// ACK line acknowledgements (855 only).
    public var acknowledgements: [X12LineAcknowledgement]
    /// SAC allowances and charges of the line.
    public var allowancesCharges: [X12AllowanceCharge]
    /// TXI taxes of the line.
    public var taxes: [X12TaxInformation]
    /// The loop's other segments (PO4, SAC, SCH, MEA…).
    public var unmappedSegments: [X12UnmappedSegment]

    /// A line from its baseline item.
    public init(baseline: X12BaselineItem, descriptions: [X12ProductDescription] = [], references: [X12Reference] = [],
                dates: [X12Date] = [], parties: [X12Party] = [], acknowledgements: [X12LineAcknowledgement] = [],
                allowancesCharges: [X12AllowanceCharge] = [], taxes: [X12TaxInformation] = [],
                unmappedSegments: [X12UnmappedSegment] = []) {
        self.baseline = baseline
        self.descriptions = descriptions
        self.references = references
        self.dates = dates
        self.parties = parties
        self.acknowledgements = acknowledgements
        self.allowancesCharges = allowancesCharges
        self.taxes = taxes
        self.unmappedSegments = unmappedSegments
    }

    /// The line number as sent (PO101 / IT101).
    public var lineNumber: String? { baseline.assignedIdentification }
    /// The quantity (PO102 / IT102).
    public var quantity: X12Amount? { baseline.quantity }
    /// The unit of measure code (PO103 / IT103).
    public var unitOfMeasureCode: String? { baseline.unitOfMeasureCode }
    /// The unit price (PO104 / IT104).
    public var unitPrice: X12Amount? { baseline.unitPrice }
    /// The product identifiers (PO106… / IT106…).
    public var itemIdentifiers: [X12ItemIdentifier] { baseline.itemIdentifiers }
    /// The first free-form description (PID05).
    public var description: String? {
        for index in descriptions.indices { if let text = descriptions[index].description { return text } }
        return nil
    }

    /// Reads a PO1 / IT1 node against the loop body's table.
    init(node: X12Node, body: X12Table) {
        let segment = node.segment
        self.init(baseline: X12BaselineItem(segment: X12Segment(segment), origin: X12Origin(segment)))
        var lastRank = 0
        for child in node.children {
            let rank = child.isKnown ? body.rank(of: child.tag) : lastRank
            lastRank = rank
            guard child.isKnown else {
                unmappedSegments += X12UnmappedSegment.keeping(child, at: rank)
                continue
            }
            switch child.tag {
            case "PID":
                descriptions.append(X12ProductDescription(node: child))
                keepChildren(of: child, at: rank)
            case "REF" where child.children.isEmpty:
                references.append(X12Reference(node: child))
            case "DTM" where child.children.isEmpty:
                dates.append(X12Date(node: child))
            case "N1":
                parties.append(X12Party(node: child))
            case "ACK":
                acknowledgements.append(X12LineAcknowledgement(node: child))
                keepChildren(of: child, at: rank)
            case "SAC":
                allowancesCharges.append(X12AllowanceCharge(node: child))
                keepChildren(of: child, at: rank)
            case "TXI" where child.children.isEmpty:
                taxes.append(X12TaxInformation(node: child))
            default:
                unmappedSegments += X12UnmappedSegment.keeping(child, at: rank)
            }
        }
    }

    /// Keeps the segments of a named segment's loop (a PID's MEA…), when it has any.
    private mutating func keepChildren(of node: X12Node, at rank: Int) {
        for child in node.children { unmappedSegments += X12UnmappedSegment.keeping(child, at: rank) }
    }

    /// The loop's segments, baseline first.
    func segments(body: X12Table) -> [OutgoingSegment] {
        var writer = X12ScopeWriter(body)
        var result = [baseline.segment.trimmed]
        writer.add(all: descriptions.map(\.segment))
        writer.add(all: references.map(\.segment))
        writer.add(all: dates.map(\.segment))
        for party in parties { writer.add(loop: party.segments) }
        writer.add(all: acknowledgements.map(\.segment))
        writer.add(all: allowancesCharges.map(\.segment))
        writer.add(all: taxes.map(\.segment))
        writer.add(unmappedSegments)
        result += writer.segments
        return result
    }
}

/// An ACK line item acknowledgment (855): status (668: `IA` accepted, `IR` rejected, `IB`
/// backordered), quantity and unit, and a date with its qualifier (374: `068` current schedule ship).
public struct X12LineAcknowledgement: X12SegmentValue {
    public static var tag: String { "ACK" }
    public var segment: X12Segment
    public var origin: X12Origin

    public init(segment: X12Segment, origin: X12Origin = X12Origin()) {
        self.segment = segment
        self.origin = origin
    }

    /// An ACK from its values.
    public init(lineItemStatusCode: String, quantity: X12Amount?, unitOfMeasureCode: String?,
                dateQualifier: String? = nil, date: String? = nil) {
        self.init()
        self.lineItemStatusCode = lineItemStatusCode
        self.quantity = quantity
        self.unitOfMeasureCode = unitOfMeasureCode
        self.dateQualifier = dateQualifier
        self.date = date
    }

    /// ACK01 line item status code (668).
    public var lineItemStatusCode: String {
        get { segment[element: 1] ?? "" }
        set { segment[element: 1] = newValue }
    }
    /// ACK02 quantity.
    public var quantity: X12Amount? {
        get { segment.amount(2, origin: origin) }
        set { segment.setAmount(newValue, 2) }
    }
    /// ACK03 unit or basis for measurement code (355).
    public var unitOfMeasureCode: String? {
        get { segment[element: 3] }
        set { segment[element: 3] = newValue }
    }
    /// ACK04 date/time qualifier (374).
    public var dateQualifier: String? {
        get { segment[element: 4] }
        set { segment[element: 4] = newValue }
    }
    /// ACK05 date, `CCYYMMDD` as sent.
    public var date: String? {
        get { segment[element: 5] }
        set { segment[element: 5] = newValue }
    }
}
