/// A problem found while reading bytes into segments: malformed syntax (an error, which stops
/// the interchange) or something tolerated (a warning).
public struct SyntaxIssue: Error, Sendable, Hashable, Codable, CustomStringConvertible {
    /// How bad a finding is.
    public enum Severity: String, Sendable, Hashable, Codable {
        /// The input cannot be read as it stands; the interchange is abandoned (EDI202 aside:
        /// see ``SyntaxIssue/abandonsInterchange``).
        case error
        /// The input was read, but does not follow the standard to the letter.
        case warning
    }

    /// A stable code naming the kind of problem, e.g. `EDI101`. Codes only grow.
    public struct Code: Sendable, Hashable, Codable, CustomStringConvertible, ExpressibleByStringLiteral {
        /// The code as printed.
        public let rawValue: String
        public init(_ rawValue: String) { self.rawValue = rawValue }
        public init(stringLiteral value: String) { rawValue = value }
        public init(from decoder: any Decoder) throws {
            rawValue = try decoder.singleValueContainer().decode(String.self)
        }
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(rawValue)
        }
        public var description: String { rawValue }
    }

    /// Error or warning.
    public var severity: Severity
    /// The stable code.
    public var code: Code
    /// What is wrong, in words a person understands, naming the segment.
    public var message: String
    /// Where it is.
    public var position: EDIPosition

    /// Creates an issue.
    public init(_ severity: Severity, _ code: Code, _ message: String, at position: EDIPosition) {
        self.severity = severity
        self.code = code
        self.message = message
        self.position = position
    }

    /// Whether the tokenizer gave up the interchange here and resynchronises at the next
    /// interchange header: every error but a missing segment terminator (EDI202), after which the
    /// segment on the next line is read, in the same interchange.
    public var abandonsInterchange: Bool {
        severity == .error && code != .missingSegmentTerminator
    }

    public var description: String {
        "\(severity.rawValue) [\(code)]: \(message) (\(position))"
    }
}

extension SyntaxIssue.Code {
    // Interchange framing
    /// Bytes that are not an interchange header where one is expected (`ISA`, `UNA`, `UNB`).
    public static let noInterchangeHeader: Self = "EDI101"
    /// The `ISA` header is shorter than its 16 elements plus the segment terminator.
    public static let truncatedISA: Self = "EDI102"
    /// The `ISA` fields do not have their fixed widths; read by the element separator instead.
    public static let isaNotFixedWidth: Self = "EDI103"
    /// The `UNA` service string advice is incomplete or reuses a byte for two delimiters.
    public static let invalidUNA: Self = "EDI104"
    /// Two delimiters of the header are the same byte, or a delimiter is a letter or digit.
    public static let ambiguousDelimiters: Self = "EDI105"
    /// Data after the last interchange that is not white space.
    public static let trailingData: Self = "EDI106"

    // Segments
    /// A segment tag that is not 2–3 letters or digits.
    public static let invalidSegmentTag: Self = "EDI201"
    /// A line break where a segment terminator was expected: the terminator is missing. The
    /// segment ends at the line break; reading goes on in the same interchange.
    public static let missingSegmentTerminator: Self = "EDI202"
    /// The input ends inside a segment.
    public static let unexpectedEndOfInput: Self = "EDI203"
    /// A segment longer than the reader's limit: the terminator is probably missing.
    public static let segmentTooLong: Self = "EDI204"
    /// An empty segment (a terminator right after a terminator).
    public static let emptySegment: Self = "EDI205"
    /// A release character at the very end of the input.
    public static let danglingRelease: Self = "EDI206"
    /// The last segment has no terminator; it was read anyway.
    public static let lastTerminatorMissing: Self = "EDI207"
    /// Line breaks inside segments (a file wrapped at a fixed width); they were removed.
    public static let wrappedLines: Self = "EDI208"

    // Encoding
    /// The file is EBCDIC or UTF-16; it was transcoded.
    public static let transcoded: Self = "EDI301"
    /// The file's encoding cannot be read (e.g. UTF-32, or binary data).
    public static let unsupportedEncoding: Self = "EDI302"
    /// A UTF-8 byte order mark was skipped.
    public static let byteOrderMark: Self = "EDI303"

    // Envelopes (structure seen by the reader; counts)
    /// A trailer (`IEA`, `GE`, `SE`, `UNZ`, `UNE`, `UNT`) is missing.
    public static let missingTrailer: Self = "EDI401"
    /// A trailer without its header.
    public static let unexpectedTrailer: Self = "EDI402"
    /// A trailer's control number differs from its header's.
    public static let controlNumberMismatch: Self = "EDI403"
    /// A trailer's count differs from what the envelope holds.
    public static let countMismatch: Self = "EDI404"
    /// A segment outside the envelope where it belongs (e.g. a data segment before `ST`).
    public static let segmentOutsideEnvelope: Self = "EDI405"
}
