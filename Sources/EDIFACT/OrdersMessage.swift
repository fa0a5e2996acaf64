public import EDICore

/// Typed models of the EDIFACT order-to-cash messages (ORDERS, ORDRSP, DESADV, INVOIC, REMADV)
/// and CONTRL, built from the segments of one validated message (D96A and D01B).
public enum EDIFACT {}

/// A purchase order (EDIFACT `ORDERS`, D96A or D01B): `BGM` 220, order date `DTM` 137,
/// parties `NAD` BY/SU/DP, currency `CUX`, lines `LIN`/`QTY` 21/`PRI`, summary `UNS`/`CNT`.
///
/// Everything else of ``EDIFACTMessageBody`` is reachable by name (`order.lineItems`,
/// `order.parties`, `order.unmappedSegments`).
@dynamicMemberLookup
public struct OrdersMessage: Sendable, Hashable {
    /// The message content.
    public var body: EDIFACTMessageBody

    static let layout = EDIFACTMessageBody.Layout(header: ["DTM", "FTX", "RFF", "NAD", "TAX", "CUX", "PAT"],
                                                  line: ["PIA", "IMD", "QTY", "DTM", "MOA", "FTX", "PRI", "RFF", "TAX"],
                                                  summary: ["MOA", "CNT"])

    /// Wraps a body.
    public init(body: EDIFACTMessageBody) {
        self.body = body
    }

    /// Reads the segments of one ORDERS message, `UNH` to `UNT`.
    public init(segments: [OwnedSegment]) throws(EDIFACTModelError) {
        body = try EDIFACTMessageBody(segments: segments, expectedType: "ORDERS")
    }

    public subscript<Value>(dynamicMember keyPath: WritableKeyPath<EDIFACTMessageBody, Value>) -> Value {
        get { body[keyPath: keyPath] }
        set { body[keyPath: keyPath] = newValue }
    }

    /// `BGM` 1004: the order number.
    public var documentNumber: String? { body.beginning.documentNumber }
    /// `NAD+BY`.
    public var buyer: EDIFACTParty? { body.party("BY") }
    /// `NAD+SU`.
    public var supplier: EDIFACTParty? { body.party("SU") }
    /// `NAD+DP`, else `NAD+ST`.
    public var deliveryParty: EDIFACTParty? { body.party("DP") ?? body.party("ST") }
    /// `DTM+137`.
    public var orderDate: EDIFACTDate? { body.date("137") }
    /// `DTM+2`.
    public var requestedDeliveryDate: EDIFACTDate? { body.date("2") }
    /// `CUX` 6345 of the first currency.
    public var currencyCode: String? { body.currencies.first?.code }

    /// `UNH` … `UNT`, the count in `UNT` included.
    public func segments(messageReference: String) -> [OutgoingSegment] {
        body.segments(messageReference: messageReference, layout: Self.layout)
    }
}

/// An order response (EDIFACT `ORDRSP`): `BGM` 231 with its function (`29` accepted without
/// amendment, `27` not accepted, `4` change), `RFF+ON` the order, `LIN` with action codes.
@dynamicMemberLookup
public struct OrderResponseMessage: Sendable, Hashable {
    /// The message content.
    public var body: EDIFACTMessageBody

    static let layout = OrdersMessage.layout

    /// Wraps a body.
    public init(body: EDIFACTMessageBody) {
        self.body = body
    }

    /// Reads the segments of one ORDRSP message.
    public init(segments: [OwnedSegment]) throws(EDIFACTModelError) {
        body = try EDIFACTMessageBody(segments: segments, expectedType: "ORDRSP")
    }

    public subscript<Value>(dynamicMember keyPath: WritableKeyPath<EDIFACTMessageBody, Value>) -> Value {
        get { body[keyPath: keyPath] }
        set { body[keyPath: keyPath] = newValue }
    }

    /// `BGM` 1004: the response's own number.
    public var documentNumber: String? { body.beginning.documentNumber }
    /// `BGM` 1225: `29` accepted without amendment, `4` change, `27` not accepted.
    public var responseFunction: String? { body.beginning.messageFunction }
    /// `RFF+ON`: the order answered.
    public var orderNumber: String? { body.reference("ON")?.number }
    /// `NAD+BY`.
    public var buyer: EDIFACTParty? { body.party("BY") }
    /// `NAD+SU`.
    public var supplier: EDIFACTParty? { body.party("SU") }
    /// `DTM+137`.
    public var responseDate: EDIFACTDate? { body.date("137") }
    /// `CUX` 6345 of the first currency.
    public var currencyCode: String? { body.currencies.first?.code }

    /// `UNH` … `UNT`.
    public func segments(messageReference: String) -> [OutgoingSegment] {
        body.segments(messageReference: messageReference, layout: Self.layout)
    }
}
