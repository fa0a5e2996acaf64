import EDICore
import EDISchema

/// The direct JSON writer of the EDIFACT ORDERS (``DirectDocumentJSON``): the bytes of
/// `EDIFACTInboundMapper.purchaseOrder(from:)`'s purchase order, written from the segments.
///
/// It handles the shapes of D96A and D01B orders — `BGM`, header `DTM`, `FTX`, `RFF` (+`DTM`),
/// `NAD` groups with `RFF` (+`DTM`) and `CTA` (+`COM`), `CUX`, `LIN` groups with `PIA`, `IMD`,
/// `QTY`, `DTM`, `MOA`, `FTX`, `PRI`, `RFF` (+`DTM`), and `UNS`, `MOA`, `CNT` — with the mapping's
/// rules (first `QTY` 21 else the first, first `PRI` AAA else the first, the first date of each
/// role named, the others in `otherDates`, the code tables). It gives up on anything else: a
/// segment it does not map (`TAX`, `PAT`, `ALC`, `LOC`…) or that the model keeps unmapped, a value
/// the mapping would report (a date that does not exist or in another format, a number that is
/// not a plain `[-]digits[.digits]`, a missing line number, document number or quantity), a code
/// with a release character, any byte that is not plain printable ASCII.
enum EDIFACTOrdersJSON {
    /// Writes the purchase order's JSON (with its `type`) and returns its business key (the outer
    /// optional nil: not handled, the caller rolls back).
    static func write(_ transaction: ValidatedTransaction, to json: inout DocumentJSONWriter) -> String?? {
        guard transaction.segmentStore.count >= 3 else { return nil }
        // The segments read in place in the store (views, no owned segment made, no reference counting).
        return transaction.segmentStore.withUnsafeSegments { segments -> String?? in
            withUnsafeTemporaryAllocation(of: OrdersSegmentRole.self, capacity: segments.count) { roles -> String?? in
                guard let layout = OrdersLayout(segments, roles: roles) else { return nil }
                var writer = EDIFACTOrdersWriter(segments: segments, roles: roles, layout: layout)
                guard let number = writer.write(DocumentEnvelope(transaction.envelope), to: &json) else { return nil }
                return .some(number)
            }
        }
    }
}

/// Writes one ORDERS message's purchase order from its segments and their roles, key by key in
/// the generated writer's order; ``failed`` once anything is not written as the model path would.
struct EDIFACTOrdersWriter {
    /// The message's segments, `UNH` to `UNT`.
    let segments: UnsafeTransactionSegments
    let roles: UnsafeMutableBufferPointer<OrdersSegmentRole>
    let layout: OrdersLayout
    /// Set when a value cannot be written as the model path writes it: the document is given up.
    var failed = false
    /// The last item types (7143) and units (6411) looked up: lines repeat the same few.
    var itemSchemes = CodeCache<ItemIdScheme>()
    var units = CodeCache<String>()

    /// The header dates the purchase order names (the first of each role with a value).
    struct NamedDates {
        var document: Int?
        var requestedDelivery: Int?
        var requestedShip: Int?
    }

    /// Writes the purchase order; its number (the business key), nil when given up.
    mutating func write(_ envelope: DocumentEnvelope, to json: inout DocumentJSONWriter) -> String? {
        guard isOrders(), let number = documentNumber() else { return nil }
        let header = 2..<layout.headerEnd
        let dates = namedDates(in: header, header: true)
        guard !failed else { return nil }
        let object = json.beginObject()
        json.emptyArray(#","allowancesCharges":[]"#)
        json.emptyArray(#","contacts":[]"#)
        if let currency = header.first(where: { roles[$0] == .currency }) {
            segments.withSegment(at: currency) { optionalString(#","currency":"#, $0.edifactPart(1, 2), to: &json) }
        }
        json.key(#","envelope":"#)
        envelope.writeJSON(to: &json)
        lines(to: &json)
        guard !failed else { return nil }
        notes(in: header, to: &json)
        segments.withSegment(at: 1) { bgm in
            json.key(#","number":"#)
            string(bgm.edifactPart(2, 1), to: &json)
        }
        if let date = dates.document {
            json.key(#","orderDate":"#)
            self.date(at: date, to: &json)
        }
        segments.withSegment(at: 1) { optionalString(#","orderType":"#, $0.edifactPart(1, 1), to: &json) }
        otherDates(in: header, to: &json)
        parties(in: header, to: &json)
        segments.withSegment(at: 1) { optionalString(#","purpose":"#, $0.edifactPart(3, 1), to: &json) }
        references(in: header, role: .reference, dateRole: .referenceDate, to: &json)
        if let date = dates.requestedDelivery {
            json.key(#","requestedDelivery":"#)
            self.date(at: date, to: &json)
        }
        if let date = dates.requestedShip {
            json.key(#","requestedShip":"#)
            self.date(at: date, to: &json)
        }
        json.emptyArray(#","taxes":[]"#)
        json.emptyArray(#","terms":[]"#)
        totals(to: &json)
        json.key(#","type":"#)
        json.text(#""purchaseOrder""#)
        json.endObject(object)
        return failed ? nil : number
    }

    /// Whether `UNH` S009 0065 is `ORDERS`, as the typed model requires.
    private mutating func isOrders() -> Bool {
        segments.withSegment(at: 0) { unh in code(unh.edifactPart(2, 1))?.isText("ORDERS") ?? false } && !failed
    }

    /// `BGM` 1004 (element 2, component 1 in both directories) as the model decodes it; nil when
    /// missing (the mapping reports it).
    private func documentNumber() -> String? {
        segments.withSegment(at: 1) { bgm in
            guard let part = bgm.edifactPart(2, 1) else { return nil }
            guard let release = part.release else { return String(decoding: part.bytes, as: UTF8.self) }
            return String(decoding: ElementView.unescaped(part.bytes, release: release), as: UTF8.self)
        }
    }

    // MARK: Header

    /// Finds the dates of `range` the document names (header: 137, 2, 10; line: 2) — the first
    /// with a value of each — and marks the others `otherDate` (those without a value, which the
    /// mapping skips, `structure`).
    mutating func namedDates(in range: Range<Int>, header: Bool) -> NamedDates {
        var named = NamedDates()
        for index in range where roles[index] == .date {
            segments.withSegment(at: index) { dtm in
                let date = dtm.edifactComponents(1)
                guard date[2] != nil else {
                    roles[index] = .structure
                    return
                }
                let role = code(date[1]).flatMap { DateQualifierCodes.edifact.row(utf8: $0) }
                    .map { DateQualifierCodes.edifact.rows[$0].value }
                switch role {
                case .documentDate? where header && named.document == nil: named.document = index
                case .requestedDelivery? where named.requestedDelivery == nil: named.requestedDelivery = index
                case .requestedShip? where header && named.requestedShip == nil: named.requestedShip = index
                default: roles[index] = .otherDate
                }
            }
        }
        return named
    }

    /// `otherDates`: the `otherDate` segments of `range`.
    mutating func otherDates(in range: Range<Int>, to json: inout DocumentJSONWriter) {
        let array = json.beginArray(#","otherDates":[]"#)
        for index in range where roles[index] == .otherDate {
            json.element()
            let object = json.beginObject()
            json.key(#","date":"#)
            date(at: index, to: &json)
            json.key(#","qualifier":"#)
            segments.withSegment(at: index) { string($0.edifactPart(1, 1), to: &json) }
            json.endObject(object)
        }
        json.endArray(array)
    }

    /// A `DTM` value as ISO 8601.
    mutating func date(at index: Int, to json: inout DocumentJSONWriter) {
        segments.withSegment(at: index) { dtm in
            let date = dtm.edifactComponents(1)
            guard let value = date[2], !value.isReleased, json.edifactDate(value.bytes, format: code(date[3])) else {
                failed = true
                return
            }
        }
    }

    /// `notes`: the `FTX` segments of `range` — subject 4451 as the qualifier, the C108 lines
    /// joined by spaces.
    mutating func notes(in range: Range<Int>, to json: inout DocumentJSONWriter) {
        let array = json.beginArray(#","notes":[]"#)
        for index in range where roles[index] == .freeText {
            json.element()
            segments.withSegment(at: index) { ftx in
                let object = json.beginObject()
                optionalString(#","qualifier":"#, ftx.edifactPart(1, 1), to: &json)
                json.key(#","text":"#)
                json.quote()
                let lines = ftx.edifactComponents(4)
                var first = true
                for component in 1...5 {
                    guard let line = lines[component] else { continue }
                    if !first { json.text(" ") }
                    first = false
                    text(line, to: &json)
                }
                json.quote()
                json.endObject(object)
            }
        }
        json.endArray(array)
    }

    /// `references`: the `role` segments of `range`, each with the ISO date of the first `DTM` of
    /// its group (when that one has a value; the others are not read).
    mutating func references(in range: Range<Int>, role: OrdersSegmentRole, dateRole: OrdersSegmentRole,
                             to json: inout DocumentJSONWriter) {
        let array = json.beginArray(#","references":[]"#)
        for index in range where roles[index] == role {
            json.element()
            let object = json.beginObject()
            if index + 1 < range.upperBound, roles[index + 1] == dateRole,
               segments.withSegment(at: index + 1, { $0.edifactPart(1, 2) != nil }) {
                json.key(#","date":"#)
                date(at: index + 1, to: &json)
            }
            segments.withSegment(at: index) { rff in
                let reference = rff.edifactComponents(1)
                json.key(#","qualifier":"#)
                string(reference[1], to: &json)
                json.key(#","value":"#)
                string(reference[2], to: &json)
            }
            json.endObject(object)
        }
        json.endArray(array)
    }

    /// `totals`, when the summary has a `CNT` or `MOA`: `CNT` 2 as the line count, `CNT` 1 as the
    /// quantity total, `MOA` 79 (else 86) as the amount — the first of each.
    mutating func totals(to json: inout DocumentJSONWriter) {
        var lineCount: Int?, quantityTotal: Int?, lineItemsAmount: Int?, totalAmount: Int?
        var any = false
        for index in layout.summaryStart..<layout.end where roles[index] == .total || roles[index] == .controlTotal {
            any = true
            segments.withSegment(at: index) { segment in
                guard let qualifier = code(segment.edifactPart(1, 1)) else { return }
                if roles[index] == .controlTotal {
                    if lineCount == nil, qualifier.isText("2") { lineCount = index }
                    if quantityTotal == nil, qualifier.isText("1") { quantityTotal = index }
                } else {
                    if lineItemsAmount == nil, qualifier.isText("79") { lineItemsAmount = index }
                    if totalAmount == nil, qualifier.isText("86") { totalAmount = index }
                }
            }
        }
        guard any else { return }
        json.key(#","totals":"#)
        let object = json.beginObject()
        if let amount = lineItemsAmount ?? totalAmount {
            segments.withSegment(at: amount) { optionalNumber(#","amount":"#, $0.edifactPart(1, 2), to: &json) }
        }
        if let lineCount {
            segments.withSegment(at: lineCount) { cnt in
                guard let value = cnt.edifactPart(1, 2) else { return }
                json.key(#","lineCount":"#)
                if value.isReleased || !json.plainInteger(value.bytes) { failed = true }
            }
        }
        if let quantityTotal {
            segments.withSegment(at: quantityTotal) { optionalNumber(#","quantityTotal":"#, $0.edifactPart(1, 2), to: &json) }
        }
        json.endObject(object)
    }

    // MARK: Values

    /// A code as sent, to compare or look up: nil when empty; one with a release character gives up.
    mutating func code(_ part: EDIFACTPart?) -> UnsafeRawBufferPointer? {
        guard let part else { return nil }
        if part.isReleased { failed = true }
        return part.bytes
    }

    /// A value's text inside a string being written, release characters removed.
    mutating func text(_ part: EDIFACTPart, to json: inout DocumentJSONWriter) {
        if !json.appendPlainText(part.bytes, release: part.release) { failed = true }
    }

    /// A value as a string, `""` when absent (a `String` the model defaults to empty); one without
    /// a release character checked and copied in one pass.
    mutating func string(_ part: EDIFACTPart?, to json: inout DocumentJSONWriter) {
        if let part, !part.isReleased { return plainString(part.bytes, to: &json) }
        json.quote()
        if let part { text(part, to: &json) }
        json.quote()
    }

    /// A key and its string value, nothing when the value is absent.
    mutating func optionalString(_ key: StaticString, _ part: EDIFACTPart?, to json: inout DocumentJSONWriter) {
        guard let part else { return }
        json.key(key)
        string(part, to: &json)
    }

    /// Appends the parts of `components` at `positions` that are there to a text joined by spaces
    /// (the model path's `joined(separator: " ")`), writing `key` and the opening quote before the
    /// first part; `opened` says whether that is done, and the caller closes the quote when it is.
    mutating func appendJoined(_ components: EDIFACTComponents, _ positions: ClosedRange<Int>, key: StaticString,
                               opened: inout Bool, to json: inout DocumentJSONWriter) {
        for position in positions {
            guard let part = components[position] else { continue }
            if opened {
                json.text(" ")
            } else {
                json.key(key)
                json.quote()
                opened = true
            }
            text(part, to: &json)
        }
    }

    /// One identifier object of an array (``ItemIdentifier``, ``PartyIdentifier``): its qualifier
    /// code when sent, its scheme (the JSON text of the scheme the qualifier maps to) and its value.
    mutating func identifier(_ value: EDIFACTPart, qualifier: UnsafeRawBufferPointer?, scheme: StaticString,
                             to json: inout DocumentJSONWriter) {
        json.element()
        let object = json.beginObject()
        if let qualifier {
            json.key(#","qualifier":"#)
            plainString(qualifier, to: &json)
        }
        json.key(#","scheme":"#)
        json.text(scheme)
        json.key(#","value":"#)
        string(value, to: &json)
        json.endObject(object)
    }

    /// A number as the model path writes its `Decimal`.
    mutating func number(_ part: EDIFACTPart, to json: inout DocumentJSONWriter) {
        if part.isReleased || !json.plainNumber(part.bytes) { failed = true }
    }

    /// A key and its number, nothing when the value is absent.
    mutating func optionalNumber(_ key: StaticString, _ part: EDIFACTPart?, to json: inout DocumentJSONWriter) {
        guard let part else { return }
        json.key(key)
        number(part, to: &json)
    }

    /// Bytes known to hold no release character (a code) as a string.
    mutating func plainString(_ bytes: UnsafeRawBufferPointer, to json: inout DocumentJSONWriter) {
        if !json.plainString(bytes) { failed = true }
    }
}

/// The values of the last two codes of up to three bytes looked up in a code table, so that the
/// codes every line repeats (`EN`, `SA`, `PCE`) are not searched for again.
struct CodeCache<Value> {
    private var keys: (UInt32, UInt32) = (0, 0)
    private var values: (Value?, Value?) = (nil, nil)
    private var next = false

    /// A code of one to three bytes as one integer (its length in the top byte); nil otherwise.
    static func key(_ code: UnsafeRawBufferPointer) -> UInt32? {
        guard (1...3).contains(code.count) else { return nil }
        var key: UInt32 = 0
        for byte in code { key = key << 8 | UInt32(byte) }
        return key | UInt32(code.count) << 24
    }

    /// The value of `code`: from the cache, else `lookUp(code)` (kept when the code is short).
    mutating func value(_ code: UnsafeRawBufferPointer, _ lookUp: (UnsafeRawBufferPointer) -> Value) -> Value {
        guard let key = Self.key(code) else { return lookUp(code) }
        if key == keys.0, let value = values.0 { return value }
        if key == keys.1, let value = values.1 { return value }
        let value = lookUp(code)
        if next {
            keys.1 = key
            values.1 = value
        } else {
            keys.0 = key
            values.0 = value
        }
        next.toggle()
        return value
    }
}
