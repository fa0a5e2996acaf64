import ArgumentParser
import EDICore
import EDISchema
import Foundation

/// `edikit validate`: tells an analyst exactly what is wrong with a partner's file, and where.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Validate EDI files against the standard schemas and, optionally, a partner guide.",
        discussion: "Exit 0 when every file is valid, 1 when any is not, 2 for usage or schema errors."
    )

    @Argument(help: "EDI files or folders (searched recursively).")
    var inputs: [String]

    @Option(name: .long, help: "A partner implementation guide (XML overlay) to apply.")
    var guide: String?

    @Option(name: .long, help: "A transaction schema file to use for every transaction, instead of choosing by envelope.")
    var schema: String?

    @Option(name: .long, help: "The Schemas folder (default: ./Schemas or the installation's).")
    var schemas: String?

    @Flag(name: .long, help: "Check a transaction whose version has no schema against the nearest shipped version (a warning says so).")
    var nearestSchema = false

    @Option(name: .long, help: "Threads in all: one reads the file, the others validate its transactions (default: the number of cores; 1 validates on the reading thread). Files under 1 MB are validated on one thread.")
    var jobs: Int?

    @OptionGroup var output: OutputOptions

    func run() throws {
        let repository = try SchemaLocation.repository(schemas)
        var validator = FileValidator(repository: repository)
        validator.fallsBackToNearestVersion = nearestSchema
        let jobCount = jobs ?? ProcessInfo.processInfo.activeProcessorCount
        guard jobCount >= 1 else { throw ValidationError("--jobs must be at least 1") }
        validator.workers = jobCount - 1  // the reading thread is one of the jobs
        do {
            if let guide { validator.guide = try ImplementationGuide(contentsOf: URL(fileURLWithPath: guide)) }
            if let schema { validator.explicitSchema = try repository.loadTransaction(at: URL(fileURLWithPath: schema)) }
        } catch let error as SchemaError {
            throw ValidationError("\(error)")
        }
        var results: [FileValidation] = []
        for path in try expandInputs(inputs) {
            do {
                results.append(try validator.validate(path: path))
            } catch let error as SchemaError {
                throw ValidationError("\(error)")
            } catch {
                var failed = FileValidation(path: path)
                failed.envelopeDiagnostics.append(Diagnostic(.error, .syntaxError, "\(error)", at: EDIPosition()))
                results.append(failed)
            }
        }
        switch output.format {
        case .json:
            try printJSON(ValidateReport(files: results.map(ValidateReport.File.init)))
        case .text:
            let colour = isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
            for result in results { print(ValidateText.render(result, colour: colour)) }
        }
        if results.contains(where: { !$0.isValid }) { throw ExitCode(1) }
    }
}

/// Finds the schema folder for commands.
enum SchemaLocation {
    static func repository(_ explicit: String?) throws -> SchemaRepository {
        if let explicit { return SchemaRepository(root: URL(fileURLWithPath: explicit)) }
        guard let found = SchemaRepository.locateDefault() else {
            throw ValidationError("no Schemas folder found: run from the EDIKit folder, pass --schemas DIR, or set EDIKIT_SCHEMAS")
        }
        return found
    }
}

/// The JSON form of `edikit validate`.
struct ValidateReport: Encodable {
    struct Position: Encodable {
        var line: Int
        var column: Int
        var byteOffset: Int
        var segmentIndex: Int
        var segmentTag: String?
        var element: Int?
        var component: Int?
        var repetition: Int?
        var loop: String?
    }

    struct Item: Encodable {
        var severity: String
        var code: String
        var message: String
        var position: Position
        var ack: AcknowledgementCodes
        var elementReference: String?
        var value: String?

        init(_ diagnostic: Diagnostic) {
            severity = diagnostic.severity.rawValue
            code = diagnostic.code
            message = diagnostic.message
            let p = diagnostic.position
            position = Position(line: p.line, column: p.column, byteOffset: p.byteOffset,
                                segmentIndex: p.segmentIndexInTransaction > 0 ? p.segmentIndexInTransaction : p.segmentIndex,
                                segmentTag: p.segmentTag, element: p.element, component: p.component, repetition: p.repetition,
                                loop: diagnostic.loopPath)
            ack = diagnostic.ack
            elementReference = diagnostic.elementReference
            value = diagnostic.badValue
        }
    }

    struct Transaction: Encodable {
        var type: String
        var controlNumber: String
        var schemaVersion: String?
        var valid: Bool
        var segmentCount: Int
    }

    struct File: Encodable {
        var path: String
        var valid: Bool
        var transactions: [Transaction]
        var diagnostics: [Item]

        init(_ result: FileValidation) {
            path = result.path
            valid = result.isValid
            transactions = result.transactions.map {
                Transaction(type: $0.type, controlNumber: $0.controlNumber, schemaVersion: $0.schemaVersion, valid: $0.isValid,
                            segmentCount: $0.segmentCount)
            }
            diagnostics = result.allDiagnostics.map(Item.init)
        }
    }

    var files: [File]
}
