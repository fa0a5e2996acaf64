import EDICore
import EDISchema
import Foundation
import O2C
import Testing
import TestSupport

/// ``DirectDocumentJSON`` writes the same bytes as the model path (typed model → internal document →
/// ``DocumentJSONWriter``), compact and indented, for every transaction of every sample, fixture and
/// corpus file, and gives up on every transaction the model path rejects.
@Suite struct DirectDocumentJSONTests {
    static var files: [URL] {
        var folders = ["Samples", "Tests/Fixtures"].map { Fixtures.repositoryRoot.appendingPathComponent($0) }
        if let corpus = Fixtures.sharedCorpus { folders.append(corpus) }
        return folders.flatMap { Fixtures.files(in: $0) }.filter { !["xml", "md", "tsv", "json", "yaml"].contains($0.pathExtension) }
    }

    /// What comparing both paths over some transactions found.
    struct Comparison {
        /// Transactions written directly, by transaction type.
        var direct: [String: Int] = [:]
        /// Transactions the direct writers gave up on, by transaction type.
        var fallBack: [String: Int] = [:]
        var mismatches: [String] = []
    }

    /// Compares both paths on each valid transaction of the file at `path`.
    static func compare(path: String, into comparison: inout Comparison) {
        let repository = SchemaRepository(root: Fixtures.repositoryRoot.appendingPathComponent("Schemas"))
        var validator = FileValidator(repository: repository)
        validator.collectsSegments = true
        validator.keepsResults = false
        var transactions: [ValidatedTransaction] = []
        _ = try? validator.validate(path: path, onTransaction: nil) { transactions.append($0) }
        let name = (path as NSString).lastPathComponent
        for transaction in transactions where transaction.result.isValid {
            let type = transaction.envelope.transactionType
            let label = "\(name) \(type) \(transaction.envelope.transactionControlNumber)"
            let model = try? InboundTranslator.translate(transaction)
            for pretty in [false, true] {
                var direct = DocumentJSONWriter(pretty: pretty)
                // Something before, as in a batch's shared buffer.
                if let model { _ = direct.append(model) }
                let before = direct.count
                let written = DirectDocumentJSON.append(transaction, to: &direct)
                guard let written else {
                    if direct.count != before { comparison.mismatches.append("\(label): gave up but left \(direct.count - before) bytes") }
                    if !pretty { comparison.fallBack[type, default: 0] += 1 }
                    continue
                }
                if !pretty { comparison.direct[type, default: 0] += 1 }
                guard let model else {
                    comparison.mismatches.append("\(label): written directly, but the model path rejects it")
                    continue
                }
                let expected = DocumentJSONWriter.encodedBytes(model, pretty: pretty)
                let actual = direct.withBytes(in: written.range) { Array($0) }
                if actual != expected {
                    let at = zip(actual, expected).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(actual.count, expected.count)
                    let context = { (bytes: [UInt8]) in String(decoding: bytes[max(0, at - 60)..<min(bytes.count, at + 60)], as: UTF8.self) }
                    comparison.mismatches.append("\(label) (pretty \(pretty)) differs at byte \(at):\n  direct: \(context(actual))\n  model:  \(context(expected))")
                }
                if written.businessKey != model.businessKey {
                    comparison.mismatches.append("\(label): business key \(written.businessKey ?? "nil") ≠ \(model.businessKey ?? "nil")")
                }
            }
        }
    }

    @Test func sameBytesAsTheModelPathOnEveryFile() throws {
        var comparison = Comparison()
        for url in Self.files { Self.compare(path: url.path, into: &comparison) }
        #expect(comparison.mismatches.isEmpty, "\(comparison.mismatches.prefix(10).joined(separator: "\n"))")
        // The X12 850 writer handles every sample, fixture and corpus 850 of the shapes it writes.
        #expect(comparison.direct["850", default: 0] >= (Fixtures.sharedCorpus == nil ? 10 : 21), "\(comparison.direct)")
        // Every valid ORDERS of the samples, fixtures and corpus but the Latin-1 one (a non-ASCII
        // name: the direct writer gives up on non-ASCII bytes) is written directly.
        if Fixtures.sharedCorpus != nil {
            #expect(comparison.direct["ORDERS", default: 0] >= 12, "\(comparison.direct)")
        } else {
            #expect(comparison.direct["ORDERS", default: 0] >= 4, "\(comparison.direct)")
        }
    }
}
