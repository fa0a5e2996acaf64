import Foundation
import O2C
import Testing
import TestSupport

/// Every internal document JSON in the repository conforms to its schema in `docs/schemas`: the
/// examples, the documents this suite encodes, and every golden `*.json` under `Tests/` or
/// `Samples/` whose `type` names one of the five documents. A small checker of the JSON Schema
/// subset the schemas use (`$ref`, `type`, `const`, `enum`, `pattern`, `properties`, `required`,
/// `additionalProperties: false`, `items`).
@Suite struct SchemaConformanceTests {
    static let schemaFolder = Fixtures.repositoryRoot.appendingPathComponent("docs/schemas")

    @Test(arguments: InternalDocument.DocumentType.allCases)
    func schemaFileIsValidJSONWithDefinitions(_ type: InternalDocument.DocumentType) throws {
        let schema = try Self.schema(type)
        #expect(schema["title"] == .string(type.rawValue))
        guard case .object(let definitions)? = schema["$defs"] else {
            Issue.record("no $defs")
            return
        }
        // Every $ref resolves.
        var references: [String] = []
        Self.collectReferences(.object(schema), into: &references)
        for reference in references {
            #expect(definitions[String(reference.split(separator: "/").last!)] != nil, "\(reference)")
        }
    }

    @Test(arguments: DocumentExamples.all)
    func encodedDocumentsConform(_ document: InternalDocument) throws {
        let value = try JSONDecoder().decode(JSONValue.self, from: DocumentExamples.encoder().encode(document))
        let problems = try Self.check(value, type: document.type)
        #expect(problems.isEmpty, "\(problems.prefix(10))")
    }

    @Test func minimalDocumentsConform() throws {
        let minimal: [InternalDocument] = [
            .purchaseOrder(PurchaseOrder(number: "1")),
            .orderAcknowledgement(OrderAcknowledgement(purchaseOrderNumber: "1", status: .pending)),
            .shipNotice(ShipNotice(shipmentId: "1")), .invoice(Invoice(number: "1")),
            .remittance(Remittance(payment: Payment(amount: 0))),
        ]
        for document in minimal {
            let value = try JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(document))
            let problems = try Self.check(value, type: document.type)
            #expect(problems.isEmpty, "\(document.type): \(problems.prefix(10))")
        }
    }

    @Test func goldenDocumentsConform() throws {
        var checked = 0
        for folder in ["Tests", "Samples", "docs/schemas/examples"] {
            let root = Fixtures.repositoryRoot.appendingPathComponent(folder)
            for url in Fixtures.files(in: root, extensions: ["json"]) where url.pathExtension == "json" {
                guard let data = try? Data(contentsOf: url),
                      let value = try? JSONDecoder().decode(JSONValue.self, from: data) else { continue }
                // A golden file holds one document or an array of them (one per transaction).
                let candidates: [JSONValue]
                if case .array(let items) = value { candidates = items } else { candidates = [value] }
                for (index, candidate) in candidates.enumerated() {
                    guard case .string(let typeName)? = candidate["type"],
                          let type = InternalDocument.DocumentType(rawValue: typeName) else { continue }
                    let problems = try Self.check(candidate, type: type)
                    #expect(problems.isEmpty, "\(url.path)[\(index)]: \(problems.prefix(10))")
                    checked += 1
                }
            }
        }
        #expect(checked >= 30, "expected the five examples and the goldens of Tests/O2CTests/Golden, checked \(checked)")
    }

    @Test func checkerCatchesProblems() throws {
        var object = try #require(try JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(
            InternalDocument.invoice(DocumentExamples.invoice))).objectValue)
        object["unexpected"] = .string("x")
        object["number"] = .number(5)
        object.removeValue(forKey: "lines")
        object["date"] = .string("02.12.2026")
        let problems = try Self.check(.object(object), type: .invoice)
        #expect(problems.contains { $0.contains("unexpected") })
        #expect(problems.contains { $0.contains("number") && $0.contains("string") })
        #expect(problems.contains { $0.contains("lines") })
        #expect(problems.contains { $0.contains("date") })
    }

    // MARK: - The checker

    static func schema(_ type: InternalDocument.DocumentType) throws -> [String: JSONValue] {
        let url = schemaFolder.appendingPathComponent("\(type.rawValue).schema.json")
        return try #require(try JSONDecoder().decode(JSONValue.self, from: Data(contentsOf: url)).objectValue)
    }

    static func check(_ value: JSONValue, type: InternalDocument.DocumentType) throws -> [String] {
        let root = try schema(type)
        var problems: [String] = []
        validate(value, against: root, root: root, path: "$", problems: &problems)
        return problems
    }

    static func validate(_ value: JSONValue, against schema: [String: JSONValue], root: [String: JSONValue], path: String,
                         problems: inout [String]) {
        if case .string(let reference)? = schema["$ref"] {
            let name = String(reference.split(separator: "/").last ?? "")
            guard let definition = root["$defs"]?.objectValue?[name]?.objectValue else {
                problems.append("\(path): unresolved \(reference)")
                return
            }
            validate(value, against: definition, root: root, path: path, problems: &problems)
            return
        }
        if let constant = schema["const"], constant != value { problems.append("\(path): expected \(constant)") }
        if case .array(let options)? = schema["enum"], !options.contains(value) {
            problems.append("\(path): \(value) is not one of \(options)")
        }
        if case .string(let type)? = schema["type"], !value.isOfType(type) {
            problems.append("\(path): expected \(type), found \(value.typeName)")
            return
        }
        if case .string(let pattern)? = schema["pattern"], case .string(let text) = value,
           text.range(of: pattern, options: .regularExpression) == nil {
            problems.append("\(path): \"\(text)\" does not match \(pattern)")
        }
        if case .object(let object) = value {
            let properties = schema["properties"]?.objectValue ?? [:]
            if case .array(let required)? = schema["required"] {
                for case .string(let key) in required where object[key] == nil {
                    problems.append("\(path): missing required \(key)")
                }
            }
            for (key, item) in object {
                if let propertySchema = properties[key]?.objectValue {
                    validate(item, against: propertySchema, root: root, path: "\(path).\(key)", problems: &problems)
                } else if schema["additionalProperties"] == .bool(false) {
                    problems.append("\(path): unexpected property \(key)")
                }
            }
        }
        if case .array(let items) = value, let itemSchema = schema["items"]?.objectValue {
            for (index, item) in items.enumerated() {
                validate(item, against: itemSchema, root: root, path: "\(path)[\(index)]", problems: &problems)
            }
        }
    }

    static func collectReferences(_ value: JSONValue, into references: inout [String]) {
        switch value {
        case .object(let object):
            if case .string(let reference)? = object["$ref"] { references.append(reference) }
            for item in object.values { collectReferences(item, into: &references) }
        case .array(let items):
            for item in items { collectReferences(item, into: &references) }
        default: break
        }
    }
}

/// A parsed JSON value, numbers kept as `Decimal` so integers are told from fractions exactly.
enum JSONValue: Decodable, Equatable, CustomStringConvertible {
    case null
    case bool(Bool)
    case number(Decimal)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(Decimal.self) { self = .number(value) }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let value = try? container.decode([JSONValue].self) { self = .array(value) }
        else { self = .object(try container.decode([String: JSONValue].self)) }
    }

    subscript(key: String) -> JSONValue? { objectValue?[key] }

    var objectValue: [String: JSONValue]? {
        if case .object(let object) = self { return object }
        return nil
    }

    var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .number(let value): value == value.rounded() ? "integer" : "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    func isOfType(_ type: String) -> Bool {
        switch (type, self) {
        case ("number", .number), ("string", .string), ("boolean", .bool), ("array", .array), ("object", .object),
             ("null", .null): true
        case ("integer", .number(let value)): value == value.rounded()
        default: false
        }
    }

    var description: String {
        switch self {
        case .null: "null"
        case .bool(let value): "\(value)"
        case .number(let value): "\(value)"
        case .string(let value): "\"\(value)\""
        case .array(let items): "[\(items.count) items]"
        case .object(let object): "{\(object.keys.sorted().joined(separator: ", "))}"
        }
    }
}

private extension Decimal {
    func rounded() -> Decimal {
        var copy = self, result = Decimal()
        NSDecimalRound(&result, &copy, 0, .plain)
        return result
    }
}
