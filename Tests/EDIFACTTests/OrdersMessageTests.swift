import Foundation
import Testing
import EDICore
import EDISchema
@testable import EDIFACT
import TestSupport

/// ORDERS: key values against the segments of the samples and fixtures, round trips, kept segments.
@Suite struct OrdersMessageTests {
    @Test func samplesD96ATwoMessages() throws {
        let messages = try EDIFACTTestSupport.sample("inbox/initech-ORDERS-D96A-two-messages.edi")
        #expect(messages.count == 2)
        let first = try OrdersMessage(segments: messages[0].segments)
        #expect(first.documentNumber == "PO-2026-0481")
        #expect(first.beginning.documentNameCode == "220")
        #expect(first.beginning.messageFunction == "9")
        #expect(first.messageIdentifier.directory == "D96A")
        #expect(first.messageIdentifier.associationCode == "EAN008")
        #expect(first.orderDate == EDIFACTDate(qualifier: "137", value: "20261124", format: "102"))
        #expect(first.requestedDeliveryDate?.value == "20261208")
        #expect(first.buyer?.identifier == "4049876000000")
        #expect(first.buyer?.codeListAgency == "9")
        #expect(first.supplier?.identifier == "0876543000001")
        #expect(first.deliveryParty?.identifier == "4049876001007")
        #expect(first.currencyCode == "EUR")
        #expect(first.currencies.first?.typeQualifier == "9")
        #expect(first.lineItems.count == 3)
        let line = first.lineItems[2]
        #expect(line.lineNumber == "3")
        #expect(line.itemIdentifier == EDIFACTItemIdentifier(number: "0876543100046", numberType: "EN"))
        #expect(line.quantity("21")?.value == 48)
        #expect(line.price("AAA")?.text == "7.95")
        #expect(first.body.controlTotal("2")?.text == "3")
        #expect(first.hasSectionControl)
        #expect(first.unmappedSegments.isEmpty)
        let second = try OrdersMessage(segments: messages[1].segments)
        #expect(second.documentNumber == "PO-2026-0482")
        #expect(second.deliveryParty?.identifier == "4049876002080")
    }

    @Test func samplesD01BWithTextsContactsAndProductIds() throws {
        let message = try OrdersMessage(segments: EDIFACTTestSupport.sample("inbox/initech-ORDERS-D01B.edi")[0].segments)
        #expect(message.messageIdentifier.directory == "D01B")
        #expect(message.documentNumber == "PO-2026-0495")
        #expect(message.freeTexts == [EDIFACTFreeText(subject: "DEL", lines: ["DELIVERY GATE 4 ONLY MON-FRI 06-14"])])
        #expect(message.body.reference("CT")?.number == "RV-2026-ACME-01")
        let buyer = try #require(message.buyer)
        #expect(buyer.name == "INITECH GMBH")
        #expect(buyer.streetLines == ["INDUSTRIESTR. 12"])
        #expect(buyer.city == "STUTTGART")
        #expect(buyer.postalCode == "70565")
        #expect(buyer.countryCode == "DE")
        #expect(buyer.contacts.first?.function == "PD")
        #expect(buyer.contacts.first?.name == "M. BOLTON")
        #expect(buyer.contacts.first?.communications == [EDIFACTCommunication(number: "00497115550190", channel: "TE")])
        let line = message.lineItems[0]
        #expect(line.productIdentifications.first?.function == "1")
        #expect(line.productIdentifications.first?.identifiers == [EDIFACTItemIdentifier(number: "ACM-2001", numberType: "SA")])
        #expect(line.descriptions.first?.text == "SPROCKET STEEL 40MM")
        #expect(line.allItemIdentifiers.map(\.number) == ["0876543100039", "ACM-2001"])
    }

    @Test(arguments: ["inbox/initech-ORDERS-D96A-two-messages.edi", "inbox/initech-ORDERS-D01B.edi"])
    func segmentsWrittenBackGiveTheSameModelAndBytes(_ name: String) throws {
        for transaction in try EDIFACTTestSupport.sample(name) {
            let message = try OrdersMessage(segments: transaction.segments)
            let written = message.segments(messageReference: message.messageReference)
            let original = transaction.segments.map { segment in segment.withSegment { OutgoingSegment($0) } }
            #expect(try EDIFACTTestSupport.text(written) == EDIFACTTestSupport.text(original))
            let reread = try EDIFACTTestSupport.reread(written)
            #expect(reread.count == 1)
            #expect(reread[0].result.diagnostics.filter { $0.severity == .error }.isEmpty)
            #expect(try OrdersMessage(segments: reread[0].segments) == message)
        }
    }

    @Test func fixturesKeepSegmentsTheModelDoesNotName() throws {
        let transaction = try EDIFACTTestSupport.fixture("edifact_ORDERS_D96A_EAN008_oboe_space_in_version.edi")[0]
        let message = try OrdersMessage(segments: transaction.segments)
        #expect(message.documentNumber == "0123456789123")
        #expect(message.beginning.responseType == "AC")
        #expect(message.lineItems.count == 3)
        #expect(message.lineItems[0].productIdentifications.first?.identifiers.first?.number == "0835201031")
        #expect(message.lineItems[0].price("AAB")?.priceTypeQualifier == "SRP")
        #expect(message.lineItems[0].unmappedSegments.map(\.tag) == ["ALC", "PCD"])
        #expect(message.lineItems[0].unmappedSegments.first?.follows == "PRI")
        #expect(message.controlTotals.map(\.qualifier) == ["2", "1"])
        let written = message.segments(messageReference: "000000101")
        #expect(written.count == transaction.segments.count)
        #expect(try OrdersMessage(segments: EDIFACTTestSupport.reread(written)[0].segments) == message)
    }

    @Test func decimalCommaIsKeptAsSentAndReadAsNumber() throws {
        let transaction = try EDIFACTTestSupport.fixture("edifact_ORDERS_D96A_EAN008_pydifact_UNA_decimal_comma_UNOA4.edi")[0]
        let message = try OrdersMessage(segments: transaction.segments)
        #expect(message.orderDate?.format == "203")
        #expect(message.lineItems[0].references.first?.number == "99")
        #expect(EDIFACTAmount(qualifier: "203", text: "12,50").value == Decimal(string: "12.5"))
        #expect(EDIFACTAmount(qualifier: "203", text: "1.2.3").value == nil)
    }

    @Test func otherMessageTypesAndMissingHeadersAreModelErrors() throws {
        let transaction = try EDIFACTTestSupport.sample("inbox/initech-REMADV-D96A.edi")[0]
        #expect(throws: EDIFACTModelError.self) { try OrdersMessage(segments: transaction.segments) }
        #expect(throws: EDIFACTModelError.self) { try OrdersMessage(segments: []) }
        do {
            _ = try OrdersMessage(segments: Array(transaction.segments.dropFirst()))
            Issue.record("no error")
        } catch {
            #expect(error.position.segmentTag == "BGM")
        }
    }

    @Test func releaseCharactersAreRemovedFromValuesAndWrittenBack() throws {
        let segments = [
            OutgoingSegment("UNH", elements: [[["1"]], [["ORDERS", "D", "96A", "UN"]]]),
            OutgoingSegment("BGM", ["220", "PO+1:A'B", "9"]),
            OutgoingSegment("DTM", elements: [[["137", "20261124", "102"]]]),
            OutgoingSegment("FTX", elements: [[["AAI"]], [[""]], [[""]], [["DOCK 2+8 BETWEEN 08:00", "AND 17?30"]]]),
            OutgoingSegment("NAD", elements: [[["BY"]], [["4049876000000", "", "9"]], [[""]], [["BUYER+PARTNER GMBH"]]]),
            OutgoingSegment("LIN", elements: [[["1"]], [[""]], [["0876543100015", "EN"]]]),
            OutgoingSegment("QTY", elements: [[["21", "12,5"]]]),
            OutgoingSegment("UNS", ["S"]),
            OutgoingSegment("UNT", ["9", "1"]),
        ]
        let transaction = try EDIFACTTestSupport.reread(segments)[0]
        let message = try OrdersMessage(segments: transaction.segments)
        #expect(message.documentNumber == "PO+1:A'B")
        #expect(message.freeTexts.first?.lines == ["DOCK 2+8 BETWEEN 08:00", "AND 17?30"])
        #expect(message.buyer?.name == "BUYER+PARTNER GMBH")
        #expect(message.lineItems[0].quantity("21")?.value == Decimal(string: "12.5"))
        let reread = try EDIFACTTestSupport.reread(message.segments(messageReference: "1"))
        #expect(try OrdersMessage(segments: reread[0].segments) == message)
    }

    /// Line values are decoded straight from the segment bytes: release characters removed in
    /// every value (ASCII or not), in values no field names, and in segments too long for the
    /// reader's lent parts buffer.
    @Test func lineValuesDecodeReleaseCharactersWhateverTheirPath() throws {
        let longLines = (1...5).map { "LINE \($0) WITH 1+1:2 AND 'QUOTES' AND ? MARKS, LONG ENOUGH TO PASS 64" }
        let segments = [
            OutgoingSegment("UNH", elements: [[["1"]], [["ORDERS", "D", "96A", "UN"]]]),
            OutgoingSegment("BGM", ["220", "PO1", "9"]),
            OutgoingSegment("LIN", elements: [[["1"]], [[""]], [["0876543100015", "EN"]]]),
            OutgoingSegment("PIA", elements: [[["5"]], [["", "", "", "", "X+5"]], [["A:1", "SA"]]]),
            OutgoingSegment("IMD", elements: [[["F"]], [[""]], [["", "", "L:1", "ÄPFEL+BIRNE", "KÖRBE'?"]]]),
            OutgoingSegment("FTX", elements: [[["LIN"]], [[""]], [[""]], [longLines]]),
            OutgoingSegment("QTY", elements: [[["21", "3", "PCE"]]]),
            OutgoingSegment("UNS", ["S"]),
            OutgoingSegment("UNT", ["9", "1"]),
        ]
        let transaction = try EDIFACTTestSupport.reread(segments)[0]
        let message = try OrdersMessage(segments: transaction.segments)
        #expect(message.lineItems.count == 1)
        let line = message.lineItems[0]
        // A C212 with only a value beyond 3055 is no identifier; its value is kept as left over.
        #expect(line.productIdentifications[0].identifiers == [EDIFACTItemIdentifier(number: "A:1", numberType: "SA")])
        #expect(line.productIdentifications[0].otherValues == [EDIFACTComponentValue(element: 2, component: 5, value: "X+5")])
        #expect(line.descriptions[0].texts == ["ÄPFEL+BIRNE", "KÖRBE'?"])
        #expect(line.descriptions[0].otherValues == [EDIFACTComponentValue(element: 3, component: 3, value: "L:1")])
        #expect(line.freeTexts[0].lines == longLines)
        #expect(line.quantity("21")?.unit == "PCE")
        let reread = try EDIFACTTestSupport.reread(message.segments(messageReference: "1"))
        #expect(try OrdersMessage(segments: reread[0].segments) == message)
    }
}
