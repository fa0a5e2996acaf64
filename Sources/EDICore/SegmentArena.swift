/// Segments copied end to end into one buffer, so a run of them (a batch of transactions) can be
/// handed to another thread and read back there as ``Segment`` views with the same bytes, element
/// separators, delimiters and positions (byte offset, line, column, segment indexes) as when the
/// tokenizer read them.
///
/// ```swift
/// var arena = SegmentArena()
/// arena.append(segment)                   // on the reading thread, while the view is valid
/// arena.forEachSegment(in: 0..<arena.count) { segment in … }   // anywhere, later
/// ```
public struct SegmentArena: Sendable {
    /// Where one segment's bytes and separator offsets are, and what its view needs besides.
    @usableFromInline
    struct Entry: Sendable {
        @usableFromInline var byteStart: Int
        @usableFromInline var byteCount: Int32
        @usableFromInline var markCount: Int32
        @usableFromInline var markStart: Int
        @usableFromInline var tag: SegmentTag
        @usableFromInline var syntax: EDISyntax
        @usableFromInline var hasReleaseCharacters: Bool
        @usableFromInline var delimiters: Delimiters
        @usableFromInline var location: SegmentLocation
        @usableFromInline var interchangeIndex: Int

        @usableFromInline
        init(_ segment: Segment, byteStart: Int, markStart: Int) {
            self.byteStart = byteStart
            byteCount = Int32(truncatingIfNeeded: segment.bytes.count)
            markCount = Int32(truncatingIfNeeded: segment.markCount)
            self.markStart = markStart
            tag = segment.tag
            syntax = segment.syntax
            hasReleaseCharacters = segment.hasReleaseCharacters
            delimiters = segment.delimiters
            location = segment.location
            interchangeIndex = segment.interchangeIndex
        }
    }

    /// The segments' bytes end to end; only the first `usedBytes` are segments (the array is kept
    /// larger than needed so a segment is copied in with one `memcpy`, not appended byte by byte).
    @usableFromInline var bytes: [UInt8] = []
    @usableFromInline var usedBytes = 0
    /// The segments' element separator offsets end to end; the first `usedMarks` are used.
    @usableFromInline var marks: [Int32] = []
    @usableFromInline var usedMarks = 0
    @usableFromInline var entries: [Entry] = []

    /// An empty arena with room for about `byteCapacity` bytes of segments.
    public init(byteCapacity: Int = 0) {
        bytes = Array(repeating: 0, count: byteCapacity)
        marks = Array(repeating: 0, count: byteCapacity / 4)
        entries.reserveCapacity(byteCapacity / 32)
    }

    /// The number of segments held.
    @inlinable
    public var count: Int { entries.count }

    /// The bytes of the segments held (terminators excluded).
    @inlinable
    public var byteCount: Int { usedBytes }

    /// Copies a segment in; it is segment number ``count`` − 1 afterwards.
    @inlinable
    public mutating func append(_ segment: Segment) {
        let byteCount = segment.bytes.count, markCount = segment.markCount
        entries.append(Entry(segment, byteStart: usedBytes, markStart: usedMarks))
        if usedBytes + byteCount > bytes.count { Self.grow(&bytes, to: usedBytes + byteCount) }
        if usedMarks + markCount > marks.count { Self.grow(&marks, to: usedMarks + markCount) }
        let start = usedBytes, markStart = usedMarks
        bytes.withUnsafeMutableBytes { target in
            if let source = segment.bytes.baseAddress { (target.baseAddress! + start).copyMemory(from: source, byteCount: byteCount) }
        }
        marks.withUnsafeMutableBufferPointer { target in
            (target.baseAddress! + markStart).update(from: segment.marks, count: markCount)
        }
        usedBytes += byteCount
        usedMarks += markCount
    }

    @usableFromInline
    static func grow<Element: FixedWidthInteger>(_ storage: inout [Element], to needed: Int) {
        storage.append(contentsOf: repeatElement(0, count: max(needed, 2 * storage.count, 1024) - storage.count))
    }

    /// Empties the arena, keeping its memory for the next run.
    public mutating func removeAll() {
        usedBytes = 0
        usedMarks = 0
        entries.removeAll(keepingCapacity: true)
    }

    /// Drops segment `index` and every later one.
    public mutating func removeSegments(from index: Int) {
        guard index < entries.count else { return }
        usedBytes = entries[index].byteStart
        usedMarks = entries[index].markStart
        entries.removeSubrange(index...)
    }

    /// Calls `body` with a view of each segment in `range` (indexes in append order); a view is valid
    /// only during its call, as the tokenizer's are until its next event.
    @inlinable
    public func forEachSegment(in range: Range<Int>, _ body: (Segment) throws -> Void) rethrows {
        try bytes.withUnsafeBytes { raw in
            try marks.withUnsafeBufferPointer { allMarks in
                for index in range { try body(Self.view(of: entries[index], in: raw, marks: allMarks)) }
            }
        }
    }

    /// Calls `body` with a view of segment `index`, valid only during the call.
    @inlinable
    public func withSegment<R>(at index: Int, _ body: (Segment) throws -> R) rethrows -> R {
        try bytes.withUnsafeBytes { raw in
            try marks.withUnsafeBufferPointer { allMarks in
                try body(Self.view(of: entries[index], in: raw, marks: allMarks))
            }
        }
    }

    /// The view of one entry over the arena's bytes and separator offsets.
    @inlinable
    static func view(of entry: Entry, in raw: UnsafeRawBufferPointer, marks: UnsafeBufferPointer<Int32>) -> Segment {
        // An empty array may have no storage; a segment without separators reads no mark.
        let markBase = marks.baseAddress ?? UnsafePointer(bitPattern: 8)!
        let start = entry.byteStart
        return Segment(bytes: UnsafeRawBufferPointer(rebasing: raw[start..<start + Int(entry.byteCount)]),
                       marks: markBase + entry.markStart, markCount: Int(entry.markCount), tag: entry.tag,
                       syntax: entry.syntax, delimiters: entry.delimiters, location: entry.location,
                       interchangeIndex: entry.interchangeIndex, hasReleaseCharacters: entry.hasReleaseCharacters)
    }
}
