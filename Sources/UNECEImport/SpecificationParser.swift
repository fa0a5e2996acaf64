import Foundation

/// Reads the segment (EDSD/TRSD) and composite (EDCD/TRCD) specification files.
///
/// Each entry sits between lines of `─`; it starts with `TAG  NAME` (or `C002  NAME`),
/// has Function/Desc/Note paragraphs and a list of constituents:
/// `010   C002  DOCUMENT/MESSAGE NAME   C   1` with its components indented below
/// (`1001  Document name code   C   an..3`). D.01B adds a repeat count after the status;
/// long names wrap onto the next line.
enum SpecificationParser {
    /// One entry between separator lines: the index of its first line and its lines.
    struct Block {
        var start: Int
        var lines: ArraySlice<String>
    }

    /// Splits a directory file into entries at the `────` separator lines; the text before
    /// the first separator (the file's introduction) is dropped.
    static func blocks(_ text: DirectoryText) -> [Block] {
        var blocks: [Block] = []
        var start: Int?
        for (index, line) in text.lines.enumerated() where isSeparator(line) {
            if let begin = start, begin < index { blocks.append(Block(start: begin, lines: text.lines[begin..<index])) }
            start = index + 1
        }
        if let begin = start, begin < text.lines.count {
            blocks.append(Block(start: begin, lines: text.lines[begin..<text.lines.count]))
        }
        return blocks.filter { $0.lines.contains { !$0.trimmingCharacters(in: .whitespaces).isEmpty } }
    }

    static func isSeparator(_ line: String) -> Bool {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        return trimmed.count >= 10 && trimmed.allSatisfy { $0 == "─" }
    }

    /// The heading of an entry: its identifier and name, and the index of the line after it.
    static func heading(_ block: Block, _ text: DirectoryText) throws -> (id: String, name: String, next: Int) {
        guard let first = block.lines.firstIndex(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) else {
            throw UNECEImportError.unparseable(text, index: block.start, "empty entry")
        }
        var heading = dropChangeIndicator(block.lines[first])
        if heading.hasSuffix("]"), let open = heading.lastIndex(of: "[") {  // usage indicator [B] [I] [C]
            heading = String(heading[..<open]).trimmingCharacters(in: .whitespaces)
        }
        let id = heading.prefix { $0 != " " }
        let name = collapseSpaces(String(heading.dropFirst(id.count)))
        guard !id.isEmpty, !name.isEmpty, id.allSatisfy({ $0.isASCII && ($0.isUppercase || $0.isNumber) }) else {
            throw UNECEImportError.unparseable(text, index: first, "not an entry heading")
        }
        return (String(id), name, first + 1)
    }

    /// Parses a segment specification file.
    static func segments(_ text: DirectoryText) throws -> [String: UNECEDirectory.Segment] {
        var result: [String: UNECEDirectory.Segment] = [:]
        for block in blocks(text) {
            let (tag, name, next) = try heading(block, text)
            guard tag.count == 3 else { throw UNECEImportError.unparseable(text, index: block.start, "not a segment tag") }
            let (constituents, notes) = try constituents(block, from: next, text)
            result[tag] = .init(tag: tag, name: name, elements: constituents, dependencyNotes: notes)
        }
        return result
    }

    /// Parses a composite specification file.
    static func composites(_ text: DirectoryText) throws -> [String: UNECEDirectory.Composite] {
        var result: [String: UNECEDirectory.Composite] = [:]
        for block in blocks(text) {
            let (id, name, next) = try heading(block, text)
            let (constituents, notes) = try constituents(block, from: next, text)
            result[id] = .init(id: id, name: name, components: constituents, dependencyNotes: notes)
        }
        return result
    }

    /// Reads the numbered constituent lines of an entry (a composite's component lines inside
    /// a segment specification are skipped: the composite directory defines them).
    static func constituents(_ block: Block, from start: Int, _ text: DirectoryText) throws
        -> ([UNECEDirectory.Constituent], [UNECEDirectory.DependencyNote])
    {
        var result: [UNECEDirectory.Constituent] = []
        var notes: [UNECEDirectory.DependencyNote] = []
        var pending: (text: String, index: Int)?
        var index = start
        while index < block.lines.endIndex {
            let line = block.lines[index]
            defer { index += 1 }
            notes += dependencyNotes(in: line)
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if let open = pending {
                let joined = open.text + " " + trimmed
                if let parsed = parseConstituentLine(joined) {
                    try add(parsed, at: open.index)
                    pending = nil
                    continue
                }
                throw UNECEImportError.unparseable(text, index: open.index, "constituent line without status")
            }
            if trimmed.isEmpty { continue }
            let isNumbered = line.prefix(3).allSatisfy(\.isASCIIDigit) && line.dropFirst(3).first == " "
            if isNumbered {
                if let parsed = parseConstituentLine(line) {
                    try add(parsed, at: index)
                } else {
                    pending = (line, index)
                }
            }
            // Anything else is a component line (components come from the composite
            // directory) or Function/Desc/Note text.
        }
        if let open = pending { throw UNECEImportError.unparseable(text, index: open.index, "constituent line without status") }
        return (result, notes)

        func add(_ parsed: ParsedLine, at lineIndex: Int) throws {
            guard let position = Int(parsed.position), position % 10 == 0, position / 10 == result.count + 1 else {
                throw UNECEImportError.unparseable(text, index: lineIndex, "position out of sequence")
            }
            result.append(.init(position: position / 10, id: parsed.id, name: parsed.name, status: parsed.status,
                                repeatCount: parsed.repeatCount, representation: parsed.representation))
        }
    }

    struct ParsedLine {
        var position: String
        var id: String
        var name: String
        var status: UNECEDirectory.Status
        var repeatCount: Int
        var representation: UNECEDirectory.Representation?
    }

    /// `010   C002  NAME   C   1` or `010    1001  Name   C   an..3` (with or without a change indicator).
    static func parseConstituentLine(_ line: String) -> ParsedLine? {
        let position = String(line.prefix(3))
        let rest = dropChangeIndicator(String(line.dropFirst(3)))
        let id = rest.prefix { $0 != " " }
        guard isIdentifier(id), let tail = parseTail(String(rest.dropFirst(id.count))) else { return nil }
        if tail.representation == nil, !(id.first?.isLetter ?? false) { return nil }
        return ParsedLine(position: position, id: String(id), name: tail.name, status: tail.status,
                          repeatCount: tail.repeatCount, representation: tail.representation)
    }

    /// "1001", "C002", "S009", "E001".
    static func isIdentifier(_ id: Substring) -> Bool {
        guard id.count == 4, let first = id.first else { return false }
        return (first.isASCIIDigit || (first.isASCII && first.isUppercase)) && id.dropFirst().allSatisfy(\.isASCIIDigit)
    }

    /// Reads `Name   S [repeat] [representation]` from the right.
    static func parseTail(_ text: String) -> (name: String, status: UNECEDirectory.Status, repeatCount: Int,
                                              representation: UNECEDirectory.Representation?)? {
        var words = text.split(separator: " ").map(String.init)
        var representation: UNECEDirectory.Representation?
        var repeatCount = 1
        if let last = words.last, let parsed = UNECEDirectory.Representation(last) {
            representation = parsed
            words.removeLast()
        }
        if let last = words.last, last.allSatisfy(\.isASCIIDigit), let count = Int(last), count > 0 {
            repeatCount = count
            words.removeLast()
        }
        guard let last = words.last, let status = UNECEDirectory.Status(rawValue: last), words.count > 1 else { return nil }
        words.removeLast()
        return (words.joined(separator: " "), status, repeatCount, representation)
    }

    /// Dependency notes written `D5(020,030)` in a note: kind and 1-based positions.
    static func dependencyNotes(in line: String) -> [UNECEDirectory.DependencyNote] {
        var notes: [UNECEDirectory.DependencyNote] = []
        let characters = Array(line)
        var index = 0
        while index + 3 < characters.count {
            defer { index += 1 }
            guard characters[index] == "D", let digit = characters[index + 1].wholeNumberValue, (1...7).contains(digit),
                  characters[index + 2] == "(", index == 0 || !characters[index - 1].isLetter,
                  let close = characters[(index + 3)...].firstIndex(of: ")") else { continue }
            let inside = String(characters[(index + 3)..<close])
            let parts = inside.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            let positions = parts.compactMap { part -> Int? in
                guard part.count == 3, let value = Int(part), value % 10 == 0, value > 0 else { return nil }
                return value / 10
            }
            if positions.count == parts.count, positions.count >= 2 {
                notes.append(.init(kind: "D\(digit)", positions: positions))
            }
        }
        return notes
    }
}
