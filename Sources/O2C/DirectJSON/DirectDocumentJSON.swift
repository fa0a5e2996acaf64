import EDICore
public import EDISchema

/// Writes the JSON of a transaction's internal document straight from its segments, without building
/// the typed model or the internal document, for the transaction sets that are translated in the
/// largest volumes (X12 850, EDIFACT ORDERS).
///
/// The result is the same bytes as ``InboundTranslator/translate(_:)`` followed by
/// ``DocumentJSONWriter/append(_:)``: each direct writer handles the common shapes of its set and
/// gives up (returns nil, leaving the buffer as it was) on anything else — a segment it does not
/// map, a value the mapping would report or normalise in an unusual way — so that the caller maps
/// the transaction the ordinary way, which produces the findings. Tests compare both paths byte for
/// byte on every sample, fixture and corpus file, and on mutated transactions.
public enum DirectDocumentJSON {
    /// A document written by a direct writer.
    public struct Written: Sendable, Equatable {
        /// Where its JSON is in the writer's buffer.
        public var range: Range<Int>
        /// Its business key (``InternalDocument/businessKey``).
        public var businessKey: String?

        /// A document's place in the buffer and its business key.
        public init(range: Range<Int>, businessKey: String?) {
            self.range = range
            self.businessKey = businessKey
        }
    }

    /// Appends the JSON of the internal document `transaction` maps to, written straight from its
    /// segments; nil (and nothing appended) when no direct writer handles this transaction. The
    /// transaction must be valid and carry its segments.
    public static func append(_ transaction: ValidatedTransaction, to json: inout DocumentJSONWriter) -> Written? {
        guard transaction.result.isValid, !transaction.segmentStore.isEmpty else { return nil }
        let start = json.count
        let businessKey: String??
        switch (transaction.envelope.syntax, transaction.envelope.transactionType) {
        case (.x12, "850"): businessKey = X12PurchaseOrderJSON.write(transaction, to: &json)
        case (.edifact, "ORDERS"): businessKey = EDIFACTOrdersJSON.write(transaction, to: &json)
        default: businessKey = nil
        }
        guard let businessKey else {
            json.rollBack(to: start)
            return nil
        }
        return Written(range: start..<json.count, businessKey: businessKey)
    }
}
