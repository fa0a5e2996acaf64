/// Where something is in an EDI stream: always counted from the start of the stream, never
/// from the start of a chunk.
///
/// Printed the same way everywhere: `segment N1 (#12), element 2, component 1 at line 3, column 80`.
public struct EDIPosition: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Byte offset from the start of the stream (0-based).
    public var byteOffset: Int
    /// Line number (1-based); lines end with LF, CR LF or a lone CR.
    public var line: Int
    /// Column within the line (1-based, in bytes).
    public var column: Int
    /// Index of the segment within the file (1-based); 0 before the first segment.
    public var segmentIndex: Int
    /// Index of the segment within its transaction or message (ST/UNH is 1); 0 outside one.
    public var segmentIndexInTransaction: Int
    /// The tag of the segment, when known.
    public var segmentTag: String?
    /// Element position within the segment (1-based, `BEG03` is 3); nil for the whole segment.
    public var element: Int?
    /// Repetition of the element (1-based); nil when not repeated.
    public var repetition: Int?
    /// Component within a composite (1-based); nil for a simple element.
    public var component: Int?

    /// Creates a position.
    @inlinable
    public init(byteOffset: Int = 0, line: Int = 1, column: Int = 1, segmentIndex: Int = 0,
                segmentIndexInTransaction: Int = 0, segmentTag: String? = nil,
                element: Int? = nil, repetition: Int? = nil, component: Int? = nil) {
        self.byteOffset = byteOffset
        self.line = line
        self.column = column
        self.segmentIndex = segmentIndex
        self.segmentIndexInTransaction = segmentIndexInTransaction
        self.segmentTag = segmentTag
        self.element = element
        self.repetition = repetition
        self.component = component
    }

    /// The same position narrowed to an element (and optionally a component and repetition).
    public func at(element: Int?, component: Int? = nil, repetition: Int? = nil) -> EDIPosition {
        var copy = self
        copy.element = element
        copy.component = component
        copy.repetition = repetition
        return copy
    }

    public var description: String {
        var parts: [String] = []
        if let segmentTag {
            parts.append("segment \(segmentTag) (#\(segmentIndex))")
        } else if segmentIndex > 0 {
            parts.append("segment #\(segmentIndex)")
        }
        if let element { parts.append("element \(element)") }
        if let repetition { parts.append("repetition \(repetition)") }
        if let component { parts.append("component \(component)") }
        let location = "line \(line), column \(column)"
        return parts.isEmpty ? location : parts.joined(separator: ", ") + " at " + location
    }
}
