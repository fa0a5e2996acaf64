import Foundation
import Testing
import TestSupport

/// `edikit status` and `edikit reprocess`, the real process on the demo workspace: the two sample
/// acknowledgements matched, the unacknowledged interchanges overdue at a later time, a rejected file
/// run again after its partner is added; usage errors exit 2 and move nothing.
@Suite("edikit status and reprocess")
struct OperationsCommandTests {
    typealias CLI = InspectCommandTests

    func demo() throws -> URL {
        let root = TestFiles.folder.appendingPathComponent("edikit-ops-cli-\(UUID().uuidString)")
        let run = try CLI.run(["demo", "--root", root.path])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        return root
    }

    @Test func statusOfTheDemo() throws {
        let root = try demo()
        let now = try CLI.json(try CLI.run(["status", root.path, "--format", "json"]))
        #expect(now["acknowledgements"] as? [String: Int] == ["accepted": 2])
        #expect((now["overdueAcknowledgements"] as? [Any])?.isEmpty == true)
        #expect((now["unmatchedAcknowledgements"] as? [Any])?.isEmpty == true)
        let rejected = try #require(now["rejectedFiles"] as? [[String: Any]])
        #expect(Set(rejected.compactMap { $0["name"] as? String })
                == ["850-unknown-partner-id.edi", "invoice-ACM-INV-100019-without-date.json"])
        let outbound = try #require((now["transactions"] as? [String: [String: Int]])?["outbound"])
        #expect(outbound == ["accepted": 2, "awaiting": 4])

        // Three days on (Globex expects within 24 hours, Initech within 48): the four documents
        // nobody acknowledged are overdue; the two acknowledged invoices are not.
        let later = ISO8601DateFormatter().string(from: Date().addingTimeInterval(72 * 3600))
        let run = try CLI.run(["status", root.path, "--format", "json", "--now", later])
        #expect(run.status == 0, "\(run.stderr)")
        let overdue = try #require(try CLI.json(run)["overdueAcknowledgements"] as? [[String: Any]])
        #expect(overdue.compactMap { $0["partner"] as? String } == ["globex", "globex", "initech", "initech"])
        #expect(overdue.compactMap { $0["interchange"] as? String } == ["000000001", "000000002", "1", "2"])

        let text = try CLI.run(["status", root.path, "--recent", "3"])
        #expect(text.status == 0)
        #expect(text.stdout.contains("recent files (last 3)"))
        #expect(text.stdout.contains("850-unknown-partner-id.edi: unknown partner ZZ:WAYNEENTRPRS (X12)"))
        #expect(text.stdout.contains("globex (01:804512378): group 8, interchange 8, transaction 8"))
    }

    @Test func reprocessAfterAddingThePartner() throws {
        let root = try demo()
        let status = try CLI.json(try CLI.run(["status", root.path, "--format", "json"]))
        let files = try #require(status["rejectedFiles"] as? [[String: Any]])
        let unknown = try #require(files.first { $0["name"] as? String == "850-unknown-partner-id.edi" }?["id"] as? Int)
        let recent = try #require((status["recentFiles"] as? [[String: Any]])?.first?["id"] as? Int)
        #expect(recent != unknown)

        // Not rejected, or no such id: exit 2, nothing moves.
        for ids in [["\(unknown)", "\(recent)"], ["\(unknown)", "99999"]] {
            let run = try CLI.run(["reprocess", root.path] + ids)
            #expect(run.status == 2, "\(run.stdout)\(run.stderr)")
        }
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("rejected/850-unknown-partner-id.edi").path))
        #expect(try CLI.run(["status", "/nonexistent/edikit-root"]).status == 2)

        let configuration = root.appendingPathComponent("edikit.yaml")
        let wayne = "\n  wayne:\n    syntax: x12\n    qualifier: ZZ\n    id: WAYNEENTRPRS\n    version: \"004010\"\n\nlimits:"
        try String(contentsOf: configuration, encoding: .utf8).replacingOccurrences(of: "\nlimits:", with: wayne)
            .write(to: configuration, atomically: true, encoding: .utf8)
        let run = try CLI.run(["reprocess", root.path, "\(unknown)", "--format", "json"])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        let outcome = try #require((try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])?.first)
        #expect(outcome["previousID"] as? Int == unknown)
        let attempt = try #require(outcome["attempt"] as? [String: Any])
        #expect(attempt["status"] as? String == "archived")
        #expect(attempt["retryOf"] as? Int == unknown)
        #expect(attempt["partner"] as? String == "wayne")
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("rejected/850-unknown-partner-id.edi").path))
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("rejected/850-unknown-partner-id.edi.report.json").path))
    }
}
