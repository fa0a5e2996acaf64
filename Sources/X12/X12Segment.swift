public import EDICore

/// The values of one segment a typed model holds: as read (the segment's bytes, decoded only when
/// a value is asked for, so reading a large transaction costs little) or as built or changed in
/// code. Two segments are equal when their values are, whatever delimiters they were read with.
public struct X12Segment: Sendable, Hashable, CustomStringConvertible {
    enum Storage: Sendable {
        case read(OwnedSegment)
        case built(OutgoingSegment)
    }

    var storage: Storage

    /// A segment as read.
    public init(_ segment: OwnedSegment) {
        storage = .read(segment)
    }

    /// A segment from its values.
    public init(_ segment: OutgoingSegment) {
        storage = .built(segment)
    }

    /// An empty segment with a tag, to fill element by element.
    public init(tag: String) {
        storage = .built(OutgoingSegment(tag, [String]()))
    }

    /// The segment tag.
    public var tag: String {
        switch storage {
        case .read(let segment): segment.tag.description
        case .built(let segment): segment.tag
        }
    }

    /// Where the segment was read (nil when built in code).
    public var position: EDIPosition? {
        if case .read(let segment) = storage { return segment.position }
        return nil
    }

    /// Where the segment was read, its position built only when asked for.
    var origin: X12Origin {
        if case .read(let segment) = storage { return X12Origin(segment) }
        return X12Origin()
    }

    /// The number of elements (trailing empty ones included as read).
    public var elementCount: Int {
        switch storage {
        case .read(let segment): segment.elementCount
        case .built(let segment): segment.elements.count
        }
    }

    /// The values, for writing.
    public var outgoing: OutgoingSegment {
        switch storage {
        case .read(let segment): OutgoingSegment(owned: segment)
        case .built(let segment): segment
        }
    }

    /// The values without empty elements at the end, as generators write them.
    public var trimmed: OutgoingSegment { outgoing.trimmed }

    /// The value of a simple element (1-based), nil when absent or empty; setting nil or an empty
    /// string empties it, and setting past the end pads with empty elements.
    public subscript(element position: Int) -> String? {
        get {
            switch storage {
            case .read(let segment): Self.value(of: segment, position)
            case .built(let segment): segment[element: position]
            }
        }
        set {
            var segment = outgoing
            segment[element: position] = newValue
            storage = .built(segment)
        }
    }

    /// A simple element's value straight from the bytes: plain ASCII (nearly every X12 value)
    /// without validation, anything else through the segment's own decoding.
    static func value(of segment: OwnedSegment, _ position: Int) -> String? {
        segment.withSegment { value(in: $0, position) }
    }

    static func value(in view: EDICore.Segment, _ position: Int) -> String? {
        let element = view.element(position)
        guard !element.isEmpty else { return nil }
        if !view.hasReleaseCharacters, !element.bytes.contains(where: { $0 >= 0x80 }) {
            return String(decoding: element.bytes, as: UTF8.self)
        }
        return element.string
    }

    /// The components of a composite element's first repetition (empty when absent or empty).
    public func components(ofElement position: Int) -> [String] {
        var components: [String]
        switch storage {
        case .read(let segment): components = position <= segment.elementCount ? segment.components(position) : []
        case .built(let segment): components = segment.components(ofElement: position)
        }
        while components.last?.isEmpty == true { components.removeLast() }
        return components
    }

    /// Sets a composite element's components.
    public mutating func setComponents(_ components: [String], ofElement position: Int) {
        var segment = outgoing
        segment.setComponents(components, ofElement: position)
        storage = .built(segment)
    }

    /// Drops the elements from a position on.
    mutating func removeElements(from position: Int) {
        var segment = outgoing
        if segment.elements.count >= position { segment.elements.removeSubrange((position - 1)...) }
        storage = .built(segment)
    }

    public static func == (lhs: X12Segment, rhs: X12Segment) -> Bool {
        lhs.trimmed == rhs.trimmed
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(trimmed)
    }

    public var description: String {
        trimmed.elements.reduce(tag) { text, element in
            text + "*" + element.map { $0.joined(separator: ">") }.joined(separator: "^")
        }
    }
}
