import EDICore

/// The segment table of a transaction set as the typed models read it: segments and loops in
/// table order, a loop written as its first segment with the rest of its body in parentheses
/// (`N1(N2 N3 N4 REF PER)`). Tables are the union of the 004010 and 005010 tables in
/// `Schemas/X12`, so one model reads both versions.
struct X12Table: Sendable {
    /// One table entry: a segment, or a loop (its first segment and the body that follows it).
    struct Entry: Sendable {
        let tag: SegmentTag
        let body: X12Table?
    }

    let entries: [Entry]

    /// Parses the table notation.
    init(_ notation: String) {
        var index = notation.startIndex
        self = X12Table.parse(notation, &index)
    }

    private init(entries: [Entry]) {
        self.entries = entries
    }

    private static func parse(_ text: String, _ index: inout String.Index) -> X12Table {
        var entries: [Entry] = []
        var token = ""
        func flush(body: X12Table?) {
            if !token.isEmpty { entries.append(Entry(tag: SegmentTag(token), body: body)) }
            token = ""
        }
        while index < text.endIndex {
            let character = text[index]
            index = text.index(after: index)
            switch character {
            case "(":
                let body = parse(text, &index)
                flush(body: body)
            case ")":
                flush(body: nil)
                return X12Table(entries: entries)
            case " ":
                flush(body: nil)
            default:
                token.append(character)
            }
        }
        flush(body: nil)
        return X12Table(entries: entries)
    }

    /// The first entry for a tag at or after a rank.
    func index(of tag: SegmentTag, from rank: Int) -> Int? {
        var index = max(rank, 0)
        while index < entries.count {
            if entries[index].tag == tag { return index }
            index += 1
        }
        return nil
    }

    /// The rank of a segment written at this level (its first entry; the end for an unknown tag).
    func rank(of tag: String) -> Int {
        index(of: SegmentTag(tag), from: 0) ?? entries.count
    }

    /// The body of the loop a tag starts (an empty table when the tag does not start a loop).
    func body(of tag: String) -> X12Table {
        let tag = SegmentTag(tag)
        return entries.first { $0.tag == tag && $0.body != nil }?.body ?? X12Table(entries: [])
    }
}

/// A segment with the segments of the loop it starts: a transaction read against its table.
struct X12Node {
    let segment: OwnedSegment
    /// The index of the segment's entry in its level's table; for a segment the table does not
    /// have there, the rank in force when it was read.
    let rank: Int
    /// Whether the table has the segment at this place.
    let isKnown: Bool
    /// The rest of the loop the segment starts (and unknown segments that followed it).
    var children: [X12Node]

    var tag: SegmentTag { segment.tag }

    /// The segment and all it holds, in order.
    var flattened: [OwnedSegment] {
        [segment] + children.flatMap(\.flattened)
    }

    /// Reads segments against a table, loop first: a segment belongs to the innermost open loop
    /// whose table has it at or after the current place; a segment no open level has stays in
    /// the innermost loop as an unknown segment.
    static func read(_ segments: [OwnedSegment], in range: Range<Int>, table: X12Table) -> [X12Node] {
        var reader = Reader(segments: segments, index: range.lowerBound, end: range.upperBound)
        return reader.read(table)
    }

    private struct Reader {
        let segments: [OwnedSegment]
        var index: Int
        let end: Int
        /// The open levels, outermost first, with the rank each has reached.
        var levels: [(table: X12Table, rank: Int)] = []

        mutating func read(_ table: X12Table) -> [X12Node] {
            var nodes: [X12Node] = []
            levels.append((table, 0))
            defer { levels.removeLast() }
            let depth = levels.count - 1
            next: while index < end {
                let segment = segments[index]
                if let found = table.index(of: segment.tag, from: levels[depth].rank) {
                    levels[depth].rank = found
                    index += 1
                    var node = X12Node(segment: segment, rank: found, isKnown: true, children: [])
                    if let body = table.entries[found].body { node.children = read(body) }
                    nodes.append(node)
                    continue
                }
                // Does an enclosing level take it? Then this loop ends here.
                for outer in stride(from: depth - 1, through: 0, by: -1)
                where levels[outer].table.index(of: segment.tag, from: levels[outer].rank) != nil {
                    break next
                }
                index += 1
                let unknown = X12Node(segment: segment, rank: levels[depth].rank, isKnown: false, children: [])
                if nodes.isEmpty { nodes.append(unknown) } else { nodes[nodes.count - 1].children.append(unknown) }
            }
            return nodes
        }
    }
}
