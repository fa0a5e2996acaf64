import EDICore

/// A party (`NAD` segment group): qualifier 3035 with its identification, name and address, and
/// the group's references (`RFF`) and contacts (`CTA` with `COM`).
public struct EDIFACTParty: Sendable, Hashable {
    /// 3035 (`BY` buyer, `SU` supplier, `DP` delivery party, `IV` invoicee, `PR` payer, `PE` payee…).
    public var partyQualifier: String
    /// C082 3039, the party identification (a GLN when `codeListAgency` is `9`).
    public var identifier: String?
    /// C082 1131, the code list qualifier.
    public var codeListQualifier: String?
    /// C082 3055 (`9` GS1/EAN, `92` assigned by buyer, `91` assigned by supplier, `16` DUNS).
    public var codeListAgency: String?
    /// C058 3124, name and address lines in one (up to five).
    public var nameAndAddressLines: [String] = []
    /// C080 3036, the party name (up to five parts).
    public var nameLines: [String] = []
    /// C059 3042, street and number (up to four lines).
    public var streetLines: [String] = []
    /// 3164.
    public var city: String?
    /// 3229 (D96A) or C819 3229 (D01B): state or region code.
    public var countrySubdivision: String?
    /// 3251.
    public var postalCode: String?
    /// 3207 (ISO 3166-1 alpha-2).
    public var countryCode: String?
    /// The group's references (`RFF`, with their `DTM`s).
    public var references: [EDIFACTReference] = []
    /// The group's contacts (`CTA`, with their `COM`s).
    public var contacts: [EDIFACTContact] = []
    /// Segments of the group the model does not name (`LOC`, `FII`, `DOC`…), in place.
    public var unmappedSegments: [EDIFACTUnmappedSegment] = []
    /// Values of the `NAD` segment no field names.
    public var otherValues: [EDIFACTComponentValue] = []
    /// Where it was read.
    public var source = EDIFACTSourcePosition()

    /// Creates a party.
    public init(partyQualifier: String, identifier: String? = nil, codeListAgency: String? = nil) {
        self.partyQualifier = partyQualifier
        self.identifier = identifier
        self.codeListAgency = codeListAgency
    }

    init(_ fields: inout SegmentFields) {
        partyQualifier = fields.take(1) ?? ""
        identifier = fields.take(2, 1)
        codeListQualifier = fields.take(2, 2)
        codeListAgency = fields.take(2, 3)
        nameAndAddressLines = (1...5).compactMap { fields.take(3, $0) }
        nameLines = (1...5).compactMap { fields.take(4, $0) }
        streetLines = (1...4).compactMap { fields.take(5, $0) }
        city = fields.take(6)
        countrySubdivision = fields.take(7, 1)
        postalCode = fields.take(8)
        countryCode = fields.take(9)
        otherValues = fields.leftovers
        source = fields.source
    }

    /// The party name: the C080 parts joined, else the first C058 line.
    public var name: String? {
        nameLines.isEmpty ? nameAndAddressLines.first : nameLines.joined(separator: " ")
    }

    var segments: [OutgoingSegment] {
        var builder = SegmentBuilder("NAD")
        builder.set(1, 1, partyQualifier)
        builder.set(2, 1, identifier)
        builder.set(2, 2, codeListQualifier)
        builder.set(2, 3, codeListAgency)
        for (index, line) in nameAndAddressLines.prefix(5).enumerated() { builder.set(3, index + 1, line) }
        for (index, line) in nameLines.prefix(5).enumerated() { builder.set(4, index + 1, line) }
        for (index, line) in streetLines.prefix(4).enumerated() { builder.set(5, index + 1, line) }
        builder.set(6, 1, city)
        builder.set(7, 1, countrySubdivision)
        builder.set(8, 1, postalCode)
        builder.set(9, 1, countryCode)
        builder.set(otherValues)
        var blocks = BlockList()
        blocks.add(builder.segment)
        for reference in references { blocks.add("RFF", reference.segments) }
        for contact in contacts { blocks.add("CTA", contact.segments) }
        blocks.insert(unmappedSegments)
        return blocks.segments
    }
}

/// A contact (`CTA`: function 3139, C056 department or employee 3413/3412) with its
/// communication numbers (`COM`).
public struct EDIFACTContact: Sendable, Hashable {
    /// 3139 (`PD` purchasing contact, `IC` information contact…).
    public var function: String?
    /// C056 3413, the department or employee code.
    public var identifier: String?
    /// C056 3412, the name.
    public var name: String?
    /// The `COM` segments.
    public var communications: [EDIFACTCommunication] = []
    /// Values of the `CTA` segment no field names.
    public var otherValues: [EDIFACTComponentValue] = []
    /// Where it was read.
    public var source = EDIFACTSourcePosition()

    /// Creates a contact.
    public init(function: String?, identifier: String? = nil, name: String?, communications: [EDIFACTCommunication] = []) {
        self.function = function
        self.identifier = identifier
        self.name = name
        self.communications = communications
    }

    init(_ fields: inout SegmentFields) {
        function = fields.take(1)
        identifier = fields.take(2, 1)
        name = fields.take(2, 2)
        otherValues = fields.leftovers
        source = fields.source
    }

    var segments: [OutgoingSegment] {
        var builder = SegmentBuilder("CTA")
        builder.set(1, 1, function)
        builder.set(2, 1, identifier)
        builder.set(2, 2, name)
        builder.set(otherValues)
        return [builder.segment] + communications.map(\.segment)
    }
}

/// A communication number (`COM` C076: number 3148, channel 3155).
public struct EDIFACTCommunication: Sendable, Hashable {
    /// 3148.
    public var number: String
    /// 3155 (`TE` telephone, `EM` e-mail, `FX` fax).
    public var channel: String
    /// Values of the segment no field names.
    public var otherValues: [EDIFACTComponentValue] = []

    /// Creates a communication number.
    public init(number: String, channel: String) {
        self.number = number
        self.channel = channel
    }

    init(_ fields: inout SegmentFields) {
        number = fields.take(1, 1) ?? ""
        channel = fields.take(1, 2) ?? ""
        otherValues = fields.leftovers
    }

    var segment: OutgoingSegment {
        var builder = SegmentBuilder("COM")
        builder.set(1, 1, number)
        builder.set(1, 2, channel)
        builder.set(otherValues)
        return builder.segment
    }
}
