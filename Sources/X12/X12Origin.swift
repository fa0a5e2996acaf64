public import EDICore

/// Where a value was read: the position of its segment in the stream (nil for values built in
/// code). It is not part of the value: two models with the same content are equal wherever
/// they were read, so a model written out and read again compares equal to the original.
///
/// A value read from a segment keeps only the segment's handle (and the element it narrows to):
/// the ``EDIPosition`` is built when asked for, which is rarely (a finding), not for every value.
public struct X12Origin: Sendable, Hashable, CustomStringConvertible {
    enum Storage: Sendable {
        /// Built in code.
        case none
        /// Read: the segment, narrowed to an element and component when not 0.
        case read(OwnedSegment, element: Int32, component: Int32)
        /// A position given in code.
        case given(GivenPosition)
    }

    /// A position given in code, boxed so that an origin stays the size of a segment handle.
    final class GivenPosition: Sendable {
        let position: EDIPosition

        init(_ position: EDIPosition) {
            self.position = position
        }
    }

    var storage: Storage

    /// An origin at a position (nil: built in code).
    public init(_ position: EDIPosition? = nil) {
        storage = position.map { .given(GivenPosition($0)) } ?? .none
    }

    /// The origin of a segment as read (its position built only when asked for).
    init(_ segment: OwnedSegment) {
        storage = .read(segment, element: 0, component: 0)
    }

    /// The segment's position (narrowed to an element when the origin is one's).
    public var position: EDIPosition? {
        get {
            switch storage {
            case .none: nil
            case .read(let segment, let element, let component):
                element == 0 ? segment.position
                    : segment.position.at(element: Int(element), component: component == 0 ? nil : Int(component))
            case .given(let given): given.position
            }
        }
        set { storage = newValue.map { .given(GivenPosition($0)) } ?? .none }
    }

    public static func == (lhs: X12Origin, rhs: X12Origin) -> Bool { true }
    public func hash(into hasher: inout Hasher) {}

    public var description: String { position.map(\.description) ?? "built in code" }

    /// The position narrowed to an element (1-based).
    public func element(_ element: Int, component: Int? = nil) -> EDIPosition? {
        narrowed(toElement: element, component: component).position
    }

    /// The same origin narrowed to an element (1-based), its position still built only when asked for.
    func narrowed(toElement element: Int, component: Int? = nil) -> X12Origin {
        switch storage {
        case .none: return self
        case .read(let segment, _, _):
            if let narrowed = Int32(exactly: element), let part = Int32(exactly: component ?? 0), narrowed > 0, part >= 0 {
                var origin = self
                origin.storage = .read(segment, element: narrowed, component: part)
                return origin
            }
            return X12Origin(segment.position.at(element: element, component: component))
        case .given(let given): return X12Origin(given.position.at(element: element, component: component))
        }
    }
}
