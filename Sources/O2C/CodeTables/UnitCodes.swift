/// Units of measure: X12 element 355 and EDIFACT 6411, normalised to UN/ECE Recommendation 20
/// common codes.
///
/// Packaging units (case, box, carton, pallet…) are no longer Rec 20 codes: Rec 20 marks them
/// deleted with "use UN/ECE Recommendation 21", whose codes are then written with an `X` prefix
/// (`XCS` case, `XBX` box, `XCT` carton, `XPK` package, `XPX` pallet). A code that is in no table
/// normalises to itself.
public enum UnitCodes {
    /// X12 355 → Rec 20. X12 meanings from the 004010 element 355 code list; Rec 20 names from the
    /// current Rec 20 annexes, Rec 21 names from the Rec 21 code list.
    public static let x12 = CodeTable<String>(element: "X12 355", [
        ("EA", "EA", "Each → each"),
        ("PC", "H87", "Piece → piece"),
        ("DZ", "DZN", "Dozen → dozen"),
        ("PR", "PR", "Pair → pair"),
        ("CA", "XCS", "Case → Rec 21 CS case"),
        ("BX", "XBX", "Box → Rec 21 BX box"),
        ("CT", "XCT", "Carton → Rec 21 CT carton"),
        ("PK", "XPK", "Package → Rec 21 PK package"),
        ("PL", "XPX", "Pallet/Unit Load → Rec 21 PX pallet"),
        ("BG", "XBG", "Bag → Rec 21 BG bag"),
        ("DR", "XDR", "Drum → Rec 21 DR drum"),
        ("RL", "XRO", "Roll → Rec 21 RO roll"),
        ("KG", "KGM", "Kilogram → kilogram"),
        ("GR", "GRM", "Gram → gram"),
        ("LB", "LBR", "Pound → pound"),
        ("OZ", "ONZ", "Ounce - Av → ounce (avoirdupois)"),
        ("MR", "MTR", "Meter → metre"),
        ("CM", "CMT", "Centimeter → centimetre"),
        ("FT", "FOT", "Foot → foot"),
        ("IN", "INH", "Inch → inch"),
        ("YD", "YRD", "Yard → yard"),
        ("LT", "LTR", "Liter → litre"),
        ("GA", "GLL", "Gallon → gallon (US)"),
    ])

    /// EDIFACT 6411 codes that Rec 20 has deleted in favour of Rec 21 → their current form.
    public static let edifactDeleted = CodeTable<String>(element: "EDIFACT 6411", [
        ("CS", "XCS", "case (deleted from Rec 20) → Rec 21 CS case"),
        ("BX", "XBX", "box (deleted from Rec 20) → Rec 21 BX box"),
        ("CT", "XCT", "carton (deleted from Rec 20) → Rec 21 CT carton"),
        ("PK", "XPK", "pack / package (deleted from Rec 20) → Rec 21 PK package"),
        ("BG", "XBG", "bag (deleted from Rec 20) → Rec 21 BG bag"),
        ("DR", "XDR", "drum (deleted from Rec 20) → Rec 21 DR drum"),
        ("RO", "XRO", "roll (deleted from Rec 20) → Rec 21 RO roll"),
    ])

    /// The unit for an X12 355 code.
    public static func unit(x12 code: String) -> UnitOfMeasure {
        UnitOfMeasure(asSent: code, normalized: x12.value(for: code) ?? code)
    }

    /// The unit for an X12 355 code given as UTF-8 bytes (a code in the table is not decoded).
    static func unit(x12UTF8 code: UnsafeRawBufferPointer) -> UnitOfMeasure {
        if let row = x12.row(utf8: code) { return UnitOfMeasure(asSent: x12.rows[row].code, normalized: x12.rows[row].value) }
        let text = String(decoding: code, as: UTF8.self)
        return UnitOfMeasure(asSent: text, normalized: text)
    }

    /// The unit for an EDIFACT 6411 code (a Rec 20 code already; deleted packaging codes move to Rec 21).
    public static func unit(edifact code: String) -> UnitOfMeasure {
        UnitOfMeasure(asSent: code, normalized: edifactDeleted.value(for: code) ?? code)
    }

    /// The X12 355 code for a unit: the code as sent when it is an X12 code of the same unit,
    /// else the X12 code of the normalised unit, else the code as sent.
    public static func x12Code(for unit: UnitOfMeasure) -> String {
        x12.code(for: unit.normalized, preferring: unit.asSent) ?? unit.asSent
    }

    /// The EDIFACT 6411 code for a unit: the code as sent when it is valid EDIFACT for the same
    /// unit, else the normalised (Rec 20) code.
    public static func edifactCode(for unit: UnitOfMeasure) -> String {
        if self.unit(edifact: unit.asSent).normalized == unit.normalized { return unit.asSent }
        return unit.normalized
    }
}
