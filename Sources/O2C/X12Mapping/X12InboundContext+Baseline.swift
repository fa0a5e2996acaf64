import X12

/// The values of a PO1 / IT1 baseline item as the internal documents hold them.
struct MappedBaselineItem {
    /// 01 assigned identification, as sent.
    var lineNumber: String?
    /// 06/07 … product identifiers.
    var items: [ItemIdentifier]
    /// 02 quantity with the 03 unit (nil when absent or not a number).
    var quantity: Quantity?
    /// 04 unit price with the 05 basis (nil when absent or not a number).
    var unitPrice: UnitPrice?
}

extension X12InboundContext {
    /// A PO1 / IT1 segment read in one pass, codes and numbers straight from its bytes (no typed
    /// model strings or amounts in between). A quantity or price that is not a number is a finding
    /// at its element (quantity first); so is a missing quantity when `requiresQuantity`.
    mutating func baseline(_ item: X12BaselineItem, quantityField: String, priceField: String,
                           requiresQuantity: Bool) -> MappedBaselineItem {
        var lineNumber: String?, items: [ItemIdentifier] = [], basis: String?, unit: UnitOfMeasure?
        var quantity = X12Number.absent, price = X12Number.absent
        item.reading { reading in
            lineNumber = reading[element: 1]
            quantity = reading.number(2)
            unit = reading.code(3, bytes: UnitCodes.unit(x12UTF8:), text: UnitCodes.unit(x12:))
            price = reading.number(4)
            basis = reading[element: 5]
            items = Self.items(reading, from: 6)
        }
        var mappedQuantity: Quantity?
        switch quantity {
        case .number(let value): mappedQuantity = Quantity(value: value, unit: unit)
        case .notANumber(let text): fail("\"\(text)\" is not a number", field: quantityField, at: item.origin.element(2))
        case .absent:
            if requiresQuantity { fail("the line has no quantity", field: quantityField, at: item.origin.element(2)) }
        }
        var unitPrice: UnitPrice?
        switch price {
        case .number(let value): unitPrice = UnitPrice(value: value, basis: basis)
        case .notANumber(let text): fail("\"\(text)\" is not a number", field: priceField, at: item.origin.element(4))
        case .absent: break
        }
        return MappedBaselineItem(lineNumber: lineNumber, items: items, quantity: mappedQuantity, unitPrice: unitPrice)
    }

    /// The non-empty 235/234 pairs from an element on, as item identifiers.
    private static func items(_ reading: X12SegmentReading, from first: Int) -> [ItemIdentifier] {
        let count = reading.elementCount
        guard count > first else { return [] }
        var items: [ItemIdentifier] = []
        items.reserveCapacity((count - first + 1) / 2)
        var position = first
        while position + 1 <= count {
            if let qualifier = reading.code(position, bytes: ItemIdSchemeCodes.scheme(x12UTF8:),
                                            text: { (scheme: ItemIdSchemeCodes.scheme(x12: $0), qualifier: $0) }),
               let value = reading[element: position + 1] {
                items.append(ItemIdentifier(scheme: qualifier.scheme, qualifier: qualifier.qualifier, value: value))
            }
            position += 2
        }
        return items
    }
}

extension X12SegmentReading {
    /// A code element looked up from its bytes when they can be read as they are, else from its
    /// decoded text; nil when absent or empty.
    fileprivate func code<Value>(_ position: Int, bytes: (UnsafeRawBufferPointer) -> Value, text: (String) -> Value) -> Value? {
        if let raw = asciiBytes(ofElement: position) { return bytes(raw) }
        return self[element: position].map(text)
    }
}
