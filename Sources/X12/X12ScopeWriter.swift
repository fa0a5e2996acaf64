import EDICore

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
