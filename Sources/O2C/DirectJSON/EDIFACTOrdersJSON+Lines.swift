import EDICore

extension EDIFACTOrdersWriter {
    /// `lines`: each `LIN` group, as `EDIFACTInboundMapper.orderLine` maps it.
    mutating func lines(to json: inout DocumentJSONWriter) {
        let array = json.beginArray(#","lines":[]"#)
        var index = layout.headerEnd
        while index < layout.summaryStart, roles[index] == .line, !failed {
            var next = index + 1
            while next < layout.summaryStart, roles[next] != .line { next += 1 }
            json.element()
            line(index..<next, to: &json)
            index = next
        }
        json.endArray(array)
    }

    /// One line: `LIN` at the group's first segment.
    private mutating func line(_ group: Range<Int>, to json: inout DocumentJSONWriter) {
        let lin = group.lowerBound
        // The quantity: the first QTY 21, else the first; the price: the first PRI AAA, else the
        // first; the amount: the first MOA 203. A line's only QTY or PRI is taken without reading
        // its qualifier.
        var quantities = 0, prices = 0, amounts = 0
        var ordered: Int?, firstQuantity: Int?, net: Int?, firstPrice: Int?, amount: Int?
        for index in group {
            switch roles[index] {
            case .quantity:
                quantities += 1
                if firstQuantity == nil { firstQuantity = index }
            case .price:
                prices += 1
                if firstPrice == nil { firstPrice = index }
            case .amount: amounts += 1
            default: break
            }
        }
        if quantities > 1 || prices > 1 || amounts > 0 {
            for index in group where roles[index] == .quantity || roles[index] == .price || roles[index] == .amount {
                segments.withSegment(at: index) { segment in
                    let qualifier = code(segment.edifactPart(1, 1))
                    switch roles[index] {
                    case .quantity: if ordered == nil, qualifier?.isText("21") == true { ordered = index }
                    case .price: if net == nil, qualifier?.isText("AAA") == true { net = index }
                    default: if amount == nil, qualifier?.isText("203") == true { amount = index }
                    }
                }
            }
        }
        // A line without a QTY is reported by the mapping.
        guard let quantity = ordered ?? firstQuantity else {
            failed = true
            return
        }
        let dates = namedDates(in: group, header: false)
        let object = json.beginObject()
        json.emptyArray(#","allowancesCharges":[]"#)
        if let amount { segments.withSegment(at: amount) { optionalNumber(#","amount":"#, $0.edifactPart(1, 2), to: &json) } }
        description(in: group, to: &json)
        items(in: group, to: &json)
        segments.withSegment(at: lin) { lin in
            // 1082 is required: the mapping reports a line without one.
            let number = lin.edifactPart(1, 1)
            if number == nil { failed = true }
            json.key(#","lineNumber":"#)
            string(number, to: &json)
        }
        notes(in: group, to: &json)
        otherDates(in: group, to: &json)
        json.emptyArray(#","parties":[]"#)
        json.key(#","quantity":"#)
        segments.withSegment(at: quantity) { qty in
            // Without 6060 the mapping writes 0 and drops the unit: not written here.
            let quantity = qty.edifactComponents(1)
            guard let value = quantity[2] else {
                failed = true
                return
            }
            let object = json.beginObject()
            if let unit = code(quantity[3]) { self.unit(unit, to: &json) }
            json.key(#","value":"#)
            number(value, to: &json)
            json.endObject(object)
        }
        references(in: group, role: .reference, dateRole: .referenceDate, to: &json)
        if let date = dates.requestedDelivery {
            json.key(#","requestedDelivery":"#)
            self.date(at: date, to: &json)
        }
        json.emptyArray(#","taxes":[]"#)
        if let price = net ?? firstPrice { segments.withSegment(at: price) { unitPrice($0, to: &json) } }
        json.endObject(object)
    }

    /// `description`: the `IMD` C273 7008 texts of the line, joined by spaces.
    private mutating func description(in group: Range<Int>, to json: inout DocumentJSONWriter) {
        var opened = false
        for index in group where roles[index] == .description {
            segments.withSegment(at: index) { imd in
                appendJoined(imd.edifactComponents(3), 4...5, key: #","description":"#, opened: &opened, to: &json)
            }
        }
        if opened { json.quote() }
    }

    /// `items`: the `LIN` C212, then each C212 of the `PIA`s, those with an item number.
    private mutating func items(in group: Range<Int>, to json: inout DocumentJSONWriter) {
        let array = json.beginArray(#","items":[]"#)
        segments.withSegment(at: group.lowerBound) { item($0, element: 3, to: &json) }
        for index in group where roles[index] == .identification {
            segments.withSegment(at: index) { pia in
                for element in 2...min(6, max(2, pia.elementCount)) { item(pia, element: element, to: &json) }
            }
        }
        json.endArray(array)
    }

    /// One item identifier (C212 7140 with its type 7143), when it has a number.
    private mutating func item(_ segment: Segment, element: Int, to json: inout DocumentJSONWriter) {
        let components = segment.edifactComponents(element)
        guard let number = components[1] else { return }
        let type = code(components[2])
        let scheme = type.map { itemSchemes.value($0) { ItemIdSchemeCodes.edifact.row(utf8: $0).map { ItemIdSchemeCodes.edifact.rows[$0].value } ?? .other } }
        identifier(number, qualifier: type, scheme: (scheme ?? .other).jsonText, to: &json)
    }

    /// `unitPrice`, when the price has a value: 5125 as the basis, 5284 with its unit as `per`.
    private mutating func unitPrice(_ pri: Segment, to json: inout DocumentJSONWriter) {
        let price = pri.edifactComponents(1)
        guard let value = price[2] else { return }
        json.key(#","unitPrice":"#)
        let object = json.beginObject()
        json.key(#","basis":"#)
        string(price[1], to: &json)
        if let basis = price[5] {
            json.key(#","per":"#)
            let per = json.beginObject()
            if let unit = code(price[6]) { self.unit(unit, to: &json) }
            json.key(#","value":"#)
            number(basis, to: &json)
            json.endObject(per)
        }
        json.key(#","value":"#)
        number(value, to: &json)
        json.endObject(object)
    }

    /// `unit`: the 6411 code as sent and normalised (deleted Rec 20 packaging codes to Rec 21).
    private mutating func unit(_ code: UnsafeRawBufferPointer, to json: inout DocumentJSONWriter) {
        json.key(#","unit":"#)
        let object = json.beginObject()
        json.key(#","asSent":"#)
        plainString(code, to: &json)
        json.key(#","normalized":"#)
        // A deleted Rec 20 code's Rec 21 form, else the code as sent ("" here).
        let normalized = units.value(code) { UnitCodes.edifactDeleted.row(utf8: $0).map { UnitCodes.edifactDeleted.rows[$0].value } ?? "" }
        if normalized.isEmpty {
            plainString(code, to: &json)
        } else {
            json.string(normalized)
        }
        json.endObject(object)
    }
}
