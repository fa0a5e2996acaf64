import Foundation
public import EDICore

/// A component value a typed model does not name, kept so the segment is written back whole.
public struct EDIFACTComponentValue: Sendable, Hashable {
    /// Element position (1-based, after the tag).
    public var element: Int
    /// Component position within the element (1-based; 1 for a simple element).
    public var component: Int
    /// The value as sent (release characters removed).
    public var value: String

    /// Creates a kept value.
    public init(element: Int, component: Int, value: String) {
        self.element = element
        self.component = component
        self.value = value
    }
}

/// A segment the typed model does not name, kept with the named segment it followed so it is
/// written back in the same place.
public struct EDIFACTUnmappedSegment: Sendable, Hashable {
    /// The segment's values.
    public var segment: OutgoingSegment
    /// The tag of the segment (or segment group) it followed in its group; nil at the group's start.
    public var follows: String?
    /// Where it was read.
    public var source: EDIFACTSourcePosition

    /// Keeps a segment.
    public init(segment: OutgoingSegment, follows: String?, source: EDIFACTSourcePosition = .init()) {
        self.segment = segment
        self.follows = follows
        self.source = source
    }

    /// The segment tag.
    public var tag: String { segment.tag }
}

/// The values of one segment, read field by field and decoded only when asked for; what no field
/// asks for is left over (``leftovers``) so the typed value can keep it.
///
/// A view of the segment's bytes: it lives inside ``OwnedSegment/withFields(_:)`` (or
/// ``SegmentFieldsReader``, which lends the same parts buffer to every segment of a message) and
/// allocates nothing but the values it decodes. It holds no reference, so passing it around
/// costs no retain or release.
struct SegmentFields {
    let segment: Segment
    /// The non-empty components of each element's first repetition, as byte ranges, in order
    /// (lent by the caller, at least ``partLimit(_:)`` long).
    private let parts: UnsafeMutablePointer<Part>
    private var partCount = 0
    /// How many parts a field has read (``leftovers`` is empty when all were).
    private var takenCount = 0
    /// Where the next search starts: fields mostly ask for positions in order, so a search
    /// resumes after the part the last one stopped at.
    private var cursor = 0
    /// Whether any byte of a value is above ASCII (values then go through the decoder).
    private var hasNonASCII = false

    /// A non-empty component: its position packed as `element << 32 | component`, with
    /// ``takenFlag`` set once a field read it and ``releaseFlag`` when its bytes hold a release
    /// character, and its byte range in the segment.
    struct Part {
        var key: UInt64
        var start: Int32
        var end: Int32

        var element: Int { Int((key & SegmentFields.positionMask) >> 32) }
        var component: Int { Int(key & 0xFFFF_FFFF) }
    }

    /// Marks a part as read. Positions beyond 15 are never named by a model, so they are never
    /// marked and always left over.
    static let takenFlag: UInt64 = 1 << 63
    /// Marks a part whose bytes hold a release character (decoded through unescaping).
    static let releaseFlag: UInt64 = 1 << 62
    /// The position bits of a part's key.
    static let positionMask: UInt64 = ~(takenFlag | releaseFlag)

    /// The most parts a segment can have: each is at least one byte, with a separator between two.
    static func partLimit(_ segment: Segment) -> Int { segment.bytes.count / 2 + 1 }

    /// Reads a segment into `parts`, which holds at least ``partLimit(_:)`` parts and outlives the
    /// fields.
    init(_ segment: Segment, parts: UnsafeMutablePointer<Part>) {
        self.segment = segment
        self.parts = parts
        let bytes = segment.bytes
        guard let base = bytes.baseAddress else { return }
        let component = segment.delimiters.component
        // Bytes compared as 16 bits, so "no repetition separator" / "no release" match no byte.
        let repetition = segment.delimiters.repetition.map(UInt16.init) ?? 0x100
        let release = segment.hasReleaseCharacters ? segment.delimiters.release.map(UInt16.init) ?? 0x100 : 0x100
        var high: UInt8 = 0
        var count = 0
        for index in 0..<segment.elementCount {
            let element = segment.element(index + 1)
            let number = UInt64(index + 1)
            let end = element.offsetInSegment + element.bytes.count
            var current: UInt64 = 1
            var partStart = element.offsetInSegment
            var released: UInt64 = 0
            var i = partStart
            var repeated = false
            while i < end {
                let byte = base.load(fromByteOffset: i, as: UInt8.self)
                high |= byte
                if UInt16(byte) == release {
                    if i + 1 < end { high |= base.load(fromByteOffset: i + 1, as: UInt8.self) }
                    released = Self.releaseFlag
                    i += 2
                    continue
                }
                if byte == component || UInt16(byte) == repetition {
                    if partStart < i {
                        parts[count] = Part(key: number << 32 | current | released, start: Int32(partStart), end: Int32(i))
                        count += 1
                    }
                    if UInt16(byte) == repetition {
                        repeated = true
                        break
                    }
                    current += 1
                    partStart = i + 1
                    released = 0
                }
                i += 1
            }
            if !repeated, partStart < end {
                parts[count] = Part(key: number << 32 | current | released, start: Int32(partStart), end: Int32(end))
                count += 1
            }
        }
        partCount = count
        hasNonASCII = high >= 0x80
    }

    /// Reads a segment with parts from `buffer` when it is long enough, else from a temporary one.
    static func read<R>(_ segment: Segment, buffer: UnsafeMutableBufferPointer<Part>,
                        _ body: (inout SegmentFields) throws -> R) rethrows -> R {
        let limit = partLimit(segment)
        if limit <= buffer.count, let base = buffer.baseAddress {
            var fields = SegmentFields(segment, parts: base)
            return try body(&fields)
        }
        return try withUnsafeTemporaryAllocation(of: Part.self, capacity: limit) { temporary in
            var fields = SegmentFields(segment, parts: temporary.baseAddress!)
            return try body(&fields)
        }
    }

    /// The segment tag.
    var tag: SegmentTag { segment.tag }

    /// Whether the element has a value in one of its first `components` components.
    func has(_ element: Int, components: Int) -> Bool {
        var index = 0
        while index < partCount {
            let part = parts[index]
            if part.element == element, part.component <= components { return true }
            if part.element > element { return false }
            index += 1
        }
        return false
    }

    /// A value, nil when absent or empty; marks it as read.
    mutating func take(_ element: Int, _ component: Int = 1) -> String? {
        guard element >= 1, component >= 1 else { return nil }
        let key = UInt64(element) << 32 | UInt64(component)
        // Parts are in position order: the search starts at the cursor when the part before it
        // is before the position, and stops at the first part past the position.
        var index = cursor
        if index > 0, parts[index - 1].key & Self.positionMask >= key { index = 0 }
        while index < partCount {
            let partKey = parts[index].key
            let position = partKey & Self.positionMask
            if position == key {
                if element < 16, component < 16, partKey & Self.takenFlag == 0 {
                    parts[index].key = partKey | Self.takenFlag
                    takenCount += 1
                }
                cursor = index + 1
                return Self.decode(parts[index], in: segment, nonASCII: hasNonASCII)
            }
            if position > key { break }
            index += 1
        }
        cursor = index
        return nil
    }

    /// A part's value: its bytes as text, release characters removed.
    private static func decode(_ part: Part, in segment: Segment, nonASCII hasNonASCII: Bool) -> String {
        let slice = UnsafeRawBufferPointer(start: segment.bytes.baseAddress! + Int(part.start), count: Int(part.end - part.start))
        if part.key & Self.releaseFlag == 0 {
            return hasNonASCII ? CharacterEncoding.utf8.decode(slice) : String(decoding: slice, as: UTF8.self)
        }
        let release = segment.delimiters.release ?? 0
        guard !hasNonASCII else {
            return ElementView.unescaped(slice, release: release).withUnsafeBytes { CharacterEncoding.utf8.decode($0) }
        }
        // ASCII: unescaped straight into the string's storage.
        return String(unsafeUninitializedCapacity: slice.count) { out in
            var written = 0
            var i = 0
            while i < slice.count {
                if slice[i] == release, i + 1 < slice.count { i += 1 }
                out[written] = slice[i]
                written += 1
                i += 1
            }
            return written
        }
    }

    /// Every non-empty value no field read.
    var leftovers: [EDIFACTComponentValue] {
        guard takenCount < partCount else { return [] }
        var result: [EDIFACTComponentValue] = []
        for index in 0..<partCount where parts[index].key & Self.takenFlag == 0 {
            let part = parts[index]
            result.append(EDIFACTComponentValue(element: part.element, component: part.component,
                                                value: Self.decode(part, in: segment, nonASCII: hasNonASCII)))
        }
        return result
    }

    /// Where the segment was read.
    var source: EDIFACTSourcePosition { EDIFACTSourcePosition(segment) }

    /// The whole segment as values, for keeping it unmapped.
    var outgoing: OutgoingSegment { OutgoingSegment(segment) }
}

/// Reads the segments of a message one after the other through ``SegmentFields`` with one parts
/// buffer for all of them (no allocation per segment).
struct SegmentFieldsReader: ~Copyable {
    private let parts: UnsafeMutableBufferPointer<SegmentFields.Part>

    init() {
        parts = .allocate(capacity: 64)
    }

    deinit {
        parts.deallocate()
    }

    func read(_ segment: OwnedSegment, _ body: (inout SegmentFields) -> Void) {
        segment.withSegment { view in SegmentFields.read(view, buffer: parts, body) }
    }
}

extension OwnedSegment {
    /// Reads the segment's values through ``SegmentFields``, without copying its bytes.
    func withFields<R>(_ body: (inout SegmentFields) throws -> R) rethrows -> R {
        try withSegment { segment in
            try SegmentFields.read(segment, buffer: UnsafeMutableBufferPointer(start: nil, count: 0), body)
        }
    }
}

/// Builds an outgoing segment by element and component position; empty trailing components and
/// elements are dropped, as generators must.
struct SegmentBuilder {
    let tag: String
    private var values: [[String]] = []

    init(_ tag: String) {
        self.tag = tag
    }

    mutating func set(_ element: Int, _ component: Int = 1, _ value: String?) {
        guard let value, !value.isEmpty else { return }
        while values.count < element { values.append([]) }
        while values[element - 1].count < component { values[element - 1].append("") }
        values[element - 1][component - 1] = value
    }

    mutating func set(_ others: [EDIFACTComponentValue]) {
        for value in others { set(value.element, value.component, value.value) }
    }

    var segment: OutgoingSegment {
        var elements = values.map { components -> [[String]] in
            var trimmed = components
            while trimmed.last?.isEmpty == true { trimmed.removeLast() }
            return [trimmed.isEmpty ? [""] : trimmed]
        }
        while let last = elements.last, last == [[""]] { elements.removeLast() }
        return OutgoingSegment(tag, elements: elements)
    }
}

/// Blocks of outgoing segments, each under the tag that starts it, so kept segments can be put
/// back after the block they followed.
struct BlockList {
    private(set) var blocks: [(tag: String, segments: [OutgoingSegment])] = []

    mutating func add(_ tag: String, _ segments: [OutgoingSegment]) {
        guard !segments.isEmpty else { return }
        blocks.append((tag, segments))
    }

    mutating func add(_ segment: OutgoingSegment) {
        blocks.append((segment.tag, [segment]))
    }

    /// Puts kept segments back: each after the last block of the tag it followed (after the
    /// first block when it followed nothing known), in order.
    mutating func insert(_ kept: [EDIFACTUnmappedSegment]) {
        for segment in kept {
            let index: Int
            if let follows = segment.follows, let last = blocks.lastIndex(where: { $0.tag == follows }) {
                index = last + 1
            } else {
                index = blocks.isEmpty ? 0 : (segment.follows == nil ? 1 : blocks.count)
            }
            blocks.insert((segment.tag, [segment.segment]), at: min(index, blocks.count))
        }
    }

    var segments: [OutgoingSegment] { blocks.flatMap(\.segments) }
}

/// Reads decimal values of EDIFACT numeric data elements: a point or comma as decimal mark,
/// an optional leading minus sign.
public enum EDIFACTNumber {
    /// A decimal from EDIFACT numeric text without going through `String` parsing: digits with
    /// one optional decimal mark (point or comma) and a leading minus; nil for anything else.
    static func fastDecimal(_ text: String) -> Decimal? {
        var text = text
        return text.withUTF8 { bytes -> Decimal? in
            var significand: UInt64 = 0
            var scale = 0
            var digits = 0
            var sawMark = false
            var negative = false
            for index in bytes.indices {
                let byte = bytes[index]
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"):
                    guard digits < 18 else { return nil }
                    significand = significand * 10 + UInt64(byte - UInt8(ascii: "0"))
                    digits += 1
                    if sawMark { scale += 1 }
                case UInt8(ascii: "."), UInt8(ascii: ","):
                    guard !sawMark else { return nil }
                    sawMark = true
                case UInt8(ascii: "-") where index == 0:
                    negative = true
                default:
                    return nil
                }
            }
            guard digits > 0 else { return nil }
            return Decimal(sign: negative ? .minus : .plus, exponent: -scale, significand: Decimal(significand))
        }
    }

    /// The value as a canonical decimal text (`"1368.00"`, `"-2.5"`), or nil when not a number.
    static func canonical(_ text: String) -> String? {
        var digits = ""
        var sawMark = false
        var sawDigit = false
        for (index, character) in text.enumerated() {
            switch character {
            case "0"..."9":
                digits.append(character)
                sawDigit = true
            case ".", ",":
                guard !sawMark else { return nil }
                sawMark = true
                digits.append(".")
            case "-" where index == 0:
                digits.append("-")
            default:
                return nil
            }
        }
        return sawDigit ? digits : nil
    }
}
