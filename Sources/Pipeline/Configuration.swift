public import EDICore
import Foundation
import Yams

/// A configuration error: names the file, line and key, before anything runs.
public struct ConfigurationError: Error, Sendable, CustomStringConvertible {
    /// The file.
    public var file: String
    /// The line (1-based), 0 when unknown.
    public var line: Int
    /// The key path (`partners.globex.syntax`).
    public var key: String
    /// What is wrong.
    public var message: String

    public var description: String { "\(file):\(line): \(key): \(message)" }
}

/// Our own identity: who we are in each syntax.
public struct Identity: Sendable, Hashable {
    /// ISA05/ISA06 (and GS02).
    public var x12: EnvelopeParty?
    /// UNB S002.
    public var edifact: EnvelopeParty?
}

/// What a partner wants back for what they send.
public enum AcknowledgementPolicy: String, Sendable, Hashable, CaseIterable {
    /// Nothing.
    case none
    /// 997 (or 999 for 005010 groups).
    case functional997 = "997"
    /// 999 always.
    case implementation999 = "999"
    /// TA1 only.
    case ta1
    /// CONTRL when the interchange asks for one (UNB 0031 = 1) or something in it is wrong.
    case contrl
    /// CONTRL for every interchange, asked for or not (EDIFACT partners only).
    case contrlAlways = "contrl-always"
}

/// One trading partner: ids, versions, delimiters, acknowledgements, guide.
public struct PartnerProfile: Sendable, Hashable {
    /// The key in `partners:` — also the outbox folder name.
    public var id: String
    /// A display name.
    public var name: String
    /// X12 or EDIFACT.
    public var syntax: EDISyntax
    /// ISA07/ISA08 or UNB S003 (qualifier and id).
    public var party: EnvelopeParty
    /// X12 GS08 version (`004010`, `005010`) or EDIFACT directory (`D96A`).
    public var version: String
    /// X12 ISA12 (`00401`) or EDIFACT syntax version (`3`).
    public var interchangeVersion: String
    /// EDIFACT syntax identifier (`UNOC`).
    public var syntaxIdentifier: String
    /// EDIFACT UNH association code (`EAN008`).
    public var associationCode: String?
    /// Usage indicator: test data.
    public var isTest: Bool
    /// Acknowledgement policy for what they send.
    public var acknowledgement: AcknowledgementPolicy
    /// Hours within which they should acknowledge what we send.
    public var acknowledgementExpectedWithinHours: Int?
    /// Whether we ask for an interchange acknowledgement (ISA14 / UNB 0031).
    public var requestsAcknowledgement: Bool
    /// A partner implementation guide file.
    public var guide: String?
    /// Delimiters of what we send.
    public var delimiters: Delimiters
    /// Line style of what we send.
    public var lineStyle: LineStyle
    /// `reject` or `warn` on a duplicate interchange control number.
    public var duplicatePolicy: String
    /// Hours a control number is remembered for duplicate detection.
    public var duplicateWindowHours: Int
}

/// The pipeline's `edikit.yaml`: our identity and the partners.
public struct Configuration: Sendable {
    /// Our identity.
    public var identity: Identity
    /// Partners by id.
    public var partners: [String: PartnerProfile]
    /// Largest inbound file accepted, in bytes.
    public var maxFileBytes: Int
    /// The file read.
    public var path: String

    /// The partner whose envelope id (with or without qualifier) matches.
    public func partner(syntax: EDISyntax, sender: EnvelopeParty) -> PartnerProfile? {
        partners.values.sorted { $0.id < $1.id }.first {
            $0.syntax == syntax && $0.party.id == sender.id && ($0.party.qualifier == nil || sender.qualifier == nil || $0.party.qualifier == sender.qualifier)
        }
    }

    /// Reads and checks a configuration file; every problem names its key and line.
    public static func load(path: String) throws -> Configuration {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ConfigurationError(file: path, line: 0, key: "", message: "cannot read: \(error.localizedDescription)")
        }
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw ConfigurationError(file: path, line: 1, key: "", message: "the file is empty")
            }
            root = node
        } catch let error as ConfigurationError {
            throw error
        } catch let error as YamlError {
            throw ConfigurationError(file: path, line: Self.line(of: error), key: "", message: "not valid YAML: \(error)")
        }
        let reader = ConfigReader(file: path)
        let top = try reader.mapping(root, key: "")
        try reader.allowOnly(top, ["identity", "partners", "limits", "folders"], key: "")
        var identity = Identity()
        if let node = top["identity"] {
            let map = try reader.mapping(node, key: "identity")
            try reader.allowOnly(map, ["x12", "edifact"], key: "identity")
            if let x12 = map["x12"] { identity.x12 = try reader.party(x12, key: "identity.x12") }
            if let edifact = map["edifact"] { identity.edifact = try reader.party(edifact, key: "identity.edifact") }
        }
        var partners: [String: PartnerProfile] = [:]
        if let node = top["partners"] {
            let map = try reader.mapping(node, key: "partners")
            for (id, value) in map.entries {
                partners[id] = try reader.partner(id: id, value, key: "partners.\(id)", identity: identity)
            }
        }
        var maxFileBytes = 100 * 1_000_000
        if let limits = top["limits"] {
            let map = try reader.mapping(limits, key: "limits")
            try reader.allowOnly(map, ["maxFileMegabytes"], key: "limits")
            if let value = map["maxFileMegabytes"] { maxFileBytes = try reader.integer(value, key: "limits.maxFileMegabytes") * 1_000_000 }
        }
        return Configuration(identity: identity, partners: partners, maxFileBytes: maxFileBytes, path: path)
    }

    private static func line(of error: YamlError) -> Int {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): mark.line
        default: 0
        }
    }
}
