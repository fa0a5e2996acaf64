import EDICore
import EDISchema

/// The direct JSON writer of the X12 850 (``DirectDocumentJSON``): the purchase order that
/// `X12InboundMapper.purchaseOrder(from:)` maps, written from the segments' bytes.
///
/// It writes the shapes of ``X12PurchaseOrderLayout`` (heading `BEG`, `CUR`, `REF`, `PER`, `ITD`,
/// `DTM`, `TD5`, `N1` loops; `PO1` loops with `PID`, `REF`, `DTM`; `CTT` with `AMT`) with the
/// mapping's rules and code tables, and gives up on anything the mapping would report or read in
/// an unusual way: a missing order number, a date that is not `CCYYMMDD` of a day that exists (or
/// comes with a time), a quantity, price or total that is not a plain number, a line without a
/// quantity, an order that names no ship-to party, bytes that are not plain ASCII (see
/// ``DocumentJSONWriter/plainString(_:)``), an `ITD08` (implied decimals).
struct X12PurchaseOrderJSON {
    let segments: UnsafeTransactionSegments
    let layout: X12PurchaseOrderLayout

    /// Writes the purchase order's JSON (with its `type`) and returns its business key (the outer
    /// optional nil: not handled, the caller rolls back).
    static func write(_ transaction: ValidatedTransaction, to json: inout DocumentJSONWriter) -> String?? {
        // Read in place in the store (views, no owned segment made, no reference counting).
        transaction.segmentStore.withUnsafeSegments { segments -> String?? in
            guard let layout = X12PurchaseOrderLayout(segments) else { return nil }
            let order = X12PurchaseOrderJSON(segments: segments, layout: layout)
            var envelope = DocumentEnvelope(transaction.envelope)
            if envelope.version.isEmpty { envelope.version = transaction.envelope.groupVersion ?? "" }
            guard order.write(envelope: envelope, to: &json) else { return nil }
            return .some(segments.withSegment(at: layout.beginning) { String(decoding: $0.element(3).bytes, as: UTF8.self) })
        }
    }

    /// The order's keys in sorted order, as `PurchaseOrder.writeJSONWithType(to:)` writes them.
    private func write(envelope: DocumentEnvelope, to json: inout DocumentJSONWriter) -> Bool {
        let object = json.beginObject()
        json.emptyArray(#","allowancesCharges":[]"#)
        if !layout.carriers.isEmpty {
            json.key(#","carrier":"#)
            guard carrier(layout.carriers.lowerBound, to: &json) else { return false }
        }
        guard contacts(layout.contacts, to: &json) else { return false }
        if let currency = layout.currency {
            json.key(#","currency":"#)
            guard segments.withSegment(at: currency, { json.plainString($0.element(2).bytes) }) else { return false }
        }
        json.key(#","envelope":"#)
        envelope.writeJSON(to: &json)
        guard lines(to: &json) else { return false }
        json.emptyArray(#","notes":[]"#)
        guard segments.withSegment(at: layout.beginning, { beginning in
            let number = beginning.element(3).bytes
            guard !number.isEmpty else { return false }
            json.key(#","number":"#)
            guard json.plainString(number) else { return false }
            json.key(#","orderDate":"#)
            guard json.isoDate(ccyymmdd: beginning.element(5).bytes) else { return false }
            json.key(#","orderType":"#)
            return json.plainString(beginning.element(2).bytes)
        }) else { return false }
        guard otherDates(layout.dates, naming: .requestedDelivery, .requestedShip, to: &json),
              parties(to: &json) else { return false }
        guard segments.withSegment(at: layout.beginning, { beginning in
            json.key(#","purpose":"#)
            return json.plainString(beginning.element(1).bytes)
        }) else { return false }
        guard references(layout.references, to: &json) else { return false }
        guard segments.withSegment(at: layout.beginning, { beginning in
            let release = beginning.element(4).bytes
            guard !release.isEmpty else { return true }
            json.key(#","releaseNumber":"#)
            return json.plainString(release)
        }) else { return false }
        guard namedDate(layout.dates, .requestedDelivery, key: #","requestedDelivery":"#, to: &json),
              namedDate(layout.dates, .requestedShip, key: #","requestedShip":"#, to: &json) else { return false }
        json.emptyArray(#","taxes":[]"#)
        guard terms(to: &json), totals(to: &json) else { return false }
        json.key(#","type":"#)
        json.text(#""purchaseOrder""#)
        json.endObject(object)
        return true
    }

    /// The lines, one object per `PO1` loop.
    private func lines(to json: inout DocumentJSONWriter) -> Bool {
        let array = json.beginArray(#","lines":[]"#)
        var reader = X12PurchaseOrderLayout.Reader(segments: segments, index: layout.lines.lowerBound, end: layout.lines.upperBound)
        var ordinal = 0
        var schemes = ItemSchemes()
        while reader.index < layout.lines.upperBound {
            let baseline = reader.index
            reader.index += 1
            let runs = reader.lineRuns()
            json.element()
            guard line(baseline, ordinal: ordinal, descriptions: runs.descriptions, references: runs.references,
                       dates: runs.dates, schemes: &schemes, to: &json) else { return false }
            ordinal += 1
        }
        json.endArray(array)
        return true
    }

    /// One line's keys in sorted order, as `PurchaseOrderLine.writeJSON(to:)` writes them.
    private func line(_ baseline: Int, ordinal: Int, descriptions: Range<Int>, references: Range<Int>, dates: Range<Int>,
                      schemes: inout ItemSchemes, to json: inout DocumentJSONWriter) -> Bool {
        segments.withSegment(at: baseline) { po1 in
            let object = json.beginObject()
            json.emptyArray(#","allowancesCharges":[]"#)
            guard description(descriptions, to: &json), items(po1, schemes: &schemes, to: &json) else { return false }
            json.key(#","lineNumber":"#)
            let lineNumber = po1.element(1).bytes
            if lineNumber.isEmpty {
                json.string(String(ordinal + 1))
            } else {
                guard json.plainString(lineNumber) else { return false }
            }
            json.emptyArray(#","notes":[]"#)
            guard otherDates(dates, naming: .requestedDelivery, nil, to: &json) else { return false }
            json.emptyArray(#","parties":[]"#)
            // PO102 is required; PO103 is its unit.
            let quantity = po1.element(2).bytes
            guard !quantity.isEmpty else { return false }
            json.key(#","quantity":"#)
            let quantityObject = json.beginObject()
            let unit = po1.element(3).bytes
            if !unit.isEmpty {
                json.key(#","unit":"#)
                guard self.unit(unit, to: &json) else { return false }
            }
            json.key(#","value":"#)
            guard json.plainNumber(quantity) else { return false }
            json.endObject(quantityObject)
            guard self.references(references, to: &json),
                  namedDate(dates, .requestedDelivery, key: #","requestedDelivery":"#, to: &json) else { return false }
            json.emptyArray(#","taxes":[]"#)
            // PO104 with its basis PO105.
            let price = po1.element(4).bytes
            if !price.isEmpty {
                json.key(#","unitPrice":"#)
                let priceObject = json.beginObject()
                let basis = po1.element(5).bytes
                if !basis.isEmpty {
                    json.key(#","basis":"#)
                    guard json.plainString(basis) else { return false }
                }
                json.key(#","value":"#)
                guard json.plainNumber(price) else { return false }
                json.endObject(priceObject)
            }
            json.endObject(object)
            return true
        }
    }

    /// The first `PID05` of the line, as `description`.
    private func description(_ descriptions: Range<Int>, to json: inout DocumentJSONWriter) -> Bool {
        for index in descriptions {
            let written: Bool? = segments.withSegment(at: index) { pid in
                let text = pid.element(5).bytes
                guard !text.isEmpty else { return nil }
                json.key(#","description":"#)
                return json.plainString(text)
            }
            if let written { return written }
        }
        return true
    }

    /// The `PO106`/`PO107`… pairs with both values, as `items`.
    private func items(_ po1: Segment, schemes: inout ItemSchemes, to json: inout DocumentJSONWriter) -> Bool {
        let array = json.beginArray(#","items":[]"#)
        var position = 6
        while position + 1 <= po1.elementCount {
            let qualifier = po1.element(position).bytes, value = po1.element(position + 1).bytes
            position += 2
            guard !qualifier.isEmpty, !value.isEmpty else { continue }
            json.element()
            let object = json.beginObject()
            json.key(#","qualifier":"#)
            guard json.plainString(qualifier) else { return false }
            json.key(#","scheme":"#)
            json.text(schemes.scheme(of: qualifier).jsonText)
            json.key(#","value":"#)
            guard json.plainString(value) else { return false }
            json.endObject(object)
        }
        json.endArray(array)
        return true
    }

    /// A unit of measure (355) as sent and normalised (``UnitCodes/x12``).
    private func unit(_ code: UnsafeRawBufferPointer, to json: inout DocumentJSONWriter) -> Bool {
        let object = json.beginObject()
        json.key(#","asSent":"#)
        guard json.plainString(code) else { return false }
        json.key(#","normalized":"#)
        if let row = UnitCodes.x12.row(utf8: code) {
            json.string(UnitCodes.x12.rows[row].value)
        } else {
            _ = json.plainString(code)
        }
        json.endObject(object)
        return true
    }
}

/// The item id schemes (``ItemIdSchemeCodes/x12``) of the last four qualifiers (235) looked up: an
/// order uses a few, on every line.
struct ItemSchemes {
    /// Qualifiers of 1 to 3 bytes packed with their length (0: none yet), and their schemes.
    private var keys: (UInt32, UInt32, UInt32, UInt32) = (0, 0, 0, 0)
    private var schemes: (ItemIdScheme, ItemIdScheme, ItemIdScheme, ItemIdScheme) = (.other, .other, .other, .other)
    private var next = 0

    /// The scheme of a qualifier given as its bytes (`.other` when it is not in the table).
    mutating func scheme(of qualifier: UnsafeRawBufferPointer) -> ItemIdScheme {
        guard (1...3).contains(qualifier.count) else { return Self.lookUp(qualifier) }
        var key: UInt32 = 0
        for byte in qualifier { key = key << 8 | UInt32(byte) }
        key |= UInt32(qualifier.count) << 24
        if key == keys.0 { return schemes.0 }
        if key == keys.1 { return schemes.1 }
        if key == keys.2 { return schemes.2 }
        if key == keys.3 { return schemes.3 }
        let scheme = Self.lookUp(qualifier)
        switch next {
        case 0: (keys.0, schemes.0) = (key, scheme)
        case 1: (keys.1, schemes.1) = (key, scheme)
        case 2: (keys.2, schemes.2) = (key, scheme)
        default: (keys.3, schemes.3) = (key, scheme)
        }
        next = (next + 1) & 3
        return scheme
    }

    private static func lookUp(_ qualifier: UnsafeRawBufferPointer) -> ItemIdScheme {
        ItemIdSchemeCodes.x12.row(utf8: qualifier).map { ItemIdSchemeCodes.x12.rows[$0].value } ?? .other
    }
}
