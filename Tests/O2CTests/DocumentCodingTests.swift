import Foundation
import O2C
import Testing
import TestSupport

/// The JSON form of the internal documents: round trips, the `type` discriminator, exact decimals,
/// and the checked-in examples in `docs/schemas/examples` (re-recorded with
/// `EDIKIT_RECORD_EXAMPLES=1`, which fails the test while recording).
@Suite struct DocumentCodingTests {
    static let examplesFolder = Fixtures.repositoryRoot.appendingPathComponent("docs/schemas/examples")

    @Test(arguments: DocumentExamples.all)
    func roundTrip(_ document: InternalDocument) throws {
        let data = try DocumentExamples.encoder().encode(document)
        let decoded = try JSONDecoder().decode(InternalDocument.self, from: data)
        #expect(decoded == document)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["type"] as? String == document.type.rawValue)
    }

    @Test(arguments: DocumentExamples.all)
    func directWriterMatchesJSONEncoder(_ document: InternalDocument) throws {
        for pretty in [true, false] {
            let encoder = JSONEncoder()
            encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                : [.sortedKeys, .withoutEscapingSlashes]
            let expected = try encoder.encode(document)
            let written = DocumentJSONWriter.encode(document, pretty: pretty)
            #expect(String(decoding: written, as: UTF8.self) == String(decoding: expected, as: UTF8.self))
        }
    }

    @Test func directWriterEscapesLikeJSONEncoder() throws {
        let text = "a\"b\\c/d\n\r\t\u{8}\u{c}\u{1}\u{1f}\u{7f}é€😀"
        let order = InternalDocument.purchaseOrder(PurchaseOrder(number: text, notes: [Note(text: text)],
                                                                 envelope: DocumentExamples.globexEnvelope))
        for pretty in [true, false] {
            let encoder = JSONEncoder()
            encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                : [.sortedKeys, .withoutEscapingSlashes]
            #expect(Array(DocumentJSONWriter.encode(order, pretty: pretty)) == Array(try encoder.encode(order)))
        }
    }

    @Test func eachDocumentRoundTripsOnItsOwn() throws {
        let encoder = DocumentExamples.encoder(), decoder = JSONDecoder()
        #expect(try decoder.decode(PurchaseOrder.self, from: encoder.encode(DocumentExamples.purchaseOrder))
                == DocumentExamples.purchaseOrder)
        #expect(try decoder.decode(OrderAcknowledgement.self, from: encoder.encode(DocumentExamples.orderAcknowledgement))
                == DocumentExamples.orderAcknowledgement)
        #expect(try decoder.decode(ShipNotice.self, from: encoder.encode(DocumentExamples.shipNotice)) == DocumentExamples.shipNotice)
        #expect(try decoder.decode(Invoice.self, from: encoder.encode(DocumentExamples.invoice)) == DocumentExamples.invoice)
        #expect(try decoder.decode(Remittance.self, from: encoder.encode(DocumentExamples.remittance)) == DocumentExamples.remittance)
    }

    @Test func decimalsAreExactInJSON() throws {
        let amounts = ["2433.60", "0.1", "12345678901234.5678", "-48.67", "99999999999999999999.99"]
        for text in amounts {
            let line = InvoiceLine(lineNumber: "1", quantity: Quantity(value: 1), amount: Decimal(string: text)!)
            let data = try JSONEncoder().encode(line)
            #expect(try JSONDecoder().decode(InvoiceLine.self, from: data).amount == Decimal(string: text)!)
        }
        let data = try JSONEncoder().encode(Quantity(value: Decimal(string: "0.1")!))
        #expect(String(decoding: data, as: UTF8.self).contains("0.1"))
        #expect(!String(decoding: data, as: UTF8.self).contains("0.1000000"))
    }

    @Test func partyRolesEncodeAsNamesOrOtherWithTheCode() throws {
        let roles: [PartyRole] = [.buyer, .seller, .shipTo, .billTo, .remitTo, .shipFrom, .supplier, .payer, .payee, .other("ZZ"),
                                  .other("")]
        for role in roles {
            let data = try JSONEncoder().encode([role])
            #expect(try JSONDecoder().decode([PartyRole].self, from: data) == [role])
        }
        #expect(String(decoding: try JSONEncoder().encode([PartyRole.other("MF")]), as: UTF8.self) == "[\"other:MF\"]")
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([PartyRole].self, from: Data("[\"vendor\"]".utf8)) }
    }

    @Test func unknownDocumentTypeIsADecodingError() {
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(InternalDocument.self, from: Data("{\"type\": \"catalog\"}".utf8))
        }
    }

    @Test func businessKeyAndEnvelopeAccessors() {
        var document = InternalDocument.purchaseOrder(DocumentExamples.purchaseOrder)
        #expect(document.businessKey == "4500012345")
        #expect(document.envelope?.transactionControlNumber == "0001")
        document.envelope = nil
        #expect(document.envelope == nil)
        #expect(InternalDocument.remittance(DocumentExamples.remittance).businessKey == "0041338765")
        #expect(InternalDocument.shipNotice(DocumentExamples.shipNotice).businessKey == "SHP-26-004417")
    }

    @Test(arguments: DocumentExamples.all)
    func checkedInExampleMatches(_ document: InternalDocument) throws {
        let url = Self.examplesFolder.appendingPathComponent("\(document.type.rawValue).json")
        let data = try DocumentExamples.encoder().encode(document) + Data("\n".utf8)
        if ProcessInfo.processInfo.environment["EDIKIT_RECORD_EXAMPLES"] != nil {
            try FileManager.default.createDirectory(at: Self.examplesFolder, withIntermediateDirectories: true)
            try data.write(to: url)
            Issue.record("recorded \(url.lastPathComponent); run again without EDIKIT_RECORD_EXAMPLES")
            return
        }
        let stored = try Data(contentsOf: url)
        #expect(String(decoding: stored, as: UTF8.self) == String(decoding: data, as: UTF8.self))
        #expect(try JSONDecoder().decode(InternalDocument.self, from: stored) == document)
    }
}
