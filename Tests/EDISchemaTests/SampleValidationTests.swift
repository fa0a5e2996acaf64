import Foundation
import Testing
import EDICore
@testable import EDISchema
import TestSupport

/// The sample files of Samples/ against the shipped schemas.
@Suite("Samples against the shipped schemas")
struct SampleValidationTests {
    typealias S = SchemaTestSupport

    /// A row of Samples/samples.tsv.
    struct Sample: CustomTestStringConvertible, Sendable {
        var file: String
        var syntax: String
        var version: String
        var document: String
        var status: String
        var testDescription: String { file }
    }

    static let samples: [Sample] = {
        let url = SchemaTestSupport.samplesRoot.appendingPathComponent("samples.tsv")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").dropFirst().compactMap { line in
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard columns.count >= 7 else { return nil }
            return Sample(file: columns[0], syntax: columns[1], version: columns[2], document: columns[3], status: columns[6])
        }
    }()

    /// The valid EDI samples (the outbound JSON documents are checked by the pipeline tests).
    static let validSamples = samples.filter { $0.status == "valid" && $0.file.hasSuffix(".edi") }

    @Test("samples.tsv lists every inbox and outbound file")
    func indexIsComplete() {
        let listed = Set(Self.samples.map(\.file))
        for folder in ["inbox", "edi-outbound-examples", "broken"] {
            for url in Fixtures.files(in: S.samplesRoot.appendingPathComponent(folder), extensions: ["edi"]) {
                #expect(listed.contains("\(folder)/\(url.lastPathComponent)"), "\(url.lastPathComponent) is not in samples.tsv")
            }
        }
        // The ERP's documents to send: outbound/<partner>/*.json and broken-outbound/<partner>/*.json.
        let root = S.samplesRoot.standardizedFileURL.path + "/"
        for url in Fixtures.files(in: S.samplesRoot, extensions: ["json"]) {
            let relative = String(url.standardizedFileURL.path.dropFirst(root.count))
            #expect(listed.contains(relative), "\(relative) is not in samples.tsv")
        }
        #expect(Self.validSamples.count >= 14)
    }

    /// Every valid sample validates with no error. A transaction whose schema file is not
    /// (yet) in Schemas/ — the X12 sets come from another engineer and may still be landing —
    /// must give exactly one finding, SET_NO_SCHEMA, and nothing else.
    @Test("valid samples have no errors", arguments: SampleValidationTests.validSamples)
    func validSample(_ sample: Sample) throws {
        let repository = S.shippedRepository()
        let path = S.samplesRoot.appendingPathComponent(sample.file).path
        let result = try FileValidator(repository: repository).validate(path: path)
        #expect(!result.transactions.isEmpty)
        #expect(result.envelopeDiagnostics.filter { $0.severity == .error }.isEmpty, "\(result.envelopeDiagnostics)")
        let syntax: EDISyntax = sample.syntax == "x12" ? .x12 : .edifact
        // CONTRL's version column is its syntax version (3); UNH says D:3.
        let version = sample.document == "CONTRL" ? "D\(sample.version)" : sample.version
        let schemaURL = repository.transactionURL(syntax: syntax, version: version, id: sample.document)
        let schemaExists = FileManager.default.fileExists(atPath: schemaURL.path)
        if syntax == .edifact { #expect(schemaExists, "EDIFACT schemas are shipped: \(schemaURL.path)") }
        for transaction in result.transactions {
            #expect(transaction.type == sample.document)
            if schemaExists {
                #expect(transaction.schemaVersion != nil)
                let errors = transaction.diagnostics.filter { $0.severity == .error }
                #expect(errors.isEmpty, "\(sample.file) \(transaction.type) \(transaction.controlNumber): \(errors.map(\.description))")
            } else {
                #expect(transaction.diagnostics.map(\.kind) == [.transactionNotSupported],
                        "no schema at \(schemaURL.path): expected exactly SET_NO_SCHEMA, found \(transaction.diagnostics)")
            }
        }
    }

    func validate(_ relativePath: String) throws -> FileValidation {
        try FileValidator(repository: S.shippedRepository()).validate(path: S.samplesRoot.appendingPathComponent(relativePath).path)
    }

    func schemaExists(_ set: String) -> Bool {
        FileManager.default.fileExists(atPath: S.schemasRoot.appendingPathComponent("X12/004010/\(set).xml").path)
    }

    @Test("broken/850-wrong-se-segment-count.edi: SET_COUNT_MISMATCH at SE01")
    func wrongSegmentCount() throws {
        let result = try validate("broken/850-wrong-se-segment-count.edi")
        // SE is the 19th segment of the set, on line 21 (ISA and GS before ST).
        expectFinding(result, Expected(kind: .transactionCountMismatch, tag: "SE", index: 19, element: 1, line: 21))
        let finding = try #require(result.allDiagnostics.first { $0.kind == .transactionCountMismatch })
        #expect(finding.ack.x12_997 == "AK502=4")
        // The kind's stable code is printed; the tokenizer's code stays available.
        #expect(finding.code == "SET_COUNT_MISMATCH")
        #expect(finding.syntaxCode == "EDI404")
        #expect(finding.message.contains("21") && finding.message.contains("19"))
        if schemaExists("850") {
            expectOnlyError(result, Expected(kind: .transactionCountMismatch, tag: "SE", index: 19, element: 1, line: 21))
        }
    }

    @Test("broken/850-missing-mandatory-beg.edi: SEG_MISSING (BEG) at the segment after ST")
    func missingBEG() throws {
        let result = try validate("broken/850-missing-mandatory-beg.edi")
        if schemaExists("850") {
            expectOnlyError(result, Expected(kind: .mandatorySegmentMissing, tag: "CUR", index: 2, element: nil, line: 4))
            let finding = try #require(result.allDiagnostics.first)
            #expect(finding.message.contains("BEG"))
            #expect(finding.ack.x12_997 == "AK304=3")
        } else {
            // No X12 850 schema yet: the set can only be reported as unsupported.
            expectOnlyError(result, Expected(kind: .transactionNotSupported, tag: "ST", index: 1, element: nil, line: 3))
        }
    }

    @Test("broken/ORDERS-D96A-truncated-mid-segment.edi: EDI203 at the cut LIN")
    func truncated() throws {
        let result = try validate("broken/ORDERS-D96A-truncated-mid-segment.edi")
        #expect(!result.isValid)
        let truncation = try #require(result.envelopeDiagnostics.first { $0.code == "EDI203" },
                                      "\(result.allDiagnostics.map(\.description))")
        #expect(truncation.kind == .syntaxError)
        #expect(truncation.position.line == 14)
        #expect(truncation.position.segmentTag == "LIN")
        #expect(truncation.position.segmentIndexInTransaction == 12)  // UNH on line 3 is 1, the cut LIN on line 14 is 12
        // The first message is reported as one transaction, cut short: its trailer is missing, and
        // nothing is guessed about the segments that could not be read.
        #expect(result.transactions.count == 1)
        #expect(result.transactions.first?.type == "ORDERS")
        let kinds = result.allDiagnostics.map(\.kind)
        #expect(kinds.contains(.transactionTrailerMissing), "\(kinds)")
        #expect(!kinds.contains(.mandatorySegmentMissing), "\(kinds)")
    }

    @Test("broken/850-unknown-partner-id.edi is valid to the schema (partners are the pipeline's check)")
    func unknownPartner() throws {
        let result = try validate("broken/850-unknown-partner-id.edi")
        #expect(result.envelopeDiagnostics.filter { $0.severity == .error }.isEmpty)
        if schemaExists("850") {
            #expect(result.isValid, "\(result.allDiagnostics.map(\.description))")
        }
    }

    @Test("the Initech inbox orders meet the Initech guide")
    func initechInboxMeetsGuide() throws {
        let guide = try ImplementationGuide(contentsOf: S.samplesRoot.appendingPathComponent("guides/initech-ORDERS-D96A.xml"))
        let path = S.samplesRoot.appendingPathComponent("inbox/initech-ORDERS-D96A-two-messages.edi").path
        let result = try FileValidator(repository: S.shippedRepository(), guide: guide).validate(path: path)
        #expect(result.transactions.count == 2)
        #expect(result.allDiagnostics.isEmpty, "\(result.allDiagnostics.map(\.description))")
    }

    @Test("the Globex inbox orders meet the Globex guide")
    func globexInboxMeetsGuide() throws {
        guard schemaExists("850") else { return }  // X12 850 schema not landed yet
        let guide = try ImplementationGuide(contentsOf: S.samplesRoot.appendingPathComponent("guides/globex-850-004010.xml"))
        let path = S.samplesRoot.appendingPathComponent("inbox/globex-850-004010-two-pos.edi").path
        let result = try FileValidator(repository: S.shippedRepository(), guide: guide).validate(path: path)
        #expect(result.transactions.count == 2)
        #expect(result.allDiagnostics.filter { $0.severity == .error }.isEmpty, "\(result.allDiagnostics.map(\.description))")
    }
}

/// A guide names one version: transactions of other versions are validated against the
/// standard alone.
@Suite("Guides apply to their version only")
struct GuideVersionTests {
    typealias S = SchemaTestSupport

    @Test("the D96A Initech guide leaves the D01B order alone")
    func d96aGuideAndD01BOrder() throws {
        let guide = try ImplementationGuide(contentsOf: S.samplesRoot.appendingPathComponent("guides/initech-ORDERS-D96A.xml"))
        let path = S.samplesRoot.appendingPathComponent("inbox/initech-ORDERS-D01B.edi").path
        let result = try FileValidator(repository: S.shippedRepository(), guide: guide).validate(path: path)
        #expect(result.isValid, "\(result.allDiagnostics.map(\.description))")
        let d01b = try #require(try S.shippedRepository().transaction(syntax: .edifact, version: "D01B", id: "ORDERS"))
        #expect(throws: SchemaError.self) { try guide.applied(to: d01b) }
    }

    @Test("the 004010 Globex guide leaves the 005010 order alone")
    func x12GuideOtherVersion() throws {
        let repository = S.shippedRepository()
        guard try repository.transaction(syntax: .x12, version: "005010", id: "850") != nil else { return }  // X12 not landed
        let guide = try ImplementationGuide(contentsOf: S.samplesRoot.appendingPathComponent("guides/globex-850-004010.xml"))
        let path = S.samplesRoot.appendingPathComponent("inbox/globex-850-005010.edi").path
        let result = try FileValidator(repository: repository, guide: guide).validate(path: path)
        #expect(result.isValid, "\(result.allDiagnostics.map(\.description))")
    }

    @Test("every inbox file validates with both guides given")
    func wholeInboxWithGuides() throws {
        for name in ["initech-ORDERS-D96A.xml", "globex-850-004010.xml"] {
            let guide = try ImplementationGuide(contentsOf: S.samplesRoot.appendingPathComponent("guides/\(name)"))
            let validator = FileValidator(repository: S.shippedRepository(), guide: guide)
            for url in Fixtures.files(in: S.samplesRoot.appendingPathComponent("inbox"), extensions: ["edi"]) {
                let result = try validator.validate(path: url.path)
                let errors = result.allDiagnostics.filter { $0.severity == .error && $0.kind != .transactionNotSupported }
                #expect(errors.isEmpty, "\(name) on \(url.lastPathComponent): \(errors.map(\.description))")
            }
        }
    }
}
