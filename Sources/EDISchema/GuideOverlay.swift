public import Foundation
public import EDICore

/// A partner implementation guide: an overlay that narrows a standard transaction schema.
///
/// It names the schema it applies to (`syntax`, `version`, `transaction`) and changes segments,
/// loops and elements by path: loop ids then the segment tag (`N1/N3`, `PO1/PID/PID`).
public struct ImplementationGuide: Sendable {
    /// The guide's id.
    public var id: String
    /// Its name, e.g. "Globex 850 v1.2".
    public var name: String
    /// The syntax it applies to.
    public var syntax: EDISyntax
    /// The version it applies to.
    public var version: String
    /// The transaction set or message.
    public var transaction: String
    let changes: [Change]
    let file: String

    enum Change {
        case segment(path: [String], position: String?, usage: Usage?, maxUse: Int??, overrides: [ElementOverride], line: Int)
        case loop(path: [String], usage: Usage?, maxRepeat: Int??, line: Int)
    }

    /// Loads a guide file.
    public init(contentsOf url: URL) throws {
        let tree = try XMLTree.parse(contentsOf: url)
        let reader = AttributeReader(file: url.path)
        guard tree.name == "guide" else {
            throw SchemaError(file: url.path, line: tree.line, message: "expected a <guide> root, found <\(tree.name)>")
        }
        id = try reader.required(tree, "id")
        name = try reader.required(tree, "name")
        let syntaxText = try reader.required(tree, "syntax")
        guard let syntax = EDISyntax(rawValue: syntaxText) else {
            throw SchemaError(file: url.path, line: tree.line, message: "syntax=\"\(syntaxText)\" is not x12 or edifact")
        }
        self.syntax = syntax
        version = try reader.required(tree, "version")
        transaction = try reader.required(tree, "transaction")
        file = url.path
        changes = try tree.children.filter { $0.name == "segment" || $0.name == "loop" }.compactMap { node -> Change? in
            let maxValue: Int?? = node.attributes["max"] == nil ? .none : .some(try reader.maxUse(node, "max"))
            let usage = try node.attributes["usage"].map { _ in try reader.usage(node) }
            let path = try reader.required(node, "path").split(separator: "/").map(String.init)
            switch node.name {
            case "segment":
                return .segment(path: path, position: node.attributes["position"], usage: usage, maxUse: maxValue,
                                overrides: try node.children(named: "override").map { try reader.override($0) }, line: node.line)
            case "loop":
                return .loop(path: path, usage: usage, maxRepeat: maxValue, line: node.line)
            default:
                return nil
            }
        }
    }

    /// The standard schema narrowed by this guide.
    public func applied(to schema: TransactionSchema) throws -> TransactionSchema {
        guard schema.syntax == syntax, schema.id == transaction, schema.version == version else {
            throw SchemaError(file: file, line: 0,
                              message: "the guide is for \(syntax) \(transaction) \(version), not \(schema.syntax) \(schema.id) \(schema.version)")
        }
        var result = schema
        for change in changes {
            switch change {
            case let .segment(path, position, usage, maxUse, overrides, line):
                let applied = try Self.edit(&result.structure, path: path, position: position) { node in
                    guard case .segment(var segment) = node else { return false }
                    if let usage { segment.usage = usage }
                    if let maxUse { segment.maxUse = maxUse }
                    for change in overrides {
                        let parts = change.position.split(separator: ".").compactMap { Int($0) }
                        guard let first = parts.first,
                              let index = segment.spec.elements.firstIndex(where: { $0.position == first }) else {
                            throw SchemaError(file: file, line: change.line, message: "\(segment.tag) has no element \(change.position)")
                        }
                        if parts.count > 1 {
                            guard var components = segment.spec.elements[index].components,
                                  let c = components.firstIndex(where: { $0.position == parts[1] }) else {
                                throw SchemaError(file: file, line: change.line, message: "\(segment.tag) element \(first) has no component \(parts[1])")
                            }
                            change.apply(to: &components[c])
                            segment.spec.elements[index].components = components
                        } else {
                            change.apply(to: &segment.spec.elements[index])
                        }
                    }
                    node = .segment(segment)
                    return true
                }
                if !applied {
                    throw SchemaError(file: file, line: line, message: "no segment at \(path.joined(separator: "/")) in \(schema.id) \(schema.version)")
                }
            case let .loop(path, usage, maxRepeat, line):
                let applied = try Self.edit(&result.structure, path: path, position: nil, isLoop: true) { node in
                    guard case .loop(var loop) = node else { return false }
                    if let usage { loop.usage = usage }
                    if let maxRepeat { loop.maxRepeat = maxRepeat }
                    node = .loop(loop)
                    return true
                }
                if !applied {
                    throw SchemaError(file: file, line: line, message: "no loop at \(path.joined(separator: "/")) in \(schema.id) \(schema.version)")
                }
            }
        }
        result.guideName = name
        return result
    }

    /// Finds the node at a path and edits it; returns whether one was found.
    private static func edit(_ nodes: inout [StructureNode], path: [String], position: String?, isLoop: Bool = false,
                             _ body: (inout StructureNode) throws -> Bool) throws -> Bool {
        guard let head = path.first else { return false }
        let rest = Array(path.dropFirst())
        for index in nodes.indices {
            switch nodes[index] {
            case .segment(let segment):
                if rest.isEmpty, !isLoop, segment.tag == head, position == nil || position == segment.position {
                    if try body(&nodes[index]) { return true }
                }
            case .loop(var loop):
                guard loop.id == head else { continue }
                if rest.isEmpty, isLoop {
                    if try body(&nodes[index]) { return true }
                    continue
                }
                if !rest.isEmpty, try edit(&loop.children, path: rest, position: position, isLoop: isLoop, body) {
                    nodes[index] = .loop(loop)
                    return true
                }
            }
        }
        return false
    }
}
