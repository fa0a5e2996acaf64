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
struct SegmentFields {
    let tag: String
    let position: EDIPosition
    let owned: OwnedSegment
    /// The non-empty components of each element's first repetition, as byte ranges, in order.
    private var parts: [Part] = []
    /// Bit `element * 16 + component` is set once read. Positions beyond 15 are never named by a
    /// model, so they are always left over.
    private var taken: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

    private struct Part {
        var element: Int32
        var component: Int32
        var start: Int32
        var end: Int32
    }

    init(_ segment: OwnedSegment) {
        owned = segment
        tag = segment.tag.description
        position = segment.position
        let bytes = segment.bytes
        let marks = segment.elementSeparatorOffsets
        let delimiters = segment.delimiters
        let release = segment.hasReleaseCharacters ? delimiters.release : nil
        // Each part is at least one byte and a delimiter: room for all of them, never a regrowth.
        parts.reserveCapacity(bytes.count / 2 + 1)
        for e in 0..<marks.count {
            let end = e + 1 < marks.count ? Int(marks[e + 1]) : bytes.count
            var component: Int32 = 1
            var partStart = Int(marks[e]) + 1
            var i = partStart
            var repeated = false
            while i < end {
                let byte = bytes[i]
                if byte == release {
                    i += 2
                    continue
                }
                if byte == delimiters.component || byte == delimiters.repetition {
                    if partStart < i { parts.append(Part(element: Int32(e + 1), component: component, start: Int32(partStart), end: Int32(i))) }
                    if byte == delimiters.repetition {
                        repeated = true
                        break
                    }
                    component += 1
                    partStart = i + 1
                }
                i += 1
            }
            if !repeated, partStart < end {
                parts.append(Part(element: Int32(e + 1), component: component, start: Int32(partStart), end: Int32(end)))
            }
        }
    }

    private func isTaken(_ element: Int, _ component: Int) -> Bool {
        guard element < 16, component < 16 else { return false }
        let bit = element * 16 + component
        let mask = UInt64(1) << UInt64(bit % 64)
        switch bit / 64 {
        case 0: return taken.0 & mask != 0
        case 1: return taken.1 & mask != 0
        case 2: return taken.2 & mask != 0
        default: return taken.3 & mask != 0
        }
    }

    /// A value, nil when absent or empty; marks it as read.
    mutating func take(_ element: Int, _ component: Int = 1) -> String? {
        if element < 16, component < 16 {
            let bit = element * 16 + component
            let mask = UInt64(1) << UInt64(bit % 64)
            switch bit / 64 {
            case 0: taken.0 |= mask
            case 1: taken.1 |= mask
            case 2: taken.2 |= mask
            default: taken.3 |= mask
            }
        }
        for part in parts where part.element == element && part.component == component {
            return decode(part)
        }
        return nil
    }

    private func decode(_ part: Part) -> String {
        owned.bytes.withUnsafeBytes { raw in
            let slice = UnsafeRawBufferPointer(rebasing: raw[Int(part.start)..<Int(part.end)])
            guard owned.hasReleaseCharacters, let release = owned.delimiters.release, slice.contains(release) else {
                return CharacterEncoding.utf8.decode(slice)
            }
            var unescaped: [UInt8] = []
            unescaped.reserveCapacity(slice.count)
            var i = 0
            while i < slice.count {
                if slice[i] == release, i + 1 < slice.count { i += 1 }
                unescaped.append(slice[i])
                i += 1
            }
            return unescaped.withUnsafeBytes { CharacterEncoding.utf8.decode($0) }
        }
    }

    /// Every non-empty value no field read.
    var leftovers: [EDIFACTComponentValue] {
        var result: [EDIFACTComponentValue] = []
        for part in parts where !isTaken(Int(part.element), Int(part.component)) {
            result.append(EDIFACTComponentValue(element: Int(part.element), component: Int(part.component), value: decode(part)))
        }
        return result
    }

    var source: EDIFACTSourcePosition { EDIFACTSourcePosition(position) }

    /// The whole segment as values, for keeping it unmapped.
    var outgoing: OutgoingSegment { owned.withSegment { OutgoingSegment($0) } }
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
enum EDIFACTNumber {
    /// A decimal from EDIFACT numeric text without going through `String` parsing: digits with
    /// one optional decimal mark (point or comma) and a leading minus; nil for anything else.
    static func fastDecimal(_ text: String) -> Decimal? {
        var significand: UInt64 = 0
        var scale = 0
        var digits = 0
        var sawMark = false
        var negative = false
        for (index, byte) in text.utf8.enumerated() {
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
