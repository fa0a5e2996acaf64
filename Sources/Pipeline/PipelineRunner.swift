import EDICore
public import EDISchema
public import Foundation
public import Logging

/// What one pass over the folders did.
public struct PipelineSummary: Sendable, Codable {
    /// Inbound files archived.
    public var archived = 0
    /// Inbound or outbound files rejected (with a report).
    public var rejected = 0
    /// Inbound files whose interchange was seen before.
    public var duplicates = 0
    /// Internal documents written.
    public var documents = 0
    /// Acknowledgements written.
    public var acknowledgements = 0
    /// Outbound interchanges written.
    public var outbound = 0
    /// Acknowledgements received that match something we sent.
    public var acknowledgementsReceived = 0
    /// Acknowledgements received that match nothing we sent (recorded, file archived).
    public var unmatchedAcknowledgements = 0

    /// Creates an empty summary.
    public init() {}

    /// Adds another summary's counts.
    public mutating func add(_ other: PipelineSummary) {
        archived += other.archived
        rejected += other.rejected
        duplicates += other.duplicates
        documents += other.documents
        acknowledgements += other.acknowledgements
        outbound += other.outbound
        acknowledgementsReceived += other.acknowledgementsReceived
        unmatchedAcknowledgements += other.unmatchedAcknowledgements
    }
}

/// Processes the files of `inbox/` and `outbound/`: validation with the partner's guide,
/// translation to `internal/<type>/`, acknowledgements to `outbox/<partner>/`, generation of
/// outbound EDI, the original archived or rejected with a report, everything in the ledger.
///
/// Each file is processed exactly once, even when the process is killed at any point: its outputs
/// are staged, its whole outcome is one ledger commit, and the renames after it are repeated by
/// ``recover()`` at the next start (docs/pipeline.md, "Crash safety").
public struct PipelineRunner {
    /// The folders.
    public let workspace: Workspace
    /// `edikit.yaml`.
    public let configuration: Configuration
    /// The schemas.
    public let repository: SchemaRepository
    /// The ledger.
    public let ledger: any Ledger
    /// Where events go; every line carries `file`, `partner` and control numbers as metadata.
    public var logger: Logger = .silent
    /// Files renamed into place, marked finished in the ledger by the batch (``finishPending()``).
    let finished = FinishedFiles()
    /// Output names given so far, so a name used by thousands of files is not searched from `-2` each time.
    let names = NameCounters()
    /// How many finished files are marked in one ledger write at most.
    static let finishBatch = 64

    /// Creates a runner.
    public init(workspace: Workspace, configuration: Configuration, repository: SchemaRepository, ledger: any Ledger) {
        self.workspace = workspace
        self.configuration = configuration
        self.repository = repository
        self.ledger = ledger
    }

    /// Finishes what a stopped process left: the renames owed by committed files are carried out,
    /// and the staged outputs of files never committed are dropped (those files are still in their
    /// folder and are processed again). Returns how many committed files were finished.
    @discardableResult
    public func recover() throws -> Int {
        let unfinished = try ledger.unfinishedFiles()
        var renamed = 0
        for file in unfinished {
            let done = try Staging.perform(file.moves, in: workspace)
            finished.add(file.id, folders: done.folders)
            renamed += done.renamed
        }
        try finishPending()
        if !unfinished.isEmpty {
            logger.notice("finished files committed before a stop", metadata: ["files": "\(unfinished.count)", "renamed": "\(renamed)"])
        }
        try? FileManager.default.removeItem(at: workspace.staging)
        return unfinished.count
    }

    /// Flushes the folders of files renamed into place and marks them finished in the ledger.
    public func finishPending() throws {
        try finished.flush(to: ledger)
    }

    /// One pass over `inbox/` and `outbound/` after ``recover()``; `shouldStop` is asked between files.
    public func runOnce(now: Date = Date(), shouldStop: () -> Bool = { false }) throws -> PipelineSummary {
        try recover()
        var summary = PipelineSummary()
        for (file, direction) in try pendingFiles() {
            if shouldStop() { break }
            summary.add(try process(file, direction: direction, now: now))
        }
        try finishPending()
        return summary
    }

    /// Every file waiting: `outbound/<partner>/` first, then `inbox/`, each oldest name first — what
    /// we send is recorded before the partners' acknowledgements that arrived in the same pass are read.
    public func pendingFiles() throws -> [(URL, FileDirection)] {
        try readyFiles(in: workspace.outbound, recursive: true).map { ($0, .outbound) }
            + readyFiles(in: workspace.inbox).map { ($0, .inbound) }
    }

    /// Regular files ready to take, oldest name first; symbolic links and special files are left alone.
    func readyFiles(in folder: URL, recursive: Bool = false) throws -> [URL] {
        var result: [URL] = []
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] where Workspace.isReady(name) {
            let url = folder.appendingPathComponent(name)
            guard let info = FileStatusInfo(path: url.path) else { continue }
            if info.isDirectory, recursive {
                result += try readyFiles(in: url)
            } else if info.isRegular {
                result.append(url)
            }
        }
        return result.sorted { $0.path < $1.path }
    }

    /// Processes one file of `inbox/` (inbound) or `outbound/<partner>/` (outbound): stages its
    /// outputs, commits its outcome to the ledger, renames the outputs into place and moves the
    /// original. A file that is gone or not a regular file is skipped. The file is marked finished
    /// in the ledger with the next batch: call ``finishPending()`` when done with a run of files.
    public func process(_ file: URL, direction: FileDirection, now: Date = Date()) throws -> PipelineSummary {
        guard FileStatusInfo(path: file.path)?.isRegular == true else { return PipelineSummary() }
        let identity = try FileIdentity(of: file)
        var logger = self.logger
        logger[metadataKey: "file"] = "\(identity.name)"
        let staging = try Staging(workspace: workspace, names: names)
        defer { staging.discard() }
        var result: Processed
        do {
            result = direction == .inbound
                ? try inbound(file, identity: identity, now: now, staging: staging, logger: &logger)
                : try outbound(file, identity: identity, now: now, staging: staging, logger: &logger)
        } catch {
            // Whatever failed (unreadable file, missing guide): the file is rejected with the reason, never lost.
            result = try rejection(file, identity: identity, direction: direction, reason: "could not be processed: \(error)",
                                   staging: staging)
        }
        result.outcome.moves = staging.moves
        result.outcome.spooledMoves = staging.spooledMoves
        try staging.synchronize()
        Failpoint.staged.reach()
        let id = try ledger.commit(result.outcome)
        Failpoint.committed.reach()
        finished.add(id, folders: try staging.performOwed())
        if finished.count >= Self.finishBatch { try finishPending() }
        result.summary.add(try reportAcknowledgements(ofFile: id, in: result.outcome, logger: logger))
        let outcome = result.outcome
        if outcome.status == .archived {
            logger.info("\(direction == .inbound ? "archived" : "sent")", metadata: ["location": "\(workspace.relativePath(URL(fileURLWithPath: outcome.location)))"])
        } else {
            logger.warning("\(outcome.status.rawValue)", metadata: ["reason": "\(outcome.reason ?? "")"])
        }
        return result.summary
    }

    /// A file's outcome and what it adds to the summary.
    struct Processed {
        var outcome: FileOutcome
        var summary = PipelineSummary()
    }

    // MARK: - Rejection

    /// Drops what was staged; the original goes to `rejected/` with `<name>.report.json` beside it.
    func rejection(_ file: URL, identity: FileIdentity, direction: FileDirection, reason: String, findings: [Diagnostic] = [],
                   details: [String] = [], status: FileStatus = .rejected, staging: Staging) throws -> Processed {
        try staging.reset()
        let target = staging.moveOriginal(file, identity: identity, to: workspace.rejected)
        let report = RejectionReport(file: file.lastPathComponent, reason: reason, details: details,
                                     findings: findings.filter { $0.severity == .error }.prefix(200).map(\.description))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try staging.stage(try encoder.encode(report), at: URL(fileURLWithPath: target.path + ".report.json"))
        var summary = PipelineSummary()
        if status == .rejected { summary.rejected = 1 } else if status == .duplicate { summary.duplicates = 1 }
        return Processed(outcome: FileOutcome(identity: identity, direction: direction, status: status, location: target.path,
                                              reason: reason),
                         summary: summary)
    }
}

/// `rejected/<name>.report.json`.
struct RejectionReport: Codable {
    var file: String
    var reason: String
    var details: [String]
    var findings: [String]
}
