import Foundation
import Testing
import EDICore
@testable import EDISchema
import TestSupport

/// The validator over the shared corpus beside the repository (`../shared/corpus`): it must read
/// every file without crashing and place every finding; malformed files must give their manifest's
/// finding, also those of directories and versions EDIKit ships no schema for (envelope defects
/// without a schema, message defects with `--nearest-schema`). Skipped when the corpus is absent. Which corpus findings are real defects
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

    // MARK: Malformed samples of versions without a shipped schema

    /// Validates a corpus file, with the nearest shipped version standing in when asked.
    func validate(_ path: String, nearest: Bool = false) throws -> FileValidation {
        var validator = FileValidator(repository: S.shippedRepository())
        validator.fallsBackToNearestVersion = nearest
        return try validator.validate(path: try corpusFile(path).path)
    }

    /// Expects a finding of a severity as described.
    func expect(_ result: FileValidation, _ severity: SyntaxIssue.Severity, _ expected: Expected,
                sourceLocation: SourceLocation = #_sourceLocation) {
        let found = result.allDiagnostics.contains { $0.severity == severity && expected.matches($0) }
        #expect(found, "expected \(severity) \(expected); found \(result.allDiagnostics.map(\.description))", sourceLocation: sourceLocation)
    }

    @Test("envelope defects of D00A INVOICs are found without a message schema",
          .enabled(if: Fixtures.sharedCorpus != nil, "../shared/corpus is absent"))
    func d00aEnvelopeDefects() throws {
        // "UNT missing segment count"
        expect(try validate("malformed/edifact_INVOIC_D00A_edifabric_UNT_no_count.txt"), .error,
               Expected(kind: .transactionCountMismatch, tag: "UNT", index: 41, element: 1, line: 42))
        // "UNG without UNE": noticed at the UNZ
        expect(try validate("malformed/edifact_INVOIC_D00A_edifabric_missing_UNE.txt"), .error,
               Expected(kind: .groupTrailerMissing, tag: "UNZ", index: 0, element: nil, line: 44))
        // "1st interchange has no UNZ": noticed at the second interchange's UNA
        let noUNZ = try validate("malformed/edifact_INVOIC_D00A_edifabric_missing_UNZ.txt")
        expect(noUNZ, .error, Expected(kind: .interchangeTrailerMissing, tag: "UNA", index: 0, element: nil, line: 43))
        #expect(noUNZ.transactions.count == 2)
        // "many messages, some invalid": a wrong UNT count, a message without UNT, and a UNZ that matches nothing
        let many = try validate("malformed/edifact_INVOIC_D00A_edifabric_multiple_invalid_msgs.txt")
        #expect(many.transactions.count == 5)
        expect(many, .error, Expected(kind: .transactionCountMismatch, tag: "UNT", index: 40, element: 1, line: 51))
        expect(many, .error, Expected(kind: .transactionTrailerMissing, tag: "UNH", index: 1, element: nil, line: 174))
        expect(many, .error, Expected(kind: .interchangeCountMismatch, tag: "UNZ", index: 41, element: 1, line: 214))
        expect(many, .error, Expected(kind: .interchangeControlMismatch, tag: "UNZ", index: 41, element: 2, line: 214))
    }

    @Test("message defects of D00A INVOICs, checked against D01B (--nearest-schema), are warnings beside SET_NO_SCHEMA",
          .enabled(if: Fixtures.sharedCorpus != nil, "../shared/corpus is absent"))
    func d00aMessageDefects() throws {
        // "unknown segment BGL in place of BGM"
        let bgl = try validate("malformed/edifact_INVOIC_D00A_edifabric_unknown_segment_BGL.txt", nearest: true)
        expect(bgl, .error, Expected(kind: .transactionNotSupported, tag: "UNH", index: 1, element: nil, line: 2))
        expect(bgl, .warning, Expected(kind: .unrecognizedSegment, tag: "BGL", index: 2, element: nil, line: 3, column: 1))
        expect(bgl, .warning, Expected(kind: .mandatorySegmentMissing, tag: "DTM", index: 3, element: nil, line: 4))
        #expect(bgl.allDiagnostics.first { $0.kind == .transactionNotSupported }?.message.contains("D01B") == true)
        #expect(bgl.transactions.first?.schemaVersion == "D01B")
        // Without the option the same file gets only "no schema".
        let plain = try validate("malformed/edifact_INVOIC_D00A_edifabric_unknown_segment_BGL.txt")
        #expect(plain.allDiagnostics.filter { $0.severity == .error }.map(\.kind) == [.transactionNotSupported])
        // "many messages, some invalid": the garbled qualifiers of messages 2, 4 and 5
        let many = try validate("malformed/edifact_INVOIC_D00A_edifabric_multiple_invalid_msgs.txt", nearest: true)
        for line in [54, 136, 176] {
            expect(many, .warning, Expected(kind: .elementTooLong, tag: "DTM", index: 3, element: 1, component: 1, line: line, column: 5))
        }
        for line in [57, 139, 179] {
            expect(many, .warning, Expected(kind: .elementTooLong, tag: "NAD", index: 6, element: 1, line: line, column: 5))
        }
    }

    @Test("malformed/edifact_INVOIC_D97B_staedi_bad.edi against D96A: BYZZ, 1020A, $1.179, UNS twice",
          .enabled(if: Fixtures.sharedCorpus != nil, "../shared/corpus is absent"))
    func d97bBadInvoice() throws {
        let result = try validate("malformed/edifact_INVOIC_D97B_staedi_bad.edi", nearest: true)
        expect(result, .error, Expected(kind: .transactionNotSupported, tag: "UNH", index: 1, element: nil, line: 2))
        expect(result, .warning, Expected(kind: .elementTooLong, tag: "NAD", index: 5, element: 1, line: 6, column: 5))
        expect(result, .warning, Expected(kind: .invalidCharacter, tag: "QTY", index: 10, element: 1, component: 2, line: 11, column: 8))
        expect(result, .warning, Expected(kind: .invalidCharacter, tag: "PRI", index: 13, element: 1, component: 2, line: 14, column: 9))
        expect(result, .warning, Expected(kind: .segmentOverMaximum, tag: "UNS", index: 21, element: nil, line: 22))
        #expect(result.allDiagnostics.filter { $0.severity == .error }.map(\.kind) == [.transactionNotSupported])
    }

    @Test("D20A and D99B samples of edifact-ls: ALI six times, PAI twice with a wrong UNT count, BGM twice",
          .enabled(if: Fixtures.sharedCorpus != nil, "../shared/corpus is absent"))
    func edifactLanguageServerViolations() throws {
        let ali = try validate("malformed/edifact_DESADV_D20A_edifactls_ALI_repeats.edi", nearest: true)
        expect(ali, .warning, Expected(kind: .segmentOverMaximum, tag: "ALI", index: 8, element: nil, line: 9))
        // The UNT count needs no schema; the second PAI is over D01B's max use 1.
        let pai = try validate("malformed/edifact_ORDRSP_D20A_edifactls_PAI_violation.edi")
        expect(pai, .error, Expected(kind: .transactionCountMismatch, tag: "UNT", index: 7, element: 1, line: 8))
        let paiNearest = try validate("malformed/edifact_ORDRSP_D20A_edifactls_PAI_violation.edi", nearest: true)
        expect(paiNearest, .warning, Expected(kind: .segmentOverMaximum, tag: "PAI", index: 5, element: nil, line: 6))
        let bgm = try validate("malformed/edifact_ORDRSP_D99B_edifactls_duplicate_BGM.edi", nearest: true)
        expect(bgm, .warning, Expected(kind: .segmentOverMaximum, tag: "BGM", index: 3, element: nil, line: 4))
    }

    @Test("X12 002040 samples: envelope and syntax defects without a schema",
          .enabled(if: Fixtures.sharedCorpus != nil, "../shared/corpus is absent"))
    func x12Version002040Defects() throws {
        // "no IEA": noticed at the end of input, at the last segment read (GE)
        expect(try validate("malformed/x12_810_002040_edifabric_missing_IEA.txt"), .error,
               Expected(kind: .interchangeTrailerMissing, tag: "GE", index: 0, element: nil, line: 48))
        // "'FSA' instead of ISA"
        let fsa = try validate("malformed/x12_810_002040_edifabric_FSA_header.txt")
        #expect(fsa.allDiagnostics.map(\.code) == ["EDI101"])
        // "junk after IEA"
        let junk = try validate("malformed/x12_810_002040_edifabric_garbage_trailer.txt")
        #expect(junk.allDiagnostics.contains { $0.code == "EDI106" && $0.position.line == 50 })
        // "ISA06/ISA08 not padded": read anyway (EDI103), and the envelope check names both fields
        let unpadded = try validate("malformed/x12_810_002040_edifabric_ISA_not_fixed_width.txt")
        #expect(unpadded.allDiagnostics.contains { $0.code == "EDI103" })
        expect(unpadded, .error, Expected(kind: .envelopeError, tag: "ISA", index: 0, element: 6, line: 1))
        expect(unpadded, .error, Expected(kind: .envelopeError, tag: "ISA", index: 0, element: 8, line: 1))
        // "many 810s, some invalid": ten N1 lines without terminator (EDI202 each), read on; all five 810s
        let many = try validate("malformed/x12_810_002040_edifabric_multiple_invalid_msgs.txt")
        #expect(many.transactions.count == 5)
        #expect(many.allDiagnostics.filter { $0.code == "EDI202" }.map(\.position.line) == Array(13...22))
        expect(many, .error, Expected(kind: .transactionCountMismatch, tag: "SE", index: 54, element: 1, line: 56))
        expect(many, .error, Expected(kind: .transactionTrailerMissing, tag: "ST", index: 1, element: nil, line: 191))
        expect(many, .error, Expected(kind: .groupCountMismatch, tag: "GE", index: 45, element: 1, line: 235))
        let nearest = try validate("malformed/x12_810_002040_edifabric_multiple_invalid_msgs.txt", nearest: true)
        expect(nearest, .warning, Expected(kind: .unrecognizedSegment, tag: "NT1", index: 4, element: nil, line: 105, column: 1))
    }

    @Test("--nearest-schema adds no error to a valid sample of a version without a schema",
          .enabled(if: Fixtures.sharedCorpus != nil, "../shared/corpus is absent"))
    func nearestSchemaAddsNoErrors() throws {
        for path in ["edifact/edifact_INVOIC_D00A_edifabric_valid.txt", "edifact/edifact_INVOIC_D00B_edifabric.txt",
                     "edifact/edifact_INVOIC_D97B_staedi.edi", "x12/x12_810_002040_edifabric_valid.txt",
                     "x12/x12_850_004030VICS_bots.x12", "x12/x12_856_004060_nodex12.edi"] {
            let plain = try validate(path).allDiagnostics.filter { $0.severity == .error }
            let nearest = try validate(path, nearest: true).allDiagnostics.filter { $0.severity == .error }
            #expect(plain.map(\.kind) == nearest.map(\.kind), "\(path): \(nearest.map(\.description))")
        }
    }
}
