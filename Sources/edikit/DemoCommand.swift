import ArgumentParser
import Foundation
import Pipeline

/// `edikit demo`: the pipeline on a fresh workspace made from Samples/, one pass, a summary.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run the pipeline once on a fresh workspace made from Samples/ and print what it did.",
        discussion: """
            Makes ROOT (default .build/demo-pipeline; a previous demo there is removed, any other non-empty folder \
            is refused) with the demo configuration and guides, drops every partner file of Samples/inbox and \
            Samples/broken into inbox/ and every document of Samples/outbound/<partner> and \
            Samples/broken-outbound/<partner> into outbound/<partner>/, runs one pass (outbound first, then inbound, \
            as edikit watch ROOT --once does) and leaves the results. Exit 0 when every sample ended where the demo \
            expects (the broken ones may be rejected), 1 otherwise, 2 for usage errors.
            """
    )

    @Option(name: .long, help: "The workspace folder to create.") var root = ".build/demo-pipeline"
    @Option(name: .long, help: "The Samples folder.") var samples = "Samples"
    @Option(name: .long, help: "The Schemas folder.") var schemas: String?
    @OptionGroup var output: OutputOptions

    /// The JSON form.
    struct Report: Encodable {
        var root: String
        var inputs: [DemoWorkspace.Input]
        var seconds: Double
        var summary: PipelineSummary
        var inventory: WorkspaceInventory
        var unexpected: [String]
    }

    func run() throws {
        let demo = DemoWorkspace(samples: URL(fileURLWithPath: samples), root: URL(fileURLWithPath: root))
        let inputs: [DemoWorkspace.Input]
        do {
            inputs = try demo.create()
        } catch let error as DemoWorkspace.SetUpError {
            throw ValidationError(error.description)
        }
        let configuration: Configuration
        do {
            configuration = try Configuration.load(path: demo.workspace.configuration.path)
        } catch let error as ConfigurationError {
            throw ValidationError("\(error)")
        }
        let runner = PipelineRunner(workspace: demo.workspace, configuration: configuration,
                                    repository: try SchemaLocation.repository(schemas),
                                    ledger: try SQLiteLedger(path: demo.workspace.ledger.path))
        let lock = try WorkspaceLock(demo.workspace)
        let start = Date()
        let summary = try withExtendedLifetime(lock) { try runner.runOnce() }
        let seconds = Date().timeIntervalSince(start)
        let inventory = try WorkspaceInventory(workspace: demo.workspace)
        let unexpected = demo.unexpectedOutcomes(of: inputs, in: inventory)
        let report = Report(root: root, inputs: inputs, seconds: seconds, summary: summary, inventory: inventory, unexpected: unexpected)
        switch output.format {
        case .json: try printJSON(report)
        case .text: print(DemoText(report: report).text)
        }
        if !unexpected.isEmpty { throw ExitCode(1) }
    }
}

/// The text summary of `edikit demo`.
struct DemoText {
    var report: DemoCommand.Report

    var text: String {
        let (root, inputs, summary, inventory) = (report.root, report.inputs, report.summary, report.inventory)
        let inbound = inputs.filter { $0.folder == "inbox" }
        var lines = [
            "EDIKit demo: workspace \(root), made from Samples/",
            "  dropped \(inbound.count) partner files into inbox/ and \(inputs.count - inbound.count) ERP documents into outbound/<partner>/",
            "  one pass (outbound, then inbound) in \(String(format: "%.2f", report.seconds)) s",
            "",
            "outbound   \(summary.outbound) interchanges generated for the partners (outbox/<partner>/)",
            "inbound    \(summary.documents) internal documents (internal/<type>/): "
                + inventory.documents.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "),
            "           \(summary.acknowledgements) acknowledgements to the partners (outbox/<partner>/)",
            "           \(summary.acknowledgementsReceived) acknowledgements from the partners matched to what we sent, "
                + "\(summary.unmatchedAcknowledgements) unmatched (edikit status \(root))",
            "files      \(inventory.archived.count) archived (archive/YYYY/MM/DD/), \(inventory.rejected.count) rejected (rejected/, each with <name>.report.json)",
        ]
        if summary.duplicates > 0 { lines.append("           \(summary.duplicates) duplicate interchanges") }
        lines.append("")
        lines.append("rejected/ — reason from each report:")
        let width = inventory.rejected.map(\.name.count).max() ?? 0
        for rejection in inventory.rejected {
            let expected = inputs.first { $0.name == rejection.name }?.isBroken == true ? "" : "  (unexpected)"
            lines.append("  \(rejection.name.padding(toLength: width, withPad: " ", startingAt: 0))  \(rejection.reason)\(expected)")
            if let finding = rejection.firstFinding { lines.append("  \(String(repeating: " ", count: width))    \(finding)") }
        }
        lines.append("")
        lines.append("outbox/ — EDI for the partners:")
        for (partner, files) in inventory.outbox.sorted(by: { $0.key < $1.key }) {
            lines.append("  \(partner)/: " + files.joined(separator: ", "))
        }
        lines.append("")
        lines.append("Look at \(root)/internal, \(root)/outbox, \(root)/archive, \(root)/rejected and the ledger \(root)/edikit.db;")
        lines.append("run it again with: edikit watch \(root) --once (after dropping files into \(root)/inbox or \(root)/outbound/<partner>).")
        if report.unexpected.isEmpty {
            lines.append("As expected: every valid sample archived, the broken ones rejected or acknowledged with their errors.")
        } else {
            lines.append("NOT as expected:")
            lines += report.unexpected.map { "  \($0)" }
        }
        return lines.joined(separator: "\n")
    }
}
