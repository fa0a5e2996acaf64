public import EDICore

/// Where a value was read: the position of its segment in the stream (nil for values built in
/// code). It is not part of the value: two models with the same content are equal wherever
/// they were read, so a model written out and read again compares equal to the original.
public struct X12Origin: Sendable, Hashable, CustomStringConvertible {
    /// The segment's position.
    public var position: EDIPosition?

    /// An origin at a position (nil: built in code).
    public init(_ position: EDIPosition? = nil) {
        self.position = position
    }

    public static func == (lhs: X12Origin, rhs: X12Origin) -> Bool { true }
    public func hash(into hasher: inout Hasher) {}

    public var description: String { position.map(\.description) ?? "built in code" }

    /// The position narrowed to an element (1-based).
    public func element(_ element: Int, component: Int? = nil) -> EDIPosition? {
        position?.at(element: element, component: component)
    }
}
