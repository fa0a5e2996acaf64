import EDICore

/// An item number with its type (`LIN` C212 or one C212 of `PIA`: 7140, 7143, 1131, 3055).
public struct EDIFACTItemIdentifier: Sendable, Hashable {
    /// 7140, the item number.
    public var number: String
    /// 7143 (`EN` GTIN/EAN, `UP` UPC, `SA` supplier's article number, `IN` buyer's item number,
    /// `BP` buyer's part number, `IB` ISBN…).
    public var numberType: String?
    /// 1131, the code list qualifier.
    public var codeListQualifier: String?
    /// 3055, the responsible agency.
    public var codeListAgency: String?

    /// Creates an item identifier.
    public init(number: String, numberType: String?, codeListQualifier: String? = nil, codeListAgency: String? = nil) {
        self.number = number
        self.numberType = numberType
        self.codeListQualifier = codeListQualifier
        self.codeListAgency = codeListAgency
    }

    /// Reads the C212 at `element`; nil when it has none of its four values.
    static func read(_ fields: inout SegmentFields, element: Int) -> EDIFACTItemIdentifier? {
        guard fields.has(element, components: 4) else { return nil }
        return EDIFACTItemIdentifier(&fields, element: element)
    }

    /// Reads the C212 at `element` (see ``read(_:element:)``).
    init(_ fields: inout SegmentFields, element: Int) {
        self.init(number: fields.take(element, 1) ?? "", numberType: fields.take(element, 2),
                  codeListQualifier: fields.take(element, 3), codeListAgency: fields.take(element, 4))
    }

    func write(into builder: inout SegmentBuilder, element: Int) {
        builder.set(element, 1, number)
        builder.set(element, 2, numberType)
        builder.set(element, 3, codeListQualifier)
        builder.set(element, 4, codeListAgency)
    }
}

/// Additional product ids (`PIA`: function 4347 and up to five item identifiers).
public struct EDIFACTProductIdentification: Sendable, Hashable {
    /// 4347 (`1` additional identification, `5` product identification, `3` substitute…).
    public var function: String
    /// The C212 composites, in order.
    public var identifiers: [EDIFACTItemIdentifier]
    /// Values of the segment no field names.
    public var otherValues: [EDIFACTComponentValue] = []

    var segment: OutgoingSegment {
        var builder = SegmentBuilder("PIA")
        builder.set(1, 1, function)
        for (index, identifier) in identifiers.prefix(5).enumerated() { identifier.write(into: &builder, element: index + 2) }
        builder.set(otherValues)
        return builder.segment
    }
}

// Initialisers live in an extension so the struct keeps its implicit memberwise initialiser:
// built through it, a value is made in place (an explicit initialiser of a struct this size
// makes the value in a local and copies it out).
extension EDIFACTProductIdentification {
    /// Creates a PIA.
    public init(function: String, identifiers: [EDIFACTItemIdentifier]) {
        self.init(function: function, identifiers: identifiers, otherValues: [])
    }

    init(_ fields: inout SegmentFields) {
        let function = fields.take(1) ?? ""
        var identifiers: [EDIFACTItemIdentifier] = []
        for element in 2...6 where fields.has(element, components: 4) {
            identifiers.append(EDIFACTItemIdentifier(&fields, element: element))
        }
        self.init(function: function, identifiers: identifiers, otherValues: fields.leftovers)
    }
}

/// An item description (`IMD`: format 7077, C273 code 7009 and texts 7008).
public struct EDIFACTItemDescription: Sendable, Hashable {
    /// 7077 (`F` free-form, `C` code, `E` both).
    public var format: String?
    /// C273 7009, the description code.
    public var code: String?
    /// C273 7008, the description (one or two parts).
    public var texts: [String]
    /// Values of the segment no field names.
    public var otherValues: [EDIFACTComponentValue] = []

    /// The description texts joined.
    public var text: String { texts.joined(separator: " ") }

    var segment: OutgoingSegment {
        var builder = SegmentBuilder("IMD")
        builder.set(1, 1, format)
        builder.set(3, 1, code)
        for (index, text) in texts.prefix(2).enumerated() { builder.set(3, 4 + index, text) }
        builder.set(otherValues)
        return builder.segment
    }
}

// Initialisers in an extension, as for `EDIFACTProductIdentification`.
extension EDIFACTItemDescription {
    /// Creates a description.
    public init(format: String? = "F", code: String? = nil, texts: [String]) {
        self.init(format: format, code: code, texts: texts, otherValues: [])
    }

    init(_ fields: inout SegmentFields) {
        let format = fields.take(1)
        let code = fields.take(3, 1)
        // One array of the exact size (nearly always one text).
        let texts: [String]
        switch (fields.take(3, 4), fields.take(3, 5)) {
        case let (first?, second?): texts = [first, second]
        case let (first?, nil), let (nil, first?): texts = [first]
        case (nil, nil): texts = []
        }
        self.init(format: format, code: code, texts: texts, otherValues: fields.leftovers)
    }
}

/// A line item (`LIN` segment group): line number 1082, action 1229, item number C212 and the
/// group's `PIA`, `IMD`, `QTY`, `DTM`, `MOA`, `FTX`, `PRI`, `RFF` and `TAX`.
public struct EDIFACTLineItem: Sendable, Hashable {
    /// 1082, the line number as sent.
    public var lineNumber: String?
    /// 1229 (`5` accepted without amendment, `3` changed, `7` not accepted, `1` added…).
    public var actionCode: String?
    /// C212, the main item number.
    public var itemIdentifier: EDIFACTItemIdentifier?
    /// C829 5495 sub-line indicator and 1082 parent line, when sent.
    public var subLineIndicator: String?
    /// C829 1082, the line this one is a sub-line of.
    public var parentLineNumber: String?
    /// `PIA` segments.
    public var productIdentifications: [EDIFACTProductIdentification] = []
    /// `IMD` segments.
    public var descriptions: [EDIFACTItemDescription] = []
    /// `QTY` segments.
    public var quantities: [EDIFACTQuantity] = []
    /// `DTM` segments of the line.
    public var dates: [EDIFACTDate] = []
    /// `MOA` segments of the line (`203` line item amount).
    public var amounts: [EDIFACTAmount] = []
    /// `FTX` segments of the line.
    public var freeTexts: [EDIFACTFreeText] = []
    /// `PRI` segments.
    public var prices: [EDIFACTPrice] = []
    /// `RFF` groups of the line.
    public var references: [EDIFACTReference] = []
    /// `TAX` groups of the line.
    public var taxes: [EDIFACTTax] = []
    /// Segments of the group the model does not name, in place.
    public var unmappedSegments: [EDIFACTUnmappedSegment] = []
    /// Values of the `LIN` segment no field names.
    public var otherValues: [EDIFACTComponentValue] = []
    /// Where it was read.
    public var source = EDIFACTSourcePosition()

    /// The first quantity with a qualifier.
    public func quantity(_ qualifier: String) -> EDIFACTQuantity? { quantities.first { $0.qualifier == qualifier } }
    /// The first price with a qualifier.
    public func price(_ qualifier: String) -> EDIFACTPrice? { prices.first { $0.qualifier == qualifier } }
    /// The first amount with a qualifier.
    public func amount(_ qualifier: String) -> EDIFACTAmount? { amounts.first { $0.qualifier == qualifier } }
    /// The first date with a qualifier.
    public func date(_ qualifier: String) -> EDIFACTDate? { dates.first { $0.qualifier == qualifier } }

    /// Every item number of the line: the `LIN` one first, then those of the `PIA`s.
    public var allItemIdentifiers: [EDIFACTItemIdentifier] {
        (itemIdentifier.map { [$0] } ?? []) + productIdentifications.flatMap(\.identifiers)
    }

    /// The segments in the order of the standard's line group for `order` (tags), with kept
    /// segments put back where they were.
    func segments(order: [String]) -> [OutgoingSegment] {
        var builder = SegmentBuilder("LIN")
        builder.set(1, 1, lineNumber)
        builder.set(2, 1, actionCode)
        itemIdentifier?.write(into: &builder, element: 3)
        builder.set(4, 1, subLineIndicator)
        builder.set(4, 2, parentLineNumber)
        builder.set(otherValues)
        var blocks = BlockList()
        blocks.add(builder.segment)
        for tag in order {
            switch tag {
            case "PIA": productIdentifications.forEach { blocks.add($0.segment) }
            case "IMD": descriptions.forEach { blocks.add($0.segment) }
            case "QTY": quantities.forEach { blocks.add($0.segment) }
            case "DTM": dates.forEach { blocks.add($0.segment) }
            case "MOA": amounts.forEach { blocks.add($0.segment) }
            case "FTX": freeTexts.forEach { blocks.add($0.segment) }
            case "PRI": prices.forEach { blocks.add($0.segment) }
            case "RFF": references.forEach { blocks.add("RFF", $0.segments) }
            case "TAX": taxes.forEach { blocks.add("TAX", $0.segments) }
            default: break
            }
        }
        blocks.insert(unmappedSegments)
        return blocks.segments
    }
}

// Initialisers in an extension, as for `EDIFACTProductIdentification`.
extension EDIFACTLineItem {
    /// Creates a line item.
    public init(lineNumber: String?, actionCode: String? = nil, itemIdentifier: EDIFACTItemIdentifier?) {
        self.init(lineNumber: lineNumber, actionCode: actionCode, itemIdentifier: itemIdentifier, source: EDIFACTSourcePosition())
    }

    init(_ fields: inout SegmentFields) {
        self.init(lineNumber: fields.take(1), actionCode: fields.take(2), itemIdentifier: .read(&fields, element: 3),
                  subLineIndicator: fields.take(4, 1), parentLineNumber: fields.take(4, 2), otherValues: fields.leftovers,
                  source: fields.source)
    }
}
