import Foundation
import Testing
import EDICore
import EDISchema
import TestSupport
@testable import O2C

/// Hand-made pairs (`Tests/O2CTests/Pairs`): an X12 transaction and an EDIFACT message with the
/// same business content map to equal internal documents.
///
/// What is compared is the business content: the envelope and the codes kept "as sent" differ by
/// syntax by design (BEG01 `00` vs BGM 1225 `9`, N103 `UL` vs 3055 `9`, PO105 `PE` vs 5125 `AAA`,
/// ACK01 `IA` vs 1229 `5`, DTM `002` vs `2`…) and are removed before comparing; the meanings the
/// code tables give them (role, scheme, status, normalised unit) stay and must agree.
@Suite struct CrossSyntaxTests {
    static let pairs = Fixtures.repositoryRoot.appendingPathComponent("Tests/O2CTests/Pairs")

    /// Keys whose values are codes as sent in one syntax.
    static let asSentKeys: Set<String> = ["envelope", "purpose", "orderType", "invoiceType", "acknowledgementType", "roleCode",
                                          "qualifier", "basis", "statusCode", "dateQualifier", "asSent", "type",
                                          "basisDateCode", "methodCode", "formatCode", "levelCode", "packagingCode", "documentType",
                                          "bankIdQualifier", "accountQualifier"]

    /// Known gaps: EDIFACT has no code for ACH (PAI 4461) and REMADV no credit/debit flag (BPR03).
    static let knownGaps: [String: Set<String>] = ["pair-820.edi": ["method", "creditDebit"]]

    static func document(_ name: String) throws -> InternalDocument {
        var validator = FileValidator(repository: SchemaRepository(root: Fixtures.repositoryRoot.appendingPathComponent("Schemas")))
        validator.collectsSegments = true
        var transactions: [ValidatedTransaction] = []
        let validation = try validator.validate(path: pairs.appendingPathComponent(name).path, onTransaction: nil) {
            transactions.append($0)
        }
        let errors = validation.allDiagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(name) is valid: \(errors.map(\.message))")
        try #require(transactions.count == 1)
        let transaction = transactions[0]
        return transaction.envelope.syntax == .x12 ? try X12InboundMapper.map(transaction) : try EDIFACTInboundMapper.map(transaction)
    }

    /// The document as JSON without the as-sent codes, keys sorted.
    static func businessContent(_ document: InternalDocument, ignoring gaps: Set<String> = []) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        let object = try JSONSerialization.jsonObject(with: encoder.encode(document))
        func strip(_ value: Any) -> Any {
            if let dictionary = value as? [String: Any] {
                var result: [String: Any] = [:]
                for (key, item) in dictionary where !asSentKeys.contains(key) && !gaps.contains(key) { result[key] = strip(item) }
                return result
            }
            if let array = value as? [Any] { return array.map(strip) }
            return value
        }
        let data = try JSONSerialization.data(withJSONObject: strip(object), options: [.sortedKeys, .prettyPrinted])
        return String(decoding: data, as: UTF8.self)
    }

    @Test(arguments: [("pair-850.edi", "pair-ORDERS.edi"), ("pair-855.edi", "pair-ORDRSP.edi"), ("pair-810.edi", "pair-INVOIC.edi"),
                      ("pair-856.edi", "pair-DESADV.edi"), ("pair-820.edi", "pair-REMADV.edi")])
    func sameBusinessContentMapsToEqualDocuments(_ x12: String, _ edifact: String) throws {
        let gaps = Self.knownGaps[x12] ?? []
        let fromX12 = try Self.businessContent(Self.document(x12), ignoring: gaps)
        let fromEDIFACT = try Self.businessContent(Self.document(edifact), ignoring: gaps)
        #expect(fromX12 == fromEDIFACT)
    }
}

extension CrossSyntaxTests {
    /// An X12 document written as EDIFACT by the outbound mapper is a valid message, and read back
    /// it keeps its business content.
    @Test(arguments: ["pair-850.edi", "pair-855.edi", "pair-810.edi", "pair-856.edi", "pair-820.edi"])
    func x12DocumentsSurviveEDIFACT(_ x12: String) throws {
        let gaps = Self.knownGaps[x12] ?? []
        let document = try Self.document(x12)
        let segments = EDIFACTOutboundMapper().segments(document, messageReference: "1")
        var writer = SegmentWriter(syntax: .edifact, delimiters: .edifactDefault, lineStyle: .lf)
        writer.writeServiceStringAdvice()
        try writer.write(OutgoingSegment("UNB", elements: [[["UNOC", "3"]], [["S", "14"]], [["R", "14"]], [["261201", "1200"]], [["R1"]]]))
        for segment in segments { try writer.write(segment) }
        try writer.write(OutgoingSegment("UNZ", ["1", "R1"]))
        let url = TestFiles.folder.appendingPathComponent("cross-\(UUID().uuidString).edi")
        try Data(writer.output).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        var validator = FileValidator(repository: SchemaRepository(root: Fixtures.repositoryRoot.appendingPathComponent("Schemas")))
        validator.collectsSegments = true
        var transactions: [ValidatedTransaction] = []
        _ = try validator.validate(path: url.path, onTransaction: nil) { transactions.append($0) }
        try #require(transactions.count == 1)
        let errors = transactions[0].result.diagnostics.filter { $0.severity == .error }.map(\.message)
        #expect(errors.isEmpty, "\(x12) written as EDIFACT is valid: \(errors)")
        let back = try EDIFACTInboundMapper.map(segments: transactions[0].segments)
        #expect(try Self.businessContent(back, ignoring: gaps) == Self.businessContent(document, ignoring: gaps))
    }
}
