import EDICore

/// A party of an N1 loop: N1 (role and identification), N2 names, N3 address lines, N4 place, REF
/// references and PER contacts; other segments of the loop are kept in `unmappedSegments`.
///
/// The role stays as sent in `entityIdentifierCode` (98: `ST` ship-to, `BT` bill-to, `BY` buyer,
/// `SE` seller, `RI` remit-to, `SF` ship-from, `PR` payer, `PE` payee).
public struct X12Party: Sendable, Hashable {
    /// The N1 segment.
    public var nameSegment: X12Segment
    /// N2 additional names.
    public var additionalNameSegments: [X12Segment]
    /// N3 address segments.
    public var addressSegments: [X12Segment]
    /// The first N4 segment.
    public var locationSegment: X12Segment?
    /// REF references of the party.
    public var references: [X12Reference]
    /// PER contacts of the party.
    public var contacts: [X12Contact]
    /// The loop's other segments (N4 after the first, NX2, FOB, TD5…).
    public var unmappedSegments: [X12UnmappedSegment]
    /// Where the N1 was read.
    public var origin: X12Origin

    /// A party from its values.
    public init(entityIdentifierCode: String, name: String? = nil, identificationCodeQualifier: String? = nil,
                identificationCode: String? = nil, additionalNames: [String] = [], addressLines: [String] = [],
                city: String? = nil, stateOrProvinceCode: String? = nil, postalCode: String? = nil, countryCode: String? = nil,
                references: [X12Reference] = [], contacts: [X12Contact] = []) {
        self.init(nameSegment: X12Segment(tag: "N1"), origin: X12Origin())
        self.references = references
        self.contacts = contacts
        self.entityIdentifierCode = entityIdentifierCode
        self.name = name
        self.identificationCodeQualifier = identificationCodeQualifier
        self.identificationCode = identificationCode
        self.additionalNames = additionalNames
        self.addressLines = addressLines
        self.city = city
        self.stateOrProvinceCode = stateOrProvinceCode
        self.postalCode = postalCode
        self.countryCode = countryCode
    }

    /// A party with its N1 and nothing else yet.
    private init(nameSegment: X12Segment, origin: X12Origin) {
        self.nameSegment = nameSegment
        additionalNameSegments = []
        addressSegments = []
        locationSegment = nil
        references = []
        contacts = []
        unmappedSegments = []
        self.origin = origin
    }

    /// N101 entity identifier code (98).
    public var entityIdentifierCode: String {
        get { nameSegment[element: 1] ?? "" }
        set { nameSegment[element: 1] = newValue }
    }
    /// N102 name.
    public var name: String? {
        get { nameSegment[element: 2] }
        set { nameSegment[element: 2] = newValue }
    }
    /// N103 identification code qualifier (66: `92` assigned by buyer, `1` DUNS, `9` DUNS+4, `UL` GLN).
    public var identificationCodeQualifier: String? {
        get { nameSegment[element: 3] }
        set { nameSegment[element: 3] = newValue }
    }
    /// N104 identification code (67).
    public var identificationCode: String? {
        get { nameSegment[element: 4] }
        set { nameSegment[element: 4] = newValue }
    }

    /// N201/N202 values, in order.
    public var additionalNames: [String] {
        get { Self.values(of: additionalNameSegments) }
        set { additionalNameSegments = Self.pairs(newValue, tag: "N2") }
    }
    /// N301/N302 values, in order.
    public var addressLines: [String] {
        get { Self.values(of: addressSegments) }
        set { addressSegments = Self.pairs(newValue, tag: "N3") }
    }
    /// N401 city.
    public var city: String? {
        get { locationSegment?[element: 1] }
        set { setLocation(1, newValue) }
    }
    /// N402 state or province code.
    public var stateOrProvinceCode: String? {
        get { locationSegment?[element: 2] }
        set { setLocation(2, newValue) }
    }
    /// N403 postal code.
    public var postalCode: String? {
        get { locationSegment?[element: 3] }
        set { setLocation(3, newValue) }
    }
    /// N404 country code.
    public var countryCode: String? {
        get { locationSegment?[element: 4] }
        set { setLocation(4, newValue) }
    }

    /// The first and second values of each segment (N2, N3), in order.
    private static func values(of segments: [X12Segment]) -> [String] {
        guard !segments.isEmpty else { return [] }
        var values: [String] = []
        values.reserveCapacity(segments.count * 2)
        for segment in segments {
            segment.reading { reading in
                if let first = reading[element: 1] { values.append(first) }
                if let second = reading[element: 2] { values.append(second) }
            }
        }
        return values
    }

    /// The named values of N1, N3 and N4, read together (one pass over each segment).
    public struct Values: Sendable, Hashable {
        public var entityIdentifierCode: String
        public var name: String?
        public var identificationCodeQualifier: String?
        public var identificationCode: String?
        public var addressLines: [String]
        public var city: String?
        public var stateOrProvinceCode: String?
        public var postalCode: String?
        public var countryCode: String?
    }

    /// Every named value at once, as the properties give them one by one.
    public var values: Values {
        var values = nameSegment.reading { reading in
            Values(entityIdentifierCode: reading[element: 1] ?? "", name: reading[element: 2],
                   identificationCodeQualifier: reading[element: 3], identificationCode: reading[element: 4],
                   addressLines: [])
        }
        values.addressLines = addressLines
        locationSegment?.reading { reading in
            values.city = reading[element: 1]
            values.stateOrProvinceCode = reading[element: 2]
            values.postalCode = reading[element: 3]
            values.countryCode = reading[element: 4]
        }
        return values
    }

    private mutating func setLocation(_ element: Int, _ value: String?) {
        var segment = locationSegment ?? X12Segment(tag: "N4")
        segment[element: element] = value
        locationSegment = segment.trimmed.elements.isEmpty ? nil : segment
    }

    private static func pairs(_ values: [String], tag: String) -> [X12Segment] {
        stride(from: 0, to: values.count, by: 2).map { start in
            X12Segment(OutgoingSegment(tag, Array(values[start..<min(start + 2, values.count)])))
        }
    }

    /// The N1 loop body's table, for reading and writing.
    static let table = X12Table("N1 N2 IN2 N3 N4 QTY NX2 REF PER SI DTM RDM FOB SCH TD1 TD5 TD3 TD4 PKG MSG MTX DMG LDT")

    /// Reads an N1 node and its loop.
    init(node: X12Node) {
        let segment = node.segment
        self.init(nameSegment: X12Segment(segment), origin: X12Origin(segment))
        var lastRank = 0
        for child in node.children {
            let rank = child.isKnown ? Self.table.rank(of: child.tag) : lastRank
            lastRank = rank
            switch child.tag {
            case "N2" where child.isKnown:
                additionalNameSegments.append(X12Segment(child.segment))
            case "N3" where child.isKnown:
                addressSegments.append(X12Segment(child.segment))
            case "N4" where child.isKnown && locationSegment == nil:
                locationSegment = X12Segment(child.segment)
            case "REF" where child.isKnown && child.children.isEmpty:
                references.append(X12Reference(node: child))
            case "PER" where child.isKnown && child.children.isEmpty:
                contacts.append(X12Contact(node: child))
            default:
                unmappedSegments += X12UnmappedSegment.keeping(child, at: rank)
            }
        }
    }

    /// The loop's segments, N1 first.
    var segments: [OutgoingSegment] {
        var writer = X12ScopeWriter(Self.table)
        writer.add(nameSegment)
        writer.add(all: additionalNameSegments)
        writer.add(all: addressSegments)
        writer.add(locationSegment)
        writer.add(all: references.map(\.segment))
        writer.add(all: contacts.map(\.segment))
        writer.add(unmappedSegments)
        return writer.segments
    }
}

extension Array where Element == X12Party {
    /// The first party with a role (N101), e.g. `parties.first(role: "ST")`.
    public func first(role entityIdentifierCode: String) -> X12Party? {
        first { $0.entityIdentifierCode == entityIdentifierCode }
    }
}
