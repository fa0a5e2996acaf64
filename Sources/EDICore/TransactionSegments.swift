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

    /// Calls `body` with a view of each segment in turn, header to trailer, valid only during the call.
    @inlinable
    public func forEachSegment(_ body: (Segment) throws -> Void) rethrows {
        guard let store else { return }
        try store.arena.forEachSegment(in: 0..<store.arena.count, body)
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

extension TransactionSegments {
    /// Calls `body` with the segments read through pointers into the store: views made without any
    /// reference counting (each ``withSegment(at:_:)`` of the store itself keeps its arrays alive
    /// for the call, a retain and a release each time). The argument is valid only during the call.
    @inlinable
    public func withUnsafeSegments<R>(_ body: (UnsafeTransactionSegments) throws -> R) rethrows -> R {
        guard let store else { return try body(UnsafeTransactionSegments()) }
        return try store.arena.bytes.withUnsafeBytes { bytes in
            try store.arena.marks.withUnsafeBufferPointer { marks in
                try store.arena.entries.withUnsafeBufferPointer { entries in
                    try body(UnsafeTransactionSegments(bytes: bytes, marks: marks, entries: entries))
                }
            }
        }
    }
}

/// A transaction's segments read in place, valid only inside
/// ``TransactionSegments/withUnsafeSegments(_:)``: the same views as ``TransactionSegments``'s.
public struct UnsafeTransactionSegments {
    @usableFromInline let bytes: UnsafeRawBufferPointer
    @usableFromInline let marks: UnsafeBufferPointer<Int32>
    @usableFromInline let entries: UnsafeBufferPointer<SegmentArena.Entry>

    @inlinable
    init(bytes: UnsafeRawBufferPointer = UnsafeRawBufferPointer(start: nil, count: 0),
         marks: UnsafeBufferPointer<Int32> = UnsafeBufferPointer(start: nil, count: 0),
         entries: UnsafeBufferPointer<SegmentArena.Entry> = UnsafeBufferPointer(start: nil, count: 0)) {
        self.bytes = bytes
        self.marks = marks
        self.entries = entries
    }

    /// The number of segments.
    @inlinable public var count: Int { entries.count }

    /// Calls `body` with a view of segment `position`, valid only during the call.
    @inlinable
    public func withSegment<R>(at position: Int, _ body: (Segment) throws -> R) rethrows -> R {
        try body(SegmentArena.view(of: entries[position], in: bytes, marks: marks))
    }

    /// The tag of segment `position`.
    @inlinable
    public func tag(at position: Int) -> SegmentTag { entries[position].tag }

    /// Whether the values of segment `position` need unescaping.
    @inlinable
    public func hasReleaseCharacters(at position: Int) -> Bool { entries[position].hasReleaseCharacters }
}
