import ArgumentParser
import EDISchema
import Foundation
import Logging
import Pipeline

/// The workspace and ledger of an existing pipeline; a missing ledger is a usage error (exit 2).
struct WorkspaceOptions: ParsableArguments {
    @Argument(help: "The workspace folder (the one holding edikit.yaml and edikit.db).") var root: String

    var workspace: Workspace { Workspace(root: URL(fileURLWithPath: root)) }

    func openLedger() throws -> SQLiteLedger {
        guard FileManager.default.fileExists(atPath: workspace.ledger.path) else {
            throw ValidationError("no ledger at \(workspace.ledger.path): is \(root) a workspace? (edikit init, then edikit watch)")
        }
        return try SQLiteLedger(path: workspace.ledger.path)
    }

    func loadConfiguration() throws -> Configuration {
        do {
            return try Configuration.load(path: workspace.configuration.path)
        } catch let error as ConfigurationError {
            throw ValidationError("\(error)")
        }
    }
}

/// `edikit status ROOT`: what the pipeline has done and what needs attention.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show a pipeline's state: counts, recent and rejected files, overdue and unmatched acknowledgements, control numbers.",
        discussion: """
            Reads the ledger (ROOT/edikit.db) only; nothing is changed. Files are counted by direction and status \
            (processing, archived, rejected, duplicate, reprocessed), transactions by validity (inbound) and by \
            acknowledgement (outbound: accepted, acceptedWithErrors, rejected, partiallyAccepted, received, awaiting). \
            An outbound interchange is overdue when its partner's acknowledgementExpectedWithinHours has passed without \
            an acknowledgement. Rejected files show the id that edikit reprocess takes. --format json prints the same \
            as one JSON object (docs/pipeline.md, "Operating it"). Exit 0; 2 when ROOT has no ledger.
            """
    )

    @OptionGroup var workspace: WorkspaceOptions
    @Option(name: .long, help: "How many recent files to list.") var recent = 10
    @Option(name: .long, help: ArgumentHelp("Judge overdue acknowledgements at this ISO 8601 time instead of now.", visibility: .hidden))
    var now: String?
    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard recent >= 0 else { throw ValidationError("--recent must be 0 or more") }
    }

    func run() throws {
        let ledger = try workspace.openLedger()
        var date = Date()
        if let now {
            guard let parsed = ISO8601DateFormatter().date(from: now) else { throw ValidationError("--now: not an ISO 8601 time: \(now)") }
            date = parsed
        }
        var status = try ledger.status(at: date, recent: recent)
        if let configuration = try? workspace.loadConfiguration() { status.namePartners(configuration) }
        switch output.format {
        case .json: try printJSON(status)
        case .text: print(StatusText.render(status, root: workspace.root, recent: recent))
        }
    }
}

/// `edikit reprocess ROOT ID…`: rejected files run again after a configuration fix.
struct ReprocessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reprocess",
        abstract: "Run rejected (or duplicate) files again, after fixing the configuration.",
        discussion: """
            ID is a file id from edikit status. Each file is moved from rejected/ back to inbox/ (an outbound document \
            to outbound/<partner>/) under its original name, its old report is removed, and the pipeline runs once, as \
            edikit watch ROOT --once does (taking whatever else waits there too). The ledger keeps the old record with \
            status reprocessed and links the new attempt to it (retryOf). When an edikit watch is working on ROOT, the \
            files are only put back and that process takes them. Every id is checked before anything moves: an id that \
            is unknown or not rejected is an error (exit 2). Exit 1 when a file is rejected again.
            """
    )

    @OptionGroup var workspace: WorkspaceOptions
    @Argument(help: "Ledger file ids (edikit status lists them).") var ids: [Int64] = []
    @Flag(name: .long, help: "Reprocess every rejected file (not duplicates).") var allRejected = false
    @Option(name: .long, help: "The Schemas folder.") var schemas: String?
    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard !ids.isEmpty || allRejected else { throw ValidationError("give file ids (see edikit status) or --all-rejected") }
    }

    func run() throws {
        let ledger = try workspace.openLedger()
        let configuration = try workspace.loadConfiguration()
        let reprocessor = Reprocessor(workspace: workspace.workspace, ledger: ledger)
        let requeued: [Reprocessor.Requeued]
        do {
            requeued = try reprocessor.requeue(ids + (allRejected ? try reprocessor.rejectedIDs() : []))
        } catch let error as ReprocessError {
            throw ValidationError(error.message)
        }
        // When an edikit watch holds the root, it takes the files back itself.
        if let lock = try? WorkspaceLock(workspace.workspace) {
            var runner = PipelineRunner(workspace: workspace.workspace, configuration: configuration,
                                        repository: try SchemaLocation.repository(schemas), ledger: ledger)
            runner.logger = Logger(label: "edikit.pipeline") { _ in PipelineLogHandler() }
            _ = try withExtendedLifetime(lock) { try runner.runOnce() }
        }
        let outcomes = try reprocessor.outcomes(of: requeued)
        switch output.format {
        case .json: try printJSON(outcomes)
        case .text:
            if outcomes.isEmpty { print("nothing to reprocess") }
            for outcome in outcomes {
                guard let attempt = outcome.attempt else {
                    print("file \(outcome.previousID) \(outcome.name): put back; the edikit process working on \(workspace.root) takes it")
                    continue
                }
                let result = attempt.status == .archived ? "archived" : "\(attempt.status.rawValue): \(attempt.reason ?? "")"
                print("file \(outcome.previousID) \(outcome.name) → file \(attempt.id): \(result) (\(attempt.location ?? ""))")
            }
        }
        if outcomes.contains(where: { $0.attempt.map { $0.status != .archived } ?? false }) { throw ExitCode(1) }
    }
}
