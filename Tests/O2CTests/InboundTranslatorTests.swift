import EDICore
import EDISchema
import Foundation
import O2C
import Testing
import TestSupport

/// `InboundTranslator` over the `Samples/inbox` files: dispatch by syntax and type, envelopes, and
/// the business keys of every sample.
@Suite struct InboundTranslatorTests {
    static func transactions(_ relativePath: String) throws -> [ValidatedTransaction] {
        let repository = SchemaRepository(root: Fixtures.repositoryRoot.appendingPathComponent("Schemas"))
        var validator = FileValidator(repository: repository)
        validator.collectsSegments = true
        validator.keepsResults = false
        var collected: [ValidatedTransaction] = []
        _ = try validator.validate(path: Fixtures.repositoryRoot.appendingPathComponent(relativePath).path,
                                   onTransaction: nil) { collected.append($0) }
        return collected
    }

    @Test func documentTypesBySyntaxAndType() {
        #expect(InboundTranslator.documentType(syntax: .x12, transactionType: "850") == .purchaseOrder)
        #expect(InboundTranslator.documentType(syntax: .x12, transactionType: "856") == .shipNotice)
        #expect(InboundTranslator.documentType(syntax: .edifact, transactionType: "REMADV") == .remittance)
        #expect(InboundTranslator.documentType(syntax: .edifact, transactionType: "ORDRSP") == .orderAcknowledgement)
        #expect(InboundTranslator.documentType(syntax: .x12, transactionType: "997") == nil)
        #expect(InboundTranslator.documentType(syntax: .edifact, transactionType: "CONTRL") == nil)
        #expect(InboundTranslator.documentType(syntax: .edifact, transactionType: "850") == nil)
    }

    @Test func acknowledgementsHaveNoDocument() throws {
        let transaction = try #require(try Self.transactions("Samples/inbox/globex-997-004010-ack-for-invoice.edi").first)
        #expect(throws: MappingError.self) { try InboundTranslator.translate(transaction) }
    }

    @Test func envelopeComesFromTheTransaction() throws {
        let transaction = try #require(try Self.transactions("Samples/inbox/globex-850-004010-two-pos.edi").last)
        let envelope = DocumentEnvelope(transaction.envelope)
        #expect(envelope.syntax == .x12)
        #expect(envelope.transactionType == "850")
        #expect(envelope.transactionControlNumber == "0002")
        #expect(envelope.groupControlNumber == "101")
        #expect(envelope.sender == EnvelopePartyID(qualifier: "01", id: "804512378"))
        #expect(envelope.sourceFile?.hasSuffix("globex-850-004010-two-pos.edi") == true)
    }

    /// Business keys of every inbox sample (the values are those of `Samples/README.md`).
    static let expectedKeys: [(file: String, type: InternalDocument.DocumentType, keys: [String])] = [
        ("Samples/inbox/globex-850-004010-two-pos.edi", .purchaseOrder, ["4500012345", "4500012346"]),
        ("Samples/inbox/globex-850-005010.edi", .purchaseOrder, ["4500012400"]),
        ("Samples/inbox/initech-ORDERS-D96A-two-messages.edi", .purchaseOrder, ["PO-2026-0481", "PO-2026-0482"]),
        ("Samples/inbox/initech-ORDERS-D01B.edi", .purchaseOrder, ["PO-2026-0495"]),
        ("Samples/inbox/globex-820-004010-remittance.edi", .remittance, ["0041338765"]),
        ("Samples/inbox/initech-REMADV-D96A.edi", .remittance, ["RA-2026-1130"]),
        ("Samples/edi-outbound-examples/acme-855-004010-to-globex.edi", .orderAcknowledgement, ["4500012345"]),
        ("Samples/edi-outbound-examples/acme-856-004010-to-globex.edi", .shipNotice, ["SHP-26-004417"]),
        ("Samples/edi-outbound-examples/acme-810-004010-to-globex.edi", .invoice, ["ACM-INV-100017"]),
        ("Samples/edi-outbound-examples/acme-ORDRSP-D96A-to-initech.edi", .orderAcknowledgement, ["PO-2026-0481"]),
        ("Samples/edi-outbound-examples/acme-DESADV-D96A-to-initech.edi", .shipNotice, ["DES-2026-7710"]),
        ("Samples/edi-outbound-examples/acme-INVOIC-D96A-to-initech.edi", .invoice, ["91000017"]),
    ]

    @Test(.enabled(if: InboundTranslatorTests.mappersPresent), arguments: 0..<InboundTranslatorTests.expectedKeys.count)
    func inboxSamplesTranslate(_ index: Int) throws {
        let expected = Self.expectedKeys[index]
        let documents = try Self.transactions(expected.file).map { try InboundTranslator.translate($0) }
        #expect(documents.map(\.type) == Array(repeating: expected.type, count: expected.keys.count))
        #expect(documents.map(\.businessKey) == expected.keys)
        for document in documents { #expect(document.envelope != nil) }
    }

    @Test(.enabled(if: InboundTranslatorTests.mappersPresent))
    func sameOrderInBothSyntaxesHasTheSameShape() throws {
        // Globex 850 line 1 and Initech ORDERS D96A line 2 order the same item (UPC-A / GTIN-13 with a leading 0).
        let x12 = try #require(try Self.transactions("Samples/inbox/globex-850-004010-two-pos.edi").first)
        let edifact = try #require(try Self.transactions("Samples/inbox/initech-ORDERS-D96A-two-messages.edi").first)
        guard case .purchaseOrder(let globex) = try InboundTranslator.translate(x12),
              case .purchaseOrder(let initech) = try InboundTranslator.translate(edifact) else {
            Issue.record("not purchase orders")
            return
        }
        #expect(globex.envelope?.syntax == .x12 && initech.envelope?.syntax == .edifact)
        #expect(Set(globex.parties.map(\.role)).isSuperset(of: [.shipTo]))
        #expect(Set(initech.parties.map(\.role)).isSuperset(of: [.buyer, .supplier, .shipTo]))
        #expect(initech.party(.buyer)?.identifiers.first?.scheme == .gln)
        #expect(globex.lines.first?.items.first?.scheme == .upc)
        #expect(initech.lines.first?.items.first?.scheme == .ean)
        #expect(initech.currency == "EUR" && globex.currency == "USD")
    }

    @Test(.enabled(if: InboundTranslatorTests.mappersPresent))
    func globexPurchaseOrderValues() throws {
        let transaction = try #require(try Self.transactions("Samples/inbox/globex-850-004010-two-pos.edi").first)
        guard case .purchaseOrder(let order) = try InboundTranslator.translate(transaction) else {
            Issue.record("not a purchase order")
            return
        }
        #expect(order.orderDate == "2026-11-23")
        #expect(order.requestedDelivery == "2026-12-04")
        #expect(order.currency == "USD")
        #expect(order.lines.count == 3)
        #expect(order.lines.map(\.quantity.value) == [48, 24, 10])
        #expect(order.lines.first?.quantity.unit?.normalized == "EA")
        #expect(order.lines.first?.unitPrice?.value == Decimal(string: "12.5"))
        #expect(order.party(.shipTo)?.identifiers.first?.value == "042")
        #expect(order.totals?.lineCount == 3)
        #expect(order.totals?.quantityTotal == 82)
    }

    /// Whether the X12 and EDIFACT inbound mappers are in place (the translator says "no mapper" until then).
    static var mappersPresent: Bool {
        guard let transaction = try? transactions("Samples/inbox/globex-850-005010.edi").first else { return false }
        do {
            _ = try InboundTranslator.translate(transaction)
            return true
        } catch {
            return !error.findings.contains { $0.message.hasPrefix("no mapper") }
        }
    }
}
