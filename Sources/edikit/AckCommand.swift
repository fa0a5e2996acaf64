import ArgumentParser
import EDICore
import EDISchema
import Foundation
import O2C
import Pipeline

/// `edikit ack`: acknowledgements (997, 999, TA1, CONTRL) for inbound files.
struct AckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ack",
        abstract: "Write the acknowledgements (997/999/TA1 or CONTRL) that inbound EDI files deserve.",
        discussion: """
            auto: 997 for X12 004010 and earlier, 999 for 005010 and later, TA1 when ISA14 asks for one or the \
            envelope is broken, CONTRL when UNB asks for one or something is wrong. Control numbers come from a \
            counter file (--counter, default OUT/.edikit-control-numbers) and are never reused. \
            Exit 0 when every input was clean, 1 when any had errors (its acknowledgement reports them), 2 for usage errors.
            """
    )

    @Argument(help: "Inbound EDI files or folders.") var inputs: [String]
    @Option(name: .long, help: "Folder for the acknowledgement files.") var out: String
    @Option(name: .long, help: "auto, 997, 999, ta1 or contrl.") var type: String = "auto"
    @Option(name: .long, help: "Control-number counter file.") var counter: String?
    @Flag(name: .long, help: "Accept X12 transactions with errors (AK5 E) instead of rejecting them (R).") var acceptWithErrors = false
    @Option(name: .long, help: "The Schemas folder.") var schemas: String?
    @OptionGroup var output: OutputOptions

    func run() throws {
        guard let kind = AcknowledgementType(rawValue: type.lowercased()) else {
            throw ValidationError("--type must be auto, 997, 999, ta1 or contrl")
        }
        let repository = try SchemaLocation.repository(schemas)
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        var allocator = CounterFileAllocator(path: counter ?? (out as NSString).appendingPathComponent(".edikit-control-numbers"))
        var generator = AcknowledgementGenerator(type: kind)
        generator.acceptsWithErrors = acceptWithErrors
        var anyErrors = false
        var report: [[String: String]] = []
        for path in try expandInputs(inputs) {
            let validation: FileValidation
            do {
                validation = try FileValidator(repository: repository).validate(path: path)
            } catch let error as SchemaError {
                throw ValidationError("\(error)")
            }
            if !validation.isValid { anyErrors = true }
            let acks = try generator.acknowledgements(for: validation, allocator: &allocator)
            let stem = safeName((path as NSString).lastPathComponent)
            for ack in acks {
                let name = "\(stem).\(ack.kinds.joined(separator: "+")).\(ack.controlNumber).edi"
                let target = (out as NSString).appendingPathComponent(name)
                try writeAtomically(Data(ack.bytes), to: URL(fileURLWithPath: target))
                report.append(["input": path, "acknowledgement": target, "kinds": ack.kinds.joined(separator: "+"),
                               "answers": ack.inboundControlNumber, "controlNumber": ack.controlNumber,
                               "partner": ack.partner.description])
                if output.format == .text { print("\(path) → \(target) (\(ack.kinds.joined(separator: ", ")))") }
            }
            if acks.isEmpty, output.format == .text { print("\(path): no acknowledgement needed") }
        }
        if output.format == .json { try printJSON(["acknowledgements": report]) }
        if anyErrors { throw ExitCode(1) }
    }
}
