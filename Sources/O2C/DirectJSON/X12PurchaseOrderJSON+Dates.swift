import EDICore

extension X12PurchaseOrderJSON {
    /// The role of a `DTM01` qualifier (``DateQualifierCodes/x12``).
    private static func role(_ qualifier: UnsafeRawBufferPointer) -> DateRole? {
        DateQualifierCodes.x12.row(utf8: qualifier).map { DateQualifierCodes.x12.rows[$0].value }
    }

    /// `DTM`s as `otherDates` (``QualifiedDate``): every one but the first of each named role, as
    /// `X12InboundContext.dates(_:naming:_:)` sorts them. False for a `DTM` the mapping would report
    /// or read otherwise: a date that is not `CCYYMMDD` of a day that exists, a time (`DTM03`), or no date.
    func otherDates(_ range: Range<Int>, naming first: DateRole, _ second: DateRole?, to json: inout DocumentJSONWriter) -> Bool {
        let array = json.beginArray(#","otherDates":[]"#)
        var firstNamed = false, secondNamed = false
        for index in range {
            guard segments.withSegment(at: index, { dtm in
                let qualifier = dtm.element(1).bytes
                let role = Self.role(qualifier)
                if role == first, !firstNamed {
                    firstNamed = true
                    return true
                }
                if let second, role == second, !secondNamed {
                    secondNamed = true
                    return true
                }
                guard dtm.element(3).isEmpty else { return false }
                json.element()
                let object = json.beginObject()
                json.key(#","date":"#)
                guard json.isoDate(ccyymmdd: dtm.element(2).bytes) else { return false }
                json.key(#","qualifier":"#)
                guard json.plainString(qualifier) else { return false }
                json.endObject(object)
                return true
            }) else { return false }
        }
        json.endArray(array)
        return true
    }

    /// The date of the first `DTM` with a role under its key (nothing when there is none); false as
    /// ``otherDates(_:naming:_:to:)`` says.
    func namedDate(_ range: Range<Int>, _ role: DateRole, key: StaticString, to json: inout DocumentJSONWriter) -> Bool {
        for index in range {
            let written: Bool? = segments.withSegment(at: index) { dtm in
                guard Self.role(dtm.element(1).bytes) == role else { return nil }
                guard dtm.element(3).isEmpty else { return false }
                json.key(key)
                return json.isoDate(ccyymmdd: dtm.element(2).bytes)
            }
            if let written { return written }
        }
        return true
    }

    /// `ITD`s as `terms` (``PaymentTerms``), as `X12InboundContext.terms(_:)` maps them; false for
    /// an `ITD08` discount amount (implied decimals) and for values the mapping would report.
    func terms(to json: inout DocumentJSONWriter) -> Bool {
        let array = json.beginArray(#","terms":[]"#)
        for index in layout.terms {
            json.element()
            guard segments.withSegment(at: index, { itd in
                guard itd.element(8).isEmpty else { return false }
                let object = json.beginObject()
                guard optionalString(itd, 2, key: #","basisDateCode":"#, to: &json),
                      optionalString(itd, 12, key: #","description":"#, to: &json),
                      optional(itd, 5, .integer, key: #","discountDays":"#, to: &json),
                      optional(itd, 4, .date, key: #","discountDueDate":"#, to: &json),
                      optional(itd, 3, .number, key: #","discountPercent":"#, to: &json),
                      optional(itd, 7, .integer, key: #","netDays":"#, to: &json),
                      optional(itd, 6, .date, key: #","netDueDate":"#, to: &json),
                      optionalString(itd, 1, key: #","type":"#, to: &json) else { return false }
                json.endObject(object)
                return true
            }) else { return false }
        }
        json.endArray(array)
        return true
    }

    /// `CTT` with the `AMT`s of its loop, as `totals` (``PurchaseOrderTotals``): the amount of the
    /// first `AMT` qualified `TT` or `1`, `CTT01` line count, `CTT02` hash total.
    func totals(to json: inout DocumentJSONWriter) -> Bool {
        guard let totals = layout.totals else { return true }
        json.key(#","totals":"#)
        let object = json.beginObject()
        for index in layout.amounts {
            let written: Bool? = segments.withSegment(at: index) { amt in
                let qualifier = amt.element(1).bytes
                guard qualifier.elementsEqual("TT".utf8) || qualifier.elementsEqual("1".utf8) else { return nil }
                return optional(amt, 2, .number, key: #","amount":"#, to: &json)
            }
            if let written {
                guard written else { return false }
                break
            }
        }
        guard segments.withSegment(at: totals, { ctt in
            optional(ctt, 1, .integer, key: #","lineCount":"#, to: &json)
                && optional(ctt, 2, .number, key: #","quantityTotal":"#, to: &json)
        }) else { return false }
        json.endObject(object)
        return true
    }

    /// How ``optional(_:_:_:key:to:)`` writes a value.
    private enum Value {
        /// ``DocumentJSONWriter/plainInteger(_:)``.
        case integer
        /// ``DocumentJSONWriter/plainNumber(_:)``.
        case number
        /// ``DocumentJSONWriter/isoDate(ccyymmdd:)``.
        case date
    }

    /// An element's value under its key (nothing when the element is empty); false when the value
    /// is not one `value` writes.
    private func optional(_ segment: Segment, _ position: Int, _ value: Value, key: StaticString,
                          to json: inout DocumentJSONWriter) -> Bool {
        let bytes = segment.element(position).bytes
        guard !bytes.isEmpty else { return true }
        json.key(key)
        switch value {
        case .integer: return json.plainInteger(bytes)
        case .number: return json.plainNumber(bytes)
        case .date: return json.isoDate(ccyymmdd: bytes)
        }
    }
}
