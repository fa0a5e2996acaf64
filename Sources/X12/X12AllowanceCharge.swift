import EDICore

/// SAC service, promotion, allowance, or charge: indicator (248: `A` allowance, `C` charge, `N` no
/// allowance or charge…), code (1300), amount (N2), percent, rate, quantity and description.
public struct X12AllowanceCharge: X12SegmentValue {
    public static var tag: String { "SAC" }
    public var segment: X12Segment
    public var origin: X12Origin

    public init(segment: X12Segment, origin: X12Origin = X12Origin()) {
        self.segment = segment
        self.origin = origin
    }

    /// SAC01 allowance or charge indicator (248).
    public var indicator: String {
        get { segment[element: 1] ?? "" }
        set { segment[element: 1] = newValue }
    }
    /// SAC02 service, promotion, allowance, or charge code (1300).
    public var code: String? {
        get { segment[element: 2] }
        set { segment[element: 2] = newValue }
    }
    /// SAC05 amount (N2: `2500` is 25.00).
    public var amount: X12Amount? {
        get { segment.amount(5, impliedDecimals: 2, origin: origin) }
        set { segment.setAmount(newValue, 5) }
    }
    /// SAC06 allowance/charge percent qualifier (378).
    public var percentQualifier: String? {
        get { segment[element: 6] }
        set { segment[element: 6] = newValue }
    }
    /// SAC07 percent.
    public var percent: X12Amount? {
        get { segment.amount(7, origin: origin) }
        set { segment.setAmount(newValue, 7) }
    }
    /// SAC08 rate.
    public var rate: X12Amount? {
        get { segment.amount(8, origin: origin) }
        set { segment.setAmount(newValue, 8) }
    }
    /// SAC09 unit of the quantity (355).
    public var unitOfMeasureCode: String? {
        get { segment[element: 9] }
        set { segment[element: 9] = newValue }
    }
    /// SAC10 quantity.
    public var quantity: X12Amount? {
        get { segment.amount(10, origin: origin) }
        set { segment.setAmount(newValue, 10) }
    }
    /// SAC15 description.
    public var description: String? {
        get { segment[element: 15] }
        set { segment[element: 15] = newValue }
    }
}

/// TXI tax information: tax type (963: `ST` state sales tax, `VA` value added tax), amount,
/// percent, jurisdiction (955 qualifier and code) and exempt code.
public struct X12TaxInformation: X12SegmentValue {
    public static var tag: String { "TXI" }
    public var segment: X12Segment
    public var origin: X12Origin

    public init(segment: X12Segment, origin: X12Origin = X12Origin()) {
        self.segment = segment
        self.origin = origin
    }

    /// TXI01 tax type code (963).
    public var taxTypeCode: String {
        get { segment[element: 1] ?? "" }
        set { segment[element: 1] = newValue }
    }
    /// TXI02 monetary amount.
    public var amount: X12Amount? {
        get { segment.amount(2, origin: origin) }
        set { segment.setAmount(newValue, 2) }
    }
    /// TXI03 percent.
    public var percent: X12Amount? {
        get { segment.amount(3, origin: origin) }
        set { segment.setAmount(newValue, 3) }
    }
    /// TXI04 tax jurisdiction code qualifier (955).
    public var jurisdictionQualifier: String? {
        get { segment[element: 4] }
        set { segment[element: 4] = newValue }
    }
    /// TXI05 tax jurisdiction code.
    public var jurisdictionCode: String? {
        get { segment[element: 5] }
        set { segment[element: 5] = newValue }
    }
    /// TXI06 tax exempt code (441).
    public var exemptCode: String? {
        get { segment[element: 6] }
        set { segment[element: 6] = newValue }
    }
}

/// AMT monetary amount: qualifier (522: `TT` total transaction amount, `1` line item total) and amount.
public struct X12MonetaryAmount: X12SegmentValue {
    public static var tag: String { "AMT" }
    public var segment: X12Segment
    public var origin: X12Origin

    public init(segment: X12Segment, origin: X12Origin = X12Origin()) {
        self.segment = segment
        self.origin = origin
    }

    /// An AMT from its values.
    public init(qualifier: String, amount: X12Amount) {
        self.init()
        self.qualifier = qualifier
        self.amount = amount
    }

    /// AMT01 amount qualifier code (522).
    public var qualifier: String {
        get { segment[element: 1] ?? "" }
        set { segment[element: 1] = newValue }
    }
    /// AMT02 monetary amount.
    public var amount: X12Amount? {
        get { segment.amount(2, origin: origin) }
        set { segment.setAmount(newValue, 2) }
    }
}
