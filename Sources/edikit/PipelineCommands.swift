import ArgumentParser
import EDISchema
import Foundation
import Logging
import Pipeline

/// `edikit init ROOT`: the folders of a pipeline and a commented configuration.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a pipeline workspace: inbox/, outbound/, internal/, outbox/, archive/, rejected/ and edikit.yaml."
    )

    @Argument(help: "The workspace folder.") var root: String

    func run() throws {
        let workspace = Workspace(root: URL(fileURLWithPath: root))
        try workspace.create(configurationTemplate: ConfigurationTemplate.text)
        print("created \(root): edit \(workspace.configuration.path), then run edikit watch \(root) --once")
    }
}

/// `edikit watch ROOT [--once]`: process what is in inbox/ and outbound/, then (without --once) keep watching.
struct WatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Process the files in inbox/ and outbound/ of a workspace, then keep watching for new ones.",
        discussion: """
            At start-up the command finishes what a stopped run left (docs/pipeline.md, "Crash safety") and \
            processes every file already waiting. Then it watches inbox/ and outbound/<partner>/ with inotify \
            and takes each file once it is complete (closed after writing, or renamed in); --poll SECONDS scans \
            instead (also used where inotify is not available) and takes a file once its size and time are the \
            same on two scans. Hidden names and *.tmp, *.part, *~ are never taken. SIGTERM or SIGINT lets the \
            file in hand finish, then the command exits 0. One process per workspace (a lock on \
            ROOT/.edikit.lock); a second one exits 2.

            --once processes what is there and exits (for cron and batch runs): 0 when every file went \
            through, 1 when a file was rejected or a duplicate.

            Logs go to standard error, one line per event with the file, partner and control numbers: \
            "time level message key=value…", or JSON lines with --log-format json.
            """
    )

    @Argument(help: "The workspace folder.") var root: String
    @Flag(name: .long, help: "Process what is there, then exit.") var once = false
    @Option(name: .long, help: ArgumentHelp("Scan every SECONDS instead of using inotify.", valueName: "seconds"))
    var poll: Double?
    @Option(name: .long, help: "Log lines: text or json.") var logFormat: LogFormat = .text
    @Option(name: .long, help: "Least log level shown.") var logLevel: LogLevel = .info
    @Option(name: .long, help: "The Schemas folder.") var schemas: String?
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if let poll, !(poll > 0) { throw ValidationError("--poll takes a number of seconds above 0") }
    }

    func run() throws {
        // SIGTERM/SIGINT become a stop request before anything slow (configuration, schemas) starts,
        // so a stop sent while starting up is honoured rather than lost or fatal.
        let format = PipelineLogHandler.Format(rawValue: logFormat.rawValue) ?? .text
        let level = Logger.Level(rawValue: logLevel.rawValue) ?? .info
        let logger = Logger(label: "edikit.pipeline") { _ in PipelineLogHandler(format: format, level: level) }
        let stop = StopSignal()
        stop.handleTerminationSignals { number in
            logger.notice("stopping after the file in hand", metadata: ["signal": "\(number == SIGTERM ? "SIGTERM" : "SIGINT")"])
        }
        let workspace = Workspace(root: URL(fileURLWithPath: root))
        let configuration: Configuration
        do {
            configuration = try Configuration.load(path: workspace.configuration.path)
        } catch let error as ConfigurationError {
            throw ValidationError("\(error)")
        }
        try workspace.create(configurationTemplate: ConfigurationTemplate.text)
        let lock: WorkspaceLock
        do {
            lock = try WorkspaceLock(workspace)
        } catch let error as WorkspaceBusyError {
            throw ValidationError("\(error)")
        }
        var runner = PipelineRunner(workspace: workspace, configuration: configuration,
                                    repository: try SchemaLocation.repository(schemas),
                                    ledger: try SQLiteLedger(path: workspace.ledger.path))
        runner.logger = logger
        let summary = try withExtendedLifetime(lock) {
            once ? try runner.runOnce(shouldStop: { stop.isRequested })
                : try runner.watch(stop: stop, polling: poll != nil, pollInterval: poll ?? 2)
        }
        switch output.format {
        case .json: try printJSON(summary)
        case .text:
            print("archived \(summary.archived), rejected \(summary.rejected), duplicates \(summary.duplicates), documents \(summary.documents), acknowledgements \(summary.acknowledgements), outbound \(summary.outbound), acknowledgements received \(summary.acknowledgementsReceived) (unmatched \(summary.unmatchedAcknowledgements))")
        }
        if once, summary.rejected > 0 || summary.duplicates > 0 { throw ExitCode(1) }
    }
}

/// `--log-format`.
enum LogFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// `--log-level`.
enum LogLevel: String, ExpressibleByArgument, CaseIterable {
    case debug, info, notice, warning, error
}
