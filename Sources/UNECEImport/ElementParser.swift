import Foundation

/// Reads the simple data element specifications (EDED/TRED): `1001  Document name code  [C]`
/// followed by `Desc:`, `Repr: an..3` and `Note:` paragraphs.
enum ElementParser {
    static func parse(_ text: DirectoryText) throws -> [String: UNECEDirectory.Element] {
        var result: [String: UNECEDirectory.Element] = [:]
        for block in SpecificationParser.blocks(text) {
            var (id, name, next) = try SpecificationParser.heading(block, text)
            guard SpecificationParser.isIdentifier(Substring(id)) else {
                throw UNECEImportError.unparseable(text, index: next - 1, "not a data element heading")
            }
            // A long name wraps onto the following lines, up to the first blank line.
            while next < block.lines.endIndex {
                let trimmed = block.lines[next].trimmingCharacters(in: .whitespaces)
                if trimmed.isEmpty || trimmed.hasPrefix("Desc:") || trimmed.hasPrefix("Repr:") { break }
                name += " " + collapseSpaces(stripUsageIndicator(trimmed))
                next += 1
            }
            guard let reprIndex = block.lines[next...].firstIndex(where: {
                $0.trimmingCharacters(in: .whitespaces).hasPrefix("Repr:")
            }) else {
                throw UNECEImportError.unparseable(text, index: block.start, "data element \(id) has no Repr: line")
            }
            let value = block.lines[reprIndex].trimmingCharacters(in: .whitespaces).dropFirst("Repr:".count)
            guard let representation = UNECEDirectory.Representation(String(value)) else {
                throw UNECEImportError.unparseable(text, index: reprIndex, "unknown representation")
            }
            result[id] = .init(id: id, name: name, representation: representation)
        }
        return result
    }

    static func stripUsageIndicator(_ text: String) -> String {
        for indicator in ["[B]", "[I]", "[C]"] where text.hasSuffix(indicator) {
            return String(text.dropLast(indicator.count)).trimmingCharacters(in: .whitespaces)
        }
        return text
    }
}

/// Reads the UNCL (and UNSL) code lists: for each element a heading, `Desc:`/`Repr:`/`Note:`
/// paragraphs, then one entry per code: the code and its name on one line (the name may wrap
/// onto a line indented to the name column), the description indented further.
///
/// Code lines put the code before column 10 and the name at column 10 (D.96A) or 11 (D.01B);
/// a code marked `-` (deleted in this directory) is left out.
enum CodeListParser {
    /// The first column of description lines; anything indented this far is not a code.
    static let descriptionColumn = 12

    static func parse(_ text: DirectoryText) throws -> [String: [UNECEDirectory.Code]] {
        var result: [String: [UNECEDirectory.Code]] = [:]
        for block in SpecificationParser.blocks(text) {
            let (id, _, next) = try SpecificationParser.heading(block, text)
            guard SpecificationParser.isIdentifier(Substring(id)) else {
                throw UNECEImportError.unparseable(text, index: next - 1, "not a code list heading")
            }
            var codes: [UNECEDirectory.Code] = []
            var inParagraph = true  // the heading, then Desc:/Repr:/Note: paragraphs until a blank line
            var lastWasCode = false
            var deleted = false
            for index in next..<block.lines.endIndex {
                let line = block.lines[index]
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                if trimmed.isEmpty { inParagraph = false; lastWasCode = false; continue }
                if trimmed.hasPrefix("Desc:") || trimmed.hasPrefix("Repr:") || trimmed.hasPrefix("Note:") {
                    inParagraph = codes.isEmpty
                    lastWasCode = false
                    continue
                }
                if inParagraph { continue }
                let (indicator, body) = splitIndicator(line)
                let indent = body.prefix { $0 == " " }.count
                if indent >= descriptionColumn { lastWasCode = false; continue }
                if indent >= 10, indicator.isEmpty {
                    // The name of the code above, wrapped.
                    if lastWasCode, !deleted, !codes.isEmpty {
                        codes[codes.count - 1].name += " " + collapseSpaces(trimmed)
                    }
                    continue
                }
                let value = body.dropFirst(indent).prefix { $0 != " " }
                let name = collapseSpaces(String(body.dropFirst(indent + value.count)))
                guard !value.isEmpty, !name.isEmpty else {
                    throw UNECEImportError.unparseable(text, index: index, "not a code line in code list \(id)")
                }
                deleted = indicator.contains("-")
                lastWasCode = true
                if !deleted { codes.append(.init(value: String(value), name: name)) }
            }
            result[id] = codes
        }
        return result
    }

    /// Splits the change indicator columns (e.g. "+ ", "#|", "X ") off a line, keeping columns aligned.
    static func splitIndicator(_ line: String) -> (String, String) {
        let head = line.prefix(2)
        let indicator = head.prefix { changeIndicators.contains($0) }
        guard !indicator.isEmpty else { return ("", line) }
        return (String(indicator), String(repeating: " ", count: indicator.count) + line.dropFirst(indicator.count))
    }
}
