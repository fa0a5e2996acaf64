import EDICore

/// ITD terms of sale/deferred terms of sale: terms type (336: `01` basic, `14` previously agreed),
/// basis date (333: `3` invoice date), discount percent, days and date, net days and date.
public struct X12TermsOfSale: X12SegmentValue {
    public static var tag: String { "ITD" }
    public var segment: X12Segment
    public var origin: X12Origin

    public init(segment: X12Segment, origin: X12Origin = X12Origin()) {
        self.segment = segment
        self.origin = origin
    }

    /// ITD01 terms type code (336).
    public var termsTypeCode: String? {
        get { segment[element: 1] }
        set { segment[element: 1] = newValue }
    }
    /// ITD02 terms basis date code (333).
    public var termsBasisDateCode: String? {
        get { segment[element: 2] }
        set { segment[element: 2] = newValue }
    }
    /// ITD03 terms discount percent.
    public var discountPercent: X12Amount? {
        get { segment.amount(3, origin: origin) }
        set { segment.setAmount(newValue, 3) }
    }
    /// ITD04 terms discount due date, `CCYYMMDD`.
    public var discountDueDate: String? {
        get { segment[element: 4] }
        set { segment[element: 4] = newValue }
    }
    /// ITD05 terms discount days due.
    public var discountDaysDue: X12Amount? {
        get { segment.amount(5, origin: origin) }
        set { segment.setAmount(newValue, 5) }
    }
    /// ITD06 terms net due date, `CCYYMMDD`.
    public var netDueDate: String? {
        get { segment[element: 6] }
        set { segment[element: 6] = newValue }
    }
    /// ITD07 terms net days.
    public var netDays: X12Amount? {
        get { segment.amount(7, origin: origin) }
        set { segment.setAmount(newValue, 7) }
    }
    /// ITD08 terms discount amount (N2).
    public var discountAmount: X12Amount? {
        get { segment.amount(8, impliedDecimals: 2, origin: origin) }
        set { segment.setAmount(newValue, 8) }
    }
    /// ITD12 description.
    public var description: String? {
        get { segment[element: 12] }
        set { segment[element: 12] = newValue }
    }
}
