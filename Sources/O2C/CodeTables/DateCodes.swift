/// What a date means in an internal document, the same for both syntaxes.
public enum DateRole: String, Sendable, Hashable, CaseIterable {
    /// When the document was made (the 820 `DTM` 097; EDIFACT DTM 137 of any message).
    case documentDate
    /// Delivery requested by the buyer.
    case requestedDelivery
    /// Shipment requested by the buyer.
    case requestedShip
    /// When the goods left (despatch).
    case shipped
    /// Estimated delivery.
    case estimatedDelivery
    /// Actual delivery.
    case delivered
    /// The invoice date (in a remittance, the date of a paid invoice).
    case invoiceDate
    /// The purchase order date, where a date qualifier carries it (X12 `DTM` 004).
    case purchaseOrderDate
    /// The value date of a payment (EDIFACT DTM 209; X12 carries it in `BPR16`, not in a `DTM`).
    case paymentValueDate
    /// The net due date of payment terms (EDIFACT DTM 13; X12 carries it in `ITD06`).
    case netDueDate
}

/// Date/time qualifiers: X12 `DTM01` (element 374) and EDIFACT `DTM` C507 2005.
///
/// Rows only where the standard's code says that meaning: X12 from the 004010 element 374 code
/// list, EDIFACT from UNCL 2005 (D96A and D01B). The order date of a purchase order is `BEG05` in
/// X12 and DTM 137 (document date) in ORDERS, and the invoice date `BIG01` / DTM 137: mappers take
/// those from the header, not from this table.
public enum DateQualifierCodes {
    /// X12 element 374.
    public static let x12 = CodeTable<DateRole>(element: "X12 374", [
        ("097", .documentDate, "Transaction Creation"),
        ("002", .requestedDelivery, "Delivery Requested"),
        ("010", .requestedShip, "Requested Ship"),
        ("011", .shipped, "Shipped"),
        ("017", .estimatedDelivery, "Estimated Delivery"),
        ("035", .delivered, "Delivered"),
        ("003", .invoiceDate, "Invoice"),
        ("004", .purchaseOrderDate, "Purchase Order"),
    ])

    /// EDIFACT 2005.
    public static let edifact = CodeTable<DateRole>(element: "EDIFACT 2005", [
        ("137", .documentDate, "Document/message date/time"),
        ("2", .requestedDelivery, "Delivery date/time, requested"),
        ("10", .requestedShip, "Shipment date/time, requested"),
        ("11", .shipped, "Despatch date and/or time"),
        ("17", .estimatedDelivery, "Delivery date/time, estimated"),
        ("35", .delivered, "Delivery date/time, actual"),
        ("3", .invoiceDate, "Invoice date/time"),
        ("209", .paymentValueDate, "Value date"),
        ("13", .netDueDate, "Terms net due date"),
    ])
}
