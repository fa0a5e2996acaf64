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

/// `edikit watch ROOT --once`: process what is in inbox/ and outbound/.
struct WatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Process the files in inbox/ and outbound/ of a workspace.",
        discussion: """
            --once processes what is there and exits (for cron and batch runs). Continuous watching (inotify) is \
            not built yet: without --once the command says so and exits 2.
            """
    )

    @Argument(help: "The workspace folder.") var root: String
    @Flag(name: .long, help: "Process what is there, then exit.") var once = false
    @Option(name: .long, help: "The Schemas folder.") var schemas: String?
    @OptionGroup var output: OutputOptions

    func run() throws {
        guard once else { throw ValidationError("continuous watching is not built yet; use --once") }
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
        runner.logger = Logger(label: "edikit.pipeline") { _ in PipelineLogHandler() }
        let summary = try withExtendedLifetime(lock) { try runner.runOnce() }
        switch output.format {
        case .json: try printJSON(summary)
        case .text:
            print("archived \(summary.archived), rejected \(summary.rejected), duplicates \(summary.duplicates), documents \(summary.documents), acknowledgements \(summary.acknowledgements), outbound \(summary.outbound)")
        }
        if summary.rejected > 0 || summary.duplicates > 0 { throw ExitCode(1) }
    }
}
