/// A transaction's segments in one frozen store (``SegmentArena/transactionSegments(in:)``): handed
/// from the reading thread to a worker with one retain whatever their number, and read there as
/// ``OwnedSegment``s (each made when read) or as ``Segment`` views.
///
/// Memory is the transaction's bytes, separator offsets and one entry per segment; nothing else
/// per segment is allocated until ``owned`` is asked for.
public struct TransactionSegments: RandomAccessCollection, Sendable {
    /// The frozen segments; nil when there are none.
    @usableFromInline let store: SegmentStore?

    /// No segments.
    public init() {
        store = nil
    }

    @usableFromInline
    init(store: SegmentStore) {
        self.store = store
    }

    /// The segments of `segments`, in one store: theirs when they are exactly one store's segments
    /// in order, else a copy of them.
    public init(_ segments: [OwnedSegment]) {
        guard let first = segments.first else {
            self.init()
            return
        }
        let shared = first.store
        if shared.arena.count == segments.count,
           segments.indices.allSatisfy({ segments[$0].store === shared && segments[$0].index == $0 }) {
            self.init(store: shared)
            return
        }
        var arena = SegmentArena()
        for segment in segments { segment.withSegment { arena.append($0) } }
        self.init(store: SegmentStore(SegmentArena(copying: 0..<arena.count, of: arena)))
    }

    @inlinable public var startIndex: Int { 0 }
    @inlinable public var endIndex: Int { store?.arena.count ?? 0 }

    /// Segment `position` as an owned segment sharing the store.
    @inlinable
    public subscript(position: Int) -> OwnedSegment {
        precondition(position >= 0 && position < endIndex, "index out of range")
        return OwnedSegment(store: store!, index: position)
    }

    /// Calls `body` with a view of segment `position`, valid only during the call (no owned segment
    /// made, no retain).
    @inlinable
    public func withSegment<R>(at position: Int, _ body: (Segment) throws -> R) rethrows -> R {
        try store!.arena.withSegment(at: position, body)
    }

    /// The tag of segment `position`.
    @inlinable
    public func tag(at position: Int) -> SegmentTag { store!.arena.entries[position].tag }

    /// Whether the values of segment `position` need unescaping.
    @inlinable
    public func hasReleaseCharacters(at position: Int) -> Bool { store!.arena.entries[position].hasReleaseCharacters }

    /// The segments as an array of owned segments (one retain of the store each).
    public var owned: [OwnedSegment] {
        guard let store else { return [] }
        return Array(unsafeUninitializedCapacity: store.arena.count) { target, count in
            for index in 0..<store.arena.count { (target.baseAddress! + index).initialize(to: OwnedSegment(store: store, index: index)) }
            count = store.arena.count
        }
    }
}

extension SegmentArena {
    /// The segments in `range` frozen into one store, renumbered from 0: their bytes, separator
    /// offsets and entries copied once, in a few allocations whatever the number of segments.
    public func transactionSegments(in range: Range<Int>) -> TransactionSegments {
        guard !range.isEmpty else { return TransactionSegments() }
        return TransactionSegments(store: SegmentStore(SegmentArena(copying: range, of: self)))
    }
}
