import Foundation
import Testing
import EDICore
import X12
@testable import O2C

/// The PO1 / IT1 values the inbound mapper reads straight from a segment's bytes
/// (``X12InboundContext/baseline(_:quantityField:priceField:requiresQuantity:)``) are the ones the
/// typed model's named values give, through the same code tables, with the same findings.
@Suite struct X12BaselineMappingTests {
    /// PO1 elements: plain values; unknown 4-byte unit, unknown and missing qualifiers, non-ASCII
    /// values; numbers that are not; absent numbers; 19 digits and zero; trailing zeros.
    static let baselines: [[String]] = [
        ["1", "481", "LB", "902.48", "PE", "BP", "SKU3633935", "VP", "VP442622", "UP", "033182284256"],
        ["", "12.50", "XYZW", "-3", "", "ZZ", "ÄPFEL-1", "", "NOQUALIFIER", "UP", ""],
        ["7", "4X8", "Ü", "1.2.3", "PE", "ÉN", "1", "SK"],
        ["8", "", "EA", "", "", "EN"],
        ["9", "1234567890123456789", "CA", "0.00", "PE", "IN", "1"],
        ["10", "100", "PC", "000120", "PE", "UK", "10012345678902", "BPX", "LONG-QUALIFIER"],
    ]

    /// Each baseline as read from bytes and as built in code.
    static func items() throws -> [X12BaselineItem] {
        let segments = baselines.map { OutgoingSegment("PO1", $0) }
        let read = try X12MappingTests.reread([OutgoingSegment("ST", ["850", "0001"])] + segments + [OutgoingSegment("SE", ["8", "0001"])])
            .filter { $0.tag == "PO1" }
        #expect(read.count == baselines.count)
        return read.map { X12BaselineItem(segment: X12Segment($0), origin: X12Origin($0.position)) }
            + segments.map { X12BaselineItem(segment: X12Segment($0)) }
    }

    @Test func valuesFromBytesAreTheTypedModels() throws {
        for (offset, item) in try Self.items().enumerated() {
            for requiresQuantity in [false, true] {
                var context = X12InboundContext()
                let mapped = context.baseline(item, quantityField: "PO102", priceField: "PO104", requiresQuantity: requiresQuantity)

                var expectedContext = X12InboundContext()
                let values = item.values
                let quantity = expectedContext.quantity(values.quantity, unit: values.unitOfMeasureCode, field: "PO102", at: nil)
                if requiresQuantity, values.quantity == nil {
                    expectedContext.fail("the line has no quantity", field: "PO102", at: item.origin.element(2))
                }
                let price = expectedContext.decimal(values.unitPrice, field: "PO104")
                    .map { UnitPrice(value: $0, basis: values.basisOfUnitPriceCode) }

                #expect(mapped.lineNumber == values.assignedIdentification, "baseline \(offset)")
                #expect(mapped.items == expectedContext.items(values.itemIdentifiers), "baseline \(offset)")
                #expect(mapped.quantity == quantity, "baseline \(offset)")
                #expect(mapped.quantity.map { Self.bytes($0.value) } == quantity.map { Self.bytes($0.value) }, "baseline \(offset)")
                #expect(mapped.unitPrice == price, "baseline \(offset)")
                #expect(mapped.unitPrice.map { Self.bytes($0.value) } == price.map { Self.bytes($0.value) }, "baseline \(offset)")
                #expect(context.findings == expectedContext.findings, "baseline \(offset)")
            }
        }
    }

    @Test func codesLookedUpFromBytesAreTheTablesCodes() {
        for code in UnitCodes.x12.codes + ItemIdSchemeCodes.x12.codes + ["", "E", "EAX", "ZZZZ", "ea", "Ä"] {
            var text = code
            let unit = text.withUTF8 { UnitCodes.unit(x12UTF8: UnsafeRawBufferPointer($0)) }
            let scheme = text.withUTF8 { ItemIdSchemeCodes.scheme(x12UTF8: UnsafeRawBufferPointer($0)) }
            #expect(unit == UnitCodes.unit(x12: code), "\(code)")
            #expect(scheme.scheme == ItemIdSchemeCodes.scheme(x12: code) && scheme.qualifier == code, "\(code)")
        }
    }

    static func bytes(_ value: Decimal) -> [UInt8] {
        withUnsafeBytes(of: value) { Array($0) }
    }
}
