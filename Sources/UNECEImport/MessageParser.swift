import Foundation

/// Reads a UNECE message file (e.g. `ORDERS_D.96A`, `EDMD/ORDERS_D.01B`): its title and
/// the segment table of section 4.3.1.
///
/// A segment table line is `PPPP C TAG Name   S   R`; a group line is
/// `PPPP C     ───── Segment group N ─── S   R──┐`, where P is the position, C a change
/// indicator and the box drawing on the right shows nesting: `┐` opens a group and each
/// `┘` or `┴` closes one.
enum MessageParser {
    static func parse(_ text: DirectoryText, id: String) throws -> UNECEDirectory.Message {
        let name = try title(text)
        guard let header = text.lines.firstIndex(where: isTableHeader) else {
            throw UNECEImportError(code: .unparseable, file: text.file.path, line: 0,
                                   message: "no segment table (a line \"Pos    Tag Name    S   R\") in message \(id)")
        }
        var root: [UNECEDirectory.StructureItem] = []
        var open: [UNECEDirectory.GroupPlace] = []
        func append(_ item: UNECEDirectory.StructureItem) {
            if open.isEmpty { root.append(item) } else { open[open.count - 1].children.append(item) }
        }
        var index = header + 1
        while index < text.lines.count {
            let line = text.lines[index]
            if isFiller(line) { index += 1; continue }
            guard let entry = parseEntry(line) else {
                throw UNECEImportError.unparseable(text, index: index, "not a segment table line")
            }
            switch entry.kind {
            case .group(let number):
                guard entry.closes == 0 else {
                    throw UNECEImportError.unparseable(text, index: index, "segment group closes on its own line")
                }
                open.append(.init(number: number, position: entry.position, status: entry.status,
                                  maxUse: entry.maxUse, children: []))
            case .segment(let tag, let segmentName):
                append(.segment(.init(position: entry.position, tag: tag, name: segmentName,
                                      status: entry.status, maxUse: entry.maxUse)))
                guard entry.closes <= open.count else {
                    throw UNECEImportError.unparseable(text, index: index, "closes more segment groups than are open")
                }
                for _ in 0..<entry.closes {
                    let group = open.removeLast()
                    append(.group(group))
                }
                if tag == "UNT", open.isEmpty { return .init(id: id, name: name, structure: root) }
            }
            index += 1
        }
        throw UNECEImportError(code: .unparseable, file: text.file.path, line: text.lines.count,
                               message: "segment table of \(id) ends without UNT at the top level")
    }

    /// The message name: the third non-blank line ("UN/EDIFACT", "UNITED NATIONS STANDARD
    /// MESSAGE (UNSM)" or "DRAFT RECOMMENDATION", then the name).
    static func title(_ text: DirectoryText) throws -> String {
        let nonBlank = text.lines.lazy.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.prefix(3)
        guard nonBlank.count == 3, let name = nonBlank.last else {
            throw UNECEImportError(code: .unparseable, file: text.file.path, line: 1, message: "no message title")
        }
        return collapseSpaces(name)
    }

    static func isTableHeader(_ line: String) -> Bool {
        let words = line.split(separator: " ")
        return words.count == 5 && words[0] == "Pos" && words[1] == "Tag" && words[2] == "Name"
            && words[3] == "S" && words[4] == "R"
    }

    /// Blank lines, lines of box drawing only, and section headings ("HEADER SECTION").
    static func isFiller(_ line: String) -> Bool {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        if trimmed.allSatisfy({ boxCharacters.contains($0) }) { return true }
        return trimmed.hasSuffix("SECTION") && !(trimmed.first?.isASCIIDigit ?? false)
    }

    static let boxCharacters: Set<Character> = ["─", "┐", "┘", "┴", "│", " "]

    struct Entry {
        enum Kind { case segment(String, String), group(Int) }
        var position: String
        var kind: Kind
        var status: UNECEDirectory.Status
        var maxUse: Int
        var closes: Int
    }

    /// Parses one table line; nil when it does not have the layout.
    static func parseEntry(_ line: String) -> Entry? {
        let characters = Array(line)
        guard characters.count > 10, characters[0..<4].allSatisfy(\.isASCIIDigit), characters[4] == " " else { return nil }
        let position = String(characters[0..<4])
        // Right side: "S   R" then the box drawing.
        var end = characters.count
        var closes = 0
        while end > 0, boxCharacters.contains(characters[end - 1]) {
            if characters[end - 1] == "┘" || characters[end - 1] == "┴" { closes += 1 }
            end -= 1
        }
        var digitsStart = end
        while digitsStart > 0, characters[digitsStart - 1].isASCIIDigit { digitsStart -= 1 }
        guard digitsStart < end, let maxUse = Int(String(characters[digitsStart..<end])) else { return nil }
        var statusIndex = digitsStart
        while statusIndex > 0, characters[statusIndex - 1] == " " { statusIndex -= 1 }
        statusIndex -= 1
        guard statusIndex > 6, characters[statusIndex + 1] == " ",
              let status = UNECEDirectory.Status(rawValue: String(characters[statusIndex])),
              characters[statusIndex - 1] == " " else { return nil }
        // Left side after the position and the change indicator column.
        let body = dropChangeIndicator(String(characters[5..<statusIndex]))
        if let range = body.range(of: "Segment group ") {
            let number = body[range.upperBound...].prefix(while: \.isASCIIDigit)
            guard let value = Int(number), body[..<range.lowerBound].allSatisfy({ $0 == "─" || $0 == " " }) else { return nil }
            return Entry(position: position, kind: .group(value), status: status, maxUse: maxUse, closes: closes)
        }
        let tag = body.prefix(3)
        guard tag.count == 3, tag.allSatisfy({ $0.isASCII && $0.isUppercase }),
              body.dropFirst(3).first == " " else { return nil }
        let name = collapseSpaces(String(body.dropFirst(4)))
        guard !name.isEmpty else { return nil }
        return Entry(position: position, kind: .segment(String(tag), name), status: status, maxUse: maxUse, closes: closes)
    }
}

/// Change indicators of the UNTDID files: + addition, * structure change, # name change,
/// | text change, - deletion, X marked for deletion.
let changeIndicators: Set<Character> = ["+", "*", "#", "|", "-", "X"]

/// Trims `text` and drops a leading change indicator ("X GIS ..." → "GIS ...").
func dropChangeIndicator(_ text: String) -> String {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    let first = trimmed.prefix { $0 != " " }
    if first.count < 3, !first.isEmpty, first.allSatisfy({ changeIndicators.contains($0) }) {
        return trimmed.dropFirst(first.count).trimmingCharacters(in: .whitespaces)
    }
    return trimmed
}

/// Trims and turns runs of spaces into one space.
func collapseSpaces(_ text: String) -> String {
    text.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
}
