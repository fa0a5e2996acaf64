import Foundation

/// The lines of one UNECE directory file, decoded from IBM code page 437.
///
/// The UNTDID text files (segment, composite, element, code-list and message
/// directories) are code page 437 with CRLF line ends; the segment tables of the
/// message files draw their group boxes with the CP437 line-drawing bytes.
struct DirectoryText: Sendable {
    /// The file the lines came from, for error messages.
    let file: URL
    /// The lines without their line ends, 0-based (`lines[0]` is line 1).
    let lines: [String]

    init(file: URL, lines: [String]) {
        self.file = file
        self.lines = lines
    }

    /// Reads `file` and decodes it as code page 437.
    init(contentsOf file: URL) throws {
        let data: Data
        do {
            data = try Data(contentsOf: file)
        } catch {
            throw UNECEImportError.unreadable(file: file, reason: "\(error)")
        }
        self.init(file: file, lines: Self.decodeLines([UInt8](data)))
    }

    /// Splits bytes at LF (dropping a CR before it) and decodes each line as CP437.
    static func decodeLines(_ bytes: [UInt8]) -> [String] {
        var lines: [String] = []
        var start = 0
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x0A {
                var end = index
                if end > start, bytes[end - 1] == 0x0D { end -= 1 }
                lines.append(decodeCP437(bytes[start..<end]))
                start = index + 1
            }
            index += 1
        }
        if start < bytes.count {
            var end = bytes.count
            if bytes[end - 1] == 0x0D { end -= 1 }
            lines.append(decodeCP437(bytes[start..<end]))
        }
        return lines
    }

    /// Decodes code page 437 bytes; a SUB (0x1A, the DOS end-of-file mark) is dropped.
    static func decodeCP437(_ bytes: ArraySlice<UInt8>) -> String {
        var scalars = String.UnicodeScalarView()
        for byte in bytes where byte != 0x1A {
            if byte < 0x80 {
                scalars.append(Unicode.Scalar(byte))
            } else {
                scalars.append(cp437High[Int(byte) - 0x80])
            }
        }
        return String(scalars)
    }

    /// Code page 437, bytes 0x80–0xFF.
    private static let cp437High: [Unicode.Scalar] = Array(
        "ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u{00A0}"
            .unicodeScalars)
}
