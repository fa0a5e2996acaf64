public import EDICore

/// A message whose segments cannot form the typed model (no UNH, another message type, no BGM).
///
/// Carries the position of the segment at fault, printed like validation findings.
public struct EDIFACTModelError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong, in EDIFACT terms.
    public var message: String
    /// Where: the segment (and element) at fault.
    public var position: EDIPosition

    /// Creates an error.
    public init(_ message: String, at position: EDIPosition) {
        self.message = message
        self.position = position
    }

    public var description: String { "\(position): \(message)" }
}

/// Where a value was read: provenance, not content.
///
/// Two models read from different files (or written and read back) are equal when their
/// business content is, so this wrapper is always equal to any other and hashes to nothing.
public struct EDIFACTSourcePosition: Sendable, Hashable {
    /// Kept compact (a few words, no text): every typed value of a message carries one, and the
    /// full position is wanted only when a finding names it.
    private enum Storage: Sendable {
        case none
        case segment(SegmentLocation, SegmentTag)
        indirect case given(EDIPosition)
    }

    private var storage: Storage

    /// The segment's position in the stream; nil for a value built in memory.
    public var position: EDIPosition? {
        get {
            switch storage {
            case .none: return nil
            case let .segment(location, tag): return location.position(tag: tag)
            case let .given(position): return position
            }
        }
        set { storage = newValue.map { .given($0) } ?? .none }
    }

    /// The position narrowed to a data element and, in a composite, a component (both 1-based),
    /// numbered as validation findings number them: `QTY` C186 6060 is element 1, component 2;
    /// `LIN` 1082 is element 1 (no component). Built only when asked for (a finding); the column and
    /// byte offset stay the segment's (no bytes are kept here to find the value's).
    public func element(_ element: Int, component: Int? = nil) -> EDIPosition? {
        position?.at(element: element, component: component)
    }

    /// Wraps a position.
    public init(_ position: EDIPosition? = nil) {
        storage = position.map { .given($0) } ?? .none
    }

    /// The position of the segment a value is read from.
    init(_ segment: Segment) {
        storage = .segment(segment.location, segment.tag)
    }

    public static func == (lhs: Self, rhs: Self) -> Bool { true }
    public func hash(into hasher: inout Hasher) {}
}
