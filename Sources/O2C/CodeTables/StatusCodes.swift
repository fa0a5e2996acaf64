/// Acknowledgement status: X12 `BAK02` (element 587) and `ACK01` (element 668); EDIFACT ORDRSP
/// `BGM` 1225 (message function) and `LIN` 1229 (action request/notification).
///
/// X12 meanings from the 004010 code lists, EDIFACT from UNCL 1225 and 1229 (D96A and D01B).
public enum AcknowledgementStatusCodes {
    /// X12 element 587, the acknowledgement as a whole.
    public static let x12Header = CodeTable<AcknowledgementStatus>(element: "X12 587", [
        ("AD", .accepted, "Acknowledge - With Detail, No Change"),
        ("AK", .accepted, "Acknowledge - No Detail or Change"),
        ("AT", .accepted, "Accepted"),
        ("AC", .acceptedWithChanges, "Acknowledge - With Detail and Change"),
        ("RJ", .rejected, "Rejected - No Detail"),
        ("RD", .rejected, "Reject with Detail"),
    ])

    /// X12 element 668, one line.
    public static let x12Line = CodeTable<AcknowledgementStatus>(element: "X12 668", [
        ("IA", .accepted, "Item Accepted"),
        ("AR", .accepted, "Item Accepted and Released for Shipment"),
        ("AC", .accepted, "Item Accepted and Shipped"),
        ("IC", .acceptedWithChanges, "Item Accepted - Changes Made"),
        ("IQ", .acceptedWithChanges, "Item Accepted - Quantity Changed"),
        ("DR", .acceptedWithChanges, "Item Accepted - Date Rescheduled"),
        ("IS", .acceptedWithChanges, "Item Accepted - Substitution Made"),
        ("IB", .backordered, "Item Backordered"),
        ("IR", .rejected, "Item Rejected"),
        ("R1", .rejected, "Item Rejected, Not a Contract Item"),
        ("ID", .rejected, "Item Deleted"),
    ])

    /// EDIFACT 1225 in an ORDRSP `BGM`.
    public static let edifactHeader = CodeTable<AcknowledgementStatus>(element: "EDIFACT 1225", [
        ("29", .accepted, "Accepted without amendment"),
        ("4", .acceptedWithChanges, "Change"),
        ("27", .rejected, "Not accepted"),
    ])

    /// EDIFACT 1229 in an ORDRSP `LIN`.
    public static let edifactLine = CodeTable<AcknowledgementStatus>(element: "EDIFACT 1229", [
        ("5", .accepted, "Accepted without amendment"),
        ("6", .acceptedWithChanges, "Accepted with amendment"),
        ("3", .acceptedWithChanges, "Changed"),
        ("7", .rejected, "Not accepted"),
    ])
}

/// Payment methods: X12 `BPR04` (element 591) and EDIFACT `PAI` C534 4461.
public enum PaymentMethodCodes {
    /// X12 element 591 (004010 code list).
    public static let x12 = CodeTable<PaymentMethod>(element: "X12 591", [
        ("ACH", .ach, "Automated Clearing House (ACH)"),
        ("CHK", .check, "Check"),
        ("FWT", .wire, "Federal Reserve Funds/Wire Transfer - Nonrepetitive"),
    ])

    /// EDIFACT 4461 (UNCL D96A and D01B).
    public static let edifact = CodeTable<PaymentMethod>(element: "EDIFACT 4461", [
        ("10", .cash, "In cash"),
        ("20", .check, "Cheque"),
        ("30", .creditTransfer, "Credit transfer"),
        ("42", .creditTransfer, "Payment to bank account"),
        ("31", .debitTransfer, "Debit transfer"),
    ])
}
