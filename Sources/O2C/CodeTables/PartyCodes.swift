/// Party roles: X12 `N101` (element 98, Entity Identifier Code) and EDIFACT `NAD` 3035 (Party
/// function code qualifier).
///
/// X12 meanings from the 004010 element 98 code list; EDIFACT meanings from UNCL 3035 (D96A and
/// D01B say the same for every row here).
public enum PartyRoleCodes {
    /// X12 element 98.
    public static let x12 = CodeTable<PartyRole>(element: "X12 98", [
        ("BY", .buyer, "Buying Party (Purchaser)"),
        ("SE", .seller, "Selling Party"),
        ("ST", .shipTo, "Ship To"),
        ("BT", .billTo, "Bill-to-Party"),
        ("RI", .remitTo, "Remit To"),
        ("RE", .remitTo, "Party to receive commercial invoice remittance"),
        ("SF", .shipFrom, "Ship From"),
        ("SU", .supplier, "Supplier/Manufacturer"),
        ("VN", .supplier, "Vendor"),
        ("PR", .payer, "Payer"),
        ("PE", .payee, "Payee"),
    ])

    /// EDIFACT 3035.
    public static let edifact = CodeTable<PartyRole>(element: "EDIFACT 3035", [
        ("BY", .buyer, "Buyer"),
        ("SE", .seller, "Seller"),
        ("DP", .shipTo, "Delivery party"),
        ("ST", .shipTo, "Ship to"),
        ("IV", .billTo, "Invoicee"),
        ("RE", .remitTo, "Party to receive commercial invoice remittance"),
        ("SF", .shipFrom, "Ship from"),
        ("SU", .supplier, "Supplier"),
        ("PR", .payer, "Payer"),
        ("PE", .payee, "Payee"),
    ])

    /// The role of an `N101` code; `.other(code)` when the code is not in the table.
    public static func role(x12 code: String) -> PartyRole { x12.value(for: code) ?? .other(code) }

    /// The role of a NAD 3035 code; `.other(code)` when the code is not in the table.
    public static func role(edifact code: String) -> PartyRole { edifact.value(for: code) ?? .other(code) }

    /// The `N101` code to write for a role, keeping the code as sent when it means the same role.
    public static func x12Code(for role: PartyRole, asSent: String? = nil) -> String? {
        if case .other(let code) = role { return code }
        return x12.code(for: role, preferring: asSent)
    }

    /// The NAD 3035 code to write for a role, keeping the code as sent when it means the same role.
    public static func edifactCode(for role: PartyRole, asSent: String? = nil) -> String? {
        if case .other(let code) = role { return code }
        return edifact.code(for: role, preferring: asSent)
    }
}

/// Party identification schemes: X12 `N103` (element 66, Identification Code Qualifier) and
/// EDIFACT NAD C082 3055 (Code list responsible agency).
public enum PartyIdSchemeCodes {
    /// X12 element 66.
    public static let x12 = CodeTable<PartyIdScheme>(element: "X12 66", [
        ("UL", .gln, "Global Location Number (GLN)"),
        ("1", .duns, "D-U-N-S Number, Dun & Bradstreet"),
        ("9", .dunsPlus4, "D-U-N-S+4, D-U-N-S Number with Four Character Suffix"),
        ("92", .assignedByBuyer, "Assigned by Buyer or Buyer's Agent"),
        ("91", .assignedBySeller, "Assigned by Seller or Seller's Agent"),
        ("ZZ", .mutuallyDefined, "Mutually Defined"),
    ])

    /// EDIFACT 3055.
    public static let edifact = CodeTable<PartyIdScheme>(element: "EDIFACT 3055", [
        ("9", .gln, "EAN (International Article Numbering association)"),
        ("16", .duns, "DUNS (Dun & Bradstreet)"),
        ("92", .assignedByBuyer, "Assigned by buyer or buyer's agent"),
        ("91", .assignedBySeller, "Assigned by seller or seller's agent"),
        ("ZZZ", .mutuallyDefined, "Mutually defined"),
    ])

    /// The scheme of an `N103` qualifier (`.other` when unknown; the qualifier stays in the identifier).
    public static func scheme(x12 code: String) -> PartyIdScheme { x12.value(for: code) ?? .other }

    /// The scheme of a 3055 agency code (`.other` when unknown or absent).
    public static func scheme(edifact code: String?) -> PartyIdScheme {
        code.flatMap { edifact.value(for: $0) } ?? .other
    }

    /// The `N103` qualifier for an identifier: its own qualifier when that is an X12 code of the
    /// same scheme, else the table's code; for `.other`, the qualifier as sent.
    public static func x12Code(for identifier: PartyIdentifier) -> String? {
        identifier.scheme == .other ? identifier.qualifier
            : x12.code(for: identifier.scheme, preferring: identifier.qualifier)
    }

    /// The 3055 code for an identifier, as ``x12Code(for:)`` does for X12.
    public static func edifactCode(for identifier: PartyIdentifier) -> String? {
        identifier.scheme == .other ? identifier.qualifier
            : edifact.code(for: identifier.scheme, preferring: identifier.qualifier)
    }
}
