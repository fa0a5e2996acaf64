import EDICore

extension X12PurchaseOrderJSON {
    /// The `N1` loops of the heading, as `parties` (``Party``, keys sorted); false as well when none
    /// of them says where to deliver (the mapping's finding: `X12InboundMapper.deliversSomewhere(_:)`,
    /// and the direct writer writes no line parties).
    func parties(to json: inout DocumentJSONWriter) -> Bool {
        let array = json.beginArray(#","parties":[]"#)
        var reader = X12PurchaseOrderLayout.Reader(segments: segments, index: layout.parties.lowerBound, end: layout.parties.upperBound)
        var deliversSomewhere = false
        while reader.index < layout.parties.upperBound {
            let name = reader.index
            reader.index += 1
            _ = reader.run("N2")
            let addressLines = reader.run("N3")
            let location = reader.next == "N4" ? reader.index : nil
            if location != nil { reader.index += 1 }
            let references = reader.run("REF"), contacts = reader.run("PER")
            json.element()
            guard segments.withSegment(at: name, { n1 in
                party(n1, addressLines: addressLines, location: location, references: references, contacts: contacts,
                      deliversSomewhere: &deliversSomewhere, to: &json)
            }) else { return false }
        }
        json.endArray(array)
        return deliversSomewhere
    }

    /// One party: `N101` role, `N102` name, `N103`/`N104` identifier, `N3`/`N4` address, `PER`
    /// contacts, `REF` references.
    private func party(_ n1: Segment, addressLines: Range<Int>, location: Int?, references: Range<Int>, contacts: Range<Int>,
                       deliversSomewhere: inout Bool, to json: inout DocumentJSONWriter) -> Bool {
        let role = n1.element(1).bytes, qualifier = n1.element(3).bytes, identifier = n1.element(4).bytes
        if role.elementsEqual("ST".utf8) || role.elementsEqual("BS".utf8) || role.elementsEqual("BY".utf8) && !identifier.isEmpty {
            deliversSomewhere = true
        }
        let object = json.beginObject()
        guard address(addressLines, location: location, to: &json), self.contacts(contacts, to: &json) else { return false }
        let identifiers = json.beginArray(#","identifiers":[]"#)
        if !identifier.isEmpty {
            json.element()
            let identifierObject = json.beginObject()
            if !qualifier.isEmpty {
                json.key(#","qualifier":"#)
                guard json.plainString(qualifier) else { return false }
            }
            json.key(#","scheme":"#)
            json.text(PartyIdSchemeCodes.x12.row(utf8: qualifier).map { PartyIdSchemeCodes.x12.rows[$0].value.jsonText } ?? #""other""#)
            json.key(#","value":"#)
            guard json.plainString(identifier) else { return false }
            json.endObject(identifierObject)
        }
        json.endArray(identifiers)
        let name = n1.element(2).bytes
        if !name.isEmpty {
            json.key(#","name":"#)
            guard json.plainString(name) else { return false }
        }
        guard self.references(references, to: &json) else { return false }
        json.key(#","role":"#)
        if let row = PartyRoleCodes.x12.row(utf8: role) {
            json.string(PartyRoleCodes.x12.rows[row].value.description)
        } else {
            guard json.plainString(role, after: "other:") else { return false }
        }
        json.key(#","roleCode":"#)
        guard json.plainString(role) else { return false }
        json.endObject(object)
        return true
    }

    /// `N301`/`N302` of each `N3` and the first `N4`, as `address` when any of them has a value.
    private func address(_ lines: Range<Int>, location: Int?, to json: inout DocumentJSONWriter) -> Bool {
        var hasAddress = false
        for index in lines where segments.withSegment(at: index, { !$0.element(1).isEmpty || !$0.element(2).isEmpty }) {
            hasAddress = true
            break
        }
        return withOptionalSegment(location) { n4 in
            if let n4, !hasAddress { hasAddress = (1...4).contains { !n4.element($0).isEmpty } }
            guard hasAddress else { return true }
            json.key(#","address":"#)
            let object = json.beginObject()
            guard optionalString(n4, 1, key: #","city":"#, to: &json), optionalString(n4, 4, key: #","country":"#, to: &json) else { return false }
            let array = json.beginArray(#","lines":[]"#)
            for index in lines {
                guard segments.withSegment(at: index, { n3 in
                    for position in 1...2 {
                        let line = n3.element(position).bytes
                        guard !line.isEmpty else { continue }
                        json.element()
                        guard json.plainString(line) else { return false }
                    }
                    return true
                }) else { return false }
            }
            json.endArray(array)
            guard optionalString(n4, 3, key: #","postalCode":"#, to: &json), optionalString(n4, 2, key: #","region":"#, to: &json) else { return false }
            json.endObject(object)
            return true
        }
    }

    /// `PER` segments, as `contacts` (``Contact``): `PER01` function, `PER02` name, and the first
    /// `TE`, `EM` and `FX` numbers of the pairs `PER03`/`PER04` to `PER07`/`PER08`.
    func contacts(_ range: Range<Int>, to json: inout DocumentJSONWriter) -> Bool {
        let array = json.beginArray(#","contacts":[]"#)
        for index in range {
            json.element()
            guard segments.withSegment(at: index, { per in
                var phone = 0, email = 0, fax = 0
                for position in stride(from: 3, through: 7, by: 2) {
                    let qualifier = per.element(position).bytes
                    guard !qualifier.isEmpty, !per.element(position + 1).isEmpty else { continue }
                    if phone == 0, qualifier.elementsEqual("TE".utf8) { phone = position + 1 }
                    if email == 0, qualifier.elementsEqual("EM".utf8) { email = position + 1 }
                    if fax == 0, qualifier.elementsEqual("FX".utf8) { fax = position + 1 }
                }
                let object = json.beginObject()
                guard optionalString(per, email, key: #","email":"#, to: &json),
                      optionalString(per, fax, key: #","fax":"#, to: &json),
                      optionalString(per, 1, key: #","function":"#, to: &json),
                      optionalString(per, 2, key: #","name":"#, to: &json),
                      optionalString(per, phone, key: #","phone":"#, to: &json) else { return false }
                json.endObject(object)
                return true
            }) else { return false }
        }
        json.endArray(array)
        return true
    }

    /// `REF` segments, as `references` (``Reference``): `REF01` qualifier, `REF02` value (both
    /// written empty when empty), `REF03` description.
    func references(_ range: Range<Int>, to json: inout DocumentJSONWriter) -> Bool {
        let array = json.beginArray(#","references":[]"#)
        for index in range {
            json.element()
            guard segments.withSegment(at: index, { ref in
                let object = json.beginObject()
                guard optionalString(ref, 3, key: #","description":"#, to: &json) else { return false }
                json.key(#","qualifier":"#)
                guard json.plainString(ref.element(1).bytes) else { return false }
                json.key(#","value":"#)
                guard json.plainString(ref.element(2).bytes) else { return false }
                json.endObject(object)
                return true
            }) else { return false }
        }
        json.endArray(array)
        return true
    }

    /// The first `TD5`, as `carrier` (``Carrier``): `TD501` routing sequence, `TD503` SCAC when
    /// `TD502` is `2`, `TD504` transport method, `TD505` routing.
    func carrier(_ index: Int, to json: inout DocumentJSONWriter) -> Bool {
        segments.withSegment(at: index) { td5 in
            let object = json.beginObject()
            json.emptyArray(#","instructions":[]"#)
            guard optionalString(td5, 5, key: #","routing":"#, to: &json),
                  optionalString(td5, 1, key: #","routingSequence":"#, to: &json),
                  optionalString(td5, td5.element(2).equals("2") ? 3 : 0, key: #","scac":"#, to: &json),
                  optionalString(td5, 4, key: #","transportMethod":"#, to: &json) else { return false }
            json.endObject(object)
            return true
        }
    }

    /// An element's value under its key, nothing when the element is empty (or `position` is 0).
    func optionalString(_ segment: Segment?, _ position: Int, key: StaticString, to json: inout DocumentJSONWriter) -> Bool {
        guard let segment, position > 0 else { return true }
        let value = segment.element(position).bytes
        guard !value.isEmpty else { return true }
        json.key(key)
        return json.plainString(value)
    }

    /// Calls `body` with the view of the segment at `index`, or with nil.
    func withOptionalSegment<Result>(_ index: Int?, _ body: (Segment?) -> Result) -> Result {
        guard let index else { return body(nil) }
        return segments.withSegment(at: index) { body($0) }
    }
}
