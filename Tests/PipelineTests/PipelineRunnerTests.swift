import EDICore
import EDISchema
import Foundation
import Pipeline
import Testing
import TestSupport

/// One pass of the pipeline over a temporary workspace made from Samples/: every inbound file is
/// archived or rejected with a report, internal documents and acknowledgements appear, outbound
/// documents become EDI, an unknown partner and a duplicate interchange end in rejected/.
@Suite("Pipeline, one pass")
struct PipelineRunnerTests {
    static let root = Fixtures.repositoryRoot

    func workspace() throws -> (Workspace, Configuration) {
        let folder = TestFiles.folder.appendingPathComponent("edikit-ws-\(UUID().uuidString)")
        let workspace = Workspace(root: folder)
        try workspace.create(configurationTemplate: ConfigurationTemplate.text)
        var text = try String(contentsOf: Self.root.appendingPathComponent("Samples/edikit.yaml"), encoding: .utf8)
        text = text.replacingOccurrences(of: "Samples/guides/", with: Self.root.appendingPathComponent("Samples/guides").path + "/")
        try text.write(to: workspace.configuration, atomically: true, encoding: .utf8)
        let manager = FileManager.default
        for folder in ["Samples/inbox", "Samples/broken"] {
            for name in try manager.contentsOfDirectory(atPath: Self.root.appendingPathComponent(folder).path) {
                try manager.copyItem(at: Self.root.appendingPathComponent("\(folder)/\(name)"), to: workspace.inbox.appendingPathComponent(name))
            }
        }
        for (partner, golden) in [("globex", "x12/acme-810-004010-to-globex.edi.json"), ("initech", "edifact/acme-INVOIC-D96A-to-initech.edi.json")] {
            let target = workspace.outbound.appendingPathComponent(partner)
            try manager.createDirectory(at: target, withIntermediateDirectories: true)
            try manager.copyItem(at: Self.root.appendingPathComponent("Tests/O2CTests/Golden/\(golden)"),
                                 to: target.appendingPathComponent((golden as NSString).lastPathComponent))
        }
        try "not EDI at all".write(to: workspace.outbound.appendingPathComponent("globex/broken.json"), atomically: true, encoding: .utf8)
        return (workspace, try Configuration.load(path: workspace.configuration.path))
    }

    func files(_ folder: URL) -> [String] {
        (FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? [])
            .filter { !$0.hasPrefix(".") && !(($0 as NSString).lastPathComponent.hasPrefix(".")) }
            .filter { name in
                var isDirectory: ObjCBool = false
                let exists = FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path, isDirectory: &isDirectory)
                return exists && !isDirectory.boolValue
            }
            .sorted()
    }

    @Test func everyFileEndsWhereItShould() throws {
        let (workspace, configuration) = try workspace()
        defer { try? FileManager.default.removeItem(at: workspace.root) }
        let inputs = files(workspace.inbox).count + files(workspace.outbound).count
        let runner = PipelineRunner(workspace: workspace, configuration: configuration,
                                    repository: SchemaRepository(root: Self.root.appendingPathComponent("Schemas")),
                                    ledger: try SQLiteLedger(path: workspace.ledger.path))
        let summary = try runner.runOnce()
        // Nothing is left behind, nothing is lost.
        #expect(files(workspace.inbox).isEmpty)
        #expect(files(workspace.outbound).isEmpty)
        let archived = files(workspace.archive)
        let rejected = files(workspace.rejected).filter { !$0.hasSuffix(".report.json") }
        #expect(archived.count + rejected.count == inputs)
        // Unknown partner and the unreadable outbound document are rejected with a report.
        #expect(rejected.contains("850-unknown-partner-id.edi"))
        #expect(rejected.contains("broken.json"))
        for name in rejected { #expect(files(workspace.rejected).contains(name + ".report.json")) }
        // Documents, acknowledgements and outbound EDI.
        let documents = files(workspace.internalDocuments)
        #expect(documents.contains("purchaseOrder/globex_4500012345_0001.json"))
        #expect(documents.contains { $0.hasPrefix("purchaseOrder/initech_PO-2026-0481") })
        #expect(documents.contains { $0.hasPrefix("remittance/") })
        // Each document names its original where it ended up: archive/YYYY/MM/DD/, not inbox/.
        let document = try JSONSerialization.jsonObject(with: Data(contentsOf: workspace.internalDocuments
            .appendingPathComponent("purchaseOrder/globex_4500012345_0001.json"))) as? [String: Any]
        let sourceFile = try #require((document?["envelope"] as? [String: Any])?["sourceFile"] as? String)
        #expect(sourceFile.hasPrefix("archive/") && sourceFile.hasSuffix("/globex-850-004010-two-pos.edi"), "\(sourceFile)")
        #expect(archived.contains(String(sourceFile.dropFirst("archive/".count))))
        #expect((document?["envelope"] as? [String: Any])?["receivedAt"] as? String != nil)
        let outbox = files(workspace.outbox)
        #expect(outbox.contains { $0.hasPrefix("globex/globex-997-") })
        #expect(outbox.contains { $0.hasPrefix("globex/globex-invoice-") })
        #expect(outbox.contains { $0.hasPrefix("initech/initech-invoice-") })
        #expect(summary.outbound == 2)
        // The truncated ORDERS shares its interchange number with the good one: being broken, it is not
        // remembered, so the good one is not a duplicate.
        #expect(summary.duplicates == 0)

        // The same interchange again is a duplicate: rejected, the file kept.
        try FileManager.default.copyItem(at: Self.root.appendingPathComponent("Samples/inbox/globex-850-004010-two-pos.edi"),
                                         to: workspace.inbox.appendingPathComponent("again.edi"))
        let second = try runner.runOnce()
        #expect(second.duplicates == 1)
        #expect(files(workspace.rejected).contains("again.edi"))
    }
}
