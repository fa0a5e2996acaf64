import ArgumentParser
import EDICore
import EDISchema
import Foundation
import O2C
import Pipeline

/// `edikit generate`: internal documents (JSON) → EDI for a partner, validated before output.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Turn internal documents (JSON) into EDI for a partner of the configuration.",
        discussion: """
            The documents go into one interchange with the partner's envelope (ids, version, delimiters, test flag); \
            counts and control numbers are set by EDIKit, control numbers come from a counter file (--counter, default \
            OUT/.edikit-control-numbers) and are never reused. The output is read back and validated against the full \
            schema and the partner's guide: EDI that does not validate is an error, not output. \
            Exit 0 on success, 1 when a document cannot be generated, 2 for usage or configuration errors.
            """
    )

    @Argument(help: "Internal document JSON files.") var documents: [String]
    @Option(name: .long, help: "The partner id (a key of partners: in the configuration).") var partner: String
    @Option(name: .long, help: "The configuration file (edikit.yaml).") var config: String
    @Option(name: .long, help: "Output folder.") var out: String
    @Option(name: .long, help: "Control-number counter file.") var counter: String?
    @Option(name: .long, help: "The Schemas folder.") var schemas: String?

    func run() throws {
        let configuration: Configuration
        do {
            configuration = try Configuration.load(path: config)
        } catch let error as ConfigurationError {
            throw ValidationError("\(error)")
        }
        guard let profile = configuration.partners[partner] else {
            throw ValidationError("no partner \"\(partner)\" in \(config); partners: \(configuration.partners.keys.sorted().joined(separator: ", "))")
        }
        var loaded: [InternalDocument] = []
        for path in documents {
            do {
                loaded.append(try JSONDecoder().decode(InternalDocument.self, from: Data(contentsOf: URL(fileURLWithPath: path))))
            } catch {
                FileHandle.standardError.write(Data("\(path): not an internal document: \(error)\n".utf8))
                throw ExitCode(1)
            }
        }
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        var allocator = CounterFileAllocator(path: counter ?? (out as NSString).appendingPathComponent(".edikit-control-numbers"))
        let generator = OutboundGenerator(configuration: configuration, repository: try SchemaLocation.repository(schemas))
        do {
            let generated = try generator.generate(loaded, for: profile, allocator: &allocator)
            let target = (out as NSString).appendingPathComponent("\(profile.id)-\(generated.interchangeControlNumber).edi")
            try writeAtomically(Data(generated.bytes), to: URL(fileURLWithPath: target))
            print("\(target): \(loaded.count) document\(loaded.count == 1 ? "" : "s"), interchange \(generated.interchangeControlNumber)")
        } catch let error as GenerationError {
            FileHandle.standardError.write(Data("cannot generate for \(profile.id):\n\(error)\n".utf8))
            throw ExitCode(1)
        }
    }
}
