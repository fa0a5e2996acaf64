import EDICore
import EDISchema
import Foundation
import O2C
import Pipeline
import Testing
import TestSupport

/// A temporary workspace with the demo configuration (Samples/edikit.yaml), a fresh ledger and a
/// runner; helpers to drop files in and to build the acknowledgements a partner would send.
struct PipelineTestWorkspace {
    static let root = Fixtures.repositoryRoot
    static let repository = SchemaRepository(root: root.appendingPathComponent("Schemas"))
    /// The golden internal invoices of the samples, by partner.
    static let invoices = ["globex": "Tests/O2CTests/Golden/x12/acme-810-004010-to-globex.edi.json",
                           "initech": "Tests/O2CTests/Golden/edifact/acme-INVOIC-D96A-to-initech.edi.json"]

    let workspace: Workspace
    let ledger: SQLiteLedger
    var configuration: Configuration

    init(extraConfiguration: String = "") throws {
        let folder = TestFiles.folder.appendingPathComponent("edikit-ops-\(UUID().uuidString)")
        workspace = Workspace(root: folder)
        try workspace.create(configurationTemplate: ConfigurationTemplate.text)
        var text = try String(contentsOf: Self.root.appendingPathComponent("Samples/edikit.yaml"), encoding: .utf8)
        text = text.replacingOccurrences(of: "Samples/guides/", with: Self.root.appendingPathComponent("Samples/guides").path + "/")
        text = text.replacingOccurrences(of: "\nlimits:", with: extraConfiguration + "\nlimits:")
        try text.write(to: workspace.configuration, atomically: true, encoding: .utf8)
        configuration = try Configuration.load(path: workspace.configuration.path)
        ledger = try SQLiteLedger(path: workspace.ledger.path)
    }

    var runner: PipelineRunner {
        PipelineRunner(workspace: workspace, configuration: configuration, repository: Self.repository, ledger: ledger)
    }

    /// Drops the golden invoice for a partner into `outbound/<partner>/` and runs the pipeline; returns our EDI.
    func sendInvoice(to partner: String, at date: Date) throws -> URL {
        let folder = workspace.outbound.appendingPathComponent(partner)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let golden = try #require(Self.invoices[partner])
        try FileManager.default.copyItem(at: Self.root.appendingPathComponent(golden),
                                         to: folder.appendingPathComponent("invoice-\(UUID().uuidString).json"))
        let before = Set(files(in: workspace.outbox.appendingPathComponent(partner)))
        let summary = try runner.runOnce(now: date)
        #expect(summary.outbound == 1)
        let written = try #require(Set(files(in: workspace.outbox.appendingPathComponent(partner))).subtracting(before).first)
        return workspace.outbox.appendingPathComponent(partner).appendingPathComponent(written)
    }

    /// Drops a file into `inbox/` and runs the pipeline.
    @discardableResult
    func receive(_ bytes: [UInt8], named name: String, at date: Date) throws -> PipelineSummary {
        try Data(bytes).write(to: workspace.inbox.appendingPathComponent(name))
        return try runner.runOnce(now: date)
    }

    /// The acknowledgement the partner would send for our file, made by our own generator (the file's
    /// receiver becomes the acknowledgement's sender), checked to validate against our schemas.
    static func acknowledgement(of file: URL, type: AcknowledgementType) throws -> [UInt8] {
        let validation = try FileValidator(repository: repository).validate(path: file.path)
        var counter = CounterFileAllocator(path: TestFiles.folder
            .appendingPathComponent("edikit-ops-counter-\(UUID().uuidString)").path)
        let ack = try #require(try AcknowledgementGenerator(type: type).acknowledgements(for: validation, allocator: &counter).first)
        try expectValid(ack.bytes)
        return ack.bytes
    }

    /// Fails the test when the bytes do not validate against the shipped schemas.
    static func expectValid(_ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let file = TestFiles.folder.appendingPathComponent("edikit-ops-\(UUID().uuidString).edi")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(bytes).write(to: file)
        let validation = try FileValidator(repository: repository).validate(path: file.path)
        #expect(validation.isValid, "\(validation.allDiagnostics.map(\.description))", sourceLocation: sourceLocation)
        #expect(!validation.interchanges.isEmpty, sourceLocation: sourceLocation)
    }

    /// An X12 interchange from Globex to ACME (00401, `*` `>` `~`) around the given segments; a group
    /// (`GS`…`GE`) is added when `functionalGroup` is given, ST/SE counts are the caller's.
    static func fromGlobex(_ segments: [String], controlNumber: String = "000000701", functionalGroup: (id: String, number: String,
                           version: String)? = ("FA", "701", "004010"), interchangeVersion: String = "00401") -> [UInt8] {
        var lines = ["ISA*00*          *00*          *01*804512378      *ZZ*ACMESUPPLY     *261201*0900*U*\(interchangeVersion)*\(controlNumber)*0*P*>"]
        if let group = functionalGroup {
            lines.append("GS*\(group.id)*804512378*ACMESUPPLY*20261201*0900*\(group.number)*X*\(group.version)")
        }
        lines += segments
        if let group = functionalGroup { lines.append("GE*\(segments.filter { $0.hasPrefix("ST*") }.count)*\(group.number)") }
        lines.append("IEA*\(functionalGroup == nil ? 0 : 1)*\(controlNumber)")
        return Array(lines.map { $0 + "~\n" }.joined().utf8)
    }

    /// Regular files below a folder, relative, sorted.
    func files(in folder: URL) -> [String] {
        (FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? [])
            .filter { !($0 as NSString).lastPathComponent.hasPrefix(".") }
            .filter { name in
                var isDirectory: ObjCBool = false
                return FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path, isDirectory: &isDirectory)
                    && !isDirectory.boolValue
            }
            .sorted()
    }
}

extension Date {
    /// A fixed clock for the tests: 2026-12-01 08:00 UTC.
    static let testNow = Date(timeIntervalSince1970: 1_796_112_000)

    func adding(hours: Double) -> Date { addingTimeInterval(hours * 3600) }
}
