/// One segment as read: a view of byte ranges into the tokenizer's buffer.
///
/// A `Segment` is valid only until the tokenizer is asked for its next event; keep what you
/// need with ``OwnedSegment`` (``copy()``) or by decoding values. Elements are numbered from 1,
/// as in X12 (`BEG03`) and EDIFACT position order; the tag is element 0.
public struct Segment {
    /// The segment's bytes, from the tag up to (not including) the terminator.
    public let bytes: UnsafeRawBufferPointer
    @usableFromInline let marks: UnsafePointer<Int32>
    @usableFromInline let markCount: Int
    /// The segment tag (`BEG`, `UNH`).
    public let tag: SegmentTag
    /// Syntax of the interchange the segment belongs to.
    public let syntax: EDISyntax
    /// The delimiters in force for this segment.
    public let delimiters: Delimiters
    /// Where the segment starts, kept compact: the position is built only when asked for.
    public let location: SegmentLocation
    /// Which interchange of the stream it belongs to (1-based).
    public let interchangeIndex: Int
    /// Whether any element holds a release character (values need unescaping).
    public let hasReleaseCharacters: Bool

    @usableFromInline
    init(bytes: UnsafeRawBufferPointer, marks: UnsafePointer<Int32>, markCount: Int, tag: SegmentTag,
         syntax: EDISyntax, delimiters: Delimiters, position: EDIPosition, interchangeIndex: Int,
         hasReleaseCharacters: Bool) {
        self.init(bytes: bytes, marks: marks, markCount: markCount, tag: tag, syntax: syntax, delimiters: delimiters,
                  location: SegmentLocation(position), interchangeIndex: interchangeIndex,
                  hasReleaseCharacters: hasReleaseCharacters)
    }

    @usableFromInline
    init(bytes: UnsafeRawBufferPointer, marks: UnsafePointer<Int32>, markCount: Int, tag: SegmentTag,
         syntax: EDISyntax, delimiters: Delimiters, location: SegmentLocation, interchangeIndex: Int,
         hasReleaseCharacters: Bool) {
        self.bytes = bytes
        self.marks = marks
        self.markCount = markCount
        self.tag = tag
        self.syntax = syntax
        self.delimiters = delimiters
        self.location = location
        self.interchangeIndex = interchangeIndex
        self.hasReleaseCharacters = hasReleaseCharacters
    }

    /// Where the segment starts (line, column, byte offset, index in file and transaction, tag).
    public var position: EDIPosition {
        location.position(tag: tag)
    }

    /// Byte offset of the segment's first byte in the stream.
    @inlinable
    public var byteOffset: Int { location.byteOffset }

    /// The number of elements after the tag, trailing empty ones included.
    @inlinable
    public var elementCount: Int { markCount }

    /// The element at a 1-based position; an empty view when the segment has fewer elements.
    @inlinable
    public func element(_ position: Int) -> ElementView {
        guard position >= 1, position <= markCount else {
            return ElementView(bytes: UnsafeRawBufferPointer(rebasing: bytes[bytes.count...]), delimiters: delimiters,
                               offsetInSegment: bytes.count, hasRelease: false)
        }
        let start = Int(marks[position - 1]) + 1
        let end = position < markCount ? Int(marks[position]) : bytes.count
        return ElementView(bytes: UnsafeRawBufferPointer(rebasing: bytes[start..<end]), delimiters: delimiters,
                           offsetInSegment: start, hasRelease: hasReleaseCharacters)
    }

    /// Convenience: the decoded value of an element, nil when absent or empty.
    public subscript(position: Int) -> String? {
        let value = element(position)
        return value.isEmpty ? nil : value.string
    }

    /// The position of an element (line and column of its first byte).
    public func position(ofElement element: Int, component: Int? = nil, repetition: Int? = nil) -> EDIPosition {
        var result = position.at(element: element, component: component, repetition: repetition)
        if element >= 1, element <= markCount {
            let offset = Int(marks[element - 1]) + 1
            result.byteOffset += offset
            result.column += offset
        } else {
            result.byteOffset += bytes.count
            result.column += bytes.count
        }
        return result
    }

    /// A copy that owns its bytes, for keeping beyond the next tokenizer event.
    public func copy() -> OwnedSegment {
        OwnedSegment(self)
    }

    /// The raw bytes as a string (escapes kept), for messages and listings.
    public var rawText: String {
        String(decoding: bytes, as: UTF8.self)
    }
}

/// Where a segment starts, in a few words of memory (a segment view is copied per event).
public struct SegmentLocation: Sendable, Hashable {
    @usableFromInline var byteOffset: Int
    @usableFromInline var line: Int32
    @usableFromInline var column: Int32
    @usableFromInline var segmentIndex: Int32
    @usableFromInline var transactionIndex: Int32

    @usableFromInline
    init(byteOffset: Int, line: Int, column: Int, segmentIndex: Int, transactionIndex: Int) {
        self.byteOffset = byteOffset
        self.line = Int32(truncatingIfNeeded: line)
        self.column = Int32(truncatingIfNeeded: column)
        self.segmentIndex = Int32(truncatingIfNeeded: segmentIndex)
        self.transactionIndex = Int32(truncatingIfNeeded: transactionIndex)
    }

    init(_ position: EDIPosition) {
        self.init(byteOffset: position.byteOffset, line: position.line, column: position.column,
                  segmentIndex: position.segmentIndex, transactionIndex: position.segmentIndexInTransaction)
    }

    /// The full position, naming the segment's tag.
    @inlinable
    public func position(tag: SegmentTag) -> EDIPosition {
        EDIPosition(byteOffset: byteOffset, line: Int(line), column: Int(column), segmentIndex: Int(segmentIndex),
                    segmentIndexInTransaction: Int(transactionIndex), segmentTag: tag.description)
    }
}
