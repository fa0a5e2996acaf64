import ArgumentParser
import EDICore
import EDISchema
import Foundation
import UNECEImport

/// `edikit schema`: look at the standards and guides, and import EDIFACT directories.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Show transaction schemas (optionally with a guide applied) and import UNECE directories.",
        subcommands: [SchemaShowCommand.self, SchemaImportCommand.self]
    )
}

/// `edikit schema show x12 004010 856`: an analyst's view of a standard or guide.
struct SchemaShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print a transaction schema: the loop tree, then each segment's elements."
    )

    @Argument(help: "x12 or edifact.") var syntax: String
    @Argument(help: "X12 version (004010) or EDIFACT directory (D96A).") var version: String
    @Argument(help: "Transaction set (850) or message (ORDERS).") var transaction: String
    @Option(name: .long, help: "A partner guide to apply.") var guide: String?
    @Option(name: .long, help: "The Schemas folder.") var schemas: String?
    @OptionGroup var output: OutputOptions

    func run() throws {
        guard let syntax = EDISyntax(rawValue: syntax.lowercased()) else { throw ValidationError("syntax must be x12 or edifact") }
        let repository = try SchemaLocation.repository(schemas)
        var schema: TransactionSchema
        do {
            guard let found = try repository.transaction(syntax: syntax, version: version.uppercased() == version ? version : version.uppercased(), id: transaction.uppercased()) else {
                throw ValidationError("no schema for \(syntax) \(version) \(transaction)")
            }
            schema = found
            if let guide { schema = try ImplementationGuide(contentsOf: URL(fileURLWithPath: guide)).applied(to: schema) }
        } catch let error as SchemaError {
            throw ValidationError("\(error)")
        }
        switch output.format {
        case .json: try printJSON(SchemaView(schema))
        case .text: print(SchemaView.text(schema))
        }
    }
}

/// `edikit schema import-unece DIR --messages ORDERS,… --out DIR`.
struct SchemaImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-unece",
        abstract: "Generate EDIFACT message schemas from an original UNECE directory (e.g. D96A)."
    )

    @Argument(help: "The unpacked UNECE directory folder.") var directory: String
    @Option(name: .long, help: "Messages to import, comma-separated (ORDERS,ORDRSP,…).") var messages: String
    @Option(name: .long, help: "Output folder, e.g. Schemas/EDIFACT/D96A.") var out: String

    func run() throws {
        let list = messages.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).uppercased() }
        guard !list.isEmpty else { throw ValidationError("--messages names no message") }
        do {
            let written = try UNECEImport.run(directory: URL(fileURLWithPath: directory), messages: list, output: URL(fileURLWithPath: out))
            for url in written { print("wrote \(url.path)") }
        } catch let error as UNECEImportError {
            throw ValidationError("\(error)")
        }
    }
}

/// The JSON and text views of a schema.
struct SchemaView: Encodable {
    struct Item: Encodable {
        var segment: String?
        var loop: String?
        var position: String?
        var usage: String
        var min: Int
        var max: Int?
        var children: [Item]?
    }

    struct Element: Encodable {
        var position: String
        var id: String
        var name: String
        var type: String
        var minLength: Int
        var maxLength: Int
        var usage: String
        var codes: [String]
        var codesClosed: Bool?
    }

    struct SegmentEntry: Encodable {
        var name: String
        var elements: [Element]
        var rules: [String]
    }

    var syntax: String
    var version: String
    var transaction: String
    var name: String
    var guide: String?
    var structure: [Item]
    var segments: [String: SegmentEntry]

    init(_ schema: TransactionSchema) {
        syntax = schema.syntax.rawValue
        version = schema.version
        transaction = schema.id
        name = schema.name
        guide = schema.guideName
        var segments: [String: SegmentEntry] = [:]
        func item(_ node: StructureNode) -> Item {
            switch node {
            case .segment(let use):
                if segments[use.tag] == nil {
                    segments[use.tag] = SegmentEntry(name: use.spec.name, elements: use.spec.elements.flatMap(SchemaView.elements),
                                                     rules: use.spec.rules.map { "\($0.kind.rawValue) " + $0.positions.map(String.init).joined(separator: " ") })
                }
                return Item(segment: use.tag, position: use.position, usage: use.usage.rawValue, min: use.usage == .mandatory ? 1 : 0,
                            max: use.maxUse)
            case .loop(let loop):
                return Item(loop: loop.id, usage: loop.usage.rawValue, min: loop.usage == .mandatory ? 1 : 0, max: loop.maxRepeat,
                            children: loop.children.map(item))
            }
        }
        structure = schema.structure.map(item)
        self.segments = segments
    }

    static func elements(_ spec: ElementSpec) -> [Element] {
        let own = Element(position: String(format: "%02d", spec.position), id: spec.id, name: spec.name,
                          type: spec.isComposite ? "composite" : spec.type.description, minLength: spec.minLength,
                          maxLength: spec.maxLength, usage: spec.usage.rawValue, codes: spec.codes?.orderedCodes ?? [],
                          codesClosed: spec.codes?.isClosed)
        let components = (spec.components ?? []).map { component in
            Element(position: String(format: "%02d-%02d", spec.position, component.position), id: component.id, name: component.name,
                    type: component.type.description, minLength: component.minLength, maxLength: component.maxLength,
                    usage: component.usage.rawValue, codes: component.codes?.orderedCodes ?? [], codesClosed: component.codes?.isClosed)
        }
        return [own] + components
    }

    static func text(_ schema: TransactionSchema) -> String {
        var lines = ["\(schema.syntax) \(schema.version) \(schema.id) \(schema.name)" + (schema.guideName.map { " — guide: \($0)" } ?? "")]
        var seen: [SegmentSpec] = []
        func walk(_ nodes: [StructureNode], depth: Int) {
            for node in nodes {
                let indent = String(repeating: "  ", count: depth + 1)
                switch node {
                case .segment(let use):
                    let max = use.maxUse.map(String.init) ?? ">1"
                    lines.append("\(indent)\(use.position.padding(toLength: 5, withPad: " ", startingAt: 0)) \(use.tag.padding(toLength: 4, withPad: " ", startingAt: 0)) \(use.usage.rawValue) \(max.padding(toLength: 6, withPad: " ", startingAt: 0)) \(use.spec.name)")
                    if !seen.contains(where: { $0 == use.spec }) { seen.append(use.spec) }
                case .loop(let loop):
                    lines.append("\(indent)loop \(loop.id) \(loop.usage.rawValue) \(loop.maxRepeat.map(String.init) ?? ">1")\(loop.name.map { " — \($0)" } ?? "")")
                    walk(loop.children, depth: depth + 1)
                }
            }
        }
        walk(schema.structure, depth: 0)
        for spec in seen {
            lines.append("")
            lines.append("\(spec.tag) \(spec.name)")
            for element in spec.elements.flatMap(elements) {
                let codes = element.codes.isEmpty ? "" : "  codes: " + element.codes.prefix(12).joined(separator: " ") + (element.codes.count > 12 ? " …(\(element.codes.count))" : "")
                lines.append("  \(schema.syntax == .x12 ? spec.tag : "")\(element.position) \(element.id.padding(toLength: 5, withPad: " ", startingAt: 0)) \(element.usage) \(element.type) \(element.minLength)/\(element.maxLength) \(element.name)\(codes)")
            }
            if !spec.rules.isEmpty {
                lines.append("  rules: " + spec.rules.map { "\($0.kind.rawValue)(" + $0.positions.map(String.init).joined(separator: ",") + ")" }.joined(separator: " "))
            }
        }
        return lines.joined(separator: "\n")
    }
}
