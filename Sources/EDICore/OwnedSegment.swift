/// A segment that owns its bytes: what a collected transaction keeps (``SegmentArena/ownedSegments(in:)``).
///
/// A handle on a segment in a store shared with the segments it was kept with: keeping a whole
/// transaction's segments costs a few allocations, not two per segment, and copying one costs a
/// single retain. Its values are read through a ``Segment`` view (``withSegment(_:)``), as the
/// tokenizer's are.
public struct OwnedSegment: Sendable, Hashable {
    @usableFromInline let store: SegmentStore
    @usableFromInline let index: Int

    @usableFromInline
    init(store: SegmentStore, index: Int) {
        self.store = store
        self.index = index
    }

    /// Copies a segment view into a store of its own.
    public init(_ segment: Segment) {
        self.init(store: SegmentStore(SegmentArena(copying: segment)), index: 0)
    }

    /// The segment's bytes, tag to terminator (excluded).
    @inlinable
    public var bytes: Buffer<UInt8> {
        Buffer(store.arena.bytes, start: store.arena.entries[index].byteStart, count: Int(store.arena.entries[index].byteCount))
    }

    /// Offsets of the element separators within ``bytes``.
    @inlinable
    public var elementSeparatorOffsets: Buffer<Int32> {
        Buffer(store.arena.marks, start: store.arena.entries[index].markStart, count: Int(store.arena.entries[index].markCount))
    }

    /// The segment tag.
    @inlinable
    public var tag: SegmentTag { store.arena.entries[index].tag }

    /// The syntax of its interchange.
    @inlinable
    public var syntax: EDISyntax { store.arena.entries[index].syntax }

    /// The delimiters of its interchange.
    @inlinable
    public var delimiters: Delimiters { store.arena.entries[index].delimiters }

    /// Where it starts.
    @inlinable
    public var position: EDIPosition {
        store.arena.entries[index].location.position(tag: store.arena.entries[index].tag)
    }

    /// Whether values need unescaping.
    @inlinable
    public var hasReleaseCharacters: Bool { store.arena.entries[index].hasReleaseCharacters }

    /// Reads the owned copy through a `Segment` view, valid only during the call.
    @inlinable
    public func withSegment<R>(_ body: (Segment) throws -> R) rethrows -> R {
        try store.arena.withSegment(at: index, body)
    }

    /// The number of elements after the tag.
    @inlinable
    public var elementCount: Int { Int(store.arena.entries[index].markCount) }

    /// The decoded value of an element (1-based), nil when absent or empty.
    public subscript(position: Int) -> String? {
        withSegment { $0[position] }
    }

    /// The decoded components of an element's first repetition.
    public func components(_ position: Int) -> [String] {
        withSegment { $0.element(position).components.map(\.string) }
    }

    /// Equal when bytes, separators, tag, syntax, delimiters, position and release flag are.
    public static func == (lhs: OwnedSegment, rhs: OwnedSegment) -> Bool {
        if lhs.store === rhs.store, lhs.index == rhs.index { return true }
        return lhs.tag == rhs.tag && lhs.syntax == rhs.syntax && lhs.delimiters == rhs.delimiters
            && lhs.hasReleaseCharacters == rhs.hasReleaseCharacters && lhs.position == rhs.position
            && lhs.bytes.elementsEqual(rhs.bytes) && lhs.elementSeparatorOffsets.elementsEqual(rhs.elementSeparatorOffsets)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(tag)
        hasher.combine(position)
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
    }
}

extension OwnedSegment {
    /// A read-only run of an owned segment's bytes or separator offsets, indexed from 0, sharing
    /// the store of the segment (no copy).
    public struct Buffer<Element: Sendable>: RandomAccessCollection, Sendable, CustomStringConvertible {
        @usableFromInline let base: [Element]
        @usableFromInline let start: Int
        /// The number of elements.
        public let count: Int

        @usableFromInline
        init(_ base: [Element], start: Int, count: Int) {
            self.base = base
            self.start = start
            self.count = count
        }

        @inlinable public var startIndex: Int { 0 }
        @inlinable public var endIndex: Int { count }

        @inlinable
        public subscript(position: Int) -> Element {
            precondition(position >= 0 && position < count, "index out of range")
            return base[start + position]
        }

        /// Calls `body` with the elements' memory, valid only during the call.
        @inlinable
        public func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<Element>) throws -> R) rethrows -> R {
            try base.withUnsafeBufferPointer { all in
                try body(UnsafeBufferPointer(rebasing: all[start..<start + count]))
            }
        }

        /// Calls `body` with the elements' bytes, valid only during the call.
        @inlinable
        public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
            try withUnsafeBufferPointer { try body(UnsafeRawBufferPointer($0)) }
        }

        @inlinable
        public func withContiguousStorageIfAvailable<R>(_ body: (UnsafeBufferPointer<Element>) throws -> R) rethrows -> R? {
            try withUnsafeBufferPointer(body)
        }

        /// Printed as an array.
        public var description: String { Array(self).description }
    }
}

/// The segments ``OwnedSegment``s share: a ``SegmentArena`` frozen with exactly their bytes,
/// separator offsets and entries. Immutable once built, so `Sendable` as it is.
@usableFromInline
final class SegmentStore: Sendable {
    @usableFromInline let arena: SegmentArena

    init(_ arena: SegmentArena) {
        self.arena = arena
    }
}

extension SegmentArena {
    /// The segments in `range` as owned segments sharing one store: their bytes, separator offsets
    /// and entries copied once, in a few allocations whatever the number of segments.
    public func ownedSegments(in range: Range<Int>) -> [OwnedSegment] {
        transactionSegments(in: range).owned
    }

    /// An arena of exactly the segments in `range` of another one, renumbered from 0.
    init(copying range: Range<Int>, of source: SegmentArena) {
        let first = source.entries[range.lowerBound], last = source.entries[range.upperBound - 1]
        let byteStart = first.byteStart, markStart = first.markStart
        bytes = Self.copy(source.bytes, byteStart..<last.byteStart + Int(last.byteCount))
        marks = Self.copy(source.marks, markStart..<last.markStart + Int(last.markCount))
        usedBytes = bytes.count
        usedMarks = marks.count
        entries = Array(source.entries[range])
        guard byteStart != 0 || markStart != 0 else { return }
        entries.withUnsafeMutableBufferPointer { moved in
            for index in moved.indices {
                moved[index].byteStart -= byteStart
                moved[index].markStart -= markStart
            }
        }
    }

    /// Part of an array copied with one `memcpy` (`Array(slice)` copied it element by element).
    static func copy<Element: FixedWidthInteger>(_ source: [Element], _ range: Range<Int>) -> [Element] {
        source.withUnsafeBufferPointer { all in
            Array(unsafeUninitializedCapacity: range.count) { target, count in
                if let base = all.baseAddress, !range.isEmpty {
                    target.baseAddress!.initialize(from: base + range.lowerBound, count: range.count)
                }
                count = range.count
            }
        }
    }

    /// An arena of exactly one segment.
    init(copying segment: Segment) {
        bytes = Array(segment.bytes)
        marks = Array(UnsafeBufferPointer(start: segment.marks, count: segment.markCount))
        usedBytes = bytes.count
        usedMarks = marks.count
        entries = [Entry(segment, byteStart: 0, markStart: 0)]
    }
}
