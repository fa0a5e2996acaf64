import EDICore

/// What the EDIFACT order-to-cash messages share: the `UNH` identifier, `BGM`, header dates,
/// texts, references, parties, currencies, payment terms and taxes, the detail (line items,
/// `CPS` packing levels or `DOC` documents) and the summary after `UNS`.
///
/// Each typed message (``OrdersMessage``…) holds one and names what matters for its type.
public struct EDIFACTMessageBody: Sendable, Hashable {
    /// `UNH` 0062 as read (written anew by `segments(messageReference:)`).
    public var messageReference: String
    /// `UNH` S009.
    public var messageIdentifier: EDIFACTMessageIdentifier
    /// `BGM`.
    public var beginning: EDIFACTBeginningOfMessage
    /// Header `DTM`s.
    public var dates: [EDIFACTDate] = []
    /// Header `FTX`s.
    public var freeTexts: [EDIFACTFreeText] = []
    /// Header `RFF` groups.
    public var references: [EDIFACTReference] = []
    /// Header `NAD` groups.
    public var parties: [EDIFACTParty] = []
    /// Header `TAX` groups.
    public var taxes: [EDIFACTTax] = []
    /// Header `CUX`s.
    public var currencies: [EDIFACTCurrency] = []
    /// Header `PAT` groups.
    public var paymentTerms: [EDIFACTPaymentTerms] = []
    /// `LIN` groups outside any `CPS`.
    public var lineItems: [EDIFACTLineItem] = []
    /// `CPS` groups (DESADV).
    public var packingSequences: [EDIFACTPackingSequence] = []
    /// `DOC` groups (REMADV).
    public var documents: [EDIFACTRemittanceDocument] = []
    /// Whether the message has its `UNS` section control.
    public var hasSectionControl = false
    /// `UNS` 0081 as sent (`S`: detail/summary separation).
    public var sectionIdentification = "S"
    /// Summary `MOA`s (after `UNS`).
    public var totals: [EDIFACTAmount] = []
    /// `CNT`s.
    public var controlTotals: [EDIFACTControlTotal] = []
    /// Summary `TAX` groups.
    public var summaryTaxes: [EDIFACTTax] = []
    /// Header segments the model does not name, in place.
    public var unmappedSegments: [EDIFACTUnmappedSegment] = []
    /// Summary segments (after `UNS`, or from `CNT` on) the model does not name, in place.
    public var summaryUnmappedSegments: [EDIFACTUnmappedSegment] = []
    /// Where the `UNH` was read.
    public var source = EDIFACTSourcePosition()

    /// Creates a body.
    public init(messageReference: String = "1", messageIdentifier: EDIFACTMessageIdentifier, beginning: EDIFACTBeginningOfMessage) {
        self.messageReference = messageReference
        self.messageIdentifier = messageIdentifier
        self.beginning = beginning
    }

    /// The first party with a qualifier (`BY`, `SU`…).
    public func party(_ qualifier: String) -> EDIFACTParty? { parties.first { $0.partyQualifier == qualifier } }
    /// The first header date with a qualifier.
    public func date(_ qualifier: String) -> EDIFACTDate? { dates.first { $0.qualifier == qualifier } }
    /// The first header reference with a qualifier.
    public func reference(_ qualifier: String) -> EDIFACTReference? { references.first { $0.qualifier == qualifier } }
    /// The first summary amount with a qualifier.
    public func total(_ qualifier: String) -> EDIFACTAmount? { totals.first { $0.qualifier == qualifier } }
    /// The first control total with a qualifier.
    public func controlTotal(_ qualifier: String) -> EDIFACTControlTotal? { controlTotals.first { $0.qualifier == qualifier } }

    /// The layout of each message type: the order the standard gives the named segments.
    struct Layout: Sendable {
        var header: [String]
        var line: [String]
        var summary: [String]
    }

    /// Reads the segments of one message, `UNH` to `UNT`.
    init(segments: [OwnedSegment], expectedType: String) throws(EDIFACTModelError) {
        guard let first = segments.first else {
            throw EDIFACTModelError("no segments: a \(expectedType) message starts with UNH", at: EDIPosition())
        }
        guard first.tag == "UNH" else {
            throw EDIFACTModelError("a \(expectedType) message starts with UNH, not \(first.tag)", at: first.position)
        }
        let (identifier, reference) = first.withFields { header in
            (EDIFACTMessageIdentifier(type: header.take(2, 1) ?? "", version: header.take(2, 2) ?? "",
                                      release: header.take(2, 3) ?? "", agency: header.take(2, 4) ?? "",
                                      associationCode: header.take(2, 5)),
             header.take(1) ?? "")
        }
        let type = identifier.type
        guard type == expectedType else {
            throw EDIFACTModelError("UNH names a \(type.isEmpty ? "message without type" : type), not a \(expectedType)",
                                    at: first.position.at(element: 2, component: 1))
        }
        guard let bgmIndex = segments.indices.dropFirst().first(where: { segments[$0].tag == "BGM" }) else {
            throw EDIFACTModelError("the \(expectedType) message has no BGM", at: first.position)
        }
        self.init(messageReference: reference, messageIdentifier: identifier,
                  beginning: segments[bgmIndex].withFields { EDIFACTBeginningOfMessage(&$0) })
        source = EDIFACTSourcePosition(first.position)
        var reader = EDIFACTBodyReader(body: self)
        let end = segments.last?.tag == "UNT" ? segments.count - 1 : segments.count
        let fields = SegmentFieldsReader()
        for index in 1..<max(end, 1) where index != bgmIndex {
            fields.read(segments[index]) { reader.read(&$0) }
        }
        self = reader.finish()
    }

    /// `UNH` … `UNT` with the segment count.
    func segments(messageReference: String, layout: Layout) -> [OutgoingSegment] {
        var blocks = BlockList()
        blocks.add(beginning.segment)
        for tag in layout.header {
            switch tag {
            case "DTM": dates.forEach { blocks.add($0.segment) }
            case "FTX": freeTexts.forEach { blocks.add($0.segment) }
            case "RFF": references.forEach { blocks.add("RFF", $0.segments) }
            case "NAD": parties.forEach { blocks.add("NAD", $0.segments) }
            case "TAX": taxes.forEach { blocks.add("TAX", $0.segments) }
            case "CUX": currencies.forEach { blocks.add($0.segment) }
            case "PAT": paymentTerms.forEach { blocks.add("PAT", $0.segments) }
            default: break
            }
        }
        blocks.insert(unmappedSegments)
        for line in lineItems { blocks.add("LIN", line.segments(order: layout.line)) }
        for sequence in packingSequences { blocks.add("CPS", sequence.segments(lineOrder: layout.line)) }
        for document in documents { blocks.add("DOC", document.segments) }
        var summary = BlockList()
        summary.add("UNS", hasSectionControl ? [OutgoingSegment("UNS", [sectionIdentification])] : [])
        for tag in layout.summary {
            switch tag {
            case "MOA": totals.forEach { summary.add($0.segment) }
            case "CNT": controlTotals.forEach { summary.add($0.segment) }
            case "TAX": summaryTaxes.forEach { summary.add("TAX", $0.segments) }
            default: break
            }
        }
        summary.insert(summaryUnmappedSegments)
        var unh = SegmentBuilder("UNH")
        unh.set(1, 1, messageReference)
        unh.set(2, 1, messageIdentifier.type)
        unh.set(2, 2, messageIdentifier.version)
        unh.set(2, 3, messageIdentifier.release)
        unh.set(2, 4, messageIdentifier.agency)
        unh.set(2, 5, messageIdentifier.associationCode)
        let body = blocks.segments + summary.segments
        return [unh.segment] + body + [OutgoingSegment("UNT", [String(body.count + 2), messageReference])]
    }
}
