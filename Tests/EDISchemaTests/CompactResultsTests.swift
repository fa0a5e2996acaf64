import Foundation
import Testing
import EDICore
@testable import EDISchema
import TestSupport

/// ``FileValidator/keepsCompactResults``: what the pipeline keeps per transaction for the acknowledgement.
@Suite("Compact validation results")
struct CompactResultsTests {
    typealias S = SchemaTestSupport

    @Test("the tree keeps every transaction, findings only for the invalid ones")
    func compactKeepsWhatAcknowledgementsNeed() throws {
        let folder = try S.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Two valid POs in one interchange, then an interchange whose 850 lacks its BEG.
        var bytes = try Data(contentsOf: S.samplesRoot.appendingPathComponent("inbox/globex-850-004010-two-pos.edi"))
        bytes += try Data(contentsOf: S.samplesRoot.appendingPathComponent("broken/850-missing-mandatory-beg.edi"))
        let path = folder.appendingPathComponent("mixed.edi").path
        try bytes.write(to: URL(fileURLWithPath: path))

        let full = try FileValidator(repository: S.shippedRepository()).validate(path: path)
        var validator = FileValidator(repository: S.shippedRepository())
        validator.keepsCompactResults = true
        let compact = try validator.validate(path: path)

        func transactions(_ result: FileValidation) -> [TransactionResult] {
            result.interchanges.flatMap(\.groups).flatMap(\.transactions)
        }
        #expect(transactions(full).count == 3)
        #expect(transactions(compact).map(\.controlNumber) == transactions(full).map(\.controlNumber))
        #expect(transactions(compact).map(\.isValid) == [true, true, false])
        #expect(transactions(compact).filter(\.isValid).allSatisfy { $0.diagnostics.isEmpty })
        let invalid = transactions(full).filter { !$0.isValid }
        #expect(transactions(compact).last?.diagnostics.map(\.kind) == invalid.first?.diagnostics.map(\.kind))
        #expect(compact.transactions.map(\.controlNumber) == invalid.map(\.controlNumber))
        #expect(!compact.isValid && !full.isValid)
    }
}
