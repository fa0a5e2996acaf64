import EDICore
import Yams

/// Reads typed values out of YAML nodes, with errors that name the key and line.
struct ConfigReader {
    let file: String

    struct Mapping {
        let entries: [(String, Node)]
        let node: Node

        subscript(key: String) -> Node? {
            entries.first { $0.0 == key }?.1
        }
    }

    func fail(_ node: Node?, _ key: String, _ message: String) -> ConfigurationError {
        ConfigurationError(file: file, line: node?.mark.map { $0.line } ?? 0, key: key, message: message)
    }

    func mapping(_ node: Node, key: String) throws -> Mapping {
        guard case .mapping(let map) = node else { throw fail(node, key.isEmpty ? "(top)" : key, "expected a mapping of keys") }
        var entries: [(String, Node)] = []
        for (name, value) in map {
            guard let text = name.string else { throw fail(name, key, "a key must be text") }
            if entries.contains(where: { $0.0 == text }) { throw fail(name, key.isEmpty ? text : "\(key).\(text)", "the key is given twice") }
            entries.append((text, value))
        }
        return Mapping(entries: entries, node: node)
    }

    func allowOnly(_ map: Mapping, _ names: Set<String>, key: String) throws {
        for (name, value) in map.entries where !names.contains(name) {
            let path = key.isEmpty ? name : "\(key).\(name)"
            throw fail(value, path, "unknown key; expected one of \(names.sorted().joined(separator: ", "))")
        }
    }

    func string(_ node: Node, key: String) throws -> String {
        guard case .scalar(let scalar) = node else { throw fail(node, key, "expected a value, not a list or mapping") }
        return scalar.string
    }

    func integer(_ node: Node, key: String) throws -> Int {
        guard let value = Int(try string(node, key: key)), value >= 0 else { throw fail(node, key, "expected a whole number") }
        return value
    }

    func bool(_ node: Node, key: String) throws -> Bool {
        switch try string(node, key: key).lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw fail(node, key, "expected true or false")
        }
    }

    func party(_ node: Node, key: String) throws -> EnvelopeParty {
        let map = try mapping(node, key: key)
        try allowOnly(map, ["qualifier", "id"], key: key)
        guard let id = map["id"] else { throw fail(node, "\(key).id", "missing") }
        let value = try string(id, key: "\(key).id")
        guard !value.isEmpty, value.count <= 35 else { throw fail(id, "\(key).id", "must be 1 to 35 characters") }
        return EnvelopeParty(qualifier: try map["qualifier"].map { try string($0, key: "\(key).qualifier") }, id: value)
    }

    func byte(_ node: Node, key: String) throws -> UInt8 {
        let text = try string(node, key: key)
        switch text.uppercased() {
        case "LF": return 0x0A
        case "CR": return 0x0D
        default:
            guard text.utf8.count == 1, let byte = text.utf8.first else { throw fail(node, key, "expected one character (or LF/CR)") }
            return byte
        }
    }

    func partner(id: String, _ node: Node, key: String, identity: Identity) throws -> PartnerProfile {
        guard id.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }), id.count <= 40 else {
            throw fail(node, key, "a partner id may hold letters, digits, - and _ only (it names the outbox folder)")
        }
        let map = try mapping(node, key: key)
        try allowOnly(map, ["name", "syntax", "qualifier", "id", "version", "interchangeVersion", "syntaxIdentifier", "association",
                            "test", "acknowledgement", "acknowledgementExpectedWithinHours", "requestAcknowledgement", "guide",
                            "delimiters", "lineStyle", "duplicates", "duplicateWindowHours", "sends", "receives"], key: key)
        guard let syntaxNode = map["syntax"] else { throw fail(node, "\(key).syntax", "missing (x12 or edifact)") }
        guard let syntax = EDISyntax(rawValue: try string(syntaxNode, key: "\(key).syntax").lowercased()) else {
            throw fail(syntaxNode, "\(key).syntax", "expected x12 or edifact")
        }
        if syntax == .x12, identity.x12 == nil { throw fail(syntaxNode, "identity.x12", "an X12 partner needs our X12 identity") }
        if syntax == .edifact, identity.edifact == nil { throw fail(syntaxNode, "identity.edifact", "an EDIFACT partner needs our EDIFACT identity") }
        guard let idNode = map["id"] else { throw fail(node, "\(key).id", "missing (the partner's interchange id)") }
        let party = EnvelopeParty(qualifier: try map["qualifier"].map { try string($0, key: "\(key).qualifier") },
                                  id: try string(idNode, key: "\(key).id"))
        let version = try map["version"].map { try string($0, key: "\(key).version") } ?? (syntax == .x12 ? "004010" : "D96A")
        if syntax == .x12, !["004010", "005010"].contains(version) {
            throw fail(map["version"], "\(key).version", "X12 versions written are 004010 and 005010")
        }
        if syntax == .edifact, !["D96A", "D01B"].contains(version.uppercased()) {
            throw fail(map["version"], "\(key).version", "EDIFACT directories written are D96A and D01B")
        }
        let interchangeVersion = try map["interchangeVersion"].map { try string($0, key: "\(key).interchangeVersion") }
            ?? (syntax == .x12 ? (version == "005010" ? "00501" : "00401") : "3")
        var policy = syntax == .x12 ? AcknowledgementPolicy.functional997 : .contrl
        if let node = map["acknowledgement"] {
            guard let value = AcknowledgementPolicy(rawValue: try string(node, key: "\(key).acknowledgement").lowercased()) else {
                throw fail(node, "\(key).acknowledgement", "expected none, 997, 999, ta1, contrl or contrl-always")
            }
            if value == .contrlAlways, syntax == .x12 {
                throw fail(node, "\(key).acknowledgement", "contrl-always is for EDIFACT partners")
            }
            policy = value
        }
        var delimiters = syntax == .x12 ? Delimiters.x12Common : Delimiters.edifactDefault
        if let node = map["delimiters"] {
            let d = try mapping(node, key: "\(key).delimiters")
            try allowOnly(d, ["element", "component", "repetition", "segment", "release"], key: "\(key).delimiters")
            if let v = d["element"] { delimiters.element = try byte(v, key: "\(key).delimiters.element") }
            if let v = d["component"] { delimiters.component = try byte(v, key: "\(key).delimiters.component") }
            if let v = d["repetition"] { delimiters.repetition = try byte(v, key: "\(key).delimiters.repetition") }
            if let v = d["segment"] { delimiters.segment = try byte(v, key: "\(key).delimiters.segment") }
            if let v = d["release"] { delimiters.release = try byte(v, key: "\(key).delimiters.release") }
            let set = [delimiters.element, delimiters.component, delimiters.segment] + [delimiters.repetition, delimiters.release].compactMap { $0 }
            if Set(set).count != set.count { throw fail(node, "\(key).delimiters", "two delimiters are the same character") }
        }
        var lineStyle = LineStyle.lf
        if let node = map["lineStyle"] {
            guard let value = LineStyle(rawValue: try string(node, key: "\(key).lineStyle").lowercased()) else {
                throw fail(node, "\(key).lineStyle", "expected none, lf or crlf")
            }
            lineStyle = value
        }
        let duplicates = try map["duplicates"].map { try string($0, key: "\(key).duplicates") } ?? "reject"
        guard ["reject", "warn"].contains(duplicates) else { throw fail(map["duplicates"], "\(key).duplicates", "expected reject or warn") }
        return PartnerProfile(
            id: id, name: try map["name"].map { try string($0, key: "\(key).name") } ?? id, syntax: syntax, party: party,
            version: syntax == .edifact ? version.uppercased() : version, interchangeVersion: interchangeVersion,
            syntaxIdentifier: try map["syntaxIdentifier"].map { try string($0, key: "\(key).syntaxIdentifier") } ?? "UNOC",
            associationCode: try map["association"].map { try string($0, key: "\(key).association") },
            isTest: try map["test"].map { try bool($0, key: "\(key).test") } ?? false, acknowledgement: policy,
            acknowledgementExpectedWithinHours: try map["acknowledgementExpectedWithinHours"].map {
                try integer($0, key: "\(key).acknowledgementExpectedWithinHours")
            },
            requestsAcknowledgement: try map["requestAcknowledgement"].map { try bool($0, key: "\(key).requestAcknowledgement") } ?? false,
            guide: try map["guide"].map { try string($0, key: "\(key).guide") }, delimiters: delimiters, lineStyle: lineStyle,
            duplicatePolicy: duplicates,
            duplicateWindowHours: try map["duplicateWindowHours"].map { try integer($0, key: "\(key).duplicateWindowHours") } ?? 24 * 30)
    }
}
