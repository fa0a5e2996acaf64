/// Detects the character encoding of an EDI stream from its first bytes, and transcodes
/// EBCDIC and UTF-16 input to the byte form the tokenizer reads.
///
/// EDI is defined over single-byte character sets (X12 basic/extended, EDIFACT UNOA…UNOY);
/// UTF-8 and the ISO-8859 levels pass through unchanged. EBCDIC files from mainframes and
/// UTF-16 files saved by office tools are transcoded, with a warning.
public enum StreamEncoding: String, Sendable, Hashable, Codable {
    /// ASCII, UTF-8 or an ISO-8859 level: bytes pass through.
    case bytes
    /// IBM EBCDIC code page 037, transcoded to ISO-8859-1.
    case ebcdic
    /// UTF-16 little-endian, transcoded to UTF-8.
    case utf16LittleEndian
    /// UTF-16 big-endian, transcoded to UTF-8.
    case utf16BigEndian
    /// UTF-32 or another encoding that cannot be read.
    case unsupported

    /// Guesses the encoding from the first bytes; nil when more bytes are needed to tell.
    public static func detect(_ prefix: UnsafeRawBufferPointer, isFinal: Bool) -> StreamEncoding? {
        if prefix.count < 4 && !isFinal { return nil }
        let b = Array(prefix.prefix(6))
        func at(_ i: Int) -> UInt8? { i < b.count ? b[i] : nil }
        if at(0) == 0x00, at(1) == 0x00, at(2) == 0xFE, at(3) == 0xFF { return .unsupported }
        if at(0) == 0xFF, at(1) == 0xFE, at(2) == 0x00, at(3) == 0x00 { return .unsupported }
        if at(0) == 0xFF, at(1) == 0xFE { return .utf16LittleEndian }
        if at(0) == 0xFE, at(1) == 0xFF { return .utf16BigEndian }
        if let c0 = at(0), c0 != 0, at(1) == 0x00, let c2 = at(2), c2 != 0, at(3) == 0x00 { return .utf16LittleEndian }
        if at(0) == 0x00, let c1 = at(1), c1 != 0, at(2) == 0x00, let c3 = at(3), c3 != 0 { return .utf16BigEndian }
        // "ISA", "UNA", "UNB" in EBCDIC.
        if at(0) == 0xC9, at(1) == 0xE2, at(2) == 0xC1 { return .ebcdic }
        if at(0) == 0xE4, at(1) == 0xD5, at(2) == 0xC1 || at(2) == 0xC2 { return .ebcdic }
        return .bytes
    }
}

/// Converts chunks of a non-byte encoding to bytes, keeping state across chunk boundaries.
struct StreamTranscoder {
    let encoding: StreamEncoding
    /// A byte of a UTF-16 code unit (or a high surrogate) carried over from the last chunk.
    private var carry: [UInt8] = []
    private var skippedBOM = false

    init(_ encoding: StreamEncoding) {
        self.encoding = encoding
    }

    /// Transcodes one chunk, appending to `output`.
    mutating func transcode(_ input: UnsafeRawBufferPointer, into output: inout [UInt8]) {
        switch encoding {
        case .bytes, .unsupported:
            output.append(contentsOf: input)
        case .ebcdic:
            output.reserveCapacity(output.count + input.count)
            for byte in input { output.append(ebcdic037ToLatin1[Int(byte)]) }
        case .utf16LittleEndian, .utf16BigEndian:
            var units = carry
            units.append(contentsOf: input)
            let usable = units.count & ~1
            var codeUnits: [UInt16] = []
            codeUnits.reserveCapacity(usable / 2)
            var i = 0
            while i < usable {
                let unit = encoding == .utf16LittleEndian
                    ? UInt16(units[i]) | UInt16(units[i + 1]) << 8
                    : UInt16(units[i]) << 8 | UInt16(units[i + 1])
                codeUnits.append(unit)
                i += 2
            }
            // Keep a trailing high surrogate for the next chunk.
            var keep = usable
            if let last = codeUnits.last, UTF16.isLeadSurrogate(last) {
                codeUnits.removeLast()
                keep -= 2
            }
            carry = Array(units[keep...])
            if !skippedBOM, let first = codeUnits.first {
                skippedBOM = true
                if first == 0xFEFF { codeUnits.removeFirst() }
            }
            for scalar in String(decoding: codeUnits, as: UTF16.self).utf8 { output.append(scalar) }
        }
    }
}

/// IBM code page 037 to ISO-8859-1 (NEL becomes LF).
let ebcdic037ToLatin1: [UInt8] = [
        0x00, 0x01, 0x02, 0x03, 0x9C, 0x09, 0x86, 0x7F, 0x97, 0x8D, 0x8E, 0x0B, 0x0C, 0x0D, 0x0E, 0x0F,
        0x10, 0x11, 0x12, 0x13, 0x9D, 0x0A, 0x08, 0x87, 0x18, 0x19, 0x92, 0x8F, 0x1C, 0x1D, 0x1E, 0x1F,
        0x80, 0x81, 0x82, 0x83, 0x84, 0x0A, 0x17, 0x1B, 0x88, 0x89, 0x8A, 0x8B, 0x8C, 0x05, 0x06, 0x07,
        0x90, 0x91, 0x16, 0x93, 0x94, 0x95, 0x96, 0x04, 0x98, 0x99, 0x9A, 0x9B, 0x14, 0x15, 0x9E, 0x1A,
        0x20, 0xA0, 0xE2, 0xE4, 0xE0, 0xE1, 0xE3, 0xE5, 0xE7, 0xF1, 0xA2, 0x2E, 0x3C, 0x28, 0x2B, 0x7C,
        0x26, 0xE9, 0xEA, 0xEB, 0xE8, 0xED, 0xEE, 0xEF, 0xEC, 0xDF, 0x21, 0x24, 0x2A, 0x29, 0x3B, 0xAC,
        0x2D, 0x2F, 0xC2, 0xC4, 0xC0, 0xC1, 0xC3, 0xC5, 0xC7, 0xD1, 0xA6, 0x2C, 0x25, 0x5F, 0x3E, 0x3F,
        0xF8, 0xC9, 0xCA, 0xCB, 0xC8, 0xCD, 0xCE, 0xCF, 0xCC, 0x60, 0x3A, 0x23, 0x40, 0x27, 0x3D, 0x22,
        0xD8, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0xAB, 0xBB, 0xF0, 0xFD, 0xFE, 0xB1,
        0xB0, 0x6A, 0x6B, 0x6C, 0x6D, 0x6E, 0x6F, 0x70, 0x71, 0x72, 0xAA, 0xBA, 0xE6, 0xB8, 0xC6, 0xA4,
        0xB5, 0x7E, 0x73, 0x74, 0x75, 0x76, 0x77, 0x78, 0x79, 0x7A, 0xA1, 0xBF, 0xD0, 0xDD, 0xDE, 0xAE,
        0x5E, 0xA3, 0xA5, 0xB7, 0xA9, 0xA7, 0xB6, 0xBC, 0xBD, 0xBE, 0x5B, 0x5D, 0xAF, 0xA8, 0xB4, 0xD7,
        0x7B, 0x41, 0x42, 0x43, 0x44, 0x45, 0x46, 0x47, 0x48, 0x49, 0xAD, 0xF4, 0xF6, 0xF2, 0xF3, 0xF5,
        0x7D, 0x4A, 0x4B, 0x4C, 0x4D, 0x4E, 0x4F, 0x50, 0x51, 0x52, 0xB9, 0xFB, 0xFC, 0xF9, 0xFA, 0xFF,
        0x5C, 0xF7, 0x53, 0x54, 0x55, 0x56, 0x57, 0x58, 0x59, 0x5A, 0xB2, 0xD4, 0xD6, 0xD2, 0xD3, 0xD5,
        0x30, 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39, 0xB3, 0xDB, 0xDC, 0xD9, 0xDA, 0x9F,
]
