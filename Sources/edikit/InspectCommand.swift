import ArgumentParser
import EDICore
import Foundation

/// `edikit inspect`: what a file holds — interchanges, groups, transactions — and whether it reads.
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Show the interchanges, groups and transactions of EDI files.",
        discussion: "Exit 0 when every file reads without syntax errors, 1 when any has them, 2 for usage errors."
    )

    @Argument(help: "EDI files or folders (searched recursively).")
    var inputs: [String]

    @Flag(name: .long, help: "List every segment with its position.")
    var segments = false

    @OptionGroup var output: OutputOptions

    func run() throws {
        let paths = try expandInputs(inputs)
        let inspections = paths.map { FileInspection.inspect(path: $0, listSegments: segments) }
        switch output.format {
        case .json:
            try printJSON(InspectReport(files: inspections.map(InspectReport.File.init)))
        case .text:
            for inspection in inspections { print(InspectText.render(inspection)) }
        }
        if inspections.contains(where: { !$0.errors.isEmpty }) { throw ExitCode(1) }
    }
}

/// The JSON form of `edikit inspect`.
struct InspectReport: Encodable {
    struct Issue: Encodable {
        var code: String
        var message: String
        var position: EDIPosition
    }

    struct Transaction: Encodable {
        var type: String
        var controlNumber: String
        var segmentCount: Int
        var version: String?
        var line: Int
    }

    struct Group: Encodable {
        var functionalId: String?
        var controlNumber: String?
        var version: String?
        var implicit: Bool
        var transactions: [Transaction]
    }

    struct Interchange: Encodable {
        var syntax: String
        var sender: EnvelopeParty
        var receiver: EnvelopeParty
        var date: String
        var time: String
        var controlNumber: String
        var version: String
        var test: Bool
        var acknowledgementRequested: Bool
        var delimiters: [String: String]
        var groups: [Group]
        var line: Int
    }

    struct Segment: Encodable {
        var tag: String
        var position: EDIPosition
        var text: String
    }

    struct File: Encodable {
        var path: String
        var bytes: Int
        var segmentCount: Int
        var interchanges: [Interchange]
        var errors: [Issue]
        var warnings: [Issue]
        var segments: [Segment]?

        init(_ inspection: FileInspection) {
            path = inspection.path
            bytes = inspection.byteCount
            segmentCount = inspection.segmentCount
            interchanges = inspection.interchanges.map { interchange in
                Interchange(
                    syntax: interchange.syntax.rawValue, sender: interchange.sender, receiver: interchange.receiver,
                    date: interchange.date, time: interchange.time, controlNumber: interchange.controlNumber,
                    version: interchange.version, test: interchange.isTest,
                    acknowledgementRequested: interchange.acknowledgementRequested,
                    delimiters: interchange.delimiters.printableNames,
                    groups: interchange.groups.map { group in
                        Group(functionalId: group.functionalId, controlNumber: group.controlNumber, version: group.version,
                              implicit: group.isImplicit,
                              transactions: group.transactions.map {
                                  Transaction(type: $0.type, controlNumber: $0.controlNumber, segmentCount: $0.segmentCount,
                                              version: $0.version, line: $0.position.line)
                              })
                    },
                    line: interchange.position.line)
            }
            errors = inspection.errors.map { Issue(code: $0.code.rawValue, message: $0.message, position: $0.position) }
            warnings = inspection.warnings.map { Issue(code: $0.code.rawValue, message: $0.message, position: $0.position) }
            segments = inspection.segments?.map { Segment(tag: $0.tag, position: $0.position, text: $0.text) }
        }
    }

    var files: [File]
}

/// The text form of `edikit inspect`.
enum InspectText {
    static func render(_ inspection: FileInspection) -> String {
        var lines = ["\(inspection.path)  (\(inspection.byteCount) bytes, \(inspection.segmentCount) segments)"]
        for interchange in inspection.interchanges {
            let delimiters = interchange.delimiters.printableNames.sorted { $0.key < $1.key }
                .map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            lines.append("  interchange \(interchange.syntax) \(interchange.version) control \(interchange.controlNumber)"
                + (interchange.isTest ? " (test)" : ""))
            lines.append("    from \(interchange.sender) to \(interchange.receiver) at \(interchange.date) \(interchange.time)")
            lines.append("    delimiters: \(delimiters)")
            for group in interchange.groups {
                if group.isImplicit {
                    lines.append("    messages (no UNG)")
                } else {
                    lines.append("    group \(group.functionalId ?? "?") control \(group.controlNumber ?? "?") version \(group.version ?? "?")")
                }
                for transaction in group.transactions {
                    let version = transaction.version.map { " \($0)" } ?? ""
                    lines.append("      \(transaction.type)\(version) control \(transaction.controlNumber): \(transaction.segmentCount) segments (line \(transaction.position.line))")
                }
            }
        }
        for issue in inspection.errors { lines.append("  error [\(issue.code)]: \(issue.message) (\(issue.position))") }
        for issue in inspection.warnings { lines.append("  warning [\(issue.code)]: \(issue.message) (\(issue.position))") }
        if let segments = inspection.segments {
            for segment in segments {
                lines.append("    \(segment.position.line):\(segment.position.column) #\(segment.position.segmentIndex) \(segment.text)")
            }
        }
        return lines.joined(separator: "\n")
    }
}
