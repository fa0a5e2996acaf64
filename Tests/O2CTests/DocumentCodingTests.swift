import EDICore
import Foundation
@testable import O2C
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

    /// `edikit translate` encodes a batch's documents one after the other into one buffer that it
    /// keeps: each range holds exactly that document's JSON, after emptying too.
    @Test func documentsAppendedToOneBufferAreEachDocumentsJSON() throws {
        for pretty in [true, false] {
            var writer = DocumentJSONWriter(pretty: pretty, capacity: 64)
            for _ in 0..<2 {
                writer.removeAll()
                let ranges = DocumentExamples.all.map { writer.append($0) }
                #expect(writer.count == ranges.last?.upperBound)
                for (document, range) in zip(DocumentExamples.all, ranges) {
                    let bytes = writer.withBytes(in: range) { Array($0) }
                    #expect(bytes == DocumentJSONWriter.encodedBytes(document, pretty: pretty))
                }
            }
        }
    }

    /// Strings of every length up to 40 (the writer copies and checks 1–3 bytes one by one, 4–7 as
    /// two overlapping 4-byte words, longer ones as 8-byte words, the last overlapping), with each
    /// character that needs an escape at each position: the same bytes as `JSONEncoder`.
    @Test func directWriterFindsEscapesAnywhereInALongString() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for length in 0...40 {
            for special in ["\"", "\\", "\n", "\u{1}", "\u{1f}", " ", "\u{7f}", "é"] {
                for position in 0...length where position < length || length == 0 {
                    var characters = Array(repeating: "a", count: length)
                    if length > 0 { characters[position] = special }
                    let order = InternalDocument.purchaseOrder(PurchaseOrder(number: characters.joined(),
                                                                             envelope: DocumentExamples.globexEnvelope))
                    #expect(Array(DocumentJSONWriter.encode(order, pretty: false)) == Array(try encoder.encode(order)))
                }
            }
        }
    }

    /// Integers are written digit by digit, without a `String`: the same text as `JSONEncoder`.
    @Test func directWriterWritesIntegersLikeJSONEncoder() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for count in [0, 7, 9, 10, 99, 100, 12_345, -1, -10, Int.max, Int.min] {
            let order = InternalDocument.purchaseOrder(PurchaseOrder(number: "1", totals: PurchaseOrderTotals(lineCount: count),
                                                                     envelope: DocumentExamples.globexEnvelope))
            #expect(Array(DocumentJSONWriter.encode(order, pretty: false)) == Array(try encoder.encode(order)), "\(count)")
        }
    }

    /// Enum values are written as static texts, without the escape scan: every case of every enum
    /// in the documents gives the same bytes as `JSONEncoder`, compact and pretty.
    @Test func directWriterWritesEveryEnumCaseLikeJSONEncoder() throws {
        let items = ItemIdScheme.allCases.map { ItemIdentifier(scheme: $0, qualifier: "Q", value: "V") }
        let identifiers = PartyIdScheme.allCases.map { PartyIdentifier(scheme: $0, value: "1") }
        var documents: [InternalDocument] = [EDISyntax.x12, .edifact].map { syntax in
            var envelope = DocumentExamples.globexEnvelope
            envelope.syntax = syntax
            return .purchaseOrder(PurchaseOrder(
                number: "1", parties: [Party(role: .buyer, identifiers: identifiers)],
                lines: [PurchaseOrderLine(lineNumber: "1", items: items, quantity: Quantity(value: 1))],
                allowancesCharges: [AllowanceCharge(kind: .allowance), AllowanceCharge(kind: .charge)], envelope: envelope))
        }
        documents += AcknowledgementStatus.allCases.map { status in
            .orderAcknowledgement(OrderAcknowledgement(purchaseOrderNumber: "1", status: status,
                                                       lines: [OrderAcknowledgementLine(lineNumber: "1", status: status)]))
        }
        documents += PaymentMethod.allCases.map { .remittance(Remittance(payment: Payment(method: $0, amount: 1))) }
        for pretty in [true, false] {
            let encoder = JSONEncoder()
            encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                : [.sortedKeys, .withoutEscapingSlashes]
            for document in documents {
                #expect(String(decoding: DocumentJSONWriter.encode(document, pretty: pretty), as: UTF8.self)
                        == String(decoding: try encoder.encode(document), as: UTF8.self))
            }
        }
    }

    /// Strings of up to 15 bytes are read from the `String` value's own two words (the layout is
    /// checked at start-up): on this platform that path is taken, and small strings of every length
    /// with and without bytes that need an escape (quotes, controls, DEL, non-ASCII) come out as
    /// `JSONEncoder` writes them, compact and pretty, also inside arrays of strings.
    @Test func smallStringsAreWrittenFromTheirOwnBytes() throws {
        #expect(JSONOutput.smallStringLayoutIsKnown)
        var texts: [String] = []
        for length in 0...17 {
            let plain = String(repeating: "x", count: length)
            texts.append(plain)
            for special in ["\"", "\\", "\u{0}", "\t", "\u{1f}", "\u{7f}", "é", "€"] where length > 0 {
                for position in [0, length / 2, length - 1] {
                    var characters = Array(plain).map(String.init)
                    characters[position] = special
                    texts.append(characters.joined())
                }
            }
        }
        let order = InternalDocument.purchaseOrder(PurchaseOrder(
            number: "1", carrier: Carrier(instructions: texts), notes: texts.map { Note(qualifier: $0, text: $0) },
            envelope: DocumentExamples.globexEnvelope))
        for pretty in [true, false] {
            let encoder = JSONEncoder()
            encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                : [.sortedKeys, .withoutEscapingSlashes]
            #expect(String(decoding: DocumentJSONWriter.encode(order, pretty: pretty), as: UTF8.self)
                    == String(decoding: try encoder.encode(order), as: UTF8.self))
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

    /// The direct writer formats decimals from their mantissa and exponent: the same text as
    /// `JSONEncoder` for seeded random amounts of every shape (signs, leading and trailing zeros,
    /// positive exponents, results of arithmetic, mantissas past 64 bits).
    @Test func directWriterWritesDecimalsLikeJSONEncoder() throws {
        var random = SeededGenerator(seed: 0x5EED_DEC1)
        var amounts = ["0", "0.00", "-0.50", "1.50", "100", "1E3", "0.001", "18446744073709551615",
                       "18446744073709551616", "-99999999999999999999.99", "7.0"].map { Decimal(string: $0)! }
        for round in 0..<2_000 {
            let whole = Int.random(in: -99_999_999...99_999_999, using: &random)
            let fraction = String(repeating: "0", count: Int.random(in: 0...4, using: &random))
                + String(Int.random(in: 0...9_999, using: &random))
            switch round % 4 {
            case 0: amounts.append(Decimal(string: "\(whole).\(fraction)")!)
            case 1: amounts.append(Decimal(whole) / Decimal(Int.random(in: 1...64, using: &random)))
            case 2: amounts.append(Decimal(string: "\(whole % 1_000)E\(Int.random(in: -20...20, using: &random))")!)
            default: amounts.append(Decimal(Int64.random(in: Int64.min / 4...Int64.max / 4, using: &random)) * Decimal(whole % 7))
            }
        }
        let lines = amounts.map { InvoiceLine(lineNumber: "1", quantity: Quantity(value: $0), amount: $0) }
        let invoice = InternalDocument.invoice(Invoice(number: "1", lines: lines))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        #expect(String(decoding: DocumentJSONWriter.encode(invoice, pretty: false), as: UTF8.self)
                == String(decoding: try encoder.encode(invoice), as: UTF8.self))
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
