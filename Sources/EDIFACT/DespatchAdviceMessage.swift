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

    /// Every line of every level, in message order.
    public var allLineItems: [EDIFACTLineItem] {
        body.lineItems + body.packingSequences.flatMap(\.lineItems)
    }

    /// `UNH` … `UNT`.
    public func segments(messageReference: String) -> [OutgoingSegment] {
        body.segments(messageReference: messageReference, layout: Self.layout)
    }
}
