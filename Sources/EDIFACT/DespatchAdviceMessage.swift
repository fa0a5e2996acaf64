public import EDICore

/// A despatch advice (EDIFACT `DESADV`): `BGM` 351, despatch and delivery dates, `RFF+ON`, parties,
/// and the packing tree of `CPS` levels (consignment → packages with `PAC`, `PCI` and `GIN` SSCCs
/// → `LIN`/`QTY` lines).
@dynamicMemberLookup
public struct DespatchAdviceMessage: Sendable, Hashable {
    /// The message content; the tree is `body.packingSequences`.
    public var body: EDIFACTMessageBody

    static let layout = EDIFACTMessageBody.Layout(header: ["DTM", "RFF", "NAD"],
                                                  line: ["PIA", "IMD", "QTY", "DTM", "FTX", "MOA", "RFF"],
                                                  summary: ["CNT"])

    /// Wraps a body.
    public init(body: EDIFACTMessageBody) {
        self.body = body
    }

    /// Reads the segments of one DESADV message.
    public init(segments: [OwnedSegment]) throws(EDIFACTModelError) {
        body = try EDIFACTMessageBody(segments: segments, expectedType: "DESADV")
    }

    public subscript<Value>(dynamicMember keyPath: WritableKeyPath<EDIFACTMessageBody, Value>) -> Value {
        get { body[keyPath: keyPath] }
        set { body[keyPath: keyPath] = newValue }
    }

    /// `BGM` 1004: the despatch advice number.
    public var documentNumber: String? { body.beginning.documentNumber }
    /// `RFF+ON`: the order shipped.
    public var orderNumber: String? { body.reference("ON")?.number }
    /// `NAD+BY`.
    public var buyer: EDIFACTParty? { body.party("BY") }
    /// `NAD+SU`.
    public var supplier: EDIFACTParty? { body.party("SU") }
    /// `NAD+DP`, else `NAD+ST`.
    public var deliveryParty: EDIFACTParty? { body.party("DP") ?? body.party("ST") }
    /// `DTM+11`.
    public var despatchDate: EDIFACTDate? { body.date("11") }
    /// `DTM+17` (estimated) or `DTM+2`.
    public var deliveryDate: EDIFACTDate? { body.date("17") ?? body.date("2") }

    /// The top `CPS` levels (no parent, or a parent not in the message).
    public var roots: [EDIFACTPackingSequence] {
        let ids = Set(body.packingSequences.map(\.hierarchicalId))
        return body.packingSequences.filter { $0.parentId.map { !ids.contains($0) } ?? true }
    }

    /// The `CPS` levels whose parent is `sequence`.
    public func children(of sequence: EDIFACTPackingSequence) -> [EDIFACTPackingSequence] {
        body.packingSequences.filter { $0.parentId == sequence.hierarchicalId }
    }

    /// The `CPS` tree in one pass over the levels: what ``roots`` and ``children(of:)`` give, as
    /// indexes into `body.packingSequences`, for every level at once (calling `children(of:)` for
    /// each level reads every level each time).
    public var packingTree: EDIFACTPackingTree { EDIFACTPackingTree(body.packingSequences) }

    /// Every line of every level, in message order.
    public var allLineItems: [EDIFACTLineItem] {
        body.lineItems + body.packingSequences.flatMap(\.lineItems)
    }

    /// `UNH` … `UNT`.
    public func segments(messageReference: String) -> [OutgoingSegment] {
        body.segments(messageReference: messageReference, layout: Self.layout)
    }
}

/// The `CPS` levels of a DESADV as a tree of indexes into the message's packing sequences: a level's
/// children are the levels whose 7166 parent is its 7164 id, in message order (every level with
/// that id has them, as ``DespatchAdviceMessage/children(of:)`` says); the roots are the levels
/// without a parent or whose parent is not in the message. A level naming itself (or a level
/// below it) as its parent makes a cycle: whoever walks the tree stops at a level already reached.
public struct EDIFACTPackingTree: Sendable, Hashable {
    /// The top levels, in message order.
    public var roots: [Int]
    /// For each level, its children, in message order.
    public var children: [[Int]]

    /// The tree of `sequences`.
    public init(_ sequences: [EDIFACTPackingSequence]) {
        var levelsById: [String: [Int]] = [:]
        for (index, sequence) in sequences.enumerated() { levelsById[sequence.hierarchicalId, default: []].append(index) }
        roots = []
        children = Array(repeating: [], count: sequences.count)
        for (index, sequence) in sequences.enumerated() {
            if let parentId = sequence.parentId, let parents = levelsById[parentId] {
                for parent in parents { children[parent].append(index) }
            } else {
                roots.append(index)
            }
        }
    }
}
