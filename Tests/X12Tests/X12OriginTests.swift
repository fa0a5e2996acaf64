import Testing
import EDICore
@testable import X12

/// Origins keep a segment's handle and build the position only when asked: the positions must be
/// the ones built eagerly before.
@Suite struct X12OriginTests {
    @Test func readOriginsGiveTheSegmentsPositions() throws {
        let transactions = try X12TestSupport.transactions("Samples/inbox/globex-850-004010-two-pos.edi")
        let segments = transactions[0]
        let order = try PurchaseOrder850(segments: segments)
        let beginning = try #require(segments.first { $0.tag == "BEG" })
        #expect(order.origin.position == beginning.position)
        #expect(order.origin.element(3) == beginning.position.at(element: 3))
        #expect(order.origin.element(3, component: 2) == beginning.position.at(element: 3, component: 2))

        let po1 = try #require(segments.first { $0.tag == "PO1" })
        let line = try #require(order.lineItems.first)
        #expect(line.baseline.origin.position == po1.position)
        #expect(line.quantity?.origin.position == po1.position.at(element: 2))
        #expect(line.unitPrice?.origin.position == po1.position.at(element: 4))
        // Narrowing a narrowed origin narrows the segment's position again.
        #expect(line.quantity?.origin.element(4) == po1.position.at(element: 4))
        let dtm = try #require(segments.first { $0.tag == "DTM" })
        #expect(order.dates.first?.datePosition == dtm.position.at(element: 2))
        #expect(order.dates.first?.datePosition?.segmentTag == "DTM")
    }

    @Test func givenAndBuiltOrigins() {
        #expect(X12Origin().position == nil)
        #expect(X12Origin().element(2) == nil)
        let given = EDIPosition(byteOffset: 120, line: 3, column: 1, segmentIndex: 4, segmentIndexInTransaction: 2, segmentTag: "REF")
        var origin = X12Origin(given)
        #expect(origin.position == given)
        #expect(origin.element(2, component: 1) == given.at(element: 2, component: 1))
        origin.position = nil
        #expect(origin.position == nil)
        origin.position = given.at(element: 5)
        #expect(origin.position?.element == 5)
        #expect(origin.description == given.at(element: 5).description)
    }
}
