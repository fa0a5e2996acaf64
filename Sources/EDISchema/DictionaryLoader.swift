import Foundation

/// The definitions of a dictionary file (or of a transaction file's own definitions section).
struct DefinitionSet {
    struct ElementDefinition {
        var id: String
        var name: String
        var type: DataType
        var minLength: Int
        var maxLength: Int
        var codes: CodeList?
    }

    struct ElementReference {
        var ref: String
        var position: Int
        var usage: Usage
        var name: String?
        var maxRepeat: Int?
        var minLength: Int?
        var maxLength: Int?
        var codes: CodeList?
        var isComposite: Bool
        var line: Int
    }

    struct CompositeDefinition {
        var id: String
        var name: String
        var components: [ElementReference]
        var rules: [SyntaxRule]
    }

    struct SegmentDefinition {
        var id: String
        var name: String
        var elements: [ElementReference]
        var rules: [SyntaxRule]
        var line: Int
    }

    var elements: [String: ElementDefinition] = [:]
    var composites: [String: CompositeDefinition] = [:]
    var segments: [String: SegmentDefinition] = [:]

    /// Reads the `<elements>`, `<composites>` and `<segments>` sections of a root element.
    init(from root: XMLTree, file: String) throws {
        let reader = AttributeReader(file: file)
        for node in root.child(named: "elements")?.children(named: "element") ?? [] {
            let id = try reader.required(node, "id")
            elements[id] = ElementDefinition(
                id: id, name: node.attributes["name"] ?? id, type: try reader.dataType(node),
                minLength: try reader.integer(node, "minLength") ?? 0, maxLength: try reader.integer(node, "maxLength") ?? 1,
                codes: try reader.codes(node))
        }
        for node in root.child(named: "composites")?.children(named: "composite") ?? [] {
            let id = try reader.required(node, "id")
            composites[id] = CompositeDefinition(
                id: id, name: node.attributes["name"] ?? id,
                components: try node.children(named: "component").map { try reader.reference($0, isComposite: false) },
                rules: try reader.rules(node))
        }
        for node in root.child(named: "segments")?.children(named: "segment") ?? [] {
            let id = try reader.required(node, "id")
            let references = try node.children.filter { $0.name == "element" || $0.name == "composite" }
                .map { try reader.reference($0, isComposite: $0.name == "composite") }
            segments[id] = SegmentDefinition(id: id, name: node.attributes["name"] ?? id, elements: references,
                                             rules: try reader.rules(node), line: node.line)
        }
    }

    init() {}

    /// This set with another's definitions filling the gaps (this one wins).
    func merged(over fallback: DefinitionSet) -> DefinitionSet {
        var result = fallback
        result.elements.merge(elements) { _, mine in mine }
        result.composites.merge(composites) { _, mine in mine }
        result.segments.merge(segments) { _, mine in mine }
        return result
    }

    /// Resolves a segment into a spec, applying per-place overrides.
    func segmentSpec(_ tag: String, overrides: [ElementOverride], file: String, line: Int) throws -> SegmentSpec {
        guard let definition = segments[tag] else {
            throw SchemaError(file: file, line: line, message: "segment \(tag) is not defined in the schema or its dictionary")
        }
        var elements = try definition.elements.map { try spec(for: $0, file: file) }
        for change in overrides {
            let parts = change.position.split(separator: ".").compactMap { Int($0) }
            guard let first = parts.first, let index = elements.firstIndex(where: { $0.position == first }) else {
                throw SchemaError(file: file, line: change.line, message: "\(tag) has no element at position \(change.position)")
            }
            if parts.count > 1 {
                guard var components = elements[index].components,
                      let componentIndex = components.firstIndex(where: { $0.position == parts[1] }) else {
                    throw SchemaError(file: file, line: change.line, message: "\(tag) element \(first) has no component \(parts[1])")
                }
                change.apply(to: &components[componentIndex])
                elements[index].components = components
            } else {
                change.apply(to: &elements[index])
            }
        }
        return SegmentSpec(tag: tag, name: definition.name, elements: elements, rules: definition.rules)
    }

    private func spec(for reference: ElementReference, file: String) throws -> ElementSpec {
        if reference.isComposite || composites[reference.ref] != nil && elements[reference.ref] == nil {
            guard let composite = composites[reference.ref] else {
                throw SchemaError(file: file, line: reference.line, message: "composite \(reference.ref) is not defined")
            }
            return ElementSpec(
                position: reference.position, id: composite.id, name: reference.name ?? composite.name, usage: reference.usage,
                type: .alphanumeric, minLength: 0, maxLength: 0, maxRepeat: reference.maxRepeat, codes: nil,
                components: try composite.components.map { try spec(for: $0, file: file) }, componentRules: composite.rules)
        }
        guard let element = elements[reference.ref] else {
            throw SchemaError(file: file, line: reference.line, message: "element \(reference.ref) is not defined")
        }
        return ElementSpec(
            position: reference.position, id: element.id, name: reference.name ?? element.name, usage: reference.usage,
            type: element.type, minLength: reference.minLength ?? element.minLength,
            maxLength: reference.maxLength ?? element.maxLength, maxRepeat: reference.maxRepeat,
            codes: reference.codes ?? element.codes, components: nil)
    }
}

/// A guide's or a structure's change to one element (`position` "2" or "2.1").
struct ElementOverride {
    var position: String
    var usage: Usage?
    var minLength: Int?
    var maxLength: Int?
    var codes: CodeList?
    var addsCodes: Bool
    var line: Int

    func apply(to element: inout ElementSpec) {
        if let usage { element.usage = usage }
        if let minLength { element.minLength = minLength }
        if let maxLength { element.maxLength = maxLength }
        if let codes {
            if addsCodes, var existing = element.codes {
                for code in codes.orderedCodes where !existing.contains(code) {
                    existing.orderedCodes.append(code)
                    existing.codes[code] = codes.codes[code]
                }
                element.codes = existing
            } else {
                var restricted = codes
                restricted.codesNotUsed = (element.codes?.orderedCodes ?? []).filter { !codes.contains($0) }
                element.codes = restricted
            }
        }
    }
}

/// Reads attributes with errors that name the file and line.
struct AttributeReader {
    let file: String

    func required(_ node: XMLTree, _ name: String) throws -> String {
        guard let value = node.attributes[name], !value.isEmpty else {
            throw SchemaError(file: file, line: node.line, message: "<\(node.name)> needs the attribute \(name)")
        }
        return value
    }

    func integer(_ node: XMLTree, _ name: String) throws -> Int? {
        guard let text = node.attributes[name] else { return nil }
        guard let value = Int(text) else {
            throw SchemaError(file: file, line: node.line, message: "\(name)=\"\(text)\" is not a whole number")
        }
        return value
    }

    /// "unbounded" → nil; a number → that number.
    func maxUse(_ node: XMLTree, _ name: String, default fallback: Int? = 1) throws -> Int? {
        guard let text = node.attributes[name] else { return fallback }
        if text == "unbounded" { return nil }
        guard let value = Int(text), value > 0 else {
            throw SchemaError(file: file, line: node.line, message: "\(name)=\"\(text)\" is neither a positive number nor unbounded")
        }
        return value
    }

    func usage(_ node: XMLTree) throws -> Usage {
        let text = try required(node, "usage")
        guard let usage = Usage(rawValue: text) else {
            throw SchemaError(file: file, line: node.line, message: "usage=\"\(text)\" is not M, O, C or N")
        }
        return usage
    }

    func dataType(_ node: XMLTree) throws -> DataType {
        let text = try required(node, "type")
        guard let type = DataType(schemaName: text) else {
            throw SchemaError(file: file, line: node.line, message: "type=\"\(text)\" is not a known data type")
        }
        return type
    }

    func codes(_ node: XMLTree) throws -> CodeList? {
        guard let list = node.child(named: "codes") else { return nil }
        let codes = try list.children(named: "code").map { (try required($0, "value"), Self.trimmed($0.text)) }
        return CodeList(codes: codes, isClosed: list.attributes["closed"] != "false", source: list.attributes["source"])
    }

    /// The text without the white space and new lines around it, as `trimmingCharacters(in:
    /// .whitespacesAndNewlines)` gives it; a text that starts and ends with a printable ASCII
    /// character (nearly every code's description) is returned as it is, without Foundation's
    /// character-set search (a tenth of the start-up's instructions when done for every code).
    static func trimmed(_ text: String) -> String {
        let utf8 = text.utf8
        guard let first = utf8.first, let last = utf8.last else { return text }
        let printable = UInt8(ascii: "!")...UInt8(ascii: "~")
        if printable.contains(first), printable.contains(last) { return text }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func rules(_ node: XMLTree) throws -> [SyntaxRule] {
        try node.children(named: "rule").map { rule in
            let kindText = try required(rule, "kind")
            guard let kind = SyntaxRule.Kind(rawValue: kindText) else {
                throw SchemaError(file: file, line: rule.line, message: "rule kind \"\(kindText)\" is not P, R, E, C, L or D1–D7")
            }
            let positions = try required(rule, "positions").split(separator: " ").compactMap { Int($0) }
            guard !positions.isEmpty else { throw SchemaError(file: file, line: rule.line, message: "a rule needs positions") }
            return SyntaxRule(kind: kind, positions: positions)
        }
    }

    func reference(_ node: XMLTree, isComposite: Bool) throws -> DefinitionSet.ElementReference {
        DefinitionSet.ElementReference(
            ref: try required(node, "ref"), position: try integer(node, "position") ?? 0, usage: try usage(node),
            name: node.attributes["name"], maxRepeat: try maxUse(node, "repeat"),
            minLength: try integer(node, "minLength"), maxLength: try integer(node, "maxLength"),
            codes: try codes(node), isComposite: isComposite, line: node.line)
    }

    func override(_ node: XMLTree) throws -> ElementOverride {
        ElementOverride(
            position: try required(node, "position"),
            usage: try node.attributes["usage"].map { _ in try usage(node) },
            minLength: try integer(node, "minLength"), maxLength: try integer(node, "maxLength"),
            codes: try codes(node), addsCodes: node.attributes["codeMode"] == "add", line: node.line)
    }
}
