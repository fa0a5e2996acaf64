/// How element bytes become text: the character repertoire of an interchange.
///
/// EDIFACT names it in `UNB` S001 (syntax identifier `UNOA`…`UNOY`); X12 uses ASCII, and
/// UTF-8 in practice for extended characters. Bytes pass through the tokenizer unchanged;
/// this decides only how a value is decoded when one is asked for.
public enum CharacterEncoding: String, Sendable, Hashable, Codable {
    /// ASCII (UNOA, UNOB, X12 basic and extended).
    case ascii
    /// UTF-8 (UNOW, UNOY in practice); invalid sequences fall back to ISO 8859-1.
    case utf8
    /// ISO 8859-1 (UNOC).
    case latin1
    /// ISO 8859-2 (UNOD).
    case latin2
    /// ISO 8859-3 (UNOG).
    case latin3
    /// ISO 8859-4 (UNOH).
    case latin4
    /// ISO 8859-5 (UNOE).
    case cyrillic
    /// ISO 8859-6 (UNOI).
    case arabic
    /// ISO 8859-7 (UNOF).
    case greek
    /// ISO 8859-8 (UNOJ).
    case hebrew
    /// ISO 8859-9 (UNOK).
    case latin5

    /// The encoding an EDIFACT syntax identifier names (`UNOC` → ISO 8859-1); nil for unknown ones.
    public init?(syntaxIdentifier: String) {
        switch syntaxIdentifier.uppercased() {
        case "UNOA", "UNOB": self = .ascii
        case "UNOC": self = .latin1
        case "UNOD": self = .latin2
        case "UNOE": self = .cyrillic
        case "UNOF": self = .greek
        case "UNOG": self = .latin3
        case "UNOH": self = .latin4
        case "UNOI": self = .arabic
        case "UNOJ": self = .hebrew
        case "UNOK": self = .latin5
        case "UNOW", "UNOY", "UNOX": self = .utf8
        default: return nil
        }
    }

    /// Decodes bytes. ASCII and UTF-8 decode as UTF-8 first (files labelled UNOA often carry
    /// UTF-8), falling back to ISO 8859-1 for bytes that are not valid UTF-8.
    public func decode(_ bytes: UnsafeRawBufferPointer) -> String {
        // ASCII is the same text in every repertoire, and nearly every value is ASCII: one
        // specialised copy (`String(validating:)` is generic and slow for short values).
        if !bytes.contains(where: { $0 >= 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
        if let table {
            var scalars = String.UnicodeScalarView()
            for byte in bytes {
                let value = byte < 0xA0 ? UInt32(byte) : UInt32(table[Int(byte) - 0xA0])
                scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
            }
            return String(scalars)
        }
        if self != .latin1, let text = String(validating: bytes, as: UTF8.self) {
            return text
        }
        return String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
    }

    /// Encodes text in this character set, the writer's counterpart of ``decode(_:)``; a
    /// character the set lacks becomes `?`. ASCII and UTF-8 write UTF-8; ISO 8859-1 maps every
    /// scalar up to U+00FF to its byte, so decoding and encoding with it gives any bytes back.
    public func encode(_ text: String) -> [UInt8] {
        switch self {
        case .ascii, .utf8:
            return Array(text.utf8)
        case .latin1:
            return text.unicodeScalars.map { $0.value <= 0xFF ? UInt8($0.value) : UInt8(ascii: "?") }
        default:
            let upper = table ?? []
            return text.unicodeScalars.map { scalar in
                if scalar.value < 0xA0 { return UInt8(scalar.value) }
                guard let index = upper.firstIndex(of: UInt16(truncatingIfNeeded: scalar.value)), scalar.value <= 0xFFFF else {
                    return UInt8(ascii: "?")
                }
                return UInt8(0xA0 + index)
            }
        }
    }

    /// Whether encoding `text`, decoded from `bytes`, gives `bytes` again. UTF-8 that was valid
    /// decodes to the same bytes; bytes that were not fall back to ISO 8859-1 and grow.
    func givesBack(_ bytes: [UInt8], from text: String) -> Bool {
        switch self {
        case .ascii, .utf8: text.utf8.count == bytes.count
        case .latin1: true
        default: encode(text) == bytes
        }
    }

    private var table: [UInt16]? {
        switch self {
        case .ascii, .utf8, .latin1: nil
        case .latin2: ISO8859UpperHalf.latin2
        case .latin3: ISO8859UpperHalf.latin3
        case .latin4: ISO8859UpperHalf.latin4
        case .cyrillic: ISO8859UpperHalf.cyrillic
        case .arabic: ISO8859UpperHalf.arabic
        case .greek: ISO8859UpperHalf.greek
        case .hebrew: ISO8859UpperHalf.hebrew
        case .latin5: ISO8859UpperHalf.latin5
        }
    }
}
