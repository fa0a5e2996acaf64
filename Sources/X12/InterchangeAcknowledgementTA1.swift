public import EDICore

/// An X12 TA1 interchange acknowledgment: the interchange acknowledged (ISA13 and its date and
/// time), whether it was accepted (`A`, `E`, `R`) and the note code (`000` no error, `022` invalid
/// control structure…).
public struct InterchangeAcknowledgementTA1: X12SegmentValue {
    public static var tag: String { "TA1" }
    public var segment: X12Segment
    public var origin: X12Origin

    public init(segment: X12Segment, origin: X12Origin = X12Origin()) {
        self.segment = segment
        self.origin = origin
    }

    /// Reads the TA1 segment (the first TA1 among the segments given).
    public init(segments: [OwnedSegment]) throws(X12ModelError) {
        guard let ta1 = segments.first(where: { $0.tag == "TA1" }) else {
            throw X12ModelError("no TA1 segment", at: segments.first?.position)
        }
        self.init(owned: ta1)
    }

    /// A TA1 from its values.
    public init(interchangeControlNumber: String, interchangeDate: String, interchangeTime: String,
                acknowledgmentCode: String, noteCode: String) {
        self.init()
        self.interchangeControlNumber = interchangeControlNumber
        self.interchangeDate = interchangeDate
        self.interchangeTime = interchangeTime
        self.acknowledgmentCode = acknowledgmentCode
        self.noteCode = noteCode
    }

    /// The TA1 segment (it stands between ISA and IEA, without ST/SE).
    public func segments() -> [OutgoingSegment] { [segment.trimmed] }

    /// TA101 interchange control number acknowledged (ISA13).
    public var interchangeControlNumber: String {
        get { segment[element: 1] ?? "" }
        set { segment[element: 1] = newValue }
    }
    /// TA102 interchange date, `YYMMDD`.
    public var interchangeDate: String {
        get { segment[element: 2] ?? "" }
        set { segment[element: 2] = newValue }
    }
    /// TA103 interchange time, `HHMM`.
    public var interchangeTime: String {
        get { segment[element: 3] ?? "" }
        set { segment[element: 3] = newValue }
    }
    /// TA104 interchange acknowledgment code (I17: `A` accepted, `E` accepted with errors, `R` rejected).
    public var acknowledgmentCode: String {
        get { segment[element: 4] ?? "" }
        set { segment[element: 4] = newValue }
    }
    /// TA105 interchange note code (I18).
    public var noteCode: String {
        get { segment[element: 5] ?? "" }
        set { segment[element: 5] = newValue }
    }
}
