import ArgumentParser
import Foundation

/// The `edikit` command line: thin argument parsing and output over the EDIKit modules.
struct EDIKitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edikit",
        abstract: "EDI translation engine for the order-to-cash cycle (X12 and EDIFACT).",
        discussion: "Exit codes: 0 success, 1 the input has errors, 2 usage or configuration error.",
        subcommands: [InspectCommand.self, ValidateCommand.self, TranslateCommand.self, GenerateCommand.self, AckCommand.self, InitCommand.self, WatchCommand.self, StatusCommand.self, ReprocessCommand.self, DemoCommand.self, SchemaCommand.self]
    )
}

/// Output format shared by the commands.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
}

/// Options every command that prints results has.
struct OutputOptions: ParsableArguments {
    @Option(name: .long, help: "Output format: text for people, json for programs.")
    var format: OutputFormat = .text
}

@main
enum Main {
    static func main() {
        do {
            var command = try EDIKitCommand.parseAsRoot()
            try command.run()
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch {
            let code = EDIKitCommand.exitCode(for: error)
            if code == .success {
                print(EDIKitCommand.fullMessage(for: error))
                Foundation.exit(0)
            }
            FileHandle.standardError.write(Data((EDIKitCommand.fullMessage(for: error) + "\n").utf8))
            Foundation.exit(2)
        }
    }
}

/// Writes JSON with sorted keys, as every `--format json` does.
func printJSON<T: Encodable>(_ value: T) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let data = try encoder.encode(value)
    FileHandle.standardOutput.write(data)
    FileHandle.standardOutput.write(Data("\n".utf8))
}

/// Expands folders to the files below them, sorted; files stay as given.
func expandInputs(_ inputs: [String]) throws -> [String] {
    var result: [String] = []
    let manager = FileManager.default
    for input in inputs {
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: input, isDirectory: &isDirectory) else {
            throw ValidationError("no such file or folder: \(input)")
        }
        if !isDirectory.boolValue {
            result.append(input)
            continue
        }
        guard let enumerator = manager.enumerator(atPath: input) else { continue }
        var found: [String] = []
        for case let relative as String in enumerator {
            let path = (input as NSString).appendingPathComponent(relative)
            let name = (relative as NSString).lastPathComponent
            if name.hasPrefix(".") || name.hasSuffix(".md") || name.hasSuffix(".json") || name.hasSuffix(".xml")
                || name.hasSuffix(".yaml") || name.hasSuffix(".tsv") { continue }
            var isDir: ObjCBool = false
            if manager.fileExists(atPath: path, isDirectory: &isDir), !isDir.boolValue { found.append(path) }
        }
        result.append(contentsOf: found.sorted())
    }
    return result
}
