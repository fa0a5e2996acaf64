import Foundation
import Testing
import EDICore
import EDISchema
@testable import EDIFACT
import TestSupport
@testable import O2C

/// EDIFACT ORDERS/ORDRSP/DESADV/INVOIC/REMADV ↔ internal documents: golden JSON for every sample
/// and valid fixture, business values checked against the segments, internal → typed → internal
/// and EDI → internal → EDI round trips, and mapping findings with positions.
@Suite struct EDIFACTMappingTests {
    /// The EDIFACT samples and fixtures with golden documents (relative to the repository root).
    static let goldenFiles = [
        "Samples/inbox/initech-ORDERS-D96A-two-messages.edi",
        "Samples/inbox/initech-ORDERS-D01B.edi",
        "Samples/inbox/initech-REMADV-D96A.edi",
        "Samples/edi-outbound-examples/acme-ORDRSP-D96A-to-initech.edi",
        "Samples/edi-outbound-examples/acme-DESADV-D96A-to-initech.edi",
        "Samples/edi-outbound-examples/acme-INVOIC-D96A-to-initech.edi",
        "Tests/Fixtures/edifact/edifact_ORDERS_D96A_pydifact_order2.edi",
        "Tests/Fixtures/edifact/edifact_ORDERS_D96A_pydifact_wikipedia_de.edi",
        "Tests/Fixtures/edifact/edifact_ORDERS_D96A_EAN008_oboe_space_in_version.edi",
        "Tests/Fixtures/edifact/edifact_ORDERS_D96A_EAN008_pydifact_UNA_decimal_comma_UNOA4.edi",
    ]

    static let goldenFolder = Fixtures.repositoryRoot.appendingPathComponent("Tests/O2CTests/Golden/edifact")

    /// The ORDERS/ORDRSP/DESADV/INVOIC/REMADV messages of a file.
    static func transactions(_ relativePath: String) throws -> [ValidatedTransaction] {
        var validator = FileValidator(repository: SchemaRepository(root: Fixtures.repositoryRoot.appendingPathComponent("Schemas")))
        validator.collectsSegments = true
        validator.keepsResults = false
        var result: [ValidatedTransaction] = []
        _ = try validator.validate(path: Fixtures.repositoryRoot.appendingPathComponent(relativePath).path, onTransaction: nil) {
            if ["ORDERS", "ORDRSP", "DESADV", "INVOIC", "REMADV"].contains($0.envelope.transactionType) { result.append($0) }
        }
        return result
    }

    /// The internal documents of a file, source paths relative to the repository.
    static func documents(_ relativePath: String) throws -> [InternalDocument] {
        try transactions(relativePath).map { transaction in
            var document = try EDIFACTInboundMapper.map(transaction)
            document.envelope?.sourceFile = relativePath
            return document
        }
    }

    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// One document as an object, several as an array; sorted keys, pretty, final newline.
    static func goldenJSON(_ documents: [InternalDocument]) throws -> Data {
        let data = documents.count == 1 ? try encoder().encode(documents[0]) : try encoder().encode(documents)
        return data + Data("\n".utf8)
    }

    /// Writes a document as an EDIFACT message and reads it back with the inbound mapper.
    static func throughEDI(_ document: InternalDocument, release: String = "96A") throws -> InternalDocument {
        let segments = EDIFACTOutboundMapper(release: release).segments(document, messageReference: "1")
        var writer = SegmentWriter(syntax: .edifact, delimiters: .edifactDefault, lineStyle: .lf)
        writer.writeServiceStringAdvice()
        try writer.write(OutgoingSegment("UNB", elements: [[["UNOC", "3"]], [["SENDER", "14"]], [["RECEIVER", "14"]],
                                                           [["261201", "1200"]], [["R1"]]]))
        for segment in segments { try writer.write(segment) }
        try writer.write(OutgoingSegment("UNZ", ["1", "R1"]))
        let url = TestFiles.folder.appendingPathComponent("edifact-mapping-\(UUID().uuidString).edi")
        try Data(writer.output).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        var validator = FileValidator(repository: SchemaRepository(root: Fixtures.repositoryRoot.appendingPathComponent("Schemas")))
        validator.collectsSegments = true
        var transactions: [ValidatedTransaction] = []
        _ = try validator.validate(path: url.path, onTransaction: nil) { transactions.append($0) }
        try #require(transactions.count == 1)
        let errors = transactions[0].result.diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "the generated message is valid: \(errors.map(\.message))")
        return try EDIFACTInboundMapper.map(segments: transactions[0].segments)
    }

    // MARK: - Golden files

    @Test(arguments: goldenFiles)
    func matchesGolden(_ relativePath: String) throws {
        let documents = try Self.documents(relativePath)
        #expect(!documents.isEmpty)
        let actual = try Self.goldenJSON(documents)
        let url = Self.goldenFolder.appendingPathComponent("\((relativePath as NSString).lastPathComponent).json")
        if ProcessInfo.processInfo.environment["EDIKIT_RECORD_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: Self.goldenFolder, withIntermediateDirectories: true)
            try actual.write(to: url)
            Issue.record("recorded \(url.lastPathComponent); run again without EDIKIT_RECORD_GOLDEN to compare")
            return
        }
        let expected = try Data(contentsOf: url)
        #expect(actual == expected, "\(relativePath) differs from its golden file; re-record with EDIKIT_RECORD_GOLDEN=1 if intended")
    }

    // MARK: - Business values

    @Test func ordersSample() throws {
        let documents = try Self.documents("Samples/inbox/initech-ORDERS-D96A-two-messages.edi")
        guard case .purchaseOrder(let order) = documents[0], case .purchaseOrder(let second) = documents[1] else {
            Issue.record("not purchase orders")
            return
        }
        #expect(order.number == "PO-2026-0481")
        #expect(order.orderDate == "2026-11-24")
        #expect(order.requestedDelivery == "2026-12-08")
        #expect(order.currency == "EUR")
        #expect(order.party(.buyer)?.identifiers == [PartyIdentifier(scheme: .gln, qualifier: "9", value: "4049876000000")])
        #expect(order.party(.supplier)?.identifiers.first?.value == "0876543000001")
        #expect(order.party(.shipTo)?.roleCode == "DP")
        #expect(order.party(.shipTo)?.identifiers.first?.value == "4049876001007")
        #expect(order.lines.count == 3)
        #expect(order.lines[0].items == [ItemIdentifier(scheme: .ean, qualifier: "EN", value: "0876543100015")])
        #expect(order.lines[0].quantity == Quantity(value: 120))
        #expect(order.lines[2].unitPrice == UnitPrice(value: Decimal(string: "7.95")!, basis: "AAA"))
        #expect(order.totals?.lineCount == 3)
        #expect(order.envelope?.interchangeControlNumber == "INI0000481")
        #expect(order.envelope?.transactionControlNumber == "1")
        #expect(second.number == "PO-2026-0482")
        #expect(second.lines.map(\.quantity.value) == [30, 24, 36])
    }

    @Test func ordersD01BSample() throws {
        guard case .purchaseOrder(let order) = try Self.documents("Samples/inbox/initech-ORDERS-D01B.edi")[0] else {
            Issue.record("not a purchase order")
            return
        }
        let buyer = try #require(order.party(.buyer))
        #expect(buyer.name == "INITECH GMBH")
        #expect(buyer.address == Address(lines: ["INDUSTRIESTR. 12"], city: "STUTTGART", postalCode: "70565", country: "DE"))
        #expect(buyer.contacts == [Contact(function: "PD", name: "M. BOLTON", phone: "00497115550190")])
        #expect(order.references == [Reference(qualifier: "CT", value: "RV-2026-ACME-01")])
        #expect(order.notes == [Note(qualifier: "DEL", text: "DELIVERY GATE 4 ONLY MON-FRI 06-14")])
        #expect(order.lines[0].items.map(\.value) == ["0876543100039", "ACM-2001"])
        #expect(order.lines[0].items[1].scheme == .vendorPartNumber)
        #expect(order.lines[0].description == "SPROCKET STEEL 40MM")
        #expect(order.lines[1].quantity.value == 240)
    }

    @Test func orderResponseSample() throws {
        guard case .orderAcknowledgement(let ack) = try Self.documents("Samples/edi-outbound-examples/acme-ORDRSP-D96A-to-initech.edi")[0] else {
            Issue.record("not an acknowledgement")
            return
        }
        #expect(ack.number == "OR-2026-0481")
        #expect(ack.purchaseOrderNumber == "PO-2026-0481")
        #expect(ack.purchaseOrderDate == "2026-11-24")
        #expect(ack.status == .accepted)
        #expect(ack.lines.map(\.status) == [.accepted, .accepted, .accepted])
        #expect(ack.lines[0].orderedQuantity == Quantity(value: 120))
        #expect(ack.lines[0].schedules.first?.date == "2026-12-08")
        #expect(ack.lineCount == 3)
    }

    @Test func despatchAdviceSample() throws {
        guard case .shipNotice(let notice) = try Self.documents("Samples/edi-outbound-examples/acme-DESADV-D96A-to-initech.edi")[0] else {
            Issue.record("not a ship notice")
            return
        }
        #expect(notice.shipmentId == "DES-2026-7710")
        #expect(notice.shipDate == "2026-12-05")
        #expect(notice.estimatedDelivery == "2026-12-08")
        #expect(notice.packageCount == 2)
        #expect(notice.packagingCode == "PX")
        let order = try #require(notice.orders.first)
        #expect(order.purchaseOrderNumber == "PO-2026-0481")
        #expect(order.packs.map(\.sscc) == ["008765430000002012", "008765430000002029"])
        #expect(order.packs[0].items.map(\.quantityShipped.value) == [120, 60])
        #expect(order.packs[1].items.first?.items.first?.value == "0876543100046")
        #expect(notice.lineCount == 3)
    }

    @Test func invoiceSample() throws {
        guard case .invoice(let invoice) = try Self.documents("Samples/edi-outbound-examples/acme-INVOIC-D96A-to-initech.edi")[0] else {
            Issue.record("not an invoice")
            return
        }
        #expect(invoice.number == "91000017")
        #expect(invoice.date == "2026-12-09")
        #expect(invoice.purchaseOrderNumber == "PO-2026-0481")
        #expect(invoice.references == [Reference(qualifier: "AAK", value: "DES-2026-7710")])
        #expect(invoice.party(.supplier)?.address?.region == "OH")
        #expect(invoice.party(.billTo)?.identifiers.first?.value == "4049876000000")
        #expect(invoice.terms == [PaymentTerms(type: "1", basisDateCode: "5", discountPercent: 2, netDays: 30, netDueDate: "2027-01-08")])
        #expect(invoice.lines.map(\.amount) == [Decimal(string: "1368.00"), 684, Decimal(string: "381.60")])
        #expect(invoice.lines.map(\.quantity.value) == [120, 60, 48])
        #expect(invoice.totals.totalAmount == Decimal(string: "2433.60"))
        #expect(invoice.totals.lineItemsAmount == Decimal(string: "2433.60"))
        #expect(invoice.totals.lineCount == 3)
    }

    @Test func remittanceSample() throws {
        guard case .remittance(let remittance) = try Self.documents("Samples/inbox/initech-REMADV-D96A.edi")[0] else {
            Issue.record("not a remittance")
            return
        }
        #expect(remittance.number == "RA-2026-1130")
        #expect(remittance.payment.amount == Decimal(string: "3501.18"))
        #expect(remittance.payment.date == "2026-12-11")
        #expect(remittance.parties.first { $0.role == .payer }?.identifiers.first?.value == "4049876000000")
        #expect(remittance.remittedInvoices.map(\.invoiceNumber) == ["91000017", "91000011"])
        #expect(remittance.remittedInvoices[0].amountPaid == Decimal(string: "2384.93"))
        #expect(remittance.remittedInvoices[0].discountAmount == Decimal(string: "48.67"))
        #expect(remittance.remittedInvoices[0].invoiceAmount == Decimal(string: "2433.60"))
        #expect(remittance.remittedInvoices[0].purchaseOrderNumber == "PO-2026-0481")
        #expect(remittance.remittedInvoices[1].invoiceDate == "2026-11-13")
    }

    /// The transactions of an interchange given as text, validated with their segments kept.
    static func transactions(text: String) throws -> [ValidatedTransaction] {
        let url = TestFiles.folder.appendingPathComponent("edifact-text-\(UUID().uuidString).edi")
        try Data(text.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        var validator = FileValidator(repository: SchemaRepository(root: Fixtures.repositoryRoot.appendingPathComponent("Schemas")))
        validator.collectsSegments = true
        var transactions: [ValidatedTransaction] = []
        _ = try validator.validate(path: url.path, onTransaction: nil) { transactions.append($0) }
        return transactions
    }

    /// `AJT` groups of a `DOC` group become the invoice's adjustments (reason 4465, the group's
    /// MOA, FTX text); an `AJT` of a `DLI` line stays in the typed model; both releases write them back.
    @Test func remittanceAdjustments() throws {
        let text = "UNA:+.? 'UNB+UNOC:3+S:14+R:14+261201:1200+R1'UNH+1+REMADV:D:96A:UN'BGM+481+RA-1+9'DTM+137:20261210:102'"
            + "DOC+380+INV-1'MOA+9:100'MOA+12:88.5'RFF+ON:PO-1'AJT+9'MOA+5:-10'FTX+AAI+++PRICE DIFFERENCE'AJT+19+1'MOA+5:-1.5'"
            + "DLI+1+1'MOA+203:60'AJT+3+1'MOA+5:-4'"
            + "DOC+380+INV-2'MOA+12:20'AJT+43'"
            + "UNS+S'MOA+12:108.5'UNT+22+1'UNZ+1+R1'"
        let transaction = try #require(try Self.transactions(text: text).first)
        #expect(transaction.result.isValid, "\(transaction.result.diagnostics)")
        guard case .remittance(let remittance) = try EDIFACTInboundMapper.map(transaction) else {
            Issue.record("not a remittance"); return
        }
        #expect(remittance.remittedInvoices.map(\.amountPaid) == [Decimal(string: "88.5")!, 20])
        #expect(remittance.remittedInvoices[0].adjustments == [
            RemittanceAdjustment(reasonCode: "9", amount: -10, description: "PRICE DIFFERENCE"),
            RemittanceAdjustment(reasonCode: "19", amount: Decimal(string: "-1.5")!),
        ])
        #expect(remittance.remittedInvoices[1].adjustments.isEmpty, "an AJT without MOA has no amount to carry")
        var expected = InternalDocument.remittance(remittance)
        expected.envelope = nil
        for release in ["96A", "01B"] {
            #expect(try Self.throughEDI(expected, release: release) == expected, "through D\(release)")
        }
        // From X12, the reason (element 426) is not a 4465 code: written as 43, reason unknown.
        var fromX12 = remittance
        fromX12.envelope = DocumentExamples.globexEnvelope
        let segments = EDIFACTOutboundMapper(release: "96A").segments(.remittance(fromX12), messageReference: "1")
        #expect(segments.filter { $0.tag == "AJT" }.map { $0[element: 1] } == ["43", "43"])
    }

    // MARK: - Round trips

    @Test(arguments: goldenFiles)
    func internalToEDIToInternalIsEqual(_ relativePath: String) throws {
        for document in try Self.documents(relativePath) {
            var expected = document
            expected.envelope = nil
            for release in ["96A", "01B"] {
                #expect(try Self.throughEDI(expected, release: release) == expected, "\(relativePath) through D\(release)")
            }
        }
    }

    // MARK: - Findings

    @Test func missingRequiredValuesAreFindings() throws {
        let text = "UNA:+.? 'UNB+UNOC:3+S:14+R:14+261201:1200+R1'UNH+1+ORDRSP:D:96A:UN'BGM+231+OR-1+29'DTM+137:20261124:102'"
            + "LIN+1+5+0876543100015:EN'QTY+21:1'UNS+S'UNT+7+1'UNH+2+REMADV:D:96A:UN'BGM+481+RA-1+9'DTM+137:20261210:102'"
            + "DOC+380+INV-1'MOA+9:10'UNS+S'UNT+7+2'UNZ+2+R1'"
        let transactions = try Self.transactions(text: text)
        try #require(transactions.count == 2)
        #expect(throws: MappingError.self) { try EDIFACTInboundMapper.map(transactions[0]) }
        do {
            _ = try EDIFACTInboundMapper.map(transactions[0])
        } catch {
            #expect(error.findings.map(\.field) == ["RFF ON 1154"])
            #expect(error.findings.first?.position?.segmentTag == "BGM")
        }
        do {
            _ = try EDIFACTInboundMapper.map(transactions[1])
            Issue.record("no findings")
        } catch {
            #expect(error.findings.map(\.field) == ["MOA 12", "MOA 12"])
            #expect(error.findings.map(\.position?.segmentTag) == ["BGM", "DOC"])
        }
    }

    @Test func badNumbersAndDatesAreFindingsWithPositions() throws {
        var transaction = try Self.transactions("Samples/inbox/initech-ORDERS-D96A-two-messages.edi")[0]
        let text = "UNA:+.? 'UNB+UNOC:3+S:14+R:14+261201:1200+R1'UNH+1+ORDERS:D:96A:UN'BGM+220+PO-1+9'DTM+137:20260230:102'"
            + "NAD+BY+4049876000000::9'LIN+1++0876543100015:EN'QTY+21:12X'UNS+S'UNT+8+1'UNZ+1+R1'"
        let url = TestFiles.folder.appendingPathComponent("edifact-findings-\(UUID().uuidString).edi")
        try Data(text.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        var validator = FileValidator(repository: SchemaRepository(root: Fixtures.repositoryRoot.appendingPathComponent("Schemas")))
        validator.collectsSegments = true
        _ = try validator.validate(path: url.path, onTransaction: nil) { transaction = $0 }
        do {
            _ = try EDIFACTInboundMapper.map(transaction)
            Issue.record("no findings")
        } catch {
            #expect(error.findings.count == 2)
            #expect(error.findings[0].position?.segmentTag == "DTM")
            #expect(error.findings[0].message.contains("20260230"))
            #expect(error.findings[1].position?.segmentTag == "QTY")
            #expect(error.findings[1].field == "QTY 21 6060")
        }
    }
}

/// Every D96A/D01B ORDERS, ORDRSP, DESADV, INVOIC and REMADV message of `../shared/corpus`: its
/// typed model writes its segments back (valid or not); every valid one maps with the document
/// number, line count and quantities the raw segments hold (read here without the models).
@Suite struct EDIFACTCorpusMappingTests {
    struct Checked {
        var messages = 0
        var writtenBack = 0
        var files: Set<String> = []
    }

    @Test func everyValidCorpusMessageMapsWithItsKeyValues() throws {
        guard let corpus = Fixtures.sharedCorpus else { return }
        var checked = Checked()
        for url in Fixtures.files(in: corpus.appendingPathComponent("edifact")) {
            var validator = FileValidator(repository: SchemaRepository(root: Fixtures.repositoryRoot.appendingPathComponent("Schemas")))
            validator.collectsSegments = true
            validator.keepsResults = false
            var transactions: [ValidatedTransaction] = []
            _ = try? validator.validate(path: url.path, onTransaction: nil) { transactions.append($0) }
            for transaction in transactions where ["D96A", "D01B"].contains(transaction.envelope.version)
                && ["ORDERS", "ORDRSP", "DESADV", "INVOIC", "REMADV"].contains(transaction.envelope.transactionType) {
                let name = "\(url.lastPathComponent) message \(transaction.envelope.transactionControlNumber)"
                try checkWriteBack(transaction, name)
                checked.writtenBack += 1
                guard !transaction.result.diagnostics.contains(where: { $0.severity == .error }) else { continue }
                let document: InternalDocument
                do {
                    document = try EDIFACTInboundMapper.map(transaction)
                } catch {
                    Issue.record("\(name): \(error)")
                    continue
                }
                checkKeyValues(document, transaction.segments, name)
                checked.messages += 1
                checked.files.insert(url.lastPathComponent)
            }
        }
        print("EDIFACT corpus: \(checked.writtenBack) messages written back, \(checked.messages) valid ones mapped and checked")
        #expect(checked.writtenBack >= 10, "written back \(checked.writtenBack) messages")
        #expect(checked.messages >= 5, "checked \(checked.messages) messages in \(checked.files.sorted())")
    }

    private func checkWriteBack(_ transaction: ValidatedTransaction, _ name: String) throws {
        let segments = transaction.segments
        let written: [OutgoingSegment]
        switch transaction.envelope.transactionType {
        case "ORDERS": written = try OrdersMessage(segments: segments).segments(messageReference: transaction.envelope.transactionControlNumber)
        case "ORDRSP": written = try OrderResponseMessage(segments: segments).segments(messageReference: transaction.envelope.transactionControlNumber)
        case "DESADV": written = try DespatchAdviceMessage(segments: segments).segments(messageReference: transaction.envelope.transactionControlNumber)
        case "INVOIC": written = try InvoiceMessage(segments: segments).segments(messageReference: transaction.envelope.transactionControlNumber)
        default: written = try RemittanceAdviceMessage(segments: segments).segments(messageReference: transaction.envelope.transactionControlNumber)
        }
        func text(_ segments: [OutgoingSegment]) throws -> String {
            var writer = SegmentWriter(syntax: .edifact, delimiters: .edifactDefault, lineStyle: .lf, trimsTrailingEmptyElements: true)
            for segment in segments { try writer.write(segment) }
            return String(decoding: writer.output, as: UTF8.self)
        }
        let original = segments.map { segment in segment.withSegment { OutgoingSegment($0) } }
        let (writtenLines, originalLines) = (try text(written).split(separator: "\n"), try text(original).split(separator: "\n"))
        let firstDifference = zip(writtenLines, originalLines).first { $0 != $1 }.map { "written \($0.0), read \($0.1)" }
        #expect(writtenLines == originalLines, "\(name) is written back as read: \(firstDifference ?? "segment counts differ")")
    }

    /// BGM 1004, LIN count and the first QTY of each line, read from the raw segments.
    private func checkKeyValues(_ document: InternalDocument, _ segments: [OwnedSegment], _ name: String) {
        let number = segments.first { $0.tag == "BGM" }.map { $0.withSegment { $0.element(2).component(1).string } }
        var quantities: [Decimal] = []
        var inLine = false
        for segment in segments {
            if segment.tag == "LIN" { inLine = true }
            if segment.tag == "QTY", inLine {
                let text = segment.withSegment { $0.element(1).component(2).string }.replacingOccurrences(of: ",", with: ".")
                quantities.append(Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) ?? -1)
                inLine = false
            }
        }
        let lineCount = segments.filter { $0.tag == "LIN" }.count
        switch document {
        case .purchaseOrder(let order):
            #expect(order.number == number, "\(name)")
            #expect(order.lines.count == lineCount, "\(name)")
            #expect(order.lines.map(\.quantity.value) == quantities, "\(name)")
        case .orderAcknowledgement(let ack):
            #expect(ack.number == number, "\(name)")
            #expect(ack.lines.count == lineCount, "\(name)")
        case .shipNotice(let notice):
            #expect(notice.shipmentId == number, "\(name)")
            func items(_ pack: Pack) -> [ShippedItem] { pack.items + pack.packs.flatMap(items) }
            let all = notice.orders.flatMap { $0.items + $0.packs.flatMap(items) }
            #expect(all.count == lineCount, "\(name)")
        case .invoice(let invoice):
            #expect(invoice.number == number, "\(name)")
            #expect(invoice.lines.count == lineCount, "\(name)")
            #expect(invoice.lines.map(\.quantity.value) == quantities, "\(name)")
        case .remittance(let remittance):
            #expect(remittance.number == number, "\(name)")
        }
    }
}
