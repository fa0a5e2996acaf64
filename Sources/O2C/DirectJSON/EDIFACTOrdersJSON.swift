import EDICore
import EDISchema

/// The direct JSON writer of the EDIFACT ORDERS (``DirectDocumentJSON``).
enum EDIFACTOrdersJSON {
    /// Writes the purchase order's JSON (with its `type`) and returns its business key (the outer
    /// optional nil: not handled, the caller rolls back).
    static func write(_ transaction: ValidatedTransaction, to json: inout DocumentJSONWriter) -> String?? {
        nil
    }
}
