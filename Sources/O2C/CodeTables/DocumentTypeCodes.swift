/// What kind of order or invoice a document is: X12 `BEG02` (element 92) and `BIG07` (element
/// 640), EDIFACT `BGM` C002 1001. The internal documents keep the code as sent (`orderType`,
/// `invoiceType`); the outbound mappers translate it through these tables when the document came
/// from the other syntax.
public enum DocumentKind: String, Sendable, Hashable, CaseIterable {
    /// A purchase order.
    case order
    /// A blanket order, called off later.
    case blanketOrder
    /// A release or call-off against a blanket order.
    case releaseOrder
    /// A rush order.
    case rushOrder
    /// An order for consignment stock.
    case consignmentOrder
    /// An order for samples.
    case sampleOrder
    /// An invoice.
    case invoice
    /// A credit note.
    case creditNote
    /// A debit note.
    case debitNote
    /// A consolidated invoice.
    case consolidatedInvoice
}

/// The document type code tables. X12 meanings from the 004010 code list of element 92
/// (`Schemas/X12/004010/dictionary.xml`) and the 005010 list of element 640 (the OopFactory
/// specification in `../shared/reference`); EDIFACT meanings from UNCL 1001 (D96A and D01B).
public enum DocumentTypeCodes {
    /// X12 element 92, purchase order type (`BEG02`).
    public static let x12OrderTypes = CodeTable<DocumentKind>(element: "X12 92", [
        ("SA", .order, "Stand-alone Order"),
        ("NE", .order, "New Order"),
        ("KN", .order, "Purchase Order"),
        ("BK", .blanketOrder, "Blanket Order (Quantity Firm)"),
        ("BE", .blanketOrder, "Blanket Order/Estimated Quantities (Not firm Commitment)"),
        ("RL", .releaseOrder, "Release or Delivery Order"),
        ("RO", .rushOrder, "Rush Order"),
        ("CN", .consignmentOrder, "Consigned Order"),
        ("SP", .sampleOrder, "Sample"),
    ])

    /// X12 element 640, transaction type (`BIG07`).
    public static let x12InvoiceTypes = CodeTable<DocumentKind>(element: "X12 640", [
        ("DI", .invoice, "Debit Invoice"),
        ("CR", .creditNote, "Credit Memo"),
        ("CN", .creditNote, "Credit Invoice"),
        ("DR", .debitNote, "Debit Memo"),
        ("FD", .consolidatedInvoice, "Consolidated Invoice, Final Bill"),
    ])

    /// EDIFACT 1001, document name code (`BGM` C002).
    public static let edifact = CodeTable<DocumentKind>(element: "EDIFACT 1001", [
        ("220", .order, "Order"),
        ("221", .blanketOrder, "Blanket order"),
        ("226", .releaseOrder, "Call off order"),
        ("224", .rushOrder, "Rush order"),
        ("227", .consignmentOrder, "Consignment order"),
        ("228", .sampleOrder, "Sample order"),
        ("380", .invoice, "Commercial invoice"),
        ("381", .creditNote, "Credit note"),
        ("383", .debitNote, "Debit note"),
        ("385", .consolidatedInvoice, "Consolidated invoice"),
    ])

    /// The X12 order type for an EDIFACT 1001 code (nil when the code is not an order kind both know).
    public static func x12OrderType(edifact code: String) -> String? {
        edifact.value(for: code).flatMap { x12OrderTypes.code(for: $0) }
    }

    /// The X12 transaction type for an EDIFACT 1001 code.
    public static func x12InvoiceType(edifact code: String) -> String? {
        edifact.value(for: code).flatMap { x12InvoiceTypes.code(for: $0) }
    }

    /// The EDIFACT 1001 code for an X12 order type.
    public static func edifactCode(x12OrderType code: String) -> String? {
        x12OrderTypes.value(for: code).flatMap { edifact.code(for: $0) }
    }

    /// The EDIFACT 1001 code for an X12 transaction type.
    public static func edifactCode(x12InvoiceType code: String) -> String? {
        x12InvoiceTypes.value(for: code).flatMap { edifact.code(for: $0) }
    }
}
