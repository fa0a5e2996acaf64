/// Escaping for the schema XML we write.
enum XMLText {
    /// Escapes text for a double-quoted attribute value.
    static func attribute(_ value: String) -> String {
        escape(value, quotes: true)
    }

    /// Escapes element content.
    static func content(_ value: String) -> String {
        escape(value, quotes: false)
    }

    private static func escape(_ value: String, quotes: Bool) -> String {
        var result = ""
        result.reserveCapacity(value.utf8.count)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"" where quotes: result += "&quot;"
            case "'" where quotes: result += "&apos;"
            case "\t", "\n", "\r": result += quotes ? " " : String(scalar)
            default:
                // Other C0 controls (and DEL, the C1 range) are not allowed in XML 1.0 text.
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    result += " "
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }
}

/// A small indenting XML builder; output is LF-terminated and byte-stable.
struct XMLBuilder {
    private(set) var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    private var depth = 0

    mutating func comment(_ value: String) {
        line("<!-- \(value.replacingOccurrences(of: "--", with: "- -")) -->")
    }

    mutating func open(_ name: String, _ attributes: [(String, String?)] = []) {
        line("<\(name)\(render(attributes))>")
        depth += 1
    }

    mutating func close(_ name: String) {
        depth -= 1
        line("</\(name)>")
    }

    mutating func empty(_ name: String, _ attributes: [(String, String?)] = []) {
        line("<\(name)\(render(attributes))/>")
    }

    mutating func leaf(_ name: String, _ attributes: [(String, String?)] = [], content: String) {
        line("<\(name)\(render(attributes))>\(XMLText.content(content))</\(name)>")
    }

    private mutating func line(_ value: String) {
        text += String(repeating: "  ", count: depth) + value + "\n"
    }

    private func render(_ attributes: [(String, String?)]) -> String {
        attributes.compactMap { name, value in value.map { " \(name)=\"\(XMLText.attribute($0))\"" } }.joined()
    }
}
