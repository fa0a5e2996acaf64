import Foundation
import Pipeline
import Testing
import TestSupport

/// `edikit watch ROOT` as a running process: files dropped while it runs are taken once complete,
/// temporary names are left alone, SIGTERM ends it with exit 0, a second watcher on the root is refused.
@Suite("edikit watch, continuous", .serialized)
struct WatchCommandTests {
    static let samples = Fixtures.repositoryRoot.appendingPathComponent("Samples")

    @Test func takesFilesDroppedWhileRunningAndStopsOnSIGTERM() throws {
        let sample = try SampleRoot()
        let log = sample.log
        defer { sample.remove() }
        let watcher = try WatchProcess(root: sample.root, log: log)
        #expect(eventually(within: 20) { (try? String(contentsOf: log, encoding: .utf8))?.contains("watching") == true })

        // Renamed in, a temporary name that stays, and a new partner folder under outbound/.
        try sample.drop(Data(contentsOf: Self.samples.appendingPathComponent("inbox/globex-850-004010-two-pos.edi")),
                        as: "po.edi", in: sample.workspace.inbox)
        try Data("ISA*partial".utf8).write(to: sample.workspace.inbox.appendingPathComponent("upload.tmp"))
        try sample.drop(Data(contentsOf: Fixtures.repositoryRoot.appendingPathComponent("Tests/O2CTests/Golden/x12/acme-810-004010-to-globex.edi.json")),
                        as: "invoice.json", in: sample.workspace.outbound.appendingPathComponent("globex"))
        #expect(eventually(within: 20) { sample.finished.sorted() == ["invoice.json", "po.edi"] })
        let status = watcher.stop(SIGTERM)
        #expect(status == 0)

        let documents = sample.files(sample.workspace.internalDocuments)
        #expect(documents == ["purchaseOrder/globex_4500012345_0001.json", "purchaseOrder/globex_4500012346_0002.json"])
        #expect(sample.files(sample.workspace.outbox).count == 2, "a 997 and the invoice")
        #expect(sample.files(sample.workspace.inbox) == ["upload.tmp"])
        let text = try String(contentsOf: log, encoding: .utf8)
        #expect(text.contains("stopping after the file in hand signal=SIGTERM"))
        #expect(text.contains("archived 1,"), "the summary: \(text.suffix(300))")
        // Every line of a file's processing names it and its partner.
        for line in text.split(separator: "\n") where line.contains(" archived file=") || line.contains(" sent file=") {
            #expect(line.contains("partner=globex") && line.contains("interchange="))
        }
    }

    @Test func pollingTakesAFileOnlyOnceItStopsChanging() throws {
        let sample = try SampleRoot()
        let log = sample.log
        defer { sample.remove() }
        let watcher = try WatchProcess(root: sample.root, arguments: ["--poll", "1", "--log-format", "json"], log: log)
        #expect(eventually(within: 20) { (try? String(contentsOf: log, encoding: .utf8))?.contains("\"mode\":\"polling\"") == true })
        // Written in place, a little at a time, faster than the scans: never taken half-written.
        let bytes = try Data(contentsOf: Self.samples.appendingPathComponent("inbox/initech-ORDERS-D96A-two-messages.edi"))
        let target = sample.workspace.inbox.appendingPathComponent("orders.edi")
        _ = FileManager.default.createFile(atPath: target.path, contents: nil)
        let handle = try FileHandle(forWritingTo: target)
        let step = bytes.count / 12 + 1
        for start in stride(from: 0, to: bytes.count, by: step) {
            handle.write(bytes[start..<min(start + step, bytes.count)])
            usleep(100_000)
        }
        try handle.close()
        #expect(eventually(within: 20) { sample.finished == ["orders.edi"] })
        #expect(watcher.stop(SIGINT) == 0)
        #expect(sample.files(sample.workspace.rejected).isEmpty)
        #expect(sample.files(sample.workspace.internalDocuments).count == 2)
        // JSON lines carry the same metadata.
        let lines = try String(contentsOf: log, encoding: .utf8).split(separator: "\n").filter { $0.hasPrefix("{") }
        let archived = try #require(lines.first { $0.contains("\"message\":\"archived\"") })
        let object = try #require(try JSONSerialization.jsonObject(with: Data(archived.utf8)) as? [String: String])
        #expect(object["file"] == "orders.edi")
        #expect(object["partner"] == "initech")
        #expect(object["interchange"] == "INI0000481")
    }

    @Test func aSecondWatcherOnTheSameRootIsRefused() throws {
        let sample = try SampleRoot()
        let log = sample.log
        defer { sample.remove() }
        let first = try WatchProcess(root: sample.root, log: log)
        #expect(eventually(within: 20) { (try? String(contentsOf: log, encoding: .utf8))?.contains("watching") == true })
        let second = try WatchProcess(root: sample.root, arguments: ["--once"], log: log)
        second.process.waitUntilExit()
        #expect(second.process.terminationStatus == 2)
        #expect(try String(contentsOf: log, encoding: .utf8).contains("another edikit process is working on this root"))
        #expect(first.stop(SIGTERM) == 0)
    }
}
