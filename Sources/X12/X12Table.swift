public import EDICore

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

/// Collects what a scope writes, each piece at its table rank, so named segments and kept
/// (unmapped) ones come out in table order; pieces of equal rank keep the order they were added.
struct X12ScopeWriter {
    let table: X12Table
    private var pieces: [(rank: Int, order: Int, segments: [OutgoingSegment])] = []

    init(_ table: X12Table) {
        self.table = table
    }

    /// A segment at its tag's rank (nothing for nil).
    mutating func add(_ segment: OutgoingSegment?) {
        guard let segment else { return }
        add([segment], rank: table.rank(of: segment.tag))
    }

    /// A named segment at its tag's rank (nothing for nil).
    mutating func add(_ segment: X12Segment?) {
        add(segment?.outgoing)
    }

    mutating func add(all segments: [X12Segment]) {
        for segment in segments { add(segment) }
    }

    /// Segments at the rank of the first one's tag (a loop and its body).
    mutating func add(loop segments: [OutgoingSegment]) {
        guard let first = segments.first else { return }
        add(segments, rank: table.rank(of: first.tag))
    }

    mutating func add(all segments: [OutgoingSegment]) {
        for segment in segments { add(segment) }
    }

    /// Kept segments at the ranks they were read at.
    mutating func add(_ unmapped: [X12UnmappedSegment]) {
        for kept in unmapped { add([kept.segment.outgoing], rank: kept.tablePosition) }
    }

    mutating func add(_ segments: [OutgoingSegment], rank: Int) {
        pieces.append((rank, pieces.count, segments))
    }

    /// Everything, in table order.
    var segments: [OutgoingSegment] {
        pieces.sorted { ($0.rank, $0.order) < ($1.rank, $1.order) }.flatMap(\.segments).map(\.trimmed)
    }
}

/// A segment a typed model does not name, kept so that writing the model back loses nothing the
/// partner sent.
public struct X12UnmappedSegment: Sendable, Hashable {
    /// The segment's values.
    public var segment: X12Segment
    /// Where in its scope's table it was read (the segments of an unknown loop share their first
    /// segment's place), so it is written back at the same place.
    public var tablePosition: Int
    /// Where it was read.
    public var origin: X12Origin

    /// Keeps a segment at a table position.
    public init(_ segment: X12Segment, tablePosition: Int, origin: X12Origin = X12Origin()) {
        self.segment = segment
        self.tablePosition = tablePosition
        self.origin = origin
    }

    /// Keeps a node and everything it holds at the node's rank.
    static func keeping(_ node: X12Node) -> [X12UnmappedSegment] {
        node.flattened.map { X12UnmappedSegment(X12Segment($0), tablePosition: node.rank, origin: X12Origin($0.position)) }
    }

    /// Keeps a node and everything it holds at a rank of the writing scope's table.
    static func keeping(_ node: X12Node, at rank: Int) -> [X12UnmappedSegment] {
        node.flattened.map { X12UnmappedSegment(X12Segment($0), tablePosition: rank, origin: X12Origin($0.position)) }
    }

    /// Keeps a node's children (the loop's head was named, its body was not).
    static func keeping(childrenOf nodes: [X12Node]) -> [X12UnmappedSegment] {
        nodes.flatMap(keeping)
    }
}
