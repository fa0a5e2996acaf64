public import EDICore

/// How a segment, loop or element is used: the standard's requirement designator.
public enum Usage: String, Sendable, Hashable, Codable {
    /// Must be present.
    case mandatory = "M"
    /// May be present.
    case optional = "O"
    /// Present or not as a syntax rule or note says (X12 "X", EDIFACT "C").
    case conditional = "C"
    /// Must not be present (a partner guide's "not used").
    case notUsed = "N"
}

/// The data type of a simple element (X12 AN, ID, Nn, R, DT, TM, B; EDIFACT a, n, an).
public enum DataType: Sendable, Hashable, Codable, CustomStringConvertible {
    /// X12 AN / EDIFACT an: any characters of the character set.
    case alphanumeric
    /// X12 ID: a code from a list.
    case identifier
    /// X12 N0–N9: an integer with an implied number of decimals (nil for plain "N").
    case numeric(impliedDecimals: Int?)
    /// X12 R: a decimal number with an explicit decimal point.
    case decimal
    /// X12 DT: CCYYMMDD or YYMMDD.
    case date
    /// X12 TM: HHMM, HHMMSS, HHMMSSd…
    case time
    /// X12 B: binary data.
    case binary
    /// EDIFACT a: letters only.
    case alphabetic
    /// EDIFACT n: a number, decimal mark and sign allowed.
    case edifactNumeric

    /// Parses the schema language's type name.
    public init?(schemaName: String) {
        switch schemaName {
        case "AN", "an": self = .alphanumeric
        case "ID": self = .identifier
        case "N": self = .numeric(impliedDecimals: nil)
        case "R": self = .decimal
        case "DT": self = .date
        case "TM": self = .time
        case "B": self = .binary
        case "a": self = .alphabetic
        case "n": self = .edifactNumeric
        default:
            guard schemaName.count == 2, schemaName.first == "N", let digits = Int(schemaName.dropFirst()) else { return nil }
            self = .numeric(impliedDecimals: digits)
        }
    }

    public var description: String {
        switch self {
        case .alphanumeric: "AN"
        case .identifier: "ID"
        case .numeric(let decimals): decimals.map { "N\($0)" } ?? "N"
        case .decimal: "R"
        case .date: "DT"
        case .time: "TM"
        case .binary: "B"
        case .alphabetic: "a"
        case .edifactNumeric: "n"
        }
    }
}

/// The codes an element may take. A closed list rejects other values; an open one (known to be
/// partial) only warns.
public struct CodeList: Sendable, Hashable {
    /// The codes with their meanings.
    public var codes: [String: String]
    /// Codes in the order the schema lists them.
    public var orderedCodes: [String]
    /// Whether a value outside the list is an error.
    public var isClosed: Bool
    /// Where the list was checked.
    public var source: String?
    /// The standard's codes an implementation guide took out of the list (`codeMode="restrict"`):
    /// such a value is a code the implementation does not use (999 `IK403=I6`), not an invalid one.
    public var codesNotUsed: [String] = []

    /// Creates a list.
    public init(codes: [(String, String)], isClosed: Bool, source: String?) {
        self.codes = Dictionary(codes, uniquingKeysWith: { first, _ in first })
        orderedCodes = codes.map(\.0)
        self.isClosed = isClosed
        self.source = source
    }

    /// Whether a value is in the list.
    public func contains(_ value: String) -> Bool {
        codes[value] != nil
    }
}

/// An X12 syntax rule (P, R, E, C, L) or EDIFACT dependency note (D1–D7) over element positions.
public struct SyntaxRule: Sendable, Hashable, Codable {
    /// The kind of rule.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// Paired: if any is present, all must be.
        case paired = "P"
        /// Required: at least one must be present.
        case required = "R"
        /// Exclusion: at most one may be present.
        case exclusion = "E"
        /// Conditional: if the first is present, all others must be.
        case conditional = "C"
        /// List conditional: if the first is present, at least one other must be.
        case listConditional = "L"
        /// D1 one and only one.
        case oneAndOnlyOne = "D1"
        /// D2 all or none.
        case allOrNone = "D2"
        /// D3 one or more.
        case oneOrMore = "D3"
        /// D4 one or none.
        case oneOrNone = "D4"
        /// D5 if first, then all.
        case ifFirstThenAll = "D5"
        /// D6 if first, then at least one more.
        case ifFirstThenAtLeastOneMore = "D6"
        /// D7 if first, then none of the others.
        case ifFirstThenNone = "D7"
    }

    /// The kind.
    public var kind: Kind
    /// The element (or component) positions, 1-based, first one first.
    public var positions: [Int]

    /// Whether the rule holds for the given presence of each position.
    public func isSatisfied(_ present: (Int) -> Bool) -> Bool {
        var count = 0
        for position in positions where present(position) { count += 1 }
        let firstPresent = positions.first.map(present) ?? false
        switch kind {
        case .paired, .allOrNone: return count == 0 || count == positions.count
        case .required, .oneOrMore: return count >= 1
        case .exclusion, .oneOrNone: return count <= 1
        case .oneAndOnlyOne: return count == 1
        case .conditional, .ifFirstThenAll: return !firstPresent || count == positions.count
        case .listConditional, .ifFirstThenAtLeastOneMore: return !firstPresent || count >= 2
        case .ifFirstThenNone: return !firstPresent || count == 1
        }
    }

    /// The rule in words, for messages: "if BEG03 is present, BEG04 is required".
    public func explanation(tag: String, syntax: EDISyntax) -> String {
        let names = positions.map { syntax == .x12 ? "\(tag)\($0 < 10 ? "0" : "")\($0)" : "\(tag) element \($0)" }
        let list = names.joined(separator: ", ")
        let rest = names.dropFirst().joined(separator: ", ")
        switch kind {
        case .paired, .allOrNone: return "\(list) must be present together or not at all"
        case .required, .oneOrMore: return "at least one of \(list) is required"
        case .exclusion, .oneOrNone: return "only one of \(list) may be present"
        case .oneAndOnlyOne: return "exactly one of \(list) must be present"
        case .conditional, .ifFirstThenAll: return "when \(names[0]) is present, \(rest) must be too"
        case .listConditional, .ifFirstThenAtLeastOneMore: return "when \(names[0]) is present, at least one of \(rest) must be too"
        case .ifFirstThenNone: return "when \(names[0]) is present, none of \(rest) may be"
        }
    }
}

/// A simple element or component at one position, with everything needed to check a value.
public struct ElementSpec: Sendable, Hashable {
    /// Position in the segment or composite (1-based).
    public var position: Int
    /// Dictionary reference (`353`, `1001`, `C040`).
    public var id: String
    /// Name.
    public var name: String
    /// Usage at this position.
    public var usage: Usage
    /// Data type (for composites, of no meaning).
    public var type: DataType
    /// Minimum length.
    public var minLength: Int
    /// Maximum length.
    public var maxLength: Int
    /// How many repetitions are allowed (nil: unbounded).
    public var maxRepeat: Int?
    /// The codes allowed, if the element is coded.
    public var codes: CodeList?
    /// The components, when this is a composite.
    public var components: [ElementSpec]?
    /// Syntax rules among the components of a composite.
    public var componentRules: [SyntaxRule] = []

    /// Whether this is a composite.
    public var isComposite: Bool { components != nil }
}

/// A segment with its elements and rules, as used at one place of a structure.
public struct SegmentSpec: Sendable, Hashable {
    /// The tag.
    public var tag: String
    /// The name.
    public var name: String
    /// The elements in position order.
    public var elements: [ElementSpec]
    /// Syntax rules over element positions.
    public var rules: [SyntaxRule]
}
