public import EDICore

/// An invoice (EDIFACT `INVOIC`): `BGM` 380/381, invoice date `DTM` 137, `RFF` ON/AAK, parties
/// SU/BY/IV/DP, `CUX`, payment terms `PAT`, lines `LIN`/`QTY` 47/`MOA` 203/`PRI`, and the summary
/// after `UNS` (`CNT`, `MOA` 79/77/124…, `TAX`).
@dynamicMemberLookup
public struct InvoiceMessage: Sendable, Hashable {
    /// The message content.
    public var body: EDIFACTMessageBody

    static let layout = EDIFACTMessageBody.Layout(header: ["DTM", "FTX", "RFF", "NAD", "TAX", "CUX", "PAT"],
                                                  line: ["PIA", "IMD", "QTY", "DTM", "FTX", "MOA", "PRI", "RFF", "TAX"],
                                                  summary: ["CNT", "MOA", "TAX"])

    /// Wraps a body.
    public init(body: EDIFACTMessageBody) {
        self.body = body
    }

    /// Reads the segments of one INVOIC message.
    public init(segments: [OwnedSegment]) throws(EDIFACTModelError) {
        body = try EDIFACTMessageBody(segments: segments, expectedType: "INVOIC")
    }

    public subscript<Value>(dynamicMember keyPath: WritableKeyPath<EDIFACTMessageBody, Value>) -> Value {
        get { body[keyPath: keyPath] }
        set { body[keyPath: keyPath] = newValue }
    }

    /// `BGM` 1004: the invoice number.
    public var documentNumber: String? { body.beginning.documentNumber }
    /// `DTM+137` (else `DTM+3`, invoice date).
    public var invoiceDate: EDIFACTDate? { body.date("137") ?? body.date("3") }
    /// `RFF+ON`.
    public var orderNumber: String? { body.reference("ON")?.number }
    /// `NAD+SU` (else `NAD+SE`).
    public var supplier: EDIFACTParty? { body.party("SU") ?? body.party("SE") }
    /// `NAD+BY`.
    public var buyer: EDIFACTParty? { body.party("BY") }
    /// `NAD+IV`.
    public var invoicee: EDIFACTParty? { body.party("IV") }
    /// `CUX` 6345 of the first currency.
    public var currencyCode: String? { body.currencies.first?.code }
    /// Summary `MOA+77` (invoice amount), else `MOA+86` (message total), else `MOA+39`.
    public var invoiceAmount: EDIFACTAmount? { body.total("77") ?? body.total("86") ?? body.total("39") }

    /// `UNH` … `UNT`.
    public func segments(messageReference: String) -> [OutgoingSegment] {
        body.segments(messageReference: messageReference, layout: Self.layout)
    }
}
