import Foundation
import Testing
import EDICore
@testable import X12

@Suite struct PurchaseOrder850Tests {
    @Test func globexTwoPurchaseOrders() throws {
        let transactions = try X12TestSupport.transactions("Samples/inbox/globex-850-004010-two-pos.edi")
        #expect(transactions.count == 2)
        let order = try PurchaseOrder850(segments: transactions[0])
        #expect(order.purchaseOrderNumber == "4500012345")
        #expect(order.transactionSetPurposeCode == "00")
        #expect(order.purchaseOrderTypeCode == "SA")
        #expect(order.orderDate == "20261123")
        #expect(order.currency?.currencyCode == "USD")
        #expect(order.currency?.entityIdentifierCode == "BY")
        #expect(order.references.map(\.qualifier) == ["DP", "IA"])
        #expect(order.references.map(\.identification) == ["042", "77341"])
        #expect(order.contacts.first?.name == "JANE DOE")
        #expect(order.contacts.first?.communications == [X12Contact.Communication(qualifier: "TE", number: "6145550142")])
        #expect(order.dates.map(\.qualifier) == ["002", "001"])
        #expect(order.dates.map(\.date) == ["20261204", "20261211"])
        let shipTo = try #require(order.shipTo)
        #expect(shipTo.entityIdentifierCode == "ST")
        #expect(shipTo.name == "GLOBEX DC 042")
        #expect(shipTo.identificationCodeQualifier == "92")
        #expect(shipTo.identificationCode == "042")
        #expect(shipTo.addressLines == ["4800 COMMERCE PKWY"])
        #expect(shipTo.city == "COLUMBUS")
        #expect(shipTo.stateOrProvinceCode == "OH")
        #expect(shipTo.postalCode == "43219")
        #expect(shipTo.countryCode == "US")
        #expect(order.billTo?.name == "GLOBEX RETAIL INC")
        #expect(order.lineItems.count == 3)
        let first = order.lineItems[0]
        #expect(first.lineNumber == "1")
        #expect(first.quantity?.decimal == 48)
        #expect(first.unitOfMeasureCode == "EA")
        #expect(first.unitPrice?.text == "12.5")
        #expect(first.unitPrice?.decimal == Decimal(string: "12.5"))
        #expect(first.baseline.basisOfUnitPriceCode == "PE")
        #expect(first.itemIdentifiers == [X12ItemIdentifier(qualifier: "UP", identifier: "876543100015"),
                                          X12ItemIdentifier(qualifier: "VN", identifier: "ACM-1001")])
        #expect(first.description == "WIDGET BLUE 10PK")
        #expect(order.totals?.numberOfLineItems == "3")
        #expect(order.totals?.hashTotal?.decimal == 82)
        // ITD is not named: kept.
        #expect(order.unmappedSegments.isEmpty)
        #expect(order.termsOfSale.first?.netDays?.decimal == 30)
        // Positions point at the segments.
        #expect(first.quantity?.origin.position?.segmentTag == "PO1")
        #expect(first.quantity?.origin.position?.element == 2)
        #expect(order.origin.position?.line == 4)

        let second = try PurchaseOrder850(segments: transactions[1])
        #expect(second.purchaseOrderNumber == "4500012346")
        #expect(second.purchaseOrderTypeCode == "NE")
        #expect(second.shipTo?.identificationCode == "057")
    }

    @Test func globex005010() throws {
        let transaction = try #require(try X12TestSupport.transactions("Samples/inbox/globex-850-005010.edi").first)
        let order = try PurchaseOrder850(segments: transaction)
        #expect(order.purchaseOrderNumber == "4500012400")
        #expect(order.lineItems.count == 2)
        #expect(order.lineItems[1].unitPrice?.decimal == Decimal(string: "8.75"))
        #expect(order.lineItems[1].itemIdentifiers.last?.identifier == "ACM-3005")
        #expect(order.totals?.hashTotal?.text == "120")
    }

    @Test func vicsFixtureKeepsLineSegments() throws {
        let transaction = try #require(try X12TestSupport.transactions("x12/x12_850_004010VICS_nodex12_widgets.edi").first)
        let order = try PurchaseOrder850(segments: transaction)
        #expect(order.purchaseOrderNumber == "08292233294")
        #expect(order.contractNumber == "610385385")
        #expect(order.lineItems.count == 6)
        #expect(order.lineItems[0].unmappedSegments.map(\.segment.tag) == ["PO4"])
        #expect(order.lineItems[5].quantity?.decimal == 696)
        #expect(order.lineItems[5].unitPrice?.decimal == Decimal(string: "9.55"))
        #expect(order.unmappedSegments.map(\.segment.tag) == ["PKG", "PKG"])
        #expect(order.summaryAmounts.first?.qualifier == "1")
        #expect(order.summaryAmounts.first?.amount?.decimal == Decimal(string: "13045.94"))
        #expect(order.carrierRouting.first?.routing == "SEE XYZ RETAIL ROUTING GUIDE")
        #expect(order.shipTo?.identificationCode == "0003947268292")
    }

    @Test func unknownSegmentIsKeptAndWrittenBack() throws {
        let transaction = try #require(try X12TestSupport.transactions("Samples/inbox/globex-850-004010-two-pos.edi").first)
        var values = X12TestSupport.values(transaction)
        // A partner's private segment after the first PO1, and an SAC loop in the heading.
        values.insert(OutgoingSegment("ZZZ", ["PRIVATE", "DATA"]), at: 17)
        values.insert(contentsOf: [OutgoingSegment("SAC", ["A", "C310"]), OutgoingSegment("CUR", ["BY", "USD"])], at: 6)
        values[values.count - 1] = OutgoingSegment("SE", [String(values.count), "0001"])
        let reread = try X12TestSupport.reread(values)
        let order = try PurchaseOrder850(segments: reread)
        #expect(order.lineItems[0].unmappedSegments.map(\.segment.tag) == ["ZZZ"])
        #expect(order.allowancesCharges.map(\.indicator) == ["A"])
        #expect(order.allowancesCharges.first?.code == "C310")
        #expect(order.unmappedSegments.map(\.segment.tag) == ["CUR"])
        #expect(order.currency?.currencyCode == "USD")
        #expect(order.segments(controlNumber: "0001") == values)
    }

    @Test func builtInCode() throws {
        var order = PurchaseOrder850(purchaseOrderNumber: "PO-1", orderDate: "20261129")
        order.parties.append(X12Party(entityIdentifierCode: "ST", name: "DC 1", identificationCodeQualifier: "92",
                                      identificationCode: "001", addressLines: ["1 MAIN ST"], city: "X", stateOrProvinceCode: "OH",
                                      postalCode: "43000", countryCode: "US"))
        order.lineItems.append(X12LineItem(baseline: X12BaselineItem(
            tag: "PO1", assignedIdentification: "1", quantity: X12Amount(Decimal(5)), unitOfMeasureCode: "EA",
            unitPrice: X12Amount(Decimal(string: "1.25")!), basisOfUnitPriceCode: "PE",
            itemIdentifiers: [X12ItemIdentifier(qualifier: "VN", identifier: "A-1")]),
            descriptions: [X12ProductDescription(description: "THING")]))
        order.totals = X12TransactionTotals(numberOfLineItems: 1)
        let segments = order.segments(controlNumber: "0042")
        #expect(segments.map(\.tag) == ["ST", "BEG", "N1", "N3", "N4", "PO1", "PID", "CTT", "SE"])
        #expect(segments.last == OutgoingSegment("SE", ["9", "0042"]))
        #expect(segments[1] == OutgoingSegment("BEG", ["00", "SA", "PO-1", "", "20261129"]))
        #expect(segments[5] == OutgoingSegment("PO1", ["1", "5", "EA", "1.25", "PE", "VN", "A-1"]))
        let reread = try PurchaseOrder850(segments: try X12TestSupport.reread(segments))
        #expect(reread == order)
    }
}
