/// One internal document of any of the five types, as the ERP reads it.
///
/// JSON: the document's own object with a `type` key added first: `purchaseOrder`,
/// `orderAcknowledgement`, `shipNotice`, `invoice` or `remittance`.
public enum InternalDocument: Codable, Sendable, Equatable, Hashable {
    /// From X12 850 / EDIFACT ORDERS.
    case purchaseOrder(PurchaseOrder)
    /// From X12 855 / EDIFACT ORDRSP.
    case orderAcknowledgement(OrderAcknowledgement)
    /// From X12 856 / EDIFACT DESADV.
    case shipNotice(ShipNotice)
    /// From X12 810 / EDIFACT INVOIC.
    case invoice(Invoice)
    /// From X12 820 / EDIFACT REMADV.
    case remittance(Remittance)

    /// The `type` discriminator of the JSON form; also the folder name `edikit translate` writes to.
    public enum DocumentType: String, Codable, Sendable, Hashable, CaseIterable {
        case purchaseOrder, orderAcknowledgement, shipNotice, invoice, remittance
    }

    /// The document's type.
    public var type: DocumentType {
        switch self {
        case .purchaseOrder: .purchaseOrder
        case .orderAcknowledgement: .orderAcknowledgement
        case .shipNotice: .shipNotice
        case .invoice: .invoice
        case .remittance: .remittance
        }
    }

    /// The business key: PO number, invoice number, shipment id, remittance or trace number.
    public var businessKey: String? {
        switch self {
        case .purchaseOrder(let document): document.number
        case .orderAcknowledgement(let document): document.purchaseOrderNumber
        case .shipNotice(let document): document.shipmentId
        case .invoice(let document): document.number
        case .remittance(let document): document.number ?? document.payment.traceNumber
        }
    }

    /// Where the document came from.
    public var envelope: DocumentEnvelope? {
        get {
            switch self {
            case .purchaseOrder(let document): document.envelope
            case .orderAcknowledgement(let document): document.envelope
            case .shipNotice(let document): document.envelope
            case .invoice(let document): document.envelope
            case .remittance(let document): document.envelope
            }
        }
        set {
            switch self {
            case .purchaseOrder(var document): document.envelope = newValue; self = .purchaseOrder(document)
            case .orderAcknowledgement(var document): document.envelope = newValue; self = .orderAcknowledgement(document)
            case .shipNotice(var document): document.envelope = newValue; self = .shipNotice(document)
            case .invoice(var document): document.envelope = newValue; self = .invoice(document)
            case .remittance(var document): document.envelope = newValue; self = .remittance(document)
            }
        }
    }

    private enum CodingKeys: String, CodingKey { case type }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(DocumentType.self, forKey: .type) {
        case .purchaseOrder: self = .purchaseOrder(try PurchaseOrder(from: decoder))
        case .orderAcknowledgement: self = .orderAcknowledgement(try OrderAcknowledgement(from: decoder))
        case .shipNotice: self = .shipNotice(try ShipNotice(from: decoder))
        case .invoice: self = .invoice(try Invoice(from: decoder))
        case .remittance: self = .remittance(try Remittance(from: decoder))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(type, forKey: .type)
        switch self {
        case .purchaseOrder(let document): try document.encode(to: encoder)
        case .orderAcknowledgement(let document): try document.encode(to: encoder)
        case .shipNotice(let document): try document.encode(to: encoder)
        case .invoice(let document): try document.encode(to: encoder)
        case .remittance(let document): try document.encode(to: encoder)
        }
    }
}
