public import EDICore

/// A remittance advice (EDIFACT `REMADV`): `BGM` 481, dates, payer `NAD+PR` and payee `NAD+PE`,
/// `CUX`, one `DOC` group per paid document (`MOA` 9/52/12, `DTM`, `RFF`) and the summary
/// `MOA` 12 after `UNS`.
@dynamicMemberLookup
public struct RemittanceAdviceMessage: Sendable, Hashable {
    /// The message content; the paid documents are `body.documents`.
    public var body: EDIFACTMessageBody

    static let layout = EDIFACTMessageBody.Layout(header: ["DTM", "RFF", "FTX", "NAD", "CUX"], line: [], summary: ["MOA"])

    /// Wraps a body.
    public init(body: EDIFACTMessageBody) {
        self.body = body
    }

    /// Reads the segments of one REMADV message.
    public init(segments: [OwnedSegment]) throws(EDIFACTModelError) {
        body = try EDIFACTMessageBody(segments: segments, expectedType: "REMADV")
    }

    public subscript<Value>(dynamicMember keyPath: WritableKeyPath<EDIFACTMessageBody, Value>) -> Value {
        get { body[keyPath: keyPath] }
        set { body[keyPath: keyPath] = newValue }
    }

    /// `BGM` 1004: the remittance number.
    public var documentNumber: String? { body.beginning.documentNumber }
    /// `NAD+PR`.
    public var payer: EDIFACTParty? { body.party("PR") }
    /// `NAD+PE`.
    public var payee: EDIFACTParty? { body.party("PE") }
    /// `DTM+209` (value date), else `DTM+137`.
    public var paymentDate: EDIFACTDate? { body.date("209") ?? body.date("137") }
    /// Summary `MOA+12`, the total remitted.
    public var totalRemitted: EDIFACTAmount? { body.total("12") }
    /// `CUX` 6345 of the first currency.
    public var currencyCode: String? { body.currencies.first?.code }

    /// `UNH` … `UNT`.
    public func segments(messageReference: String) -> [OutgoingSegment] {
        body.segments(messageReference: messageReference, layout: Self.layout)
    }
}
