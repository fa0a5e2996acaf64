public import EDICore

/// A problem found while mapping between a typed model and an internal document: an amount
/// that is not a number, a date that does not exist, a required party missing.
public struct MappingFinding: Error, Codable, Sendable, Equatable, Hashable, CustomStringConvertible {
    /// What is wrong, with the offending value.
    public var message: String
    /// The internal document field concerned (`lines[2].quantity`, `orderDate`).
    public var field: String?
    /// Where in the EDI stream, with the same information as a validation finding.
    public var position: EDIPosition?

    /// Creates a finding.
    public init(_ message: String, field: String? = nil, position: EDIPosition? = nil) {
        self.message = message
        self.field = field
        self.position = position
    }

    public var description: String {
        var text = message
        if let field { text += " (\(field))" }
        if let position { text += " at \(position)" }
        return text
    }
}

/// The error of a mapping: one or more findings.
public struct MappingError: Error, Codable, Sendable, Equatable, Hashable, CustomStringConvertible {
    /// The findings, in source order.
    public var findings: [MappingFinding]

    /// An error with these findings.
    public init(findings: [MappingFinding]) {
        self.findings = findings
    }

    /// An error with these findings put in source order: by byte offset, those without a position
    /// last, findings at the same place in the order they were raised.
    public init(inSourceOrder findings: [MappingFinding]) {
        self.findings = findings.enumerated().sorted {
            ($0.element.position?.byteOffset ?? .max, $0.offset) < ($1.element.position?.byteOffset ?? .max, $1.offset)
        }.map(\.element)
    }

    /// An error with one finding.
    public init(_ message: String, field: String? = nil, position: EDIPosition? = nil) {
        self.findings = [MappingFinding(message, field: field, position: position)]
    }

    public var description: String { findings.map(\.description).joined(separator: "; ") }
}
