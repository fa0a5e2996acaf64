import Foundation
import Testing
import EDICore
import EDISchema
@testable import EDIFACT
import TestSupport

/// ORDRSP, DESADV, INVOIC, REMADV and CONTRL from the samples: key values against the segments,
/// and the written segments read back to the same model.
@Suite struct MessageModelTests {
    @Test func orderResponse() throws {
        let transaction = try EDIFACTTestSupport.sample("edi-outbound-examples/acme-ORDRSP-D96A-to-initech.edi")[0]
        let message = try OrderResponseMessage(segments: transaction.segments)
        #expect(message.documentNumber == "OR-2026-0481")
        #expect(message.beginning.documentNameCode == "231")
        #expect(message.responseFunction == "29")
        #expect(message.orderNumber == "PO-2026-0481")
        #expect(message.references[0].dates == [EDIFACTDate(qualifier: "171", value: "20261124", format: "102")])
        #expect(message.lineItems.map(\.actionCode) == ["5", "5", "5"])
        #expect(message.lineItems[1].date("2")?.value == "20261208")
        #expect(message.lineItems[1].quantity("21")?.text == "60")
        try expectRoundTrip(transaction) { try OrderResponseMessage(segments: $0) } write: { $0.segments(messageReference: "1") }
    }

    @Test func despatchAdviceTree() throws {
        let transaction = try EDIFACTTestSupport.sample("edi-outbound-examples/acme-DESADV-D96A-to-initech.edi")[0]
        let message = try DespatchAdviceMessage(segments: transaction.segments)
        #expect(message.documentNumber == "DES-2026-7710")
        #expect(message.despatchDate?.value == "20261205")
        #expect(message.deliveryDate?.qualifier == "17")
        #expect(message.orderNumber == "PO-2026-0481")
        #expect(message.packingSequences.map(\.hierarchicalId) == ["1", "2", "3"])
        let roots = message.roots
        #expect(roots.map(\.hierarchicalId) == ["1"])
        #expect(roots[0].packages == [EDIFACTPackage(numberOfPackages: "2", packageType: "PX")])
        let pallets = message.children(of: roots[0])
        #expect(pallets.map(\.hierarchicalId) == ["2", "3"])
        #expect(pallets[0].packages[0].identifications[0].markingInstructions == "24")
        #expect(pallets[0].packages[0].serialShippingContainerCodes == ["008765430000002012"])
        #expect(pallets[1].packages[0].serialShippingContainerCodes == ["008765430000002029"])
        #expect(pallets[0].lineItems.map { $0.quantity("12")?.text } == ["120", "60"])
        #expect(message.allLineItems.count == 3)
        #expect(message.body.controlTotal("2")?.text == "3")
        try expectRoundTrip(transaction) { try DespatchAdviceMessage(segments: $0) } write: { $0.segments(messageReference: "1") }
    }

    @Test func invoice() throws {
        let transaction = try EDIFACTTestSupport.sample("edi-outbound-examples/acme-INVOIC-D96A-to-initech.edi")[0]
        let message = try InvoiceMessage(segments: transaction.segments)
        #expect(message.documentNumber == "91000017")
        #expect(message.invoiceDate?.value == "20261209")
        #expect(message.orderNumber == "PO-2026-0481")
        #expect(message.body.reference("AAK")?.number == "DES-2026-7710")
        #expect(message.supplier?.name == "ACME SUPPLY CO")
        #expect(message.supplier?.countrySubdivision == "OH")
        #expect(message.invoicee?.identifier == "4049876000000")
        #expect(message.currencies.first?.typeQualifier == "4")
        let terms = try #require(message.paymentTerms.first)
        #expect(terms.typeQualifier == "1")
        #expect(terms.timeReference == "5")
        #expect(terms.periodType == "D")
        #expect(terms.periodCount == "30")
        #expect(terms.dates.first?.qualifier == "13")
        #expect(terms.percentages == [EDIFACTPercentage(qualifier: "12", text: "2")])
        #expect(message.lineItems.map { $0.amount("203")?.text } == ["1368.00", "684.00", "381.60"])
        #expect(message.lineItems[0].quantity("47")?.value == 120)
        #expect(message.invoiceAmount?.value == Decimal(string: "2433.60"))
        #expect(message.body.total("79")?.text == "2433.60")
        try expectRoundTrip(transaction) { try InvoiceMessage(segments: $0) } write: { $0.segments(messageReference: "1") }
    }

    @Test func remittanceAdvice() throws {
        let transaction = try EDIFACTTestSupport.sample("inbox/initech-REMADV-D96A.edi")[0]
        let message = try RemittanceAdviceMessage(segments: transaction.segments)
        #expect(message.documentNumber == "RA-2026-1130")
        #expect(message.payer?.identifier == "4049876000000")
        #expect(message.payee?.identifier == "0876543000001")
        #expect(message.paymentDate?.value == "20261211")
        #expect(message.currencyCode == "EUR")
        #expect(message.documents.map(\.documentNumber) == ["91000017", "91000011"])
        #expect(message.documents[0].amounts.map(\.qualifier) == ["9", "52", "12"])
        #expect(message.documents[0].references.first?.number == "PO-2026-0481")
        #expect(message.documents[1].dates.first?.value == "20261113")
        #expect(message.totalRemitted?.value == Decimal(string: "3501.18"))
        try expectRoundTrip(transaction) { try RemittanceAdviceMessage(segments: $0) } write: { $0.segments(messageReference: "1") }
    }

    @Test func control() throws {
        let transaction = try EDIFACTTestSupport.sample("inbox/initech-CONTRL-for-invoice.edi")[0]
        let message = try ControlMessage(segments: transaction.segments)
        #expect(message.interchangeResponse.reference == "3")
        #expect(message.interchangeResponse.sender == "0876543000001")
        #expect(message.interchangeResponse.senderQualifier == "14")
        #expect(message.interchangeResponse.action == "7")
        #expect(message.messageResponses.count == 1)
        #expect(message.messageResponses[0].messageReference == "3")
        #expect(message.messageResponses[0].messageIdentifier.type == "INVOIC")
        #expect(message.messageResponses[0].messageIdentifier.associationCode == "EAN008")
        #expect(message.messageResponses[0].action == "7")
        var withErrors = message
        withErrors.messageResponses[0].segmentErrors = [.init(segmentPosition: "5", syntaxError: "12",
                                                              elementErrors: [.init(syntaxError: "12", elementPosition: "2", componentPosition: "1")])]
        let reread = try EDIFACTTestSupport.reread(withErrors.segments(messageReference: "1"))
        #expect(try ControlMessage(segments: reread[0].segments) == withErrors)
        try expectRoundTrip(transaction) { try ControlMessage(segments: $0) } write: { $0.segments(messageReference: "1") }
    }

    /// The written segments are the original ones, and read back they give the same model.
    private func expectRoundTrip<Model: Equatable>(_ transaction: ValidatedTransaction, read: ([OwnedSegment]) throws -> Model,
                                                   write: (Model) -> [OutgoingSegment]) throws {
        let model = try read(transaction.segments)
        let written = write(model)
        let original = transaction.segments.map { segment in segment.withSegment { OutgoingSegment($0) } }
        #expect(try EDIFACTTestSupport.text(written) == EDIFACTTestSupport.text(original))
        let reread = try EDIFACTTestSupport.reread(written)
        #expect(reread.count == 1)
        #expect(reread.first?.result.diagnostics.filter { $0.severity == .error } == [])
        #expect(try read(reread[0].segments) == model)
    }
}
