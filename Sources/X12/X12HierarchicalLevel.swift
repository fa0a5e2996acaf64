import EDICore

/// One HL level of an 856 ship notice with the segments of its loop and the levels below it:
/// shipment (`S`) → order (`O`) → tare (`T`) / pack (`P`) → item (`I`), as HL01/HL02/HL03 say.
public struct X12HierarchicalLevel: Sendable, Hashable {
    /// The HL segment. HL01–HL03 are read from it once, each time it is set, so ``id``,
    /// ``parentId`` and ``levelCode`` do not decode the segment at each read.
    public var hierarchySegment: X12Segment {
        didSet { hierarchyValues = HierarchyValues(hierarchySegment) }
    }
    /// HL01–HL03 as read from ``hierarchySegment``.
    private var hierarchyValues: HierarchyValues
    /// LIN item identification (item levels).
    public var itemIdentification: X12ItemIdentification?
    /// SN1 item detail: quantity shipped (item levels).
    public var itemDetail: X12ShipmentItemDetail?
    /// PRF purchase order reference (order levels).
    public var purchaseOrderReference: X12PurchaseOrderReference?
    /// PO4 item physical details (pack and item levels: packaging, weight and volume per pack).
    public var physicalDetails: X12ItemPhysicalDetails?
    /// PID descriptions.
    public var descriptions: [X12ProductDescription]
    /// TD1 packaging, lading quantity and weight.
    public var carrierQuantityAndWeight: [X12CarrierQuantityAndWeight]
    /// TD5 carrier routing.
    public var carrierRouting: [X12CarrierRouting]
    /// REF references (`BM` bill of lading, `CN` carrier's reference).
    public var references: [X12Reference]
    /// MAN marks and numbers (`GM` SSCC-18, `CP` carrier-assigned package id).
    public var marksAndNumbers: [X12MarksAndNumbers]
    /// DTM dates of the level.
    public var dates: [X12Date]
    /// N1 parties of the level (`ST`, `SF`).
    public var parties: [X12Party]
    /// The level's other segments.
    public var unmappedSegments: [X12UnmappedSegment]
    /// The levels whose HL02 names this one.
    public var children: [X12HierarchicalLevel]
    /// Where HL was read.
    public var origin: X12Origin

    /// A level from its HL values.
    public init(id: String, parentId: String?, levelCode: String, childCode: String? = nil) {
        self.init(hierarchySegment: X12Segment(tag: "HL"), origin: X12Origin())
        self.id = id
        self.parentId = parentId
        self.levelCode = levelCode
        self.childCode = childCode
    }

    /// A level with its HL and nothing else yet.
    private init(hierarchySegment: X12Segment, origin: X12Origin) {
        self.hierarchySegment = hierarchySegment
        hierarchyValues = HierarchyValues(hierarchySegment)
        itemIdentification = nil
        itemDetail = nil
        purchaseOrderReference = nil
        physicalDetails = nil
        descriptions = []
        carrierQuantityAndWeight = []
        carrierRouting = []
        references = []
        marksAndNumbers = []
        dates = []
        parties = []
        unmappedSegments = []
        children = []
        self.origin = origin
    }

    /// HL01 hierarchical id number (read once from ``hierarchySegment``).
    public var id: String {
        get { hierarchyValues.id }
        set { hierarchySegment[element: 1] = newValue }
    }
    /// HL02 parent id number, nil for a top level (read once from ``hierarchySegment``).
    public var parentId: String? {
        get { hierarchyValues.parentId }
        set { hierarchySegment[element: 2] = newValue }
    }
    /// HL03 level code (735: `S` shipment, `O` order, `T` tare, `P` pack, `I` item; read once
    /// from ``hierarchySegment``).
    public var levelCode: String {
        get { hierarchyValues.levelCode }
        set { hierarchySegment[element: 3] = newValue }
    }

    /// HL01–HL03 of an HL segment, read in one pass (ids and level codes are at most 12
    /// characters: small strings, held without an allocation).
    private struct HierarchyValues: Sendable, Hashable {
        let id: String
        let parentId: String?
        let levelCode: String

        init(_ segment: X12Segment) {
            (id, parentId, levelCode) = segment.reading { ($0[element: 1] ?? "", $0[element: 2], $0[element: 3] ?? "") }
        }
    }
    /// HL04 hierarchical child code (736: `1` has children, `0` none).
    public var childCode: String? {
        get { hierarchySegment[element: 4] }
        set { hierarchySegment[element: 4] = newValue }
    }

    /// This level and every level below it, depth first (the order HL segments are written in).
    public var allLevels: [X12HierarchicalLevel] {
        var levels: [X12HierarchicalLevel] = [self]
        Self.appendLevels(of: children, to: &levels) { _ in true }
        return levels
    }

    /// Appends the levels of `tree` and the levels below them whose HL03 `isIncluded` accepts,
    /// depth first, to `found` (one array for the whole tree, instead of one per level joined on
    /// the way up). Levels are read through `tree` and an index, and copied only when appended.
    static func appendLevels(of tree: [X12HierarchicalLevel], to found: inout [X12HierarchicalLevel],
                             where isIncluded: (String) -> Bool) {
        for index in tree.indices {
            if isIncluded(tree[index].levelCode) { found.append(tree[index]) }
            appendLevels(of: tree[index].children, to: &found, where: isIncluded)
        }
    }

    /// The first level, depth first from this one, whose HL03 is `levelCode`.
    func firstLevel(coded levelCode: String) -> X12HierarchicalLevel? {
        if self.levelCode == levelCode { return self }
        for index in children.indices {
            if let level = children[index].firstLevel(coded: levelCode) { return level }
        }
        return nil
    }

    static let body = X12Table.shipNotice856.body(of: "HL")

    /// Reads an HL node (children are attached by the ship notice).
    init(node: X12Node) {
        let segment = node.segment
        self.init(hierarchySegment: X12Segment(segment), origin: X12Origin(segment))
        var lastRank = 0
        for child in node.children {
            let rank = child.isKnown ? child.rank : lastRank
            lastRank = rank
            guard child.isKnown else {
                unmappedSegments += X12UnmappedSegment.keeping(child, at: rank)
                continue
            }
            switch child.tag {
            case "LIN" where itemIdentification == nil: itemIdentification = X12ItemIdentification(node: child)
            case "SN1" where itemDetail == nil: itemDetail = X12ShipmentItemDetail(node: child)
            case "PRF" where purchaseOrderReference == nil: purchaseOrderReference = X12PurchaseOrderReference(node: child)
            case "PO4" where physicalDetails == nil: physicalDetails = X12ItemPhysicalDetails(node: child)
            case "PID": descriptions.append(X12ProductDescription(node: child))
            case "TD1": carrierQuantityAndWeight.append(X12CarrierQuantityAndWeight(node: child))
            case "TD5": carrierRouting.append(X12CarrierRouting(node: child))
            case "REF": references.append(X12Reference(node: child))
            case "MAN": marksAndNumbers.append(X12MarksAndNumbers(node: child))
            case "DTM": dates.append(X12Date(node: child))
            case "N1": parties.append(X12Party(node: child))
            default: unmappedSegments += X12UnmappedSegment.keeping(child, at: rank)
            }
        }
    }

    /// This level's segments, HL first, then its children's.
    var segments: [OutgoingSegment] {
        var writer = X12ScopeWriter(Self.body)
        writer.add(itemIdentification?.segment)
        writer.add(itemDetail?.segment)
        writer.add(purchaseOrderReference?.segment)
        writer.add(physicalDetails?.segment)
        writer.add(all: descriptions.map(\.segment))
        writer.add(all: carrierQuantityAndWeight.map(\.segment))
        writer.add(all: carrierRouting.map(\.segment))
        writer.add(all: references.map(\.segment))
        writer.add(all: marksAndNumbers.map(\.segment))
        writer.add(all: dates.map(\.segment))
        for party in parties { writer.add(loop: party.segments) }
        writer.add(unmappedSegments)
        return [hierarchySegment.trimmed] + writer.segments + children.flatMap(\.segments)
    }
}

/// LIN item identification: assigned identification and product identifiers (235/234 pairs).
public struct X12ItemIdentification: X12SegmentValue {
    public static var tag: String { "LIN" }
    public var segment: X12Segment
    public var origin: X12Origin

    public init(segment: X12Segment, origin: X12Origin = X12Origin()) {
        self.segment = segment
        self.origin = origin
    }

    /// A LIN from its values.
    public init(assignedIdentification: String? = nil, itemIdentifiers: [X12ItemIdentifier]) {
        self.init()
        self.assignedIdentification = assignedIdentification
        self.itemIdentifiers = itemIdentifiers
    }

    /// LIN01 assigned identification.
    public var assignedIdentification: String? {
        get { segment[element: 1] }
        set {
            segment[element: 1] = newValue
        }
    }
    /// LIN02/03 … product identifiers.
    public var itemIdentifiers: [X12ItemIdentifier] {
        get { X12ItemIdentifier.pairs(in: segment, from: 2) }
        set {
            X12ItemIdentifier.set(newValue, in: &segment, from: 2)
        }
    }
}

/// SN1 item detail (shipment): units shipped and unit (355), quantity ordered.
public struct X12ShipmentItemDetail: X12SegmentValue {
    public static var tag: String { "SN1" }
    public var segment: X12Segment
    public var origin: X12Origin

    public init(segment: X12Segment, origin: X12Origin = X12Origin()) {
        self.segment = segment
        self.origin = origin
    }

    /// An SN1 from its values.
    public init(unitsShipped: X12Amount, unitOfMeasureCode: String, quantityOrdered: X12Amount? = nil,
                orderedUnitOfMeasureCode: String? = nil) {
        self.init()
        self.unitsShipped = unitsShipped
        self.unitOfMeasureCode = unitOfMeasureCode
        self.quantityOrdered = quantityOrdered
        self.orderedUnitOfMeasureCode = orderedUnitOfMeasureCode
    }

    /// SN101 assigned identification.
    public var assignedIdentification: String? {
        get { segment[element: 1] }
        set { segment[element: 1] = newValue }
    }
    /// SN102 number of units shipped.
    public var unitsShipped: X12Amount? {
        get { segment.amount(2, origin: origin) }
        set { segment.setAmount(newValue, 2) }
    }
    /// SN103 unit or basis for measurement code (355).
    public var unitOfMeasureCode: String? {
        get { segment[element: 3] }
        set { segment[element: 3] = newValue }
    }
    /// SN104 quantity shipped to date.
    public var quantityShippedToDate: X12Amount? {
        get { segment.amount(4, origin: origin) }
        set { segment.setAmount(newValue, 4) }
    }
    /// SN105 quantity ordered.
    public var quantityOrdered: X12Amount? {
        get { segment.amount(5, origin: origin) }
        set { segment.setAmount(newValue, 5) }
    }
    /// SN106 unit of the quantity ordered.
    public var orderedUnitOfMeasureCode: String? {
        get { segment[element: 6] }
        set { segment[element: 6] = newValue }
    }
}

/// PRF purchase order reference: number, release, change order sequence, date.
public struct X12PurchaseOrderReference: X12SegmentValue {
    public static var tag: String { "PRF" }
    public var segment: X12Segment
    public var origin: X12Origin

    public init(segment: X12Segment, origin: X12Origin = X12Origin()) {
        self.segment = segment
        self.origin = origin
    }

    /// A PRF from its values.
    public init(purchaseOrderNumber: String, purchaseOrderDate: String? = nil) {
        self.init()
        self.purchaseOrderNumber = purchaseOrderNumber
        self.purchaseOrderDate = purchaseOrderDate
    }

    /// PRF01 purchase order number.
    public var purchaseOrderNumber: String {
        get { segment[element: 1] ?? "" }
        set { segment[element: 1] = newValue }
    }
    /// PRF02 release number.
    public var releaseNumber: String? {
        get { segment[element: 2] }
        set { segment[element: 2] = newValue }
    }
    /// PRF04 purchase order date, `CCYYMMDD` as sent.
    public var purchaseOrderDate: String? {
        get { segment[element: 4] }
        set { segment[element: 4] = newValue }
    }
}

/// TD1 carrier details: packaging code (103 + 80), lading quantity, weight qualifier, weight and unit.
public struct X12CarrierQuantityAndWeight: X12SegmentValue {
    public static var tag: String { "TD1" }
    public var segment: X12Segment
    public var origin: X12Origin

    public init(segment: X12Segment, origin: X12Origin = X12Origin()) {
        self.segment = segment
        self.origin = origin
    }

    /// TD101 packaging code (`CTN25`).
    public var packagingCode: String? {
        get { segment[element: 1] }
        set { segment[element: 1] = newValue }
    }
    /// TD102 lading quantity.
    public var ladingQuantity: X12Amount? {
        get { segment.amount(2, origin: origin) }
        set { segment.setAmount(newValue, 2) }
    }
    /// TD106 weight qualifier (187: `G` gross).
    public var weightQualifier: String? {
        get { segment[element: 6] }
        set { segment[element: 6] = newValue }
    }
    /// TD107 weight.
    public var weight: X12Amount? {
        get { segment.amount(7, origin: origin) }
        set { segment.setAmount(newValue, 7) }
    }
    /// TD108 unit of the weight (355: `LB`, `KG`).
    public var weightUnitCode: String? {
        get { segment[element: 8] }
        set { segment[element: 8] = newValue }
    }
}

/// TD5 carrier routing: identification code qualifier (66) and code (SCAC), transportation method
/// (91) and routing text.
public struct X12CarrierRouting: X12SegmentValue {
    public static var tag: String { "TD5" }
    public var segment: X12Segment
    public var origin: X12Origin

    public init(segment: X12Segment, origin: X12Origin = X12Origin()) {
        self.segment = segment
        self.origin = origin
    }

    /// TD501 routing sequence code (133).
    public var routingSequenceCode: String? {
        get { segment[element: 1] }
        set { segment[element: 1] = newValue }
    }
    /// TD502 identification code qualifier (66: `2` SCAC).
    public var identificationCodeQualifier: String? {
        get { segment[element: 2] }
        set { segment[element: 2] = newValue }
    }
    /// TD503 identification code (the carrier's SCAC).
    public var identificationCode: String? {
        get { segment[element: 3] }
        set { segment[element: 3] = newValue }
    }
    /// TD504 transportation method/type code (91: `M` motor, `A` air).
    public var transportationMethodCode: String? {
        get { segment[element: 4] }
        set { segment[element: 4] = newValue }
    }
    /// TD505 routing.
    public var routing: String? {
        get { segment[element: 5] }
        set { segment[element: 5] = newValue }
    }
}

/// MAN marks and numbers: qualifier (88: `GM` SSCC-18, `CP` carrier package id) and the number.
public struct X12MarksAndNumbers: X12SegmentValue {
    public static var tag: String { "MAN" }
    public var segment: X12Segment
    public var origin: X12Origin

    public init(segment: X12Segment, origin: X12Origin = X12Origin()) {
        self.segment = segment
        self.origin = origin
    }

    /// A MAN from its values.
    public init(qualifier: String, number: String) {
        self.init()
        self.qualifier = qualifier
        self.number = number
    }

    /// MAN01 marks and numbers qualifier (88).
    public var qualifier: String {
        get { segment[element: 1] ?? "" }
        set { segment[element: 1] = newValue }
    }
    /// MAN02 marks and numbers.
    public var number: String {
        get { segment[element: 2] ?? "" }
        set { segment[element: 2] = newValue }
    }
}
