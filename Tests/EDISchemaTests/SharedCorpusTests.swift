import Foundation
import Testing
import EDICore
@testable import EDISchema
import TestSupport

/// The validator over the shared corpus beside the repository (`../shared/corpus`): it must read
/// every file without crashing and place every finding; a few malformed files must give their
/// manifest's finding. Skipped when the corpus is absent. Which corpus findings are real defects
/// of the samples is listed in docs/conformance.md, not asserted here.
@Suite("Shared corpus")
struct SharedCorpusTests {
    typealias S = SchemaTestSupport

    static let files: [URL] = Fixtures.sharedCorpus.map { corpus in
        Fixtures.files(in: corpus).filter { $0.lastPathComponent != "MANIFEST.tsv" }
    } ?? []

    @Test("every corpus file is validated to the end, every finding placed",
          .enabled(if: Fixtures.sharedCorpus != nil, "../shared/corpus is absent"))
    func everyFileValidates() throws {
        let validator = FileValidator(repository: S.shippedRepository())
        var transactions = 0
        for url in Self.files {
            let result = try validator.validate(path: url.path)
            transactions += result.transactions.count
            for finding in result.allDiagnostics {
                #expect(finding.position.line >= 1, "\(url.lastPathComponent): \(finding)")
                #expect(!finding.message.isEmpty)
                // Syntax and envelope findings, and a transaction cut short by a syntax error, may sit
                // where no segment could be read; every schema finding names its segment.
                if ![.syntaxError, .envelopeError, .transactionNotSupported, .transactionTrailerMissing].contains(finding.kind) {
                    #expect(finding.position.segmentTag != nil, "\(url.lastPathComponent): \(finding)")
                }
            }
            for transaction in result.transactions where transaction.schemaVersion != nil {
                // A transaction with a schema has its header placed as segment 1.
                #expect(transaction.position.segmentIndexInTransaction <= 1, "\(url.lastPathComponent)")
            }
        }
        #expect(transactions > 100)
    }

    func corpusFile(_ path: String) throws -> URL {
        let url = try #require(Fixtures.sharedCorpus).appendingPathComponent(path)
        try #require(FileManager.default.fileExists(atPath: url.path), "\(path) is not in the corpus")
        return url
    }

    @Test("malformed/edifact_ORDERS_D96A_edifactls_UNT_count_99.edi: SET_COUNT_MISMATCH at UNT 0074",
          .enabled(if: Fixtures.sharedCorpus != nil, "../shared/corpus is absent"))
    func untCount99() throws {
        let url = try corpusFile("malformed/edifact_ORDERS_D96A_edifactls_UNT_count_99.edi")
        let result = try FileValidator(repository: S.shippedRepository()).validate(path: url.path)
        expectFinding(result, Expected(kind: .transactionCountMismatch, tag: "UNT", index: 3, element: 1, line: 4))
    }

    @Test("malformed/edifact_ORDERS_D96A_oboe_missing_BGM_DTM.edi: BGM and DTM missing, at the FTX after UNH",
          .enabled(if: Fixtures.sharedCorpus != nil, "../shared/corpus is absent"))
    func missingBGMAndDTM() throws {
        let url = try corpusFile("malformed/edifact_ORDERS_D96A_oboe_missing_BGM_DTM.edi")
        let result = try FileValidator(repository: S.shippedRepository()).validate(path: url.path)
        let missing = result.allDiagnostics.filter { $0.kind == .mandatorySegmentMissing }
        #expect(missing.count == 2, "\(result.allDiagnostics.map(\.description))")
        #expect(missing.allSatisfy { $0.position.segmentTag == "FTX" && $0.position.segmentIndexInTransaction == 2 })
        #expect(missing.first?.message.contains("BGM") == true)
        #expect(missing.last?.message.contains("DTM") == true)
    }

    @Test("edifact_INVOIC_D96A_EAN008_bots_2msgs.edi: two valid INVOIC D96A messages",
          .enabled(if: Fixtures.sharedCorpus != nil, "../shared/corpus is absent"))
    func validInvoices() throws {
        let url = try corpusFile("edifact/edifact_INVOIC_D96A_EAN008_bots_2msgs.edi")
        let result = try FileValidator(repository: S.shippedRepository()).validate(path: url.path)
        #expect(result.transactions.count == 2)
        #expect(result.isValid, "\(result.allDiagnostics.map(\.description))")
    }
}
