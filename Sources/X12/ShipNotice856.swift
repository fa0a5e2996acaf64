public import EDICore

/// An X12 856 ship notice/manifest (004010, 005010): BSN and DTM in the heading, the HL tree
/// (shipment → order → tare/pack → item, built from HL01/HL02/HL03), CTT; every other segment is
/// kept and written back.
public struct ShipNotice856: Sendable, Hashable {
    /// ST03 implementation convention reference (005010), as sent.
    public var implementationConventionReference: String?
    /// The BSN segment.
    public var beginningSegment: X12Segment
    /// DTM dates of the heading (`011` shipped, `017` estimated delivery).
    public var dates: [X12Date]
    /// The top levels of the HL tree (usually one shipment level).
    public var levels: [X12HierarchicalLevel]
    /// CTT totals (CTT01: the number of HL segments).
    public var totals: X12TransactionTotals?
    /// Heading and summary segments the model does not name.
    public var unmappedSegments: [X12UnmappedSegment]
    /// Where BSN was read.
    public var origin: X12Origin

    static let table = X12Table.shipNotice856

    /// A ship notice from its key values.
    public init(transactionSetPurposeCode: String = "00", shipmentIdentification: String, shipmentDate: String,
                shipmentTime: String, hierarchicalStructureCode: String? = "0001") {
        implementationConventionReference = nil
        beginningSegment = X12Segment(tag: "BSN")
        dates = []
        levels = []
        totals = nil
        unmappedSegments = []
        origin = X12Origin()
        self.transactionSetPurposeCode = transactionSetPurposeCode
        self.shipmentIdentification = shipmentIdentification
        self.shipmentDate = shipmentDate
        self.shipmentTime = shipmentTime
        self.hierarchicalStructureCode = hierarchicalStructureCode
    }

    /// Reads an 856 from its segments, ST to SE.
    public init(segments: [OwnedSegment]) throws(X12ModelError) {
        let frame = try X12TransactionFrame.read(segments, transactionSet: "856", table: Self.table)
        self.init(shipmentIdentification: "", shipmentDate: "", shipmentTime: "", hierarchicalStructureCode: nil)
        implementationConventionReference = frame.implementationConventionReference
        var beginning: X12Segment?
        var flat: [X12HierarchicalLevel?] = []
        var lastRank = 0
        for node in frame.nodes {
            let rank = node.isKnown ? node.rank : lastRank
            lastRank = rank
            switch node.tag {
            case "BSN" where node.isKnown && beginning == nil:
                beginning = X12Segment(node.segment)
                origin = X12Origin(node.segment)
            case "DTM" where node.isKnown: dates.append(X12Date(node: node))
            case "HL" where node.isKnown: flat.append(X12HierarchicalLevel(node: node))
            case "CTT" where node.isKnown && totals == nil: totals = X12TransactionTotals(node: node)
            default: unmappedSegments += X12UnmappedSegment.keeping(node, at: rank)
            }
        }
        guard let beginning else { throw missing("BSN", in: "856", after: frame.nodes.first) }
        beginningSegment = beginning
        levels = try Self.tree(&flat)
    }

    /// Attaches each level to the level its HL02 names (which must come before it). The levels
    /// are moved out of `flat` into their parents, not copied.
    static func tree(_ flat: inout [X12HierarchicalLevel?]) throws(X12ModelError) -> [X12HierarchicalLevel] {
        var childrenOf = [[Int]](repeating: [], count: flat.count)
        var roots: [Int] = []
        var indexById: [String: Int] = [:]
        indexById.reserveCapacity(flat.count)
        for index in flat.indices {
            // HL01 and HL02 read in place (a level is a large struct: not copied to read two values).
            guard let id = flat[index]?.id else { continue }
            if indexById[id] != nil {
                throw X12ModelError("HL01 \(id) is used twice", at: flat[index]?.origin.element(1))
            }
            // The parent is looked up before this level is registered: an HL naming itself as
            // its parent would otherwise be its own child, and building the tree would not end.
            if let parent = flat[index]?.parentId {
                guard let parentIndex = indexById[parent] else {
                    throw X12ModelError("HL02 names parent \(parent), which no earlier HL01 has", at: flat[index]?.origin.element(2))
                }
                childrenOf[parentIndex].append(index)
            } else {
                roots.append(index)
            }
            indexById[id] = index
        }
        // Every child comes after its parent: from the last level up, each level's children are
        // complete when it is moved into its own parent.
        for index in flat.indices.reversed() where !childrenOf[index].isEmpty {
            let children = childrenOf[index].compactMap { flat[$0].take() }
            flat[index]?.children = children
        }
        return roots.compactMap { flat[$0].take() }
    }

    /// The transaction, ST to SE, with SE01 counting every segment.
    public func segments(controlNumber: String) -> [OutgoingSegment] {
        var writer = X12ScopeWriter(Self.table)
        writer.add(beginningSegment)
        writer.add(all: dates.map(\.segment))
        writer.add(levels.flatMap(\.segments), rank: Self.table.rank(of: "HL"))
        writer.add(totals?.segment)
        writer.add(unmappedSegments)
        return X12TransactionFrame.wrap(writer.segments, transactionSet: "856", controlNumber: controlNumber,
                                        implementationConventionReference: implementationConventionReference)
    }

    /// BSN01 transaction set purpose code (353).
    public var transactionSetPurposeCode: String {
        get { beginningSegment[element: 1] ?? "" }
        set { beginningSegment[element: 1] = newValue }
    }
    /// BSN02 shipment identification.
    public var shipmentIdentification: String {
        get { beginningSegment[element: 2] ?? "" }
        set { beginningSegment[element: 2] = newValue }
    }
    /// BSN03 date, `CCYYMMDD` as sent.
    public var shipmentDate: String {
        get { beginningSegment[element: 3] ?? "" }
        set { beginningSegment[element: 3] = newValue }
    }
    /// BSN04 time, `HHMM[SS]` as sent.
    public var shipmentTime: String {
        get { beginningSegment[element: 4] ?? "" }
        set { beginningSegment[element: 4] = newValue }
    }
    /// BSN05 hierarchical structure code (1005: `0001` shipment, order, packaging, item).
    public var hierarchicalStructureCode: String? {
        get { beginningSegment[element: 5] }
        set { beginningSegment[element: 5] = newValue }
    }

    /// Every level, depth first.
    public var allLevels: [X12HierarchicalLevel] { gathered { _ in true } }
    /// The shipment level (HL03 `S`): the first, depth first.
    public var shipment: X12HierarchicalLevel? {
        for level in levels {
            if let shipment = level.firstLevel(coded: "S") { return shipment }
        }
        return nil
    }
    /// The order levels (HL03 `O`).
    public var orders: [X12HierarchicalLevel] { gathered { $0 == "O" } }
    /// The pack and tare levels (HL03 `P`, `T`).
    public var packs: [X12HierarchicalLevel] { gathered { $0 == "P" || $0 == "T" } }
    /// The item levels (HL03 `I`).
    public var items: [X12HierarchicalLevel] { gathered { $0 == "I" } }

    /// The levels whose HL03 `isIncluded` accepts, depth first, gathered in one array.
    private func gathered(where isIncluded: (String) -> Bool) -> [X12HierarchicalLevel] {
        var found: [X12HierarchicalLevel] = []
        X12HierarchicalLevel.appendLevels(of: levels, to: &found, where: isIncluded)
        return found
    }
}
