public import EDICore

/// A segment a typed model names: its values kept whole (so nothing is lost when it is written
/// back), read and written through named properties.
public protocol X12SegmentValue: Sendable, Hashable {
    /// The segment tag the value is read from.
    static var tag: String { get }
    /// The segment's values.
    var segment: X12Segment { get set }
    /// Where it was read.
    var origin: X12Origin { get set }
    /// Wraps a segment.
    init(segment: X12Segment, origin: X12Origin)
}

extension X12SegmentValue {
    /// An empty segment of the type's tag, to fill through the named properties.
    public init() {
        self.init(segment: X12Segment(tag: Self.tag), origin: X12Origin())
    }

    /// Reads a segment node.
    init(node: X12Node) {
        self.init(owned: node.segment)
    }

    init(owned: OwnedSegment) {
        self.init(segment: X12Segment(owned), origin: X12Origin(owned))
    }

    /// The position of an element, for findings.
    public func position(ofElement element: Int) -> EDIPosition? {
        origin.element(element)
    }
}

extension X12Date: X12SegmentValue {
    public static var tag: String { "DTM" }
}

/// A REF reference: qualifier (128: `PO`, `IA` vendor number, `BM` bill of lading) next to the
/// identification.
public struct X12Reference: X12SegmentValue {
    public static var tag: String { "REF" }
    public var segment: X12Segment
    public var origin: X12Origin

    public init(segment: X12Segment, origin: X12Origin = X12Origin()) {
        self.segment = segment
        self.origin = origin
    }

    /// A REF from its values.
    public init(qualifier: String, identification: String?, description: String? = nil) {
        self.init()
        self.qualifier = qualifier
        self.identification = identification
        self.description = description
    }

    /// REF01 reference identification qualifier (128).
    public var qualifier: String {
        get { segment[element: 1] ?? "" }
        set { segment[element: 1] = newValue }
    }
    /// REF02 reference identification (127).
    public var identification: String? {
        get { segment[element: 2] }
        set { segment[element: 2] = newValue }
    }
    /// REF03 description (352).
    public var description: String? {
        get { segment[element: 3] }
        set { segment[element: 3] = newValue }
    }
}

/// A product or service identifier: the qualifier (235: `UP` UPC, `VN` vendor's item, `BP`
/// buyer's part, `EN` EAN) next to the identifier (234).
public struct X12ItemIdentifier: Sendable, Hashable {
    /// Product/service ID qualifier (235).
    public var qualifier: String
    /// Product/service ID (234).
    public var identifier: String

    /// Creates a pair.
    public init(qualifier: String, identifier: String) {
        self.qualifier = qualifier
        self.identifier = identifier
    }

    /// The 235/234 pairs of a segment from an element on (PO1 06/07…, LIN 02/03…).
    static func pairs(in segment: X12Segment, from first: Int) -> [X12ItemIdentifier] {
        segment.reading { $0.pairs(from: first) }
    }

    /// Writes pairs from an element on, emptying what follows.
    static func set(_ pairs: [X12ItemIdentifier], in segment: inout X12Segment, from first: Int) {
        segment.removeElements(from: first)
        for (offset, pair) in pairs.enumerated() {
            segment[element: first + offset * 2] = pair.qualifier
            segment[element: first + offset * 2 + 1] = pair.identifier
        }
    }
}

/// A PER administrative contact: function (366: `BD` buyer, `IC` information contact), name and
/// the communication numbers with their qualifiers (365: `TE` phone, `EM` e-mail, `FX` fax).
public struct X12Contact: X12SegmentValue {
    public static var tag: String { "PER" }
    public var segment: X12Segment
    public var origin: X12Origin

    public init(segment: X12Segment, origin: X12Origin = X12Origin()) {
        self.segment = segment
        self.origin = origin
    }

    /// A PER from its values.
    public init(functionCode: String, name: String?, communications: [Communication] = []) {
        self.init()
        self.functionCode = functionCode
        self.name = name
        self.communications = communications
    }

    /// A communication number and its qualifier (365).
    public struct Communication: Sendable, Hashable {
        public var qualifier: String
        public var number: String

        public init(qualifier: String, number: String) {
            self.qualifier = qualifier
            self.number = number
        }
    }

    /// PER01 contact function code (366).
    public var functionCode: String {
        get { segment[element: 1] ?? "" }
        set { segment[element: 1] = newValue }
    }
    /// PER02 name.
    public var name: String? {
        get { segment[element: 2] }
        set { segment[element: 2] = newValue }
    }
    /// PER03–PER08: up to three numbers.
    public var communications: [Communication] {
        get {
            segment.reading { reading in
                var numbers: [Communication] = []
                for element in stride(from: 3, through: 7, by: 2) {
                    guard let qualifier = reading[element: element], let number = reading[element: element + 1] else { continue }
                    numbers.append(Communication(qualifier: qualifier, number: number))
                }
                return numbers
            }
        }
        set {
            for element in 3...8 { segment[element: element] = nil }
            for (offset, communication) in newValue.prefix(3).enumerated() {
                segment[element: 3 + offset * 2] = communication.qualifier
                segment[element: 4 + offset * 2] = communication.number
            }
        }
    }
}

/// A CUR currency: entity (98: `BY` buyer, `SE` seller, `PR` payer) and currency code (ISO 4217).
public struct X12Currency: X12SegmentValue {
    public static var tag: String { "CUR" }
    public var segment: X12Segment
    public var origin: X12Origin

    public init(segment: X12Segment, origin: X12Origin = X12Origin()) {
        self.segment = segment
        self.origin = origin
    }

    /// A CUR from its values.
    public init(entityIdentifierCode: String, currencyCode: String) {
        self.init()
        self.entityIdentifierCode = entityIdentifierCode
        self.currencyCode = currencyCode
    }

    /// CUR01 entity identifier code (98).
    public var entityIdentifierCode: String {
        get { segment[element: 1] ?? "" }
        set { segment[element: 1] = newValue }
    }
    /// CUR02 currency code.
    public var currencyCode: String {
        get { segment[element: 2] ?? "" }
        set { segment[element: 2] = newValue }
    }
}

/// A PID product/item description: type (349: `F` free form) and text (PID05).
public struct X12ProductDescription: X12SegmentValue {
    public static var tag: String { "PID" }
    public var segment: X12Segment
    public var origin: X12Origin

    public init(segment: X12Segment, origin: X12Origin = X12Origin()) {
        self.segment = segment
        self.origin = origin
    }

    /// A free-form description.
    public init(typeCode: String = "F", description: String) {
        self.init()
        self.typeCode = typeCode
        self.description = description
    }

    /// PID01 item description type (349).
    public var typeCode: String {
        get { segment[element: 1] ?? "" }
        set { segment[element: 1] = newValue }
    }
    /// PID02 product/process characteristic code (750).
    public var characteristicCode: String? {
        get { segment[element: 2] }
        set { segment[element: 2] = newValue }
    }
    /// PID04 product description code (751).
    public var descriptionCode: String? {
        get { segment[element: 4] }
        set { segment[element: 4] = newValue }
    }
    /// PID05 description (352).
    public var description: String? {
        get { segment[element: 5] }
        set { segment[element: 5] = newValue }
    }
}

/// CTT transaction totals: number of line items (CTT01) and hash total (CTT02).
public struct X12TransactionTotals: X12SegmentValue {
    public static var tag: String { "CTT" }
    public var segment: X12Segment
    public var origin: X12Origin

    public init(segment: X12Segment, origin: X12Origin = X12Origin()) {
        self.segment = segment
        self.origin = origin
    }

    /// A CTT from its values.
    public init(numberOfLineItems: Int, hashTotal: X12Amount? = nil) {
        self.init()
        self.numberOfLineItems = String(numberOfLineItems)
        self.hashTotal = hashTotal
    }

    /// CTT01 number of line items, as sent.
    public var numberOfLineItems: String? {
        get { segment[element: 1] }
        set { segment[element: 1] = newValue }
    }
    /// CTT02 hash total (the sum of a quantity element, per the guide).
    public var hashTotal: X12Amount? {
        get { segment.amount(2, origin: origin) }
        set { segment.setAmount(newValue, 2) }
    }
}
