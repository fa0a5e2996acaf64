import EDICore
import Foundation
import Pipeline
import Testing
import TestSupport

/// `edikit status` and `edikit reprocess` underneath: overdue acknowledgements by a fixed clock, the
/// status JSON, and a rejected file run again after the configuration is fixed.
@Suite("Pipeline operations")
struct OperationsTests {
    @Test func overdueByEachPartnersPolicy() throws {
        let test = try PipelineTestWorkspace()
        let globex = try test.sendInvoice(to: "globex", at: .testNow)       // expected within 24 hours
        _ = try test.sendInvoice(to: "initech", at: .testNow)               // within 48 hours
        #expect(try test.ledger.overdueAcknowledgements(at: .testNow.adding(hours: 23.9)).isEmpty)
        let oneDay = try test.ledger.overdueAcknowledgements(at: .testNow.adding(hours: 25))
        #expect(oneDay.map(\.partner) == ["globex"])
        #expect(oneDay.first?.interchange == "000000001")
        #expect(oneDay.first?.expectedBy == "2026-12-02T08:00:00Z")
        #expect(oneDay.first?.sentAt.hasPrefix("20") == true)
        #expect(oneDay.first?.hoursOverdue == 1)
        #expect(oneDay.first?.file.hasPrefix("invoice-") == true)
        let threeDays = try test.ledger.overdueAcknowledgements(at: .testNow.adding(hours: 72))
        #expect(threeDays.map(\.partner) == ["globex", "initech"])
        #expect(threeDays.map(\.hoursOverdue) == [48, 24])
        // Globex's 997 arrives late: no longer overdue; Initech's still is.
        try test.receive(try PipelineTestWorkspace.acknowledgement(of: globex, type: .functional997), named: "late-997.edi",
                         at: .testNow.adding(hours: 73))
        #expect(try test.ledger.overdueAcknowledgements(at: .testNow.adding(hours: 74)).map(\.partner) == ["initech"])
    }

    @Test func statusJSON() throws {
        let test = try PipelineTestWorkspace()
        let sent = try test.sendInvoice(to: "globex", at: .testNow)
        try test.receive(try PipelineTestWorkspace.acknowledgement(of: sent, type: .functional997), named: "globex-997.edi",
                         at: .testNow.adding(hours: 1))
        _ = try test.sendInvoice(to: "initech", at: .testNow.adding(hours: 1))
        try FileManager.default.copyItem(at: PipelineTestWorkspace.root.appendingPathComponent("Samples/broken/850-unknown-partner-id.edi"),
                                         to: test.workspace.inbox.appendingPathComponent("850-unknown-partner-id.edi"))
        _ = try test.runner.runOnce(now: .testNow.adding(hours: 2))
        var status = try test.ledger.status(at: .testNow.adding(hours: 60), recent: 3)
        status.namePartners(test.configuration)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = try #require(try JSONSerialization.jsonObject(with: encoder.encode(status)) as? [String: Any])
        #expect(json.keys.sorted() == ["acknowledgements", "controlNumbers", "files", "generatedAt", "overdueAcknowledgements",
                                       "recentFiles", "rejectedFiles", "transactions", "unmatchedAcknowledgements"])
        #expect(json["generatedAt"] as? String == "2026-12-03T20:00:00Z")
        #expect(json["files"] as? [String: [String: Int]] == ["inbound": ["archived": 1, "rejected": 1], "outbound": ["archived": 2]])
        #expect(json["transactions"] as? [String: [String: Int]] == ["inbound": ["valid": 1], "outbound": ["accepted": 1, "awaiting": 1]])
        #expect(json["acknowledgements"] as? [String: Int] == ["accepted": 1])
        let recent = try #require(json["recentFiles"] as? [[String: Any]])
        #expect(recent.map { $0["id"] as? Int } == [4, 3, 2])
        #expect(recent.first?["name"] as? String == "850-unknown-partner-id.edi")
        #expect(recent.first?["direction"] as? String == "inbound")
        let rejected = try #require((json["rejectedFiles"] as? [[String: Any]])?.first)
        #expect(rejected["id"] as? Int == 4)
        #expect(rejected["status"] as? String == "rejected")
        #expect((rejected["reason"] as? String)?.contains("unknown partner ZZ:WAYNEENTRPRS") == true)
        #expect((rejected["location"] as? String)?.hasSuffix("rejected/850-unknown-partner-id.edi") == true)
        let overdue = try #require(json["overdueAcknowledgements"] as? [[String: Any]])
        #expect(overdue.count == 1)
        #expect(overdue.first?["partner"] as? String == "initech")
        #expect(overdue.first?["interchange"] as? String == "1")
        #expect(overdue.first?["hoursOverdue"] as? Int == 11)
        #expect((json["unmatchedAcknowledgements"] as? [Any])?.isEmpty == true)
        let counters = try #require(json["controlNumbers"] as? [[String: Any]])
        let globex = counters.filter { $0["partner"] as? String == "globex" }
        #expect(globex.map { $0["level"] as? String } == ["group", "interchange", "transaction"])
        #expect(globex.map { $0["last"] as? Int } == [1, 1, 1])
        #expect(globex.first?["party"] as? String == "01:804512378")
        #expect(counters.contains { $0["partner"] as? String == "initech" && $0["level"] as? String == "interchange" && $0["last"] as? Int == 1 })
    }

    static let wayne = """

          wayne:
            name: Wayne Enterprises
            syntax: x12
            qualifier: ZZ
            id: WAYNEENTRPRS
            version: "004010"
            interchangeVersion: "00401"
            acknowledgement: "997"

        """

    @Test func reprocessAfterAddingTheUnknownPartner() throws {
        var test = try PipelineTestWorkspace()
        let name = "850-unknown-partner-id.edi"
        let original = try Data(contentsOf: PipelineTestWorkspace.root.appendingPathComponent("Samples/broken/\(name)"))
        try original.write(to: test.workspace.inbox.appendingPathComponent(name))
        #expect(try test.runner.runOnce(now: .testNow).rejected == 1)
        let rejected = try #require(try test.ledger.files(withStatus: .rejected).first)
        #expect(test.files(in: test.workspace.rejected) == [name, name + ".report.json"])

        // Still unknown: reprocessing rejects it again, and the file is still there.
        let reprocessor = Reprocessor(workspace: test.workspace, ledger: test.ledger)
        var requeued = try reprocessor.requeue([rejected.id])
        #expect(requeued.map(\.path.lastPathComponent) == [name])
        #expect(test.files(in: test.workspace.rejected).isEmpty)
        #expect(try test.runner.runOnce(now: .testNow.adding(hours: 1)).rejected == 1)
        let second = try #require(try reprocessor.outcomes(of: requeued).first?.attempt)
        #expect(second.retryOf == rejected.id)
        #expect(second.status == .rejected)
        #expect(try test.ledger.file(rejected.id)?.status == .reprocessed)

        // Fix the configuration: add the partner; reprocess the second attempt: archived.
        let text = try String(contentsOf: test.workspace.configuration, encoding: .utf8)
        try text.replacingOccurrences(of: "\nlimits:", with: Self.wayne + "\nlimits:")
            .write(to: test.workspace.configuration, atomically: true, encoding: .utf8)
        test.configuration = try Configuration.load(path: test.workspace.configuration.path)
        requeued = try reprocessor.requeue([second.id])
        let summary = try test.runner.runOnce(now: .testNow.adding(hours: 2))
        #expect(summary.archived == 1)
        #expect(summary.documents == 1)
        let third = try #require(try reprocessor.outcomes(of: requeued).first?.attempt)
        #expect(third.retryOf == second.id)
        #expect(third.status == .archived)
        #expect(third.partner == "wayne")
        let archived = try #require(third.location)
        #expect(try Data(contentsOf: URL(fileURLWithPath: archived)) == original)
        #expect(test.files(in: test.workspace.rejected).isEmpty)
        #expect(test.files(in: test.workspace.inbox).isEmpty)
        #expect(test.files(in: test.workspace.outbox.appendingPathComponent("wayne")).count == 1)
        let status = try test.ledger.status(at: .testNow.adding(hours: 3), recent: 10)
        #expect(status.rejectedFiles.isEmpty)
        #expect(status.files["inbound"] == ["archived": 1, "reprocessed": 2])
    }

    @Test func reprocessAnOutboundDocumentIntoItsPartnerFolder() throws {
        var test = try PipelineTestWorkspace()
        let folder = test.workspace.outbound.appendingPathComponent("wayne")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let golden = PipelineTestWorkspace.root.appendingPathComponent(try #require(PipelineTestWorkspace.invoices["globex"]))
        try FileManager.default.copyItem(at: golden, to: folder.appendingPathComponent("invoice.json"))
        #expect(try test.runner.runOnce(now: .testNow).rejected == 1)
        let rejected = try #require(try test.ledger.files(withStatus: .rejected).first)
        #expect(rejected.origin == "outbound/wayne/invoice.json")
        #expect(rejected.reason?.contains("no partner \"wayne\"") == true)

        let text = try String(contentsOf: test.workspace.configuration, encoding: .utf8)
        try text.replacingOccurrences(of: "\nlimits:", with: Self.wayne + "\nlimits:")
            .write(to: test.workspace.configuration, atomically: true, encoding: .utf8)
        test.configuration = try Configuration.load(path: test.workspace.configuration.path)
        let reprocessor = Reprocessor(workspace: test.workspace, ledger: test.ledger)
        let requeued = try reprocessor.requeue([rejected.id])
        #expect(requeued.first?.path == folder.appendingPathComponent("invoice.json"))
        #expect(try test.runner.runOnce(now: .testNow.adding(hours: 1)).outbound == 1)
        let attempt = try #require(try reprocessor.outcomes(of: requeued).first?.attempt)
        #expect(attempt.status == .archived)
        #expect(attempt.retryOf == rejected.id)
        #expect(test.files(in: test.workspace.outbox.appendingPathComponent("wayne")) == ["wayne-invoice-000000001.edi"])
    }

    @Test func reprocessRefusesWhatIsNotRejectedAndMovesNothing() throws {
        let test = try PipelineTestWorkspace()
        _ = try test.sendInvoice(to: "globex", at: .testNow)
        try FileManager.default.copyItem(at: PipelineTestWorkspace.root.appendingPathComponent("Samples/broken/850-unknown-partner-id.edi"),
                                         to: test.workspace.inbox.appendingPathComponent("unknown.edi"))
        _ = try test.runner.runOnce(now: .testNow)
        let rejected = try #require(try test.ledger.files(withStatus: .rejected).first)
        let archived = try #require(try test.ledger.files(withStatus: .archived).first)
        let reprocessor = Reprocessor(workspace: test.workspace, ledger: test.ledger)
        #expect { try reprocessor.requeue([rejected.id, archived.id]) } throws: { error in
            "\(error)".contains("file \(archived.id) (\(archived.name)) is archived, not rejected")
        }
        #expect { try reprocessor.requeue([rejected.id, 999]) } throws: { error in "\(error)" == "file 999 is not in the ledger" }
        // Nothing moved.
        #expect(test.files(in: test.workspace.rejected) == ["unknown.edi", "unknown.edi.report.json"])
        #expect(try test.ledger.file(rejected.id)?.status == .rejected)
        #expect(try reprocessor.rejectedIDs() == [rejected.id])
        // A file of the same name already waiting in inbox/ is not overwritten.
        try Data("waiting".utf8).write(to: test.workspace.inbox.appendingPathComponent("unknown.edi"))
        let requeued = try reprocessor.requeue([rejected.id])
        #expect(requeued.first?.path.lastPathComponent == "unknown-2.edi")
        #expect(try String(contentsOf: test.workspace.inbox.appendingPathComponent("unknown.edi"), encoding: .utf8) == "waiting")
        #expect(test.files(in: test.workspace.rejected).isEmpty)
    }
}
