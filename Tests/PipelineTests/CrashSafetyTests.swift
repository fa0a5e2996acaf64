import EDICore
import EDISchema
import Foundation
import Pipeline
import Testing
import TestSupport

/// The pieces of exactly-once processing: control numbers that become durable only with a file's
/// commit (no gap when a process dies before it), renames owed after a commit carried out at the
/// next start, uncommitted staging dropped, one process per root.
@Suite("Pipeline, crash safety")
struct CrashSafetyTests {
    func temporaryRoot() throws -> Workspace {
        let workspace = Workspace(root: TestFiles.folder.appendingPathComponent("edikit-crash-\(UUID().uuidString)"))
        try workspace.create(configurationTemplate: ConfigurationTemplate.text)
        return workspace
    }

    func identity(_ name: String) -> FileIdentity {
        // Never matches a real file: the original's move is skipped.
        try! JSONDecoder().decode(FileIdentity.self, from: Data("""
            {"name":"\(name)","size":1,"modified":0,"inode":0,"sha256":""}
            """.utf8))
    }

    @Test func controlNumbersAreUsedOnlyByACommit() throws {
        let workspace = try temporaryRoot()
        let ledger = try SQLiteLedger(path: workspace.ledger.path)
        // A file numbered 1…3, then the process dies before its commit: nothing is used.
        var lost = StagedAllocator(ledger: ledger)
        for _ in 0..<3 { _ = try lost.next(.interchange, partner: "ZZ:GLOBEX") }
        #expect(try ledger.lastControlNumber(partner: "ZZ:GLOBEX", level: .interchange) == 0)
        // The next file gets 1…2 again and commits them.
        var kept = StagedAllocator(ledger: ledger)
        #expect(try kept.next(.interchange, partner: "ZZ:GLOBEX") == 1)
        #expect(try kept.next(.interchange, partner: "ZZ:GLOBEX") == 2)
        #expect(try kept.next(.transaction, partner: "ZZ:GLOBEX") == 1)
        var outcome = FileOutcome(identity: identity("a.json"), direction: .outbound, status: .archived, location: "archive/a.json")
        outcome.controlNumbers = kept.advances
        _ = try ledger.commit(outcome)
        #expect(try ledger.lastControlNumber(partner: "ZZ:GLOBEX", level: .interchange) == 2)
        #expect(try ledger.lastControlNumber(partner: "ZZ:GLOBEX", level: .transaction) == 1)
        // An allocator that read `last` before that commit conflicts instead of reusing 1.
        outcome.controlNumbers = lost.advances
        #expect(throws: ControlNumberConflict.self) { try ledger.commit(outcome) }
        #expect(try ledger.lastControlNumber(partner: "ZZ:GLOBEX", level: .interchange) == 2)
        #expect(try ledger.fileCounts() == ["archived": 1])
    }

    @Test func recoveryFinishesCommittedFilesAndDropsUncommittedOnes() throws {
        let workspace = try temporaryRoot()
        let ledger = try SQLiteLedger(path: workspace.ledger.path)
        let manager = FileManager.default
        // Committed: one staged output and the original still in inbox/.
        let staged = workspace.staging.appendingPathComponent("committed/1-po.json")
        try manager.createDirectory(at: staged.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("{}".utf8).write(to: staged)
        let original = workspace.inbox.appendingPathComponent("po.edi")
        try Data("ISA".utf8).write(to: original)
        var outcome = FileOutcome(identity: try FileIdentity(of: original), direction: .inbound, status: .archived,
                                  location: workspace.archive.appendingPathComponent("po.edi").path)
        outcome.moves = [
            PendingMove(from: ".staging/committed/1-po.json", to: "internal/purchaseOrder/po.json", original: nil),
            PendingMove(from: "inbox/po.edi", to: "archive/po.edi", original: try FileIdentity(of: original)),
        ]
        _ = try ledger.commit(outcome)
        // Uncommitted: staged only.
        let orphan = workspace.staging.appendingPathComponent("uncommitted/1-x.json")
        try manager.createDirectory(at: orphan.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("{}".utf8).write(to: orphan)
        // A file of the same name as another committed original arrived after the stop: it is not moved.
        let newcomer = workspace.inbox.appendingPathComponent("again.edi")
        try Data("ISA new".utf8).write(to: newcomer)
        var other = FileOutcome(identity: identity("again.edi"), direction: .inbound, status: .archived, location: "archive/again.edi")
        other.moves = [PendingMove(from: "inbox/again.edi", to: "archive/again.edi", original: identity("again.edi"))]
        _ = try ledger.commit(other)

        let runner = PipelineRunner(workspace: workspace, configuration: try Configuration.load(path: Fixtures.repositoryRoot.appendingPathComponent("Samples/edikit.yaml").path),
                                    repository: SchemaRepository(root: Fixtures.repositoryRoot.appendingPathComponent("Schemas")),
                                    ledger: ledger)
        #expect(try runner.recover() == 2)
        #expect(manager.fileExists(atPath: workspace.internalDocuments.appendingPathComponent("purchaseOrder/po.json").path))
        #expect(manager.fileExists(atPath: workspace.archive.appendingPathComponent("po.edi").path))
        #expect(!manager.fileExists(atPath: original.path))
        #expect(manager.fileExists(atPath: newcomer.path))
        #expect(!manager.fileExists(atPath: workspace.archive.appendingPathComponent("again.edi").path))
        #expect(!manager.fileExists(atPath: workspace.staging.path))
        #expect(try ledger.unfinishedFiles().isEmpty)
        // Repeating it changes nothing.
        #expect(try runner.recover() == 0)
    }

    @Test func oneProcessPerRoot() throws {
        let workspace = try temporaryRoot()
        let lock = try WorkspaceLock(workspace)
        #expect(throws: WorkspaceBusyError.self) { try WorkspaceLock(workspace) }
        _ = lock
    }
}
