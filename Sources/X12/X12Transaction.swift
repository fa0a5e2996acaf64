import EDICore

/// The ST header facts every typed model keeps, and the ST…SE framing of what it writes.
struct X12TransactionFrame {
    /// ST03 implementation convention reference (005010: `005010X222A1`), as sent.
    let implementationConventionReference: String?
    /// The segments between ST and SE, read against the set's table.
    let nodes: [X12Node]

    /// Reads a transaction: ST first (with the expected ST01), SE last when present.
    static func read(_ segments: [OwnedSegment], transactionSet: String, table: X12Table) throws(X12ModelError) -> X12TransactionFrame {
        guard let header = segments.first else { throw X12ModelError("no segments: an \(transactionSet) transaction starts with ST") }
        guard header.tag == "ST" else {
            throw X12ModelError("an \(transactionSet) transaction starts with ST, not \(header.tag)", at: header.position)
        }
        guard header[1] == transactionSet else {
            throw X12ModelError("ST01 is \(header[1] ?? "empty"), not \(transactionSet)", at: header.position.at(element: 1))
        }
        let end = segments.count > 1 && segments[segments.count - 1].tag == "SE" ? segments.count - 1 : segments.count
        let tree = X12NodeTree(segments, in: 0..<end, table: table)
        // The first node is ST (with any unknown segments that follow it, dropped with it).
        let nodes = tree.topLevel.dropFirst().map { X12Node(tree: tree, index: $0) }
        return X12TransactionFrame(implementationConventionReference: header[3], nodes: nodes)
    }

    /// ST, the body, SE with the segment count (ST and SE included) and the control number.
    static func wrap(_ body: [OutgoingSegment], transactionSet: String, controlNumber: String,
                     implementationConventionReference: String?) -> [OutgoingSegment] {
        var header = OutgoingSegment("ST", [transactionSet, controlNumber])
        header[element: 3] = implementationConventionReference
        return [header] + body + [OutgoingSegment("SE", [String(body.count + 2), controlNumber])]
    }
}

/// The required segment a model could not find.
func missing(_ tag: String, in transactionSet: String, after node: X12Node?) -> X12ModelError {
    X12ModelError("\(transactionSet) without its \(tag) segment", at: node?.segment.position)
}

/// A PO1 or IT1 baseline item: assigned identification, quantity, unit of measure (355), unit
/// price, basis of unit price (639) and product identifiers (235/234 pairs from element 6).
public struct X12BaselineItem: Sendable, Hashable {
    /// The PO1/IT1 segment's values.
    public var segment: X12Segment
    /// Where it was read.
    public var origin: X12Origin

    /// Wraps a PO1 or IT1 segment.
    public init(segment: X12Segment, origin: X12Origin = X12Origin()) {
        self.segment = segment
        self.origin = origin
    }

    /// A baseline item from its values (`tag` is `PO1` or `IT1`).
    public init(tag: String, assignedIdentification: String?, quantity: X12Amount?, unitOfMeasureCode: String?,
                unitPrice: X12Amount?, basisOfUnitPriceCode: String?, itemIdentifiers: [X12ItemIdentifier]) {
        segment = X12Segment(tag: tag)
        origin = X12Origin()
        self.assignedIdentification = assignedIdentification
        self.quantity = quantity
        self.unitOfMeasureCode = unitOfMeasureCode
        self.unitPrice = unitPrice
        self.basisOfUnitPriceCode = basisOfUnitPriceCode
        self.itemIdentifiers = itemIdentifiers
    }

    /// 01 assigned identification (the line number as sent).
    public var assignedIdentification: String? {
        get { segment[element: 1] }
        set { segment[element: 1] = newValue }
    }
    /// 02 quantity ordered / invoiced.
    public var quantity: X12Amount? {
        get { segment.amount(2, origin: origin) }
        set { segment.setAmount(newValue, 2) }
    }
    /// 03 unit or basis for measurement code (355: `EA`, `CA`).
    public var unitOfMeasureCode: String? {
        get { segment[element: 3] }
        set { segment[element: 3] = newValue }
    }
    /// 04 unit price.
    public var unitPrice: X12Amount? {
        get { segment.amount(4, origin: origin) }
        set { segment.setAmount(newValue, 4) }
    }
    /// 05 basis of unit price code (639: `PE` price per each).
    public var basisOfUnitPriceCode: String? {
        get { segment[element: 5] }
        set { segment[element: 5] = newValue }
    }
    /// 06/07 … 24/25 product identifiers.
    public var itemIdentifiers: [X12ItemIdentifier] {
        get { X12ItemIdentifier.pairs(in: segment, from: 6) }
        set { X12ItemIdentifier.set(newValue, in: &segment, from: 6) }
    }

    /// The named values above, read together (one pass over the segment).
    public struct Values: Sendable, Hashable {
        public var assignedIdentification: String?
        public var quantity: X12Amount?
        public var unitOfMeasureCode: String?
        public var unitPrice: X12Amount?
        public var basisOfUnitPriceCode: String?
        public var itemIdentifiers: [X12ItemIdentifier]
    }

    /// Reads the segment's values in one pass, codes and numbers straight from its bytes (what a
    /// mapper needs of every line, without ``values``' strings and amounts).
    public func reading(_ body: (X12SegmentReading) -> Void) {
        segment.reading(body)
    }

    /// Every named value at once, as the properties give them one by one.
    public var values: Values {
        segment.reading { reading in
            Values(assignedIdentification: reading[element: 1], quantity: reading.amount(2, origin: origin),
                   unitOfMeasureCode: reading[element: 3], unitPrice: reading.amount(4, origin: origin),
                   basisOfUnitPriceCode: reading[element: 5], itemIdentifiers: reading.pairs(from: 6))
        }
    }
}
