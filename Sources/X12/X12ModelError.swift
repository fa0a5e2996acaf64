public import EDICore

/// Why a typed X12 model could not be built from a transaction's segments: the message and
/// where (`segment BEG (#4), element 3 at line 4, column 9`).
public struct X12ModelError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong, in EDI terms.
    public var message: String
    /// The segment (and element) concerned, when there is one.
    public var position: EDIPosition?

    /// Creates an error.
    public init(_ message: String, at position: EDIPosition? = nil) {
        self.message = message
        self.position = position
    }

    public var description: String {
        guard let position else { return message }
        return "\(message) (\(position))"
    }
}
