/// The two EDI syntaxes EDIKit reads and writes.
public enum EDISyntax: String, Sendable, Hashable, Codable, CustomStringConvertible {
    /// ANSI ASC X12: interchanges start with a fixed-width `ISA` segment.
    case x12
    /// UN/EDIFACT (ISO 9735): interchanges start with `UNA` or `UNB`.
    case edifact

    public var description: String {
        switch self {
        case .x12: "X12"
        case .edifact: "EDIFACT"
        }
    }
}

/// The delimiters of one interchange, as found in its `ISA` or `UNA`/`UNB` header.
///
/// X12 has no release character; EDIFACT syntax 3 has no repetition separator
/// (syntax 4 uses `*` by default).
public struct Delimiters: Sendable, Hashable, Codable {
    /// Separates the elements of a segment (X12 `ISA` byte 3, EDIFACT `+`).
    public var element: UInt8
    /// Separates the components of a composite (X12 `ISA16`, EDIFACT `:`).
    public var component: UInt8
    /// Separates repetitions of an element (X12 `ISA11` from 00402, EDIFACT 4 `*`); nil when none.
    public var repetition: UInt8?
    /// Ends a segment (X12: the byte after `ISA16`, EDIFACT `'`).
    public var segment: UInt8
    /// Makes the next byte literal (EDIFACT `?`); nil in X12.
    public var release: UInt8?
    /// The decimal mark of numeric values (EDIFACT `UNA` position 3, `.` or `,`).
    public var decimalMark: UInt8

    /// Creates a delimiter set.
    public init(element: UInt8, component: UInt8, repetition: UInt8?, segment: UInt8, release: UInt8?, decimalMark: UInt8 = UInt8(ascii: ".")) {
        self.element = element
        self.component = component
        self.repetition = repetition
        self.segment = segment
        self.release = release
        self.decimalMark = decimalMark
    }

    /// The EDIFACT level A/B defaults used when there is no `UNA`: `:` `+` `.` `?` `'`, no repetition.
    public static let edifactDefault = Delimiters(
        element: UInt8(ascii: "+"), component: UInt8(ascii: ":"), repetition: nil,
        segment: UInt8(ascii: "'"), release: UInt8(ascii: "?"))

    /// The EDIFACT syntax level B information separators (IS1 0x1F, IS3 0x1D, IS4 0x1C), no release.
    public static let edifactLevelB = Delimiters(
        element: 0x1D, component: 0x1F, repetition: nil, segment: 0x1C, release: nil)

    /// The common X12 set `*` `>` `^` `~`.
    public static let x12Common = Delimiters(
        element: UInt8(ascii: "*"), component: UInt8(ascii: ">"), repetition: UInt8(ascii: "^"),
        segment: UInt8(ascii: "~"), release: nil)

    /// Whether a byte is one of the separators (not the decimal mark).
    @inlinable
    public func isDelimiter(_ byte: UInt8) -> Bool {
        byte == element || byte == component || byte == segment || byte == repetition || byte == release
    }

    /// The delimiters with printable names, e.g. `["element": "*", "segment": "~ (then CR LF)"]`.
    public var printableNames: [String: String] {
        var names = [
            "element": Delimiters.printableName(element),
            "component": Delimiters.printableName(component),
            "segment": Delimiters.printableName(segment),
        ]
        if let repetition { names["repetition"] = Delimiters.printableName(repetition) }
        if let release { names["release"] = Delimiters.printableName(release) }
        if decimalMark != UInt8(ascii: ".") { names["decimal"] = Delimiters.printableName(decimalMark) }
        return names
    }

    /// A person-readable name for a delimiter byte: the character itself, or `LF`, `CR`, `0x1C`…
    public static func printableName(_ byte: UInt8) -> String {
        switch byte {
        case 0x0A: return "LF"
        case 0x0D: return "CR"
        case 0x09: return "TAB"
        case 0x20: return "SPACE"
        case 0x21...0x7E: return String(UnicodeScalar(byte))
        default:
            let hex = String(byte, radix: 16, uppercase: true)
            return "0x" + (hex.count == 1 ? "0" + hex : hex)
        }
    }
}
