import Foundation
import Testing
import EDICore
import EDISchema
import X12
import TestSupport
@testable import O2C

/// X12 850/855/856/810/820 ↔ internal documents: golden JSON for every sample and valid fixture,
/// business values checked against the segments, internal → typed → internal and EDI → internal →
/// EDI round trips, and mapping findings with positions.
@Suite struct X12MappingTests {
    /// The X12 samples and fixtures with golden documents (relative to the repository root).
    static let goldenFiles = [
        "Samples/inbox/globex-820-004010-remittance.edi",
        "Samples/inbox/globex-850-004010-two-pos.edi",
        "Samples/inbox/globex-850-005010.edi",
        "Samples/edi-outbound-examples/acme-810-004010-to-globex.edi",
        "Samples/edi-outbound-examples/acme-855-004010-to-globex.edi",
        "Samples/edi-outbound-examples/acme-856-004010-to-globex.edi",
        "Tests/Fixtures/x12/x12_810+850_004010+003010_staedi_dual_groups.edi",
        "Tests/Fixtures/x12/x12_810_004010_staedi_simple810.edi",
        "Tests/Fixtures/x12/x12_850_004010VICS_nodex12_fat.edi",
        "Tests/Fixtures/x12/x12_850_004010VICS_nodex12_widgets.edi",
        "Tests/Fixtures/x12/x12_855_004010_nodex12.edi",
        "Tests/Fixtures/x12/x12_855_004010_staedi_two_855_minimal.edi",
        "Tests/Fixtures/x12/x12_856_004010_silvenga_pipe_elemsep_single_line.edi",
    ]

    static let goldenFolder = Fixtures.repositoryRoot.appendingPathComponent("Tests/O2CTests/Golden/x12")

    /// The 850/855/856/810/820 transactions of a file in versions 004010 and 005010.
    static func transactions(_ relativePath: String) throws -> [ValidatedTransaction] {
        var validator = FileValidator(repository: SchemaRepository(root: Fixtures.repositoryRoot.appendingPathComponent("Schemas")))
        validator.collectsSegments = true
        validator.keepsResults = false
        var result: [ValidatedTransaction] = []
        _ = try validator.validate(path: Fixtures.repositoryRoot.appendingPathComponent(relativePath).path, onTransaction: nil) {
            let version = $0.envelope.version
            if ["850", "855", "856", "810", "820"].contains($0.envelope.transactionType),
               version.hasPrefix("004010") || version.hasPrefix("005010") {
                result.append($0)
            }
        }
        return result
    }

    /// The internal documents of a file, source paths relative to the repository.
    static func documents(_ relativePath: String) throws -> [InternalDocument] {
        try transactions(relativePath).map { transaction in
            var document = try X12InboundMapper.map(transaction)
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

    // MARK: - Golden files

    @Test(arguments: goldenFiles)
    func matchesGolden(_ relativePath: String) throws {
        let documents = try Self.documents(relativePath)
        #expect(!documents.isEmpty)
        let actual = try Self.goldenJSON(documents)
        let name = (relativePath as NSString).lastPathComponent
        let url = Self.goldenFolder.appendingPathComponent("\(name).json")
        if ProcessInfo.processInfo.environment["EDIKIT_RECORD_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: Self.goldenFolder, withIntermediateDirectories: true)
            try actual.write(to: url)
            Issue.record("recorded \(url.path); unset EDIKIT_RECORD_GOLDEN and run again")
            return
        }
        let expected = try Data(contentsOf: url)
        #expect(actual == expected, "\(name): differs from its golden file; EDIKIT_RECORD_GOLDEN=1 re-records it")
    }

    // MARK: - Business values

    @Test func globexPurchaseOrders() throws {
        let documents = try Self.documents("Samples/inbox/globex-850-004010-two-pos.edi")
        #expect(documents.count == 2)
        guard case .purchaseOrder(let order) = documents[0] else { Issue.record("not a purchase order"); return }
        #expect(order.number == "4500012345")
        #expect(order.purpose == "00")
        #expect(order.orderType == "SA")
        #expect(order.orderDate == "2026-11-23")
        #expect(order.requestedDelivery == "2026-12-04")
        #expect(order.otherDates == [QualifiedDate(qualifier: "001", date: "2026-12-11")])
        #expect(order.currency == "USD")
        #expect(order.references == [Reference(qualifier: "DP", value: "042"), Reference(qualifier: "IA", value: "77341")])
        #expect(order.contacts == [Contact(function: "BD", name: "JANE DOE", phone: "6145550142")])
        #expect(order.terms == [PaymentTerms(type: "01", basisDateCode: "3", discountPercent: 2, discountDays: 10, netDays: 30)])
        let shipTo = try #require(order.party(.shipTo))
        #expect(shipTo.roleCode == "ST")
        #expect(shipTo.name == "GLOBEX DC 042")
        #expect(shipTo.identifiers == [PartyIdentifier(scheme: .assignedByBuyer, qualifier: "92", value: "042")])
        #expect(shipTo.address == Address(lines: ["4800 COMMERCE PKWY"], city: "COLUMBUS", region: "OH", postalCode: "43219", country: "US"))
        #expect(order.party(.billTo)?.name == "GLOBEX RETAIL INC")
        #expect(order.lines.count == 3)
        #expect(order.lines.map(\.quantity.value) == [48, 24, 10])
        #expect(order.lines[0].quantity.unit == UnitOfMeasure(asSent: "EA", normalized: "EA"))
        #expect(order.lines[0].unitPrice == UnitPrice(value: Decimal(string: "12.5")!, basis: "PE"))
        #expect(order.lines[0].items == [ItemIdentifier(scheme: .upc, qualifier: "UP", value: "876543100015"),
                                         ItemIdentifier(scheme: .vendorPartNumber, qualifier: "VN", value: "ACM-1001")])
        #expect(order.lines[2].description == "SPROCKET STEEL 40MM")
        #expect(order.totals == PurchaseOrderTotals(lineCount: 3, quantityTotal: 82))
        let envelope = try #require(order.envelope)
        #expect(envelope.syntax == .x12)
        #expect(envelope.transactionType == "850")
        #expect(envelope.transactionControlNumber == "0001")
        #expect(envelope.interchangeControlNumber == "000000101")
        #expect(envelope.sender == EnvelopePartyID(qualifier: "01", id: "804512378"))
        guard case .purchaseOrder(let second) = documents[1] else { Issue.record("not a purchase order"); return }
        #expect(second.number == "4500012346")
        #expect(second.party(.shipTo)?.address?.city == "LOUISVILLE")
    }

    @Test func globex005010PurchaseOrder() throws {
        guard case .purchaseOrder(let order)? = try Self.documents("Samples/inbox/globex-850-005010.edi").first else {
            Issue.record("no purchase order"); return
        }
        #expect(order.number == "4500012400")
        #expect(order.envelope?.version == "005010")
        #expect(order.lines.map(\.quantity.value) == [96, 24])
        #expect(order.lines[1].unitPrice?.value == Decimal(string: "8.75"))
        #expect(order.totals?.quantityTotal == 120)
    }

    @Test func acmeAcknowledgement() throws {
        guard case .orderAcknowledgement(let ack)? = try Self.documents("Samples/edi-outbound-examples/acme-855-004010-to-globex.edi").first else {
            Issue.record("no acknowledgement"); return
        }
        #expect(ack.purchaseOrderNumber == "4500012345")
        #expect(ack.purchaseOrderDate == "2026-11-23")
        #expect(ack.number == "SO-88812")
        #expect(ack.date == "2026-11-24")
        #expect(ack.acknowledgementType == "AD")
        #expect(ack.status == .accepted)
        #expect(ack.lines.count == 3)
        #expect(ack.lines[0].status == .accepted)
        #expect(ack.lines[0].statusCode == "IA")
        #expect(ack.lines[0].schedules == [ScheduledQuantity(quantity: Quantity(value: 48, unit: UnitOfMeasure(asSent: "EA", normalized: "EA")),
                                                             date: "2026-12-02", dateQualifier: "068")])
        #expect(ack.lineCount == 3)
        #expect(ack.parties.first { $0.role == .shipTo }?.identifiers.first?.value == "042")
    }

    @Test func acmeShipNotice() throws {
        guard case .shipNotice(let notice)? = try Self.documents("Samples/edi-outbound-examples/acme-856-004010-to-globex.edi").first else {
            Issue.record("no ship notice"); return
        }
        #expect(notice.shipmentId == "SHP-26-004417")
        #expect(notice.noticeDate == "2026-12-02T14:30")
        #expect(notice.shipDate == "2026-12-02T14:30")
        #expect(notice.estimatedDelivery == "2026-12-04")
        #expect(notice.structureCode == "0001")
        #expect(notice.carrier == Carrier(scac: "UPSN", transportMethod: "M", routing: "UPS GROUND", routingSequence: "B"))
        #expect(notice.billOfLading == "ACM-BOL-0044170")
        #expect(notice.packageCount == 2)
        #expect(notice.packagingCode == "CTN25")
        #expect(notice.measurements == [Measurement(qualifier: "G", value: Decimal(string: "185.4")!,
                                                    unit: UnitOfMeasure(asSent: "LB", normalized: "LBR"))])
        #expect(notice.parties.map(\.role) == [.shipTo, .shipFrom])
        #expect(notice.orders.count == 1)
        let order = notice.orders[0]
        #expect(order.purchaseOrderNumber == "4500012345")
        #expect(order.purchaseOrderDate == "2026-11-23")
        #expect(order.packs.map(\.sscc) == ["00008765430000001015", "00008765430000001022"])
        #expect(order.packs[0].items.map(\.quantityShipped.value) == [48])
        #expect(order.packs[1].items.map(\.quantityShipped.value) == [24, 10])
        #expect(order.packs[1].items[1].items.last?.value == "ACM-2001")
        #expect(notice.lineCount == 7)
    }

    @Test func acmeInvoice() throws {
        guard case .invoice(let invoice)? = try Self.documents("Samples/edi-outbound-examples/acme-810-004010-to-globex.edi").first else {
            Issue.record("no invoice"); return
        }
        #expect(invoice.number == "ACM-INV-100017")
        #expect(invoice.date == "2026-12-02")
        #expect(invoice.purchaseOrderNumber == "4500012345")
        #expect(invoice.purchaseOrderDate == "2026-11-23")
        #expect(invoice.shipDate == "2026-12-02")
        #expect(invoice.currency == "USD")
        #expect(invoice.parties.map(\.role) == [.billTo, .shipTo, .remitTo])
        #expect(invoice.lines.map(\.amount) == [600, 300, 350])
        #expect(invoice.totals.totalAmount == 1250)
        #expect(invoice.totals.lineCount == 3)
        #expect(invoice.lines.compactMap(\.amount).reduce(0, +) == invoice.totals.totalAmount)
    }

    @Test func globexRemittance() throws {
        guard case .remittance(let remittance)? = try Self.documents("Samples/inbox/globex-820-004010-remittance.edi").first else {
            Issue.record("no remittance"); return
        }
        #expect(remittance.number == "0041338765")
        #expect(remittance.date == "2026-11-30")
        #expect(remittance.currency == "USD")
        let payment = remittance.payment
        #expect(payment.amount == 2400)
        #expect(payment.method == .ach)
        #expect(payment.methodCode == "ACH")
        #expect(payment.formatCode == "CCP")
        #expect(payment.creditDebit == "C")
        #expect(payment.date == "2026-12-01")
        #expect(payment.traceNumber == "0041338765")
        #expect(payment.payerAccount == BankAccount(bankIdQualifier: "01", bankId: "041000124", accountQualifier: "DA", accountNumber: "3345678901"))
        #expect(payment.payeeAccount?.accountNumber == "9988776655")
        #expect(remittance.parties.map(\.role) == [.payer, .payee])
        #expect(remittance.remittedInvoices.map(\.invoiceNumber) == ["ACM-INV-100017", "ACM-INV-100018"])
        #expect(remittance.remittedInvoices.map(\.amountPaid) == [1225, 1175])
        #expect(remittance.remittedInvoices[0].invoiceAmount == 1250)
        #expect(remittance.remittedInvoices[0].discountAmount == 25)
        #expect(remittance.remittedInvoices[0].purchaseOrderNumber == "4500012345")
        #expect(remittance.remittedInvoices[0].invoiceDate == "2026-12-02")
        #expect(remittance.remittedInvoices.map(\.amountPaid).reduce(0, +) == payment.amount)
    }

    @Test func allowancesChargesAndTaxes() throws {
        let transaction = try #require(try Self.transactions("Samples/edi-outbound-examples/acme-810-004010-to-globex.edi").first)
        var values = transaction.segments.map { segment in segment.withSegment { OutgoingSegment($0) } }
        let tds = try #require(values.firstIndex { $0.tag == "TDS" })
        values.insert(contentsOf: [OutgoingSegment("TXI", ["ST", "62.5", "0.05"]),
                                   OutgoingSegment("SAC", ["C", "D240", "", "", "1500", "", "", "", "", "", "", "", "", "", "FREIGHT"])],
                      at: tds + 1)
        let firstLine = try #require(values.firstIndex { $0.tag == "IT1" })
        values.insert(OutgoingSegment("TXI", ["ST", "30"]), at: firstLine + 1)
        values.insert(OutgoingSegment("SAC", ["A", "C310", "", "", "1200"]), at: firstLine + 3)
        // SAC06 3 (discount/gross) with SAC07 0.02, the 2 % it qualifies.
        values.insert(OutgoingSegment("SAC", ["A", "C310", "", "", "", "3", "0.02"]), at: firstLine + 4)
        values[values.count - 1] = OutgoingSegment("SE", [String(values.count), "0001"])
        guard case .invoice(let invoice) = try X12InboundMapper.map(segments: try Self.reread(values)) else {
            Issue.record("not an invoice"); return
        }
        #expect(invoice.taxes == [Tax(type: "ST", percent: 5, amount: Decimal(string: "62.5"))])
        #expect(invoice.allowancesCharges == [AllowanceCharge(kind: .charge, code: "D240", description: "FREIGHT", amount: 15)])
        #expect(invoice.lines[0].taxes == [Tax(type: "ST", amount: 30)])
        #expect(invoice.lines[0].allowancesCharges == [AllowanceCharge(kind: .allowance, code: "C310", amount: 12),
                                                       AllowanceCharge(kind: .allowance, code: "C310", percent: 2, percentQualifier: "3")])
        let written = try X12OutboundMapper.map(.invoice(invoice)).segments(controlNumber: "0001")
        #expect(written == values)
    }

    /// Pack levels: TD1 (packaging code, gross weight) and PO4 (gross weight per pack) become the
    /// pack's packaging code and measurements; outbound writes them as TD1s, which read back the same.
    @Test func packLevelPackagingAndWeights() throws {
        let transaction = try #require(try Self.transactions("Samples/edi-outbound-examples/acme-856-004010-to-globex.edi").first)
        var values = transaction.segments.map { segment in segment.withSegment { OutgoingSegment($0) } }
        let pack = try #require(values.firstIndex { $0.tag == "HL" && $0[element: 3] == "P" })
        values.insert(contentsOf: [OutgoingSegment("PO4", ["", "", "", "", "G", "12.5", "LB"]),
                                   OutgoingSegment("TD1", ["CTN25", "1", "", "", "", "G", "13", "LB"])], at: pack + 1)
        values[values.count - 1] = OutgoingSegment("SE", [String(values.count), "0001"])
        guard case .shipNotice(let notice) = try X12InboundMapper.map(segments: try Self.reread(values)) else {
            Issue.record("not a ship notice"); return
        }
        let first = try #require(notice.orders.first?.packs.first)
        #expect(first.packagingCode == "CTN25")
        let pound = UnitOfMeasure(asSent: "LB", normalized: "LBR")
        #expect(first.measurements == [Measurement(qualifier: "G", value: 13, unit: pound),
                                       Measurement(qualifier: "G", value: Decimal(string: "12.5")!, unit: pound)])
        #expect(notice.orders.first?.packs.dropFirst().allSatisfy { $0.packagingCode == nil && $0.measurements.isEmpty } == true)
        let written = try X12OutboundMapper.map(.shipNotice(notice)).segments(controlNumber: "0001")
        let td1s = written.drop { !($0.tag == "HL" && $0[element: 3] == "P") }.dropFirst().prefix { $0.tag == "TD1" }
        #expect(Array(td1s) == [OutgoingSegment("TD1", ["CTN25", "1", "", "", "", "G", "13", "LB"]),
                                OutgoingSegment("TD1", ["", "", "", "", "", "G", "12.5", "LB"])])
        guard case .shipNotice(let again) = try X12InboundMapper.map(segments: try Self.reread(written)) else {
            Issue.record("not a ship notice"); return
        }
        #expect(again.orders == notice.orders)
    }

    // MARK: - Round trips

    /// internal → typed → internal: the same document (the envelope is not part of the typed model).
    @Test(arguments: goldenFiles)
    func internalToTypedToInternal(_ relativePath: String) throws {
        for document in try Self.documents(relativePath) {
            for version in ["004010", "005010"] {
                let model = try X12OutboundMapper.map(document, version: version)
                var again: InternalDocument
                switch model {
                case .purchaseOrder(let order): again = .purchaseOrder(try X12InboundMapper.purchaseOrder(from: order))
                case .orderAcknowledgement(let ack): again = .orderAcknowledgement(try X12InboundMapper.orderAcknowledgement(from: ack))
                case .shipNotice(let notice): again = .shipNotice(try X12InboundMapper.shipNotice(from: notice))
                case .invoice(let invoice): again = .invoice(try X12InboundMapper.invoice(from: invoice))
                case .remittance(let remittance): again = .remittance(try X12InboundMapper.remittance(from: remittance))
                }
                again.envelope = document.envelope
                #expect(again == document, "\(relativePath) \(document.businessKey ?? "") \(version)")
            }
        }
    }

    /// EDI → internal → EDI: the generated transaction, written and read again, maps to the same
    /// document; for ACME's and Globex's samples it is the same segments as the source.
    @Test(arguments: goldenFiles)
    func ediToInternalToEDI(_ relativePath: String) throws {
        let identical = relativePath.hasPrefix("Samples/")
        for transaction in try Self.transactions(relativePath) {
            var document = try X12InboundMapper.map(transaction)
            let control = transaction.envelope.transactionControlNumber
            let written = try X12OutboundMapper.map(document, version: "004010").segments(controlNumber: control)
            let reread = try Self.reread(written)
            var again = try X12InboundMapper.map(segments: reread)
            again.envelope = document.envelope
            document.envelope = document.envelope
            #expect(again == document, "\(relativePath) \(control)")
            if identical {
                let source = transaction.segments.map { segment in segment.withSegment { OutgoingSegment($0) } }
                #expect(written == source, "\(relativePath) \(control)")
            }
        }
    }

    /// The outbound typed models of every golden document, in both versions, validate against the
    /// shipped schemas without an error.
    @Test(arguments: goldenFiles)
    func generatedTransactionsValidate(_ relativePath: String) throws {
        try Self.validateGenerated(try Self.documents(relativePath), name: relativePath)
    }

    /// Documents read from EDIFACT samples written as X12 validate too.
    @Test func edifactDocumentsAsX12Validate() throws {
        var validator = FileValidator(repository: SchemaRepository(root: Fixtures.repositoryRoot.appendingPathComponent("Schemas")))
        validator.collectsSegments = true
        var documents: [InternalDocument] = []
        for name in ["inbox/initech-ORDERS-D96A-two-messages.edi", "inbox/initech-ORDERS-D01B.edi", "inbox/initech-REMADV-D96A.edi",
                     "edi-outbound-examples/acme-ORDRSP-D96A-to-initech.edi", "edi-outbound-examples/acme-DESADV-D96A-to-initech.edi",
                     "edi-outbound-examples/acme-INVOIC-D96A-to-initech.edi"] {
            let path = Fixtures.repositoryRoot.appendingPathComponent("Samples/\(name)").path
            _ = try validator.validate(path: path, onTransaction: nil) { transaction in
                if let document = try? EDIFACTInboundMapper.map(transaction) { documents.append(document) }
            }
        }
        #expect(documents.count == 7)
        try Self.validateGenerated(documents, name: "EDIFACT samples")
    }

    static func validateGenerated(_ documents: [InternalDocument], name relativePath: String) throws {
        let folder = TestFiles.folder.appendingPathComponent("edikit-x12-mapping-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let repository = SchemaRepository(root: Fixtures.repositoryRoot.appendingPathComponent("Schemas"))
        for (index, document) in documents.enumerated() {
            for version in ["004010", "005010"] {
                let model = try X12OutboundMapper.map(document, version: version)
                let is5010 = version == "005010"
                var writer = SegmentWriter(syntax: .x12, delimiters: Delimiters(
                    element: UInt8(ascii: "*"), component: UInt8(ascii: ">"), repetition: is5010 ? UInt8(ascii: "^") : nil,
                    segment: UInt8(ascii: "~"), release: nil), lineStyle: .lf)
                try writer.write(OutgoingSegment("ISA", ["00", "          ", "00", "          ", "ZZ", "ACMESUPPLY     ",
                                                         "01", "804512378      ", "261129", "0800", is5010 ? "^" : "U",
                                                         is5010 ? "00501" : "00401", "000000001", "0", "T", ">"]))
                try writer.write(OutgoingSegment("GS", [model.functionalIdentifierCode, "ACMESUPPLY", "804512378", "20261129",
                                                        "0800", "1", "X", version]))
                for segment in model.segments(controlNumber: "0001") { try writer.write(segment) }
                try writer.write(OutgoingSegment("GE", ["1", "1"]))
                try writer.write(OutgoingSegment("IEA", ["1", "000000001"]))
                let file = folder.appendingPathComponent("\(index)-\(version).edi")
                try Data(writer.output).write(to: file)
                let result = try FileValidator(repository: repository).validate(path: file.path)
                #expect(result.transactions.map(\.type) == [model.transactionSet])
                #expect(result.transactions.first?.schemaVersion != nil)
                let errors = result.allDiagnostics.filter { $0.severity == .error }
                #expect(errors.isEmpty, "\(relativePath) #\(index) \(version): \(errors.prefix(5))")
            }
        }
    }

    static func reread(_ transaction: [OutgoingSegment]) throws -> [OwnedSegment] {
        var writer = SegmentWriter(syntax: .x12, delimiters: .x12Common, lineStyle: .lf)
        try writer.write(OutgoingSegment("ISA", ["00", "          ", "00", "          ", "ZZ", "SENDER         ",
                                                 "ZZ", "RECEIVER       ", "261129", "0800", "^", "00501", "000000001",
                                                 "0", "T", ">"]))
        try writer.write(OutgoingSegment("GS", ["XX", "SENDER", "RECEIVER", "20261129", "0800", "1", "X", "005010"]))
        for segment in transaction { try writer.write(segment) }
        try writer.write(OutgoingSegment("GE", ["1", "1"]))
        try writer.write(OutgoingSegment("IEA", ["1", "000000001"]))
        let reader = EDIStreamReader(source: MemoryByteSource(writer.output))
        var segments: [OwnedSegment] = []
        var inside = false
        try reader.forEach { event in
            guard case .segment(let segment) = event else { return }
            if segment.tag == "ST" { inside = true }
            if inside { segments.append(segment.copy()) }
            if segment.tag == "SE" { inside = false }
        }
        return segments
    }

    // MARK: - Findings

    /// The first Globex order with one segment replaced, read back from bytes.
    static func globexOrder(replacing index: Int, with segment: OutgoingSegment?) throws -> [OwnedSegment] {
        let transaction = try #require(try transactions("Samples/inbox/globex-850-004010-two-pos.edi").first)
        var values = transaction.segments.map { segment in segment.withSegment { OutgoingSegment($0) } }
        if let segment { values[index] = segment } else { values.remove(at: index) }
        values[values.count - 1] = OutgoingSegment("SE", [String(values.count), "0001"])
        return try reread(values)
    }

    @Test func nonNumericQuantityIsAFindingAtItsElement() throws {
        let segments = try Self.globexOrder(replacing: 15, with: OutgoingSegment("PO1", ["1", "4X8", "EA", "12.5", "PE", "UP", "876543100015"]))
        #expect {
            try X12InboundMapper.map(segments: segments)
        } throws: { error in
            guard let error = error as? MappingError, let finding = error.findings.first else { return false }
            return finding.message == "\"4X8\" is not a number" && finding.field == "PO102"
                && finding.position?.segmentTag == "PO1" && finding.position?.element == 2 && finding.position?.line == 18
        }
    }

    @Test func impossibleDateIsAFinding() throws {
        let segments = try Self.globexOrder(replacing: 1, with: OutgoingSegment("BEG", ["00", "SA", "4500012345", "", "20260230"]))
        #expect {
            try X12InboundMapper.map(segments: segments)
        } throws: { error in
            guard let error = error as? MappingError, let finding = error.findings.first else { return false }
            return finding.field == "BEG05" && finding.message.contains("20260230") && finding.position?.segmentTag == "BEG"
                && finding.position?.element == 5
        }
    }

    @Test func orderWithoutShipToIsAFinding() throws {
        // N1*ST is segment 9 (0-based) of the first order: make it a payer's loop.
        let segments = try Self.globexOrder(replacing: 9, with: OutgoingSegment("N1", ["PR", "GLOBEX DC 042", "92", "042"]))
        #expect {
            try X12InboundMapper.map(segments: segments)
        } throws: { error in
            guard let error = error as? MappingError else { return false }
            return error.findings.contains { $0.field == "parties[shipTo]" && $0.position?.segmentTag == "BEG" }
        }
    }

    @Test func outboundRejectsUnknownVersionAndBadDates() throws {
        let order = PurchaseOrder(number: "1", orderDate: "2026-02-30", lines: [])
        #expect(throws: MappingError.self) { try X12OutboundMapper.map(.purchaseOrder(order), version: "003010") }
        #expect {
            try X12OutboundMapper.map(.purchaseOrder(order), version: "005010")
        } throws: { error in
            (error as? MappingError)?.findings.first?.field == "orderDate"
        }
    }
}

/// Every valid 004010/005010 850/855/856/810/820 in `../shared/corpus`: the typed model writes
/// the source segments back, the mapper succeeds, and the key business values (document number,
/// line count, quantity and amount sums, totals) agree with values read straight from the
/// segments, without the typed model.
@Suite struct X12CorpusMappingTests {
    struct Checked {
        var transactions = 0
        var failures: [String] = []
    }

    static func raw(_ segments: [OwnedSegment], _ tag: SegmentTag, _ element: Int) -> [String] {
        segments.filter { $0.tag == tag }.map { $0[element] ?? "" }
    }

    static func sum(_ values: [String], impliedDecimals: Int = 0) -> Decimal {
        values.reduce(Decimal(0)) { total, text in
            var value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) ?? 0
            for _ in 0..<impliedDecimals { value /= 10 }
            return total + value
        }
    }

    static func shippedItems(_ notice: ShipNotice) -> [ShippedItem] {
        func items(_ pack: Pack) -> [ShippedItem] { pack.items + pack.packs.flatMap(items) }
        return notice.orders.flatMap { $0.items + $0.packs.flatMap(items) }
    }

    /// Compares one document with the raw segments; returns what disagrees.
    static func disagreements(_ document: InternalDocument, _ segments: [OwnedSegment]) -> [String] {
        var problems: [String] = []
        func check(_ ok: Bool, _ what: String) { if !ok { problems.append(what) } }
        switch document {
        case .purchaseOrder(let order):
            check(order.number == raw(segments, "BEG", 3).first, "BEG03")
            check(order.orderDate == raw(segments, "BEG", 5).first.flatMap { ISODate.fromX12(date: $0) }, "BEG05")
            check(order.lines.count == raw(segments, "PO1", 1).count, "PO1 count")
            check(order.lines.map(\.quantity.value).reduce(0, +) == sum(raw(segments, "PO1", 2)), "PO102 sum")
            if let ctt = raw(segments, "CTT", 1).first { check(order.totals?.lineCount == Int(ctt), "CTT01") }
        case .orderAcknowledgement(let ack):
            check(ack.purchaseOrderNumber == raw(segments, "BAK", 3).first, "BAK03")
            check(ack.lines.count == raw(segments, "PO1", 1).count, "PO1 count")
            check(ack.lines.compactMap(\.orderedQuantity?.value).reduce(0, +) == sum(raw(segments, "PO1", 2)), "PO102 sum")
        case .shipNotice(let notice):
            check(notice.shipmentId == raw(segments, "BSN", 2).first, "BSN02")
            let items = shippedItems(notice)
            check(items.count == raw(segments, "SN1", 2).count, "SN1 count")
            check(items.map(\.quantityShipped.value).reduce(0, +) == sum(raw(segments, "SN1", 2)), "SN102 sum")
            check(notice.orders.compactMap(\.purchaseOrderNumber).count == raw(segments, "PRF", 1).count, "PRF count")
        case .invoice(let invoice):
            check(invoice.number == raw(segments, "BIG", 2).first, "BIG02")
            check(invoice.lines.count == raw(segments, "IT1", 2).count, "IT1 count")
            check(invoice.lines.map(\.quantity.value).reduce(0, +) == sum(raw(segments, "IT1", 2)), "IT102 sum")
            if let tds = raw(segments, "TDS", 1).first { check(invoice.totals.totalAmount == sum([tds], impliedDecimals: 2), "TDS01") }
        case .remittance(let remittance):
            check(remittance.payment.amount == sum(raw(segments, "BPR", 2)), "BPR02")
            check(remittance.remittedInvoices.count == raw(segments, "RMR", 2).count, "RMR count")
            check(remittance.remittedInvoices.map(\.amountPaid).reduce(0, +) == sum(raw(segments, "RMR", 4)), "RMR04 sum")
        }
        return problems
    }

    @Test func validCorpusTransactionsTranslate() throws {
        guard let corpus = Fixtures.sharedCorpus else { return }
        var validator = FileValidator(repository: SchemaRepository(root: Fixtures.repositoryRoot.appendingPathComponent("Schemas")))
        validator.collectsSegments = true
        validator.keepsResults = false
        var checked = Checked()
        for url in Fixtures.files(in: corpus.appendingPathComponent("x12")) {
            _ = try? validator.validate(path: url.path, onTransaction: nil) { transaction in
                let version = transaction.envelope.version
                guard ["850", "855", "856", "810", "820"].contains(transaction.envelope.transactionType),
                      version.hasPrefix("004010") || version.hasPrefix("005010"), transaction.result.isValid else { return }
                checked.transactions += 1
                let name = "\(url.lastPathComponent) \(transaction.envelope.transactionType) \(transaction.envelope.transactionControlNumber)"
                let written = (try? X12RoundTripWriter.write(transaction.segments)) ?? []
                var source = transaction.segments.map { segment in segment.withSegment { OutgoingSegment($0) }.trimmedForComparison }
                // SE01 is recounted (the corpus has zero-padded counts such as 0000000031).
                if let last = source.indices.last, source[last].tag == "SE", let count = Int(source[last][element: 1] ?? "") {
                    source[last][element: 1] = String(count)
                }
                if written != source {
                    checked.failures.append("\(name): the typed model does not write the source back")
                }
                do {
                    let document = try X12InboundMapper.map(transaction)
                    let problems = Self.disagreements(document, transaction.segments)
                    if !problems.isEmpty { checked.failures.append("\(name): \(problems.joined(separator: ", "))") }
                } catch {
                    checked.failures.append("\(name): \(error)")
                }
            }
        }
        #expect(checked.transactions >= 20, "only \(checked.transactions) valid transactions in the corpus")
        #expect(checked.failures.isEmpty, "\(checked.failures.count) of \(checked.transactions): \(checked.failures.joined(separator: "\n"))")
    }
}

/// Writes a transaction back through its typed model.
enum X12RoundTripWriter {
    static func write(_ segments: [OwnedSegment]) throws -> [OutgoingSegment] {
        let control = segments.first?[2] ?? ""
        switch segments.first?[1] {
        case "850": return (try PurchaseOrder850(segments: segments).segments(controlNumber: control))
        case "855": return (try PurchaseOrderAcknowledgement855(segments: segments).segments(controlNumber: control))
        case "856": return (try ShipNotice856(segments: segments).segments(controlNumber: control))
        case "810": return (try Invoice810(segments: segments).segments(controlNumber: control))
        case "820": return (try PaymentOrder820(segments: segments).segments(controlNumber: control))
        default: return ([])
        }
    }
}

extension OutgoingSegment {
    /// Without trailing empty elements, as the typed models write.
    var trimmedForComparison: OutgoingSegment {
        var copy = self
        while let last = copy.elements.last, last.allSatisfy({ $0.allSatisfy(\.isEmpty) }) { copy.elements.removeLast() }
        return copy
    }
}
