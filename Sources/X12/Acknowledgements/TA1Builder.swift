public import EDICore
public import EDISchema

/// Builds the TA1 interchange acknowledgement: accepted, accepted with errors or rejected, with
/// the interchange note code of the first envelope finding (TA105).
public struct TA1Builder: Sendable {
    /// Creates a builder.
    public init() {}

    /// Whether an interchange needs a TA1: asked for in ISA14, or its envelope is broken.
    public static func isNeeded(for interchange: InterchangeValidation) -> Bool {
        interchange.acknowledgementRequested || interchange.hasEnvelopeErrors
    }

    /// The TA1 segment for an interchange.
    public func segment(for interchange: InterchangeValidation) -> OutgoingSegment {
        let errors = interchange.diagnostics.filter { $0.severity == .error }
        let note = errors.lazy.compactMap { $0.ack.x12_997 }.first { $0.hasPrefix("TA105=") }.map { String($0.dropFirst(6)) }
        let status = errors.isEmpty ? "A" : (note == nil ? "E" : "R")
        return OutgoingSegment("TA1", [interchange.controlNumber, interchange.date, interchange.time, status, note ?? "000"])
    }
}
