public import EDICore
public import EDISchema

/// Turns a validated transaction into the internal document it carries: picks the mapper by
/// syntax and transaction type (X12 850/855/856/810/820, EDIFACT ORDERS/ORDRSP/DESADV/INVOIC/
/// REMADV) and fills in the ``DocumentEnvelope`` from the transaction's envelope.
public enum InboundTranslator {
    /// The internal document type for each transaction type, per syntax.
    public static let documentTypes: [EDISyntax: [String: InternalDocument.DocumentType]] = [
        .x12: ["850": .purchaseOrder, "855": .orderAcknowledgement, "856": .shipNotice, "810": .invoice,
               "820": .remittance],
        .edifact: ["ORDERS": .purchaseOrder, "ORDRSP": .orderAcknowledgement, "DESADV": .shipNotice,
                   "INVOIC": .invoice, "REMADV": .remittance],
    ]

    /// The internal document a transaction type maps to; nil for acknowledgements (997, 999,
    /// CONTRL) and types without a document.
    public static func documentType(syntax: EDISyntax, transactionType: String) -> InternalDocument.DocumentType? {
        documentTypes[syntax]?[transactionType]
    }

    /// Maps one transaction. The transaction must carry its segments (validate with
    /// `FileValidator.collectsSegments`); its validation findings are the caller's to check.
    public static func translate(_ transaction: ValidatedTransaction) throws(MappingError) -> InternalDocument {
        let envelope = transaction.envelope
        let name = "\(envelope.syntax) \(envelope.transactionType) \(envelope.transactionControlNumber)"
        guard documentType(syntax: envelope.syntax, transactionType: envelope.transactionType) != nil else {
            throw MappingError("no internal document for \(envelope.syntax) \(envelope.transactionType)",
                               position: transaction.segmentStore.first?.position ?? transaction.result.position)
        }
        guard !transaction.segmentStore.isEmpty else {
            throw MappingError("\(name) has no segments to map (validate with collectsSegments)",
                               position: transaction.result.position)
        }
        var document: InternalDocument
        switch envelope.syntax {
        case .x12: document = try X12InboundMapper.map(transaction)
        case .edifact: document = try EDIFACTInboundMapper.map(transaction)
        }
        if document.envelope == nil { document.envelope = DocumentEnvelope(envelope) }
        return document
    }
}
