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
/// allocates nothing but the values it decodes.
struct SegmentFields {
    let segment: Segment
    /// The non-empty components of each element's first repetition, as byte ranges, in order:
    /// the first `partCount` (the buffer is lent from segment to segment and only grows).
    private var parts: [Part]
    private var partCount = 0
    /// Whether any byte of a value is above ASCII (values then go through the decoder).
    private var hasNonASCII = false

    /// A non-empty component: its position packed as `element << 32 | component`, with
    /// ``takenFlag`` set once a field read it, and its byte range in the segment.
    struct Part {
        var key: UInt64
        var start: Int32
        var end: Int32

        var element: Int { Int((key & ~SegmentFields.takenFlag) >> 32) }
        var component: Int { Int(key & 0xFFFF_FFFF) }
    }

    /// Marks a part as read. Positions beyond 15 are never named by a model, so they are never
    /// marked and always left over.
    static let takenFlag: UInt64 = 1 << 63

    /// Reads a segment.
    init(_ segment: Segment) {
        var parts: [Part] = []
        self.init(segment, reusing: &parts)
    }

    /// Reads a segment into `parts`, taken over (its content replaced, its capacity kept);
    /// ``giveBack(_:)`` returns it for the next segment.
    init(_ segment: Segment, reusing parts: inout [Part]) {
        self.segment = segment
        self.parts = []
        swap(&self.parts, &parts)
        let bytes = segment.bytes
        guard let base = bytes.baseAddress else { return }
        let component = segment.delimiters.component
        // Bytes compared as 16 bits, so "no repetition separator" / "no release" match no byte.
        let repetition = segment.delimiters.repetition.map(UInt16.init) ?? 0x100
        let release = segment.hasReleaseCharacters ? segment.delimiters.release.map(UInt16.init) ?? 0x100 : 0x100
        var high: UInt8 = 0
        for index in 0..<segment.elementCount {
            let element = segment.element(index + 1)
            let number = UInt64(index + 1)
            let end = element.offsetInSegment + element.bytes.count
            var current: UInt64 = 1
            var partStart = element.offsetInSegment
            var i = partStart
            var repeated = false
            while i < end {
                let byte = base.load(fromByteOffset: i, as: UInt8.self)
                high |= byte
                if UInt16(byte) == release {
                    if i + 1 < end { high |= base.load(fromByteOffset: i + 1, as: UInt8.self) }
                    i += 2
                    continue
                }
                if byte == component || UInt16(byte) == repetition {
                    if partStart < i { add(Part(key: number << 32 | current, start: Int32(partStart), end: Int32(i))) }
                    if UInt16(byte) == repetition {
                        repeated = true
                        break
                    }
                    current += 1
                    partStart = i + 1
                }
                i += 1
            }
            if !repeated, partStart < end { add(Part(key: number << 32 | current, start: Int32(partStart), end: Int32(end))) }
        }
        hasNonASCII = high >= 0x80
    }

    private mutating func add(_ part: Part) {
        if partCount < parts.count { parts[partCount] = part } else { parts.append(part) }
        partCount += 1
    }

    /// Hands the parts buffer back (see ``init(_:reusing:)``).
    mutating func giveBack(_ parts: inout [Part]) {
        swap(&self.parts, &parts)
    }

    /// The segment tag.
    var tag: SegmentTag { segment.tag }

    /// A value, nil when absent or empty; marks it as read.
    mutating func take(_ element: Int, _ component: Int = 1) -> String? {
        guard element >= 1, component >= 1 else { return nil }
        let key = UInt64(element) << 32 | UInt64(component)
        for index in 0..<partCount where parts[index].key & ~Self.takenFlag == key {
            if element < 16, component < 16 { parts[index].key |= Self.takenFlag }
            return Self.decode(parts[index], of: segment, nonASCII: hasNonASCII)
        }
        return nil
    }

    private static func decode(_ part: Part, of segment: Segment, nonASCII: Bool) -> String {
        guard segment.hasReleaseCharacters else {
            let slice = UnsafeRawBufferPointer(rebasing: segment.bytes[Int(part.start)..<Int(part.end)])
            return nonASCII ? CharacterEncoding.utf8.decode(slice) : String(decoding: slice, as: UTF8.self)
        }
        // Release characters removed by the element view.
        let element = segment.element(part.element)
        return element.slice(Int(part.start) - element.offsetInSegment, Int(part.end) - element.offsetInSegment).string
    }

    /// Every non-empty value no field read.
    var leftovers: [EDIFACTComponentValue] {
        var result: [EDIFACTComponentValue] = []
        for part in parts[..<partCount] where part.key & Self.takenFlag == 0 {
            result.append(EDIFACTComponentValue(element: part.element, component: part.component,
                                                value: Self.decode(part, of: segment, nonASCII: hasNonASCII)))
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
struct SegmentFieldsReader {
    private var parts: [SegmentFields.Part] = []

    init() {
        parts.reserveCapacity(32)
    }

    mutating func read(_ segment: OwnedSegment, _ body: (inout SegmentFields) -> Void) {
        segment.withSegment { view in
            var fields = SegmentFields(view, reusing: &parts)
            body(&fields)
            fields.giveBack(&parts)
        }
    }
}

extension OwnedSegment {
    /// Reads the segment's values through ``SegmentFields``, without copying its bytes.
    func withFields<R>(_ body: (inout SegmentFields) throws -> R) rethrows -> R {
        try withSegment { segment in
            var fields = SegmentFields(segment)
            return try body(&fields)
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
