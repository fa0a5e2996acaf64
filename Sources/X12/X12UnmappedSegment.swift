import EDICore

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

    /// Keeps a node and everything it holds at a rank of the writing scope's table.
    static func keeping(_ node: X12Node, at rank: Int) -> [X12UnmappedSegment] {
        node.flattened.map { X12UnmappedSegment(X12Segment($0), tablePosition: rank, origin: X12Origin($0)) }
    }
}
