import EDICore
import EDISchema
import Foundation
import O2C
import Testing
import TestSupport

/// Acknowledgements for valid and malformed inputs, compared byte for byte with goldens checked in
/// beside each input (`Tests/Fixtures/acks/<case>.edi` → `<case>.ack.edi`), and read back: every
/// generated acknowledgement validates clean against the shipped 997/999/CONTRL schemas.
/// Re-record with `EDIKIT_RECORD_GOLDEN=1` (the test then fails, saying it recorded).
@Suite("Acknowledgement goldens")
struct AcknowledgementGoldenTests {
    static let folder = Fixtures.directory.appendingPathComponent("acks")
    static let repository = SchemaRepository(root: Fixtures.repositoryRoot.appendingPathComponent("Schemas"))
    /// A fixed moment, so goldens do not change with the clock: 2026-11-29 12:00 UTC.
    static let date = Date(timeIntervalSince1970: 1_795_953_600)

    static let cases: [String] = (try? FileManager.default.contentsOfDirectory(atPath: folder.path))?
        .filter { $0.hasSuffix(".edi") && !$0.hasSuffix(".ack.edi") }.sorted() ?? []

    @Test("golden acknowledgement", arguments: cases)
    func golden(_ name: String) throws {
        let input = Self.folder.appendingPathComponent(name)
        let validation = try FileValidator(repository: Self.repository).validate(path: input.path)
        var allocator = InMemoryAllocator(start: 1)
        let type: AcknowledgementType = name.hasPrefix("edifact") ? .contrl : .auto
        let acks = try AcknowledgementGenerator(type: type).acknowledgements(for: validation, date: Self.date, allocator: &allocator)
        #expect(!acks.isEmpty, "\(name): no acknowledgement")
        let produced = acks.flatMap(\.bytes)
        let goldenURL = Self.folder.appendingPathComponent(name.replacingOccurrences(of: ".edi", with: ".ack.edi"))
        if ProcessInfo.processInfo.environment["EDIKIT_RECORD_GOLDEN"] == "1" {
            try Data(produced).write(to: goldenURL)
            Issue.record("recorded \(goldenURL.lastPathComponent); run again without EDIKIT_RECORD_GOLDEN")
            return
        }
        let golden = try [UInt8](Data(contentsOf: goldenURL))
        #expect(produced == golden, "\(name): acknowledgement differs from \(goldenURL.lastPathComponent):\n\(String(decoding: produced, as: UTF8.self))")
    }

    @Test("every generated acknowledgement validates clean", arguments: cases)
    func readBack(_ name: String) throws {
        let input = Self.folder.appendingPathComponent(name)
        let validation = try FileValidator(repository: Self.repository).validate(path: input.path)
        var allocator = InMemoryAllocator(start: 1)
        let type: AcknowledgementType = name.hasPrefix("edifact") ? .contrl : .auto
        for ack in try AcknowledgementGenerator(type: type).acknowledgements(for: validation, date: Self.date, allocator: &allocator) {
            let file = TestFiles.folder.appendingPathComponent("edikit-ack-\(UUID().uuidString).edi")
            defer { try? FileManager.default.removeItem(at: file) }
            try Data(ack.bytes).write(to: file)
            let result = try FileValidator(repository: Self.repository).validate(path: file.path)
            let errors = result.allDiagnostics.filter { $0.severity == .error }
            #expect(errors.isEmpty, "\(name) → \(ack.kinds): \(errors.map(\.description))")
            #expect(result.transactions.allSatisfy { $0.schemaVersion != nil }, "\(name): acknowledgement had no schema")
        }
    }

    @Test("statuses: accepted, rejected, partially accepted")
    func statuses() throws {
        func ack(_ name: String) throws -> String {
            let validation = try FileValidator(repository: Self.repository).validate(path: Self.folder.appendingPathComponent(name).path)
            var allocator = InMemoryAllocator()
            let acks = try AcknowledgementGenerator().acknowledgements(for: validation, date: Self.date, allocator: &allocator)
            return String(decoding: acks.flatMap(\.bytes), as: UTF8.self)
        }
        #expect(try ack("x12-850-valid.edi").contains("AK9*A*2*2*2~"))
        #expect(try ack("x12-850-missing-BEG.edi").contains("AK3*BEG*2**3~"))
        #expect(try ack("x12-850-wrong-SE-count.edi").contains("AK5*R*4~"))
        // One of two transactions has a wrong SE02: the group is partially accepted.
        let partial = try ack("x12-850-bad-SE-control.edi")
        #expect(partial.contains("AK5*R*3~"))
        #expect(partial.contains("AK9*P*2*2*1~"))
        // A broken interchange envelope gets a TA1 rejecting it.
        #expect(try ack("x12-850-broken-IEA-control.edi").contains("TA1*000000101*261123*0815*R*001~"))
        #expect(try ack("x12-850-005010-valid.edi").contains("ST*999*"))
    }
}
