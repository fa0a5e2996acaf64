import EDICore

extension EDIFACTOrdersWriter {
    /// `parties`: the `NAD` groups of the header, as `EDIFACTMappingContext.party(_:)` maps them.
    mutating func parties(in range: Range<Int>, to json: inout DocumentJSONWriter) {
        let array = json.beginArray(#","parties":[]"#)
        var index = range.lowerBound
        while index < range.upperBound {
            guard roles[index] == .party else {
                index += 1
                continue
            }
            var groupEnd = index + 1
            while groupEnd < range.upperBound, Self.isPartyMember(roles[groupEnd]) { groupEnd += 1 }
            json.element()
            party(index..<groupEnd, to: &json)
            index = groupEnd
        }
        json.endArray(array)
    }

    private static func isPartyMember(_ role: OrdersSegmentRole) -> Bool {
        role == .partyReference || role == .partyReferenceDate || role == .contact || role == .communication
    }

    /// One party: `NAD` at the group's first segment, then its `RFF` and `CTA` groups.
    private mutating func party(_ group: Range<Int>, to json: inout DocumentJSONWriter) {
        let nad = group.lowerBound
        let object = json.beginObject()
        segments.withSegment(at: nad) { address($0, to: &json) }
        contacts(in: group, to: &json)
        segments.withSegment(at: nad) { nad in
            // C082: 3039 with its agency 3055 (the scheme).
            let identifiers = json.beginArray(#","identifiers":[]"#)
            let identification = nad.edifactComponents(2)
            if let value = identification[1] {
                let agency = code(identification[3])
                let row = agency.flatMap { PartyIdSchemeCodes.edifact.row(utf8: $0) }
                identifier(value, qualifier: agency, scheme: row.map { PartyIdSchemeCodes.edifact.rows[$0].value }?.jsonText ?? PartyIdScheme.other.jsonText,
                           to: &json)
            }
            json.endArray(identifiers)
            name(nad, to: &json)
        }
        references(in: group, role: .partyReference, dateRole: .partyReferenceDate, to: &json)
        segments.withSegment(at: nad) { nad in
            // 3035: the role from the table, else `other:` and the code.
            let qualifier = code(nad.edifactPart(1, 1))
            json.key(#","role":"#)
            if let row = qualifier.flatMap({ PartyRoleCodes.edifact.row(utf8: $0) }) {
                json.string(PartyRoleCodes.edifact.rows[row].value.description)
            } else {
                json.quote()
                json.text("other:")
                if let qualifier, !json.appendPlainText(qualifier, release: nil) { failed = true }
                json.quote()
            }
            json.key(#","roleCode":"#)
            string(nad.edifactPart(1, 1), to: &json)
        }
        json.endObject(object)
    }

    /// `address`, when the `NAD` has a street (C059), city, region, postal code or country.
    private mutating func address(_ nad: Segment, to json: inout DocumentJSONWriter) {
        let street = nad.edifactComponents(5)
        let city = nad.edifactPart(6, 1), region = nad.edifactPart(7, 1)
        let postalCode = nad.edifactPart(8, 1), country = nad.edifactPart(9, 1)
        var hasAddress = city != nil || region != nil || postalCode != nil || country != nil
        for component in 1...4 where street[component] != nil { hasAddress = true }
        guard hasAddress else { return }
        json.key(#","address":"#)
        let object = json.beginObject()
        optionalString(#","city":"#, city, to: &json)
        optionalString(#","country":"#, country, to: &json)
        let lines = json.beginArray(#","lines":[]"#)
        for component in 1...4 {
            guard let line = street[component] else { continue }
            json.element()
            string(line, to: &json)
        }
        json.endArray(lines)
        optionalString(#","postalCode":"#, postalCode, to: &json)
        optionalString(#","region":"#, region, to: &json)
        json.endObject(object)
    }

    /// `name`: the C080 parts joined by spaces, else the first C058 line.
    private mutating func name(_ nad: Segment, to json: inout DocumentJSONWriter) {
        var opened = false
        appendJoined(nad.edifactComponents(4), 1...5, key: #","name":"#, opened: &opened, to: &json)
        if opened { return json.quote() }
        let nameAndAddress = nad.edifactComponents(3)
        for component in 1...5 {
            guard let line = nameAndAddress[component] else { continue }
            return optionalString(#","name":"#, line, to: &json)
        }
    }

    /// `contacts`: each `CTA` of the group, with the number of the first `COM` of each channel
    /// (`TE` phone, `EM` e-mail, `FX` fax) of its own group.
    private mutating func contacts(in group: Range<Int>, to json: inout DocumentJSONWriter) {
        let array = json.beginArray(#","contacts":[]"#)
        for index in group where roles[index] == .contact {
            var phone: Int?, email: Int?, fax: Int?
            var next = index + 1
            while next < group.upperBound, roles[next] == .communication {
                segments.withSegment(at: next) { com in
                    guard let channel = code(com.edifactPart(1, 2)) else { return }
                    if phone == nil, channel.isText("TE") { phone = next }
                    if email == nil, channel.isText("EM") { email = next }
                    if fax == nil, channel.isText("FX") { fax = next }
                }
                next += 1
            }
            json.element()
            let object = json.beginObject()
            if let email { communication(#","email":"#, at: email, to: &json) }
            if let fax { communication(#","fax":"#, at: fax, to: &json) }
            segments.withSegment(at: index) { cta in
                optionalString(#","function":"#, cta.edifactPart(1, 1), to: &json)
                optionalString(#","name":"#, cta.edifactPart(2, 2), to: &json)
            }
            if let phone { communication(#","phone":"#, at: phone, to: &json) }
            json.endObject(object)
        }
        json.endArray(array)
    }

    /// A `COM` number (C076 3148, `""` when absent).
    private mutating func communication(_ key: StaticString, at index: Int, to json: inout DocumentJSONWriter) {
        json.key(key)
        segments.withSegment(at: index) { string($0.edifactPart(1, 1), to: &json) }
    }
}
