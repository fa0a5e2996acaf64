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
        rank(of: SegmentTag(tag))
    }

    func rank(of tag: SegmentTag) -> Int {
        index(of: tag, from: 0) ?? entries.count
    }

    /// The body of the loop a tag starts (an empty table when the tag does not start a loop).
    func body(of tag: String) -> X12Table {
        let tag = SegmentTag(tag)
        return entries.first { $0.tag == tag && $0.body != nil }?.body ?? X12Table(entries: [])
    }
}

/// A transaction's segments read against its table, kept flat: for each segment, its rank, whether
/// the table has it there, and where the loop it starts ends. A segment's loop is the segments
/// after it up to that end, so nodes are indices, not copies of segments in nested arrays.
final class X12NodeTree: Sendable {
    struct Entry: Sendable {
        var rank: Int32
        var isKnown: Bool
        /// The index after the last segment of the loop the segment starts (itself only: index + 1).
        var end: Int32
    }

    let segments: [OwnedSegment]
    let entries: [Entry]
    /// The nodes of the outermost level.
    let topLevel: [Int]

    /// Reads segments against a table, loop first: a segment belongs to the innermost open loop
    /// whose table has it at or after the current place; a segment no open level has stays in
    /// the innermost loop as an unknown segment (after the level's last node, in its loop; as a
    /// node of the level when the level has none yet).
    init(_ segments: [OwnedSegment], in range: Range<Int>, table: X12Table) {
        var reader = Reader(segments: segments, index: range.lowerBound, end: range.upperBound,
                            entries: Array(repeating: Entry(rank: 0, isKnown: false, end: 0), count: segments.count))
        reader.read(table)
        self.segments = segments
        entries = reader.entries
        topLevel = reader.topLevel
    }

    private struct Reader {
        let segments: [OwnedSegment]
        var index: Int
        let end: Int
        var entries: [Entry]
        /// The open levels, outermost first, with the rank each has reached.
        var levels: [(table: X12Table, rank: Int)] = []

        /// The nodes of the outermost level.
        var topLevel: [Int] = []

        mutating func read(_ table: X12Table) {
            levels.append((table, 0))
            defer { levels.removeLast() }
            let depth = levels.count - 1
            var last: Int? = nil
            next: while index < end {
                let tag = segments[index].tag
                if let found = table.index(of: tag, from: levels[depth].rank) {
                    levels[depth].rank = found
                    let node = index
                    index += 1
                    if depth == 0 { topLevel.append(node) }
                    if let body = table.entries[found].body { read(body) }
                    entries[node] = Entry(rank: Int32(found), isKnown: true, end: Int32(index))
                    last = node
                    continue
                }
                // Does an enclosing level take it? Then this loop ends here.
                for outer in stride(from: depth - 1, through: 0, by: -1)
                where levels[outer].table.index(of: tag, from: levels[outer].rank) != nil {
                    break next
                }
                let unknown = index
                index += 1
                entries[unknown] = Entry(rank: Int32(levels[depth].rank), isKnown: false, end: Int32(index))
                if let last {
                    entries[last].end = Int32(index)
                } else {
                    if depth == 0 { topLevel.append(unknown) }
                    last = unknown
                }
            }
        }
    }
}

/// A segment with the segments of the loop it starts: a place in a transaction's ``X12NodeTree``.
struct X12Node {
    let tree: X12NodeTree
    let index: Int

    var segment: OwnedSegment { tree.segments[index] }
    /// The index of the segment's entry in its level's table; for a segment the table does not
    /// have there, the rank in force when it was read.
    var rank: Int { Int(tree.entries[index].rank) }
    /// Whether the table has the segment at this place.
    var isKnown: Bool { tree.entries[index].isKnown }
    var tag: SegmentTag { tree.segments[index].tag }

    /// The rest of the loop the segment starts (and unknown segments that followed it).
    var children: Children { Children(tree: tree, start: index + 1, end: Int(tree.entries[index].end)) }

    /// The segment and all it holds, in order.
    var flattened: ArraySlice<OwnedSegment> {
        tree.segments[index..<Int(tree.entries[index].end)]
    }

    /// The nodes directly under a node, in order.
    struct Children: Sequence {
        let tree: X12NodeTree
        let start: Int
        let end: Int

        var isEmpty: Bool { start >= end }

        func makeIterator() -> Iterator { Iterator(tree: tree, position: start, end: end) }

        struct Iterator: IteratorProtocol {
            let tree: X12NodeTree
            var position: Int
            let end: Int

            mutating func next() -> X12Node? {
                guard position < end else { return nil }
                let node = X12Node(tree: tree, index: position)
                position = Int(tree.entries[position].end)
                return node
            }
        }
    }
}
