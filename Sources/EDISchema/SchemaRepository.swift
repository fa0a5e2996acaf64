public import Foundation
public import EDICore

/// Finds, loads and caches schema files below a `Schemas/` folder (layout in docs/schemas.md):
/// `X12/<version>/<set>.xml`, `EDIFACT/<directory>/<message>.xml`, their `dictionary.xml`,
/// and the envelopes `X12/envelope-<ISA12>.xml`, `EDIFACT/envelope-<syntax version>.xml`.
public final class SchemaRepository: @unchecked Sendable {
    /// The `Schemas/` folder.
    public let root: URL
    private let lock = NSLock()
    private var transactions: [String: TransactionSchema] = [:]
    private var dictionaries: [String: DefinitionSet] = [:]
    private var segmentIDLists: [String: Set<String>?] = [:]
    private var plans: [String: ValidationPlan] = [:]

    /// Opens a schema folder.
    public init(root: URL) {
        self.root = root
    }

    /// The `Schemas/` folder of this checkout or installation: `$EDIKIT_SCHEMAS`, else
    /// `./Schemas`, else next to the executable's package.
    public static func locateDefault() -> SchemaRepository? {
        let manager = FileManager.default
        var candidates: [URL] = []
        if let path = ProcessInfo.processInfo.environment["EDIKIT_SCHEMAS"] { candidates.append(URL(fileURLWithPath: path)) }
        candidates.append(URL(fileURLWithPath: manager.currentDirectoryPath).appendingPathComponent("Schemas"))
        var executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        for _ in 0..<5 {
            executable.deleteLastPathComponent()
            candidates.append(executable.appendingPathComponent("Schemas"))
        }
        #if DEBUG
        var source = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { source.deleteLastPathComponent() }
        candidates.append(source.appendingPathComponent("Schemas"))
        #endif
        for candidate in candidates where manager.fileExists(atPath: candidate.appendingPathComponent("edikit-schema.xsd").path) {
            return SchemaRepository(root: candidate)
        }
        return nil
    }

    /// The file that would hold a transaction schema.
    public func transactionURL(syntax: EDISyntax, version: String, id: String) -> URL {
        if syntax == .edifact, id == "CONTRL" {
            // CONTRL belongs to the syntax, not a directory: UNH S009 CONTRL:D:3:UN → CONTRL-3.xml (1 and 2 read as 3).
            var release = version.hasPrefix("D") ? String(version.dropFirst()) : version
            if release == "1" || release == "2" { release = "3" }
            return root.appendingPathComponent("EDIFACT/CONTRL-\(release).xml")
        }
        return root.appendingPathComponent(syntax == .x12 ? "X12" : "EDIFACT").appendingPathComponent(version)
            .appendingPathComponent("\(id).xml")
    }

    /// The schema of a transaction set or message, or nil when no file exists for it.
    public func transaction(syntax: EDISyntax, version: String, id: String) throws -> TransactionSchema? {
        let key = "\(syntax.rawValue)/\(version)/\(id)"
        lock.lock()
        if let cached = transactions[key] {
            lock.unlock()
            return cached
        }
        lock.unlock()
        let url = transactionURL(syntax: syntax, version: version, id: id)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        let schema = try loadTransaction(at: url)
        lock.lock()
        transactions[key] = schema
        lock.unlock()
        return schema
    }

    /// Loads a transaction schema file (any path).
    public func loadTransaction(at url: URL) throws -> TransactionSchema {
        let tree = try XMLTree.parse(contentsOf: url)
        let file = url.path
        let reader = AttributeReader(file: file)
        guard tree.name == "transaction" else {
            throw SchemaError(file: file, line: tree.line, message: "expected a <transaction> root, found <\(tree.name)>")
        }
        let syntaxText = try reader.required(tree, "syntax")
        guard let syntax = EDISyntax(rawValue: syntaxText) else {
            throw SchemaError(file: file, line: tree.line, message: "syntax=\"\(syntaxText)\" is not x12 or edifact")
        }
        var definitions = try DefinitionSet(from: tree, file: file)
        if let dictionaryName = tree.attributes["dictionary"] {
            let dictionaryURL = url.deletingLastPathComponent().appendingPathComponent(dictionaryName)
            definitions = definitions.merged(over: try dictionary(at: dictionaryURL))
        }
        guard let structureNode = tree.child(named: "structure") else {
            throw SchemaError(file: file, line: tree.line, message: "the transaction has no <structure>")
        }
        var tags = Set<String>()
        let structure = try structureNode.children.map { try node($0, definitions: definitions, reader: reader, tags: &tags) }
        return TransactionSchema(
            syntax: syntax, version: try reader.required(tree, "version"), id: try reader.required(tree, "id"),
            name: tree.attributes["name"] ?? "", functionalGroup: tree.attributes["functionalGroup"], structure: structure,
            hierarchy: try hierarchy(tree.child(named: "hierarchy"), reader: reader), knownTags: tags, sourcePath: file,
            guideName: nil)
    }

    /// Every segment tag the standard defines in a version: `segment-ids.txt` beside the version's
    /// sets (one tag a line, `#` comments), or nil when the folder has none. It tells an unrecognized
    /// segment id (997 AK304=1) from a real segment that is not part of the set (AK304=6).
    public func segmentIDs(syntax: EDISyntax, version: String) -> Set<String>? {
        let key = "\(syntax.rawValue)/\(version)"
        lock.lock()
        if let cached = segmentIDLists[key] {
            lock.unlock()
            return cached
        }
        lock.unlock()
        let url = root.appendingPathComponent(syntax == .x12 ? "X12" : "EDIFACT").appendingPathComponent(version)
            .appendingPathComponent("segment-ids.txt")
        var tags: Set<String>?
        if let text = try? String(contentsOf: url, encoding: .utf8) {
            tags = Set(text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty && !$0.hasPrefix("#") })
        }
        lock.lock()
        segmentIDLists[key] = tags
        lock.unlock()
        return tags
    }

    /// A standard schema of this repository compiled for validation, once: every file and every
    /// validator using the repository shares it (compiling an X12 set takes tens of milliseconds).
    public func plan(for schema: TransactionSchema) -> ValidationPlan {
        let key = "\(schema.syntax.rawValue)/\(schema.version)/\(schema.id)/\(schema.sourcePath ?? "")"
        lock.lock()
        if let cached = plans[key] {
            lock.unlock()
            return cached
        }
        lock.unlock()
        let plan = ValidationPlan(schema, segmentIDs: segmentIDs(syntax: schema.syntax, version: schema.version))
        lock.lock()
        plans[key] = plan
        lock.unlock()
        return plan
    }

    func dictionary(at url: URL) throws -> DefinitionSet {
        lock.lock()
        if let cached = dictionaries[url.path] {
            lock.unlock()
            return cached
        }
        lock.unlock()
        let tree = try XMLTree.parse(contentsOf: url)
        let set = try DefinitionSet(from: tree, file: url.path)
        lock.lock()
        dictionaries[url.path] = set
        lock.unlock()
        return set
    }

    private func node(_ tree: XMLTree, definitions: DefinitionSet, reader: AttributeReader, tags: inout Set<String>) throws -> StructureNode {
        switch tree.name {
        case "segment":
            let tag = try reader.required(tree, "ref")
            tags.insert(tag)
            let overrides = try tree.children(named: "override").map { try reader.override($0) }
            return .segment(SegmentUse(
                tag: tag, position: tree.attributes["position"] ?? "", usage: try reader.usage(tree),
                maxUse: try reader.maxUse(tree, "max"),
                spec: try definitions.segmentSpec(tag, overrides: overrides, file: reader.file, line: tree.line)))
        case "loop":
            let children = try tree.children.filter { $0.name == "segment" || $0.name == "loop" }
                .map { try node($0, definitions: definitions, reader: reader, tags: &tags) }
            guard case .segment = children.first else {
                throw SchemaError(file: reader.file, line: tree.line, message: "a loop must start with a segment")
            }
            return .loop(LoopUse(
                id: try reader.required(tree, "id"), name: tree.attributes["name"], usage: try reader.usage(tree),
                maxRepeat: try reader.maxUse(tree, "max"), qualifierPosition: try reader.integer(tree, "qualifierPosition"),
                qualifierValues: Set((tree.attributes["qualifierValues"] ?? "").split(separator: " ").map(String.init)),
                children: children))
        default:
            throw SchemaError(file: reader.file, line: tree.line, message: "unexpected <\(tree.name)> in a structure")
        }
    }

    private func hierarchy(_ tree: XMLTree?, reader: AttributeReader) throws -> HierarchySpec? {
        guard let tree else { return nil }
        var parents: [String: Set<String>] = [:]
        var names: [String: String] = [:]
        for level in tree.children(named: "level") {
            let code = try reader.required(level, "code")
            parents[code] = Set((level.attributes["parents"] ?? "").split(separator: " ").map(String.init))
            names[code] = level.attributes["name"]
        }
        return HierarchySpec(parents: parents, names: names, isClosed: tree.attributes["closed"] == "true",
                             segment: tree.attributes["segment"] ?? "HL")
    }

    /// The envelope schema of a syntax version (`00401`, `00501`, `3`, `4`), or nil when none
    /// exists; a file whose `alsoServes` names the version stands in for it.
    public func envelope(syntax: EDISyntax, version: String) throws -> EnvelopeSchema? {
        let folder = root.appendingPathComponent(syntax == .x12 ? "X12" : "EDIFACT")
        var url = folder.appendingPathComponent("envelope-\(version).xml")
        if !FileManager.default.fileExists(atPath: url.path) {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            var found: URL?
            for name in names.sorted() where name.hasPrefix("envelope-") && name.hasSuffix(".xml") {
                let candidate = folder.appendingPathComponent(name)
                let tree = try XMLTree.parse(contentsOf: candidate)
                let served = (tree.attributes["alsoServes"] ?? "").split(separator: " ").map(String.init)
                if served.contains(version) {
                    found = candidate
                    break
                }
            }
            guard let found else { return nil }
            url = found
        }
        let tree = try XMLTree.parse(contentsOf: url)
        var definitions = try DefinitionSet(from: tree, file: url.path)
        if let dictionaryName = tree.attributes["dictionary"] {
            definitions = definitions.merged(over: try dictionary(at: url.deletingLastPathComponent().appendingPathComponent(dictionaryName)))
        }
        var segments: [String: SegmentSpec] = [:]
        for tag in definitions.segments.keys {
            segments[tag] = try definitions.segmentSpec(tag, overrides: [], file: url.path, line: 0)
        }
        return EnvelopeSchema(syntax: syntax, version: tree.attributes["version"] ?? version, segments: segments)
    }
}
