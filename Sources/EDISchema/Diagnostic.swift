public import EDICore

/// A schema finding: what is wrong, where, and what an acknowledgement says about it.
///
/// Findings are collected, not thrown: validation goes on after each, so an analyst sees
/// every problem of a file in one run, and an acknowledgement is a lookup of ``ack``.
public struct Diagnostic: Sendable, Hashable, Codable, CustomStringConvertible {
    /// How bad.
    public var severity: SyntaxIssue.Severity
    /// What kind of finding (a stable code such as `SEG_MISSING`).
    public var kind: DiagnosticKind
    /// What is wrong, in words, naming segment and element.
    public var message: String
    /// Where it is (segment index in the transaction, element, component, repetition, line, column).
    public var position: EDIPosition
    /// Loop ids from the outermost to the innermost (`PO1/PID`).
    public var loopPath: String?
    /// The element reference number (`353`) when the finding is about an element.
    public var elementReference: String?
    /// A copy of the bad value (997 AK404), when there is one.
    public var badValue: String?
    /// The tokenizer or envelope code (`EDI202`) when the finding comes from reading bytes; for an
    /// envelope element finding (kind `ENVELOPE_INVALID`), the element check's code (`ELEM_INVALID_DATE`).
    public var syntaxCode: String?
    /// For a missing segment or loop: the tag that is missing (997 AK301 names it; the position
    /// is where it was expected).
    public var missingSegment: String?

    /// Creates a finding.
    public init(_ severity: SyntaxIssue.Severity, _ kind: DiagnosticKind, _ message: String, at position: EDIPosition,
                loopPath: String? = nil, elementReference: String? = nil, badValue: String? = nil) {
        self.severity = severity
        self.kind = kind
        self.message = message
        self.position = position
        self.loopPath = loopPath
        self.elementReference = elementReference
        self.badValue = badValue
    }

    /// The stable code printed in brackets: the kind's code (`SET_COUNT_MISMATCH`), or for plain
    /// syntax and envelope-structure findings the tokenizer's code (`EDI203`) kept in ``syntaxCode``.
    public var code: String {
        kind == .syntaxError || kind == .envelopeError ? syntaxCode ?? kind.rawValue : kind.rawValue
    }

    /// The acknowledgement codes of this finding.
    public var ack: AcknowledgementCodes { kind.acknowledgementCodes }

    public var description: String {
        "\(severity.rawValue) [\(code)]: \(message) (\(position))"
    }
}

/// Every kind of schema and envelope finding. Raw values are the stable codes.
public enum DiagnosticKind: String, Sendable, Hashable, Codable, CaseIterable {
    // Segment level (997 AK3 / 999 IK3 / CONTRL UCS)
    case unrecognizedSegment = "SEG_UNRECOGNIZED"
    case unexpectedSegment = "SEG_UNEXPECTED"
    case mandatorySegmentMissing = "SEG_MISSING"
    case loopOverMaximum = "LOOP_TOO_MANY"
    case segmentOverMaximum = "SEG_TOO_MANY"
    case segmentNotInTransaction = "SEG_NOT_IN_SET"
    case segmentOutOfOrder = "SEG_OUT_OF_ORDER"
    case segmentNotUsed = "SEG_NOT_USED"
    case hierarchyError = "HL_INVALID"
    // Element level (997 AK4 / 999 IK4 / CONTRL UCD)
    case mandatoryElementMissing = "ELEM_MISSING"
    case conditionalElementMissing = "ELEM_RULE_REQUIRED"
    case tooManyElements = "ELEM_TOO_MANY"
    case elementTooShort = "ELEM_TOO_SHORT"
    case elementTooLong = "ELEM_TOO_LONG"
    case invalidCharacter = "ELEM_INVALID_CHAR"
    case invalidCode = "ELEM_INVALID_CODE"
    case codeNotUsedInGuide = "ELEM_CODE_NOT_USED"
    case unknownCode = "ELEM_UNKNOWN_CODE"
    case invalidDate = "ELEM_INVALID_DATE"
    case invalidTime = "ELEM_INVALID_TIME"
    case exclusionViolated = "ELEM_RULE_EXCLUSION"
    case tooManyRepetitions = "ELEM_TOO_MANY_REPEATS"
    case tooManyComponents = "ELEM_TOO_MANY_COMPONENTS"
    case elementNotUsed = "ELEM_NOT_USED"
    // Transaction level (997 AK5 / 999 IK5 / CONTRL UCM)
    case transactionNotSupported = "SET_NO_SCHEMA"
    case transactionTrailerMissing = "SET_TRAILER_MISSING"
    case transactionControlMismatch = "SET_CONTROL_MISMATCH"
    case transactionCountMismatch = "SET_COUNT_MISMATCH"
    // Group level (997 AK9)
    case groupTrailerMissing = "GROUP_TRAILER_MISSING"
    case groupControlMismatch = "GROUP_CONTROL_MISMATCH"
    case groupCountMismatch = "GROUP_COUNT_MISMATCH"
    // Interchange level (TA1 / CONTRL UCI)
    case interchangeTrailerMissing = "INTERCHANGE_TRAILER_MISSING"
    case interchangeControlMismatch = "INTERCHANGE_CONTROL_MISMATCH"
    case interchangeCountMismatch = "INTERCHANGE_COUNT_MISMATCH"
    case envelopeError = "ENVELOPE_INVALID"
    case syntaxError = "SYNTAX"
}

/// The codes a finding maps to in each acknowledgement. The whole table lives in
/// `DiagnosticKind.acknowledgementCodes`, documented in docs/validation.md.
public struct AcknowledgementCodes: Sendable, Hashable, Codable {
    /// X12 997: `AK304=…`, `AK403=…`, `AK502=…`, `AK905=…` or `TA105=…`.
    public var x12_997: String?
    /// X12 999: `IK304=…`, `IK403=…`, `IK502=…`, `AK905=…` or `TA105=…`.
    public var x12_999: String?
    /// EDIFACT CONTRL syntax error code (0085) and the segment that carries it (`UCS+…+13`).
    public var contrl: String?
}

extension DiagnosticKind {
    /// The lookup table from finding to acknowledgement codes (X12 elements 720/723/718/716,
    /// 999 elements 620/621/618/716, EDIFACT 0085).
    public var acknowledgementCodes: AcknowledgementCodes {
        switch self {
        case .unrecognizedSegment: .init(x12_997: "AK304=1", x12_999: "IK304=1", contrl: "UCS 0085=14")
        case .unexpectedSegment: .init(x12_997: "AK304=2", x12_999: "IK304=2", contrl: "UCS 0085=15")
        case .mandatorySegmentMissing: .init(x12_997: "AK304=3", x12_999: "IK304=3", contrl: "UCS 0085=13")
        case .loopOverMaximum: .init(x12_997: "AK304=4", x12_999: "IK304=4", contrl: "UCS 0085=36")
        case .segmentOverMaximum: .init(x12_997: "AK304=5", x12_999: "IK304=5", contrl: "UCS 0085=35")
        case .segmentNotInTransaction: .init(x12_997: "AK304=6", x12_999: "IK304=6", contrl: "UCS 0085=15")
        case .segmentOutOfOrder: .init(x12_997: "AK304=7", x12_999: "IK304=7", contrl: "UCS 0085=15")
        case .segmentNotUsed: .init(x12_997: "AK304=2", x12_999: "IK304=I4", contrl: "UCS 0085=15")
        case .hierarchyError: .init(x12_997: "AK304=8", x12_999: "IK304=8", contrl: "UCS 0085=12")
        case .mandatoryElementMissing: .init(x12_997: "AK403=1", x12_999: "IK403=1", contrl: "UCD 0085=13")
        case .conditionalElementMissing: .init(x12_997: "AK403=2", x12_999: "IK403=2", contrl: "UCD 0085=13")
        case .tooManyElements: .init(x12_997: "AK403=3", x12_999: "IK403=3", contrl: "UCS 0085=16")
        case .elementTooShort: .init(x12_997: "AK403=4", x12_999: "IK403=4", contrl: "UCD 0085=40")
        case .elementTooLong: .init(x12_997: "AK403=5", x12_999: "IK403=5", contrl: "UCD 0085=39")
        case .invalidCharacter: .init(x12_997: "AK403=6", x12_999: "IK403=6", contrl: "UCD 0085=37")
        case .invalidCode: .init(x12_997: "AK403=7", x12_999: "IK403=7", contrl: "UCD 0085=12")
        case .codeNotUsedInGuide: .init(x12_997: "AK403=7", x12_999: "IK403=I6", contrl: "UCD 0085=12")
        case .unknownCode: .init(x12_997: nil, x12_999: nil, contrl: nil)
        case .invalidDate: .init(x12_997: "AK403=8", x12_999: "IK403=8", contrl: "UCD 0085=12")
        case .invalidTime: .init(x12_997: "AK403=9", x12_999: "IK403=9", contrl: "UCD 0085=12")
        case .exclusionViolated: .init(x12_997: "AK403=10", x12_999: "IK403=10", contrl: "UCD 0085=15")
        case .tooManyRepetitions: .init(x12_997: "AK403=3", x12_999: "IK403=12", contrl: "UCD 0085=16")
        case .tooManyComponents: .init(x12_997: "AK403=3", x12_999: "IK403=13", contrl: "UCD 0085=16")
        case .elementNotUsed: .init(x12_997: "AK403=10", x12_999: "IK403=I10", contrl: "UCD 0085=15")
        case .transactionNotSupported: .init(x12_997: "AK502=1", x12_999: "IK502=1", contrl: "UCM 0085=14")
        case .transactionTrailerMissing: .init(x12_997: "AK502=2", x12_999: "IK502=2", contrl: "UCM 0085=13")
        case .transactionControlMismatch: .init(x12_997: "AK502=3", x12_999: "IK502=3", contrl: "UCM 0085=28")
        case .transactionCountMismatch: .init(x12_997: "AK502=4", x12_999: "IK502=4", contrl: "UCM 0085=29")
        case .groupTrailerMissing: .init(x12_997: "AK905=3", x12_999: "AK905=3", contrl: "UCF 0085=13")
        case .groupControlMismatch: .init(x12_997: "AK905=4", x12_999: "AK905=4", contrl: "UCF 0085=28")
        case .groupCountMismatch: .init(x12_997: "AK905=5", x12_999: "AK905=5", contrl: "UCF 0085=29")
        case .interchangeTrailerMissing: .init(x12_997: "TA105=023", x12_999: "TA105=023", contrl: "UCI 0085=13")
        case .interchangeControlMismatch: .init(x12_997: "TA105=001", x12_999: "TA105=001", contrl: "UCI 0085=28")
        case .interchangeCountMismatch: .init(x12_997: "TA105=021", x12_999: "TA105=021", contrl: "UCI 0085=29")
        case .envelopeError: .init(x12_997: "TA105=024", x12_999: "TA105=024", contrl: "UCI 0085=18")
        case .syntaxError: .init(x12_997: "TA105=024", x12_999: "TA105=024", contrl: "UCI 0085=18")
        }
    }

    /// Whether the finding is about an element (reported in AK4/IK4/UCD) rather than a segment.
    public var isElementLevel: Bool {
        acknowledgementCodes.x12_997?.hasPrefix("AK403") ?? false
    }
}
