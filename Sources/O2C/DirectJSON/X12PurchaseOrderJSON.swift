import EDICore
import EDISchema

/// The direct JSON writer of the X12 850 (``DirectDocumentJSON``).
enum X12PurchaseOrderJSON {
    /// Writes the purchase order's JSON (with its `type`) and returns its business key (the outer
    /// optional nil: not handled, the caller rolls back).
    static func write(_ transaction: ValidatedTransaction, to json: inout DocumentJSONWriter) -> String?? {
        nil
    }
}
