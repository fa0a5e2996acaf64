import Foundation
import Testing
import EDICore
@testable import X12

/// Key values of the 855, 856, 810 and 820 models, asserted against the sample and fixture segments.
@Suite struct TransactionModelTests {
    @Test func acknowledgement855() throws {
        let transaction = try #require(try X12TestSupport.transactions("Samples/edi-outbound-examples/acme-855-004010-to-globex.edi").first)
        let ack = try PurchaseOrderAcknowledgement855(segments: transaction)
        #expect(ack.transactionSetPurposeCode == "00")
        #expect(ack.acknowledgmentTypeCode == "AD")
        #expect(ack.purchaseOrderNumber == "4500012345")
        #expect(ack.purchaseOrderDate == "20261123")
        #expect(ack.sellerOrderNumber == "SO-88812")
        #expect(ack.acknowledgmentDate == "20261124")
        #expect(ack.shipTo?.identificationCode == "042")
        #expect(ack.lineItems.count == 3)
        let ackLine = try #require(ack.lineItems[2].acknowledgements.first)
        #expect(ackLine.lineItemStatusCode == "IA")
        #expect(ackLine.quantity?.decimal == 10)
        #expect(ackLine.unitOfMeasureCode == "EA")
        #expect(ackLine.dateQualifier == "068")
        #expect(ackLine.date == "20261202")
        #expect(ack.totals?.numberOfLineItems == "3")
    }

    @Test func bookTrade855KeepsScheduleLines() throws {
        let transaction = try #require(try X12TestSupport.transactions("x12/x12_855_004010_nodex12.edi").first)
        let ack = try PurchaseOrderAcknowledgement855(segments: transaction)
        #expect(ack.currency?.currencyCode == "USD")
        #expect(ack.unmappedSegments.map(\.segment.tag) == ["CSH"])
        #expect(ack.shipTo?.addressLines == ["REGULAR EDI ACCOUNT", "ATTN ACQ SERVS", "7615 DISALLE BOULEVARD"])
        #expect(ack.lineItems.map { $0.acknowledgements.first?.lineItemStatusCode } == ["IA", "IR", "IR", "IA"])
        #expect(ack.lineItems.map { $0.unmappedSegments.map(\.segment.tag) } == [["SCH"], ["SCH"], ["SCH"], ["SCH"]])
        #expect(ack.lineItems[0].itemIdentifiers.first == X12ItemIdentifier(qualifier: "EN", identifier: "9780446360265"))
    }

    @Test func shipNotice856Tree() throws {
        let transaction = try #require(try X12TestSupport.transactions("Samples/edi-outbound-examples/acme-856-004010-to-globex.edi").first)
        let notice = try ShipNotice856(segments: transaction)
        #expect(notice.shipmentIdentification == "SHP-26-004417")
        #expect(notice.shipmentDate == "20261202")
        #expect(notice.shipmentTime == "1430")
        #expect(notice.hierarchicalStructureCode == "0001")
        #expect(notice.dates.map(\.qualifier) == ["011", "017"])
        #expect(notice.levels.count == 1)
        let shipment = try #require(notice.shipment)
        #expect(shipment.id == "1")
        #expect(shipment.parentId == nil)
        #expect(shipment.carrierQuantityAndWeight.first?.packagingCode == "CTN25")
        #expect(shipment.carrierQuantityAndWeight.first?.weight?.decimal == Decimal(string: "185.4"))
        #expect(shipment.carrierRouting.first?.identificationCode == "UPSN")
        #expect(shipment.references.first?.identification == "ACM-BOL-0044170")
        #expect(shipment.parties.map(\.entityIdentifierCode) == ["ST", "SF"])
        #expect(notice.orders.map { $0.purchaseOrderReference?.purchaseOrderNumber } == ["4500012345"])
        let order = try #require(shipment.children.first)
        #expect(order.levelCode == "O")
        #expect(order.children.map(\.levelCode) == ["P", "P"])
        #expect(order.children.map { $0.marksAndNumbers.first?.number } == ["00008765430000001015", "00008765430000001022"])
        #expect(order.children[1].children.map(\.id) == ["6", "7"])
        #expect(notice.items.map { $0.itemDetail?.unitsShipped?.decimal } == [48, 24, 10])
        #expect(notice.items[2].itemIdentification?.itemIdentifiers.last?.identifier == "ACM-2001")
        #expect(notice.allLevels.map(\.id) == ["1", "2", "3", "4", "5", "6", "7"])
        #expect(notice.totals?.numberOfLineItems == "7")
    }

    @Test func shipNoticeWithUnknownParentIsAnError() throws {
        let transaction = try #require(try X12TestSupport.transactions("Samples/edi-outbound-examples/acme-856-004010-to-globex.edi").first)
        var values = X12TestSupport.values(transaction)
        let index = try #require(values.firstIndex { $0.tag == "HL" && $0[element: 1] == "4" })
        values[index] = OutgoingSegment("HL", ["4", "9", "I"])
        let reread = try X12TestSupport.reread(values)
        #expect {
            try ShipNotice856(segments: reread)
        } throws: { error in
            guard let error = error as? X12ModelError else { return false }
            return error.message.contains("parent 9") && error.position?.segmentTag == "HL" && error.position?.element == 2
        }
    }

    @Test func singleLine856WithPipes() throws {
        let transaction = try #require(try X12TestSupport.transactions("x12/x12_856_004010_silvenga_pipe_elemsep_single_line.edi").first)
        let notice = try ShipNotice856(segments: transaction)
        #expect(notice.shipment?.parties.map(\.entityIdentifierCode) == ["ST", "BY", "SF", "SE"])
        #expect(notice.shipment?.unmappedSegments.map(\.segment.tag) == ["YNQ", "YNQ"])
        let item = try #require(notice.items.first)
        #expect(item.itemIdentification?.itemIdentifiers.map(\.qualifier) == ["VC", "N4", "LT"])
        #expect(item.parties.first?.entityIdentifierCode == "MF")
        #expect(item.unmappedSegments.map(\.segment.tag) == ["YNQ"])
        #expect(item.dates.first?.date == "20211031")
    }

    @Test func invoice810() throws {
        let transaction = try #require(try X12TestSupport.transactions("Samples/edi-outbound-examples/acme-810-004010-to-globex.edi").first)
        let invoice = try Invoice810(segments: transaction)
        #expect(invoice.invoiceDate == "20261202")
        #expect(invoice.invoiceNumber == "ACM-INV-100017")
        #expect(invoice.purchaseOrderDate == "20261123")
        #expect(invoice.purchaseOrderNumber == "4500012345")
        #expect(invoice.currency?.entityIdentifierCode == "SE")
        #expect(invoice.parties.map(\.entityIdentifierCode) == ["BT", "ST", "RI"])
        #expect(invoice.remitTo?.addressLines == ["PO BOX 7730"])
        #expect(invoice.termsOfSale.first?.discountPercent?.decimal == 2)
        #expect(invoice.lineItems.map { $0.quantity?.decimal } == [48, 24, 10])
        #expect(invoice.lineItems[2].unitPrice?.decimal == 35)
        #expect(invoice.totalMonetaryValue?.totalInvoiceAmount?.text == "125000")
        #expect(invoice.totalMonetaryValue?.totalInvoiceAmount?.decimal == 1250)
        #expect(invoice.totals?.numberOfLineItems == "3")
        #expect(invoice.unmappedSegments.isEmpty)
    }

    @Test func staediInvoicesKeepSummarySegments() throws {
        let transactions = try X12TestSupport.transactions("x12/x12_810_004010_staedi_simple810.edi")
        #expect(transactions.count == 2)
        let invoice = try Invoice810(segments: transactions[0])
        #expect(invoice.lineItems.count == 7)
        #expect(invoice.lineItems.allSatisfy { $0.lineNumber == nil })
        #expect(invoice.totalMonetaryValue?.totalInvoiceAmount?.decimal == Decimal(string: "2554.38"))
        #expect(invoice.unmappedSegments.map(\.segment.tag) == ["FOB", "CAD", "ISS"])
        #expect(invoice.termsOfSale.first?.description == "1/15 NET 30")
    }

    @Test func payment820() throws {
        let transaction = try #require(try X12TestSupport.transactions("Samples/inbox/globex-820-004010-remittance.edi").first)
        let payment = try PaymentOrder820(segments: transaction)
        let bpr = payment.payment
        #expect(bpr.transactionHandlingCode == "C")
        #expect(bpr.amount?.decimal == 2400)
        #expect(bpr.creditDebitFlagCode == "C")
        #expect(bpr.paymentMethodCode == "ACH")
        #expect(bpr.paymentFormatCode == "CCP")
        #expect(bpr.originatingBankId == "041000124")
        #expect(bpr.originatingAccountNumber == "3345678901")
        #expect(bpr.originatingCompanyIdentifier == "1804512378")
        #expect(bpr.receivingBankId == "044000037")
        #expect(bpr.receivingAccountNumber == "9988776655")
        #expect(bpr.paymentDate == "20261201")
        #expect(payment.trace?.referenceIdentification == "0041338765")
        #expect(payment.currency?.currencyCode == "USD")
        #expect(payment.dates.first?.qualifier == "097")
        #expect(payment.payer?.name == "GLOBEX RETAIL INC")
        #expect(payment.payee?.identificationCode == "77341")
        #expect(payment.entities.count == 1)
        let items = payment.remittanceItems
        #expect(items.map(\.referenceIdentification) == ["ACM-INV-100017", "ACM-INV-100018"])
        #expect(items.map { $0.amountPaid?.decimal } == [1225, 1175])
        #expect(items[0].totalInvoiceAmount?.decimal == 1250)
        #expect(items[0].discountAmount?.decimal == 25)
        #expect(items[1].discountAmount == nil)
        #expect(items[0].references.first?.identification == "4500012345")
        #expect(items[1].dates.first?.date == "20261118")
    }

    @Test func adjustmentsAreNamed() throws {
        let transaction = try #require(try X12TestSupport.transactions("Samples/inbox/globex-820-004010-remittance.edi").first)
        var values = X12TestSupport.values(transaction)
        let index = try #require(values.lastIndex { $0.tag == "DTM" })
        values.insert(OutgoingSegment("ADX", ["-25", "01", "IV", "ACM-INV-100018"]), at: index + 1)
        values[values.count - 1] = OutgoingSegment("SE", [String(values.count), "0001"])
        let payment = try PaymentOrder820(segments: try X12TestSupport.reread(values))
        let adjustment = try #require(payment.remittanceItems.last?.adjustments.first)
        #expect(adjustment.amount?.decimal == -25)
        #expect(adjustment.reasonCode == "01")
        #expect(adjustment.referenceIdentification == "ACM-INV-100018")
        #expect(payment.segments(controlNumber: "0001") == values)
    }
}

/// The acknowledgement models (997, 999, TA1) against the samples and fixtures.
@Suite struct AcknowledgementModelTests {
    @Test func functionalAcknowledgement997() throws {
        let transaction = try #require(try X12TestSupport.transactions("Samples/inbox/globex-997-004010-ack-for-invoice.edi").first)
        let ack = try FunctionalAcknowledgement997(segments: transaction)
        #expect(ack.groupResponse.functionalIdentifierCode == "IN")
        #expect(ack.groupResponse.groupControlNumber == "3")
        #expect(ack.transactionResponses.count == 1)
        #expect(ack.transactionResponses[0].header.transactionSetIdentifierCode == "810")
        #expect(ack.transactionResponses[0].header.controlNumber == "0003")
        #expect(ack.transactionResponses[0].trailer?.acknowledgmentCode == "A")
        #expect(ack.groupTrailer?.acknowledgmentCode == "A")
        #expect(ack.groupTrailer?.numberOfTransactionSetsIncluded == "1")
        #expect(ack.groupTrailer?.numberOfAcceptedTransactionSets == "1")
    }

    @Test func errorsWithComponentsAndRepetitions997() throws {
        let transaction = try #require(try X12TestSupport.transactions("x12/x12_997_005010_staedi_repetition_and_components_in_AK3_AK4.edi").first)
        let ack = try FunctionalAcknowledgement997(segments: transaction)
        let errors = ack.transactionResponses.flatMap(\.segmentErrors)
        #expect(!errors.isEmpty)
        let raw = transaction.filter { $0.tag == "AK3" }.map { $0[1] ?? "" }
        #expect(errors.map(\.note.segmentIdCode) == raw)
        let elementNotes = errors.flatMap(\.elementErrors)
        let rawAK4 = transaction.filter { $0.tag == "AK4" }
        #expect(elementNotes.count == rawAK4.count)
        #expect(elementNotes.map(\.positionInSegment) == rawAK4.map { $0.components(1) })
    }

    @Test func implementationAcknowledgement999() throws {
        let transaction = try #require(try X12TestSupport.transactions("x12/x12_999_005010X231A1_imsweb_rejected.txt").first)
        let ack = try ImplementationAcknowledgement999(segments: transaction)
        #expect(ack.implementationConventionReference == transaction.first?[3])
        #expect(ack.groupResponse.groupControlNumber == transaction.first { $0.tag == "AK1" }?[2])
        let response = try #require(ack.transactionResponses.first)
        #expect(response.trailer?.acknowledgmentCode == "R")
        #expect(response.segmentErrors.map(\.note.segmentIdCode) == transaction.filter { $0.tag == "IK3" }.map { $0[1] ?? "" })
        #expect(ack.groupTrailer?.acknowledgmentCode == transaction.first { $0.tag == "AK9" }?[1])
    }

    @Test func contextsOf999() throws {
        let transaction = try #require(try X12TestSupport.transactions("x12/x12_999_005010X231_staedi_simple999.edi").first)
        let ack = try ImplementationAcknowledgement999(segments: transaction)
        let errors = ack.transactionResponses.flatMap(\.segmentErrors)
        let contexts = errors.flatMap(\.contexts).count + errors.flatMap(\.elementErrors).flatMap(\.contexts).count
        #expect(contexts == transaction.filter { $0.tag == "CTX" }.count)
        #expect(errors.flatMap(\.elementErrors).count == transaction.filter { $0.tag == "IK4" }.count)
        #expect(ack.unmappedSegments.isEmpty)
    }

    @Test func interchangeAcknowledgementTA1() throws {
        let segments = try X12TestSupport.segments(ofFile: X12TestSupport.fixtures.appendingPathComponent("x12/x12_TA1_00501_staedi_interchange_ack.txt"))
        let ta1 = try InterchangeAcknowledgementTA1(segments: segments)
        let raw = try #require(segments.first { $0.tag == "TA1" })
        #expect(ta1.interchangeControlNumber == raw[1])
        #expect(ta1.interchangeDate == raw[2])
        #expect(ta1.interchangeTime == raw[3])
        #expect(ta1.acknowledgmentCode == raw[4])
        #expect(ta1.noteCode == raw[5])
        #expect(ta1.segments() == [raw.withSegment { OutgoingSegment($0) }.trimmed])
        let built = InterchangeAcknowledgementTA1(interchangeControlNumber: "000000001", interchangeDate: "261129",
                                                  interchangeTime: "0800", acknowledgmentCode: "A", noteCode: "000")
        #expect(built.segments() == [OutgoingSegment("TA1", ["000000001", "261129", "0800", "A", "000"])])
        #expect(throws: X12ModelError.self) { try InterchangeAcknowledgementTA1(segments: Array(segments.prefix(1))) }
    }
}
