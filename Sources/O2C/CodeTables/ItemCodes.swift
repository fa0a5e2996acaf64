/// Item identification schemes: X12 element 235 (Product/Service ID Qualifier, in `PO1`, `IT1`,
/// `LIN`, `PO4`…) and EDIFACT 7143 (Item type identification code, in `LIN` and `PIA` C212).
///
/// X12 meanings from the 004010 element 235 code list; EDIFACT meanings from UNCL 7143 (`SRV`
/// exists in D01B, not in D96A).
public enum ItemIdSchemeCodes {
    /// X12 element 235.
    public static let x12 = CodeTable<ItemIdScheme>(element: "X12 235", [
        ("UP", .upc, "GTIN-12 (U.P.C. consumer package code)"),
        ("EN", .ean, "GTIN-13 (EAN)"),
        ("UK", .gtin, "GTIN-14"),
        ("BP", .buyerPartNumber, "Buyer's Part Number"),
        ("IN", .buyerPartNumber, "Buyer's Item Number"),
        ("VN", .vendorPartNumber, "Vendor's (Seller's) Item Number"),
        ("VP", .vendorPartNumber, "Vendor's (Seller's) Part Number"),
        ("SK", .sku, "Stock Keeping Unit (SKU)"),
    ])

    /// EDIFACT 7143.
    public static let edifact = CodeTable<ItemIdScheme>(element: "EDIFACT 7143", [
        ("EN", .ean, "International Article Numbering Association (EAN)"),
        ("UP", .upc, "UPC (Universal product code)"),
        ("SRV", .gtin, "EAN.UCC Global Trade Item Number (D01B)"),
        ("BP", .buyerPartNumber, "Buyer's part number"),
        ("IN", .buyerPartNumber, "Buyer's item number"),
        ("SA", .vendorPartNumber, "Supplier's article number"),
        ("VN", .vendorPartNumber, "Vendor item number"),
        ("VP", .vendorPartNumber, "Vendor's (seller's) part number"),
        ("SK", .sku, "SKU (Stock keeping unit)"),
    ])

    /// The scheme of a 235 qualifier (`.other` when unknown; the qualifier stays in the identifier).
    public static func scheme(x12 code: String) -> ItemIdScheme { x12.value(for: code) ?? .other }

    /// The scheme of a 235 qualifier given as UTF-8 bytes, and the qualifier (a code in the table
    /// is not decoded).
    static func scheme(x12UTF8 code: UnsafeRawBufferPointer) -> (scheme: ItemIdScheme, qualifier: String) {
        if let row = x12.row(utf8: code) { return (x12.rows[row].value, x12.rows[row].code) }
        return (.other, String(decoding: code, as: UTF8.self))
    }

    /// The scheme of a 7143 code (`.other` when unknown or absent).
    public static func scheme(edifact code: String?) -> ItemIdScheme {
        code.flatMap { edifact.value(for: $0) } ?? .other
    }

    /// The 235 qualifier for an identifier: its own qualifier when that is an X12 code of the same
    /// scheme, else the table's code; a `gtin` goes by its length (12 → `UP`, 13 → `EN`, 14 → `UK`).
    public static func x12Code(for identifier: ItemIdentifier) -> String? {
        switch identifier.scheme {
        case .other: return identifier.qualifier
        case .gtin:
            if let qualifier = identifier.qualifier, x12.value(for: qualifier) == .gtin { return qualifier }
            switch identifier.value.utf8.count {
            case 12: return "UP"
            case 13: return "EN"
            default: return "UK"
            }
        default: return x12.code(for: identifier.scheme, preferring: identifier.qualifier)
        }
    }

    /// The 7143 code for an identifier: its own qualifier when that is an EDIFACT code of the same
    /// scheme, else the table's code; a `gtin` is written as `EN` (valid in every directory).
    public static func edifactCode(for identifier: ItemIdentifier) -> String? {
        switch identifier.scheme {
        case .other: return identifier.qualifier
        case .gtin:
            if let qualifier = identifier.qualifier, edifact.value(for: qualifier) == .gtin { return qualifier }
            return "EN"
        default: return edifact.code(for: identifier.scheme, preferring: identifier.qualifier)
        }
    }
}
