import EDICore

/// BPR beginning segment for payment order/remittance advice (820): what to do, how much, credit
/// or debit, how (ACH, check), the banks and accounts on both sides and the payment date.
public struct X12PaymentInstruction: X12SegmentValue {
    public static var tag: String { "BPR" }
    public var segment: X12Segment
    public var origin: X12Origin

    public init(segment: X12Segment, origin: X12Origin = X12Origin()) {
        self.segment = segment
        self.origin = origin
    }

    /// BPR01 transaction handling code (305: `C` payment accompanies remittance advice, `I`
    /// remittance information only).
    public var transactionHandlingCode: String {
        get { segment[element: 1] ?? "" }
        set { segment[element: 1] = newValue }
    }
    /// BPR02 monetary amount: the total paid.
    public var amount: X12Amount? {
        get { segment.amount(2, origin: origin) }
        set { segment.setAmount(newValue, 2) }
    }
    /// BPR03 credit/debit flag (478: `C`, `D`).
    public var creditDebitFlagCode: String? {
        get { segment[element: 3] }
        set { segment[element: 3] = newValue }
    }
    /// BPR04 payment method code (591: `ACH`, `CHK`, `FWT`).
    public var paymentMethodCode: String? {
        get { segment[element: 4] }
        set { segment[element: 4] = newValue }
    }
    /// BPR05 payment format code (812: `CCP`, `CTX`).
    public var paymentFormatCode: String? {
        get { segment[element: 5] }
        set { segment[element: 5] = newValue }
    }
    /// BPR06 originating DFI identification number qualifier (506: `01` ABA routing number).
    public var originatingBankIdQualifier: String? {
        get { segment[element: 6] }
        set { segment[element: 6] = newValue }
    }
    /// BPR07 originating DFI identification number.
    public var originatingBankId: String? {
        get { segment[element: 7] }
        set { segment[element: 7] = newValue }
    }
    /// BPR08 originating account number qualifier (569: `DA` demand deposit).
    public var originatingAccountQualifier: String? {
        get { segment[element: 8] }
        set { segment[element: 8] = newValue }
    }
    /// BPR09 originating account number.
    public var originatingAccountNumber: String? {
        get { segment[element: 9] }
        set { segment[element: 9] = newValue }
    }
    /// BPR10 originating company identifier.
    public var originatingCompanyIdentifier: String? {
        get { segment[element: 10] }
        set { segment[element: 10] = newValue }
    }
    /// BPR12 receiving DFI identification number qualifier (506).
    public var receivingBankIdQualifier: String? {
        get { segment[element: 12] }
        set { segment[element: 12] = newValue }
    }
    /// BPR13 receiving DFI identification number.
    public var receivingBankId: String? {
        get { segment[element: 13] }
        set { segment[element: 13] = newValue }
    }
    /// BPR14 receiving account number qualifier (569).
    public var receivingAccountQualifier: String? {
        get { segment[element: 14] }
        set { segment[element: 14] = newValue }
    }
    /// BPR15 receiving account number.
    public var receivingAccountNumber: String? {
        get { segment[element: 15] }
        set { segment[element: 15] = newValue }
    }
    /// BPR16 date: the payment's effective date, `CCYYMMDD` as sent.
    public var paymentDate: String? {
        get { segment[element: 16] }
        set { segment[element: 16] = newValue }
    }
}

/// TRN trace: trace type (481: `1` current transaction trace numbers), reference (the check or
/// EFT trace number) and originating company identifier.
public struct X12Trace: X12SegmentValue {
    public static var tag: String { "TRN" }
    public var segment: X12Segment
    public var origin: X12Origin

    public init(segment: X12Segment, origin: X12Origin = X12Origin()) {
        self.segment = segment
        self.origin = origin
    }

    /// A TRN from its values.
    public init(traceTypeCode: String = "1", referenceIdentification: String, originatingCompanyIdentifier: String? = nil) {
        self.init()
        self.traceTypeCode = traceTypeCode
        self.referenceIdentification = referenceIdentification
        self.originatingCompanyIdentifier = originatingCompanyIdentifier
    }

    /// TRN01 trace type code (481).
    public var traceTypeCode: String {
        get { segment[element: 1] ?? "" }
        set { segment[element: 1] = newValue }
    }
    /// TRN02 reference identification: the trace number.
    public var referenceIdentification: String {
        get { segment[element: 2] ?? "" }
        set { segment[element: 2] = newValue }
    }
    /// TRN03 originating company identifier.
    public var originatingCompanyIdentifier: String? {
        get { segment[element: 3] }
        set { segment[element: 3] = newValue }
    }
}
