public import Foundation

/// A money amount: always `Decimal`, never binary floating point; the currency is the document's
/// `currency` (ISO 4217).
public typealias MonetaryAmount = Decimal

/// A reference number with its qualifier as sent: X12 `REF` (element 128), EDIFACT `RFF` C506
/// (1153 qualifier, 1154 number).
public struct Reference: Codable, Sendable, Equatable, Hashable {
    /// The qualifier as sent (`DP`, `IA`, `ON`, `CT`…).
    public var qualifier: String
    /// The reference number.
    public var value: String
    /// Free-form description (`REF03`).
    public var description: String?
    /// The reference's date, ISO 8601 (EDIFACT `DTM` after `RFF`).
    public var date: String?

    /// Creates a reference.
    public init(qualifier: String, value: String, description: String? = nil, date: String? = nil) {
        self.qualifier = qualifier
        self.value = value
        self.description = description
        self.date = date
    }
}

/// A date with its qualifier as sent, for dates that have no named field: X12 `DTM` (374),
/// EDIFACT `DTM` C507 (2005).
public struct QualifiedDate: Codable, Sendable, Equatable, Hashable {
    /// The qualifier as sent (`X12 DTM01`, EDIFACT 2005).
    public var qualifier: String
    /// ISO 8601: `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM[:SS]` when a time came with it.
    public var date: String

    /// Creates a qualified date.
    public init(qualifier: String, date: String) {
        self.qualifier = qualifier
        self.date = date
    }
}

/// A free-form note: X12 `MSG`/`NTE`, EDIFACT `FTX` (4451 subject).
public struct Note: Codable, Sendable, Equatable, Hashable {
    /// The subject or reference code as sent (`NTE01`, FTX 4451).
    public var qualifier: String?
    /// The text.
    public var text: String

    /// Creates a note.
    public init(qualifier: String? = nil, text: String) {
        self.qualifier = qualifier
        self.text = text
    }
}

/// One identifier of an item: X12 `PO1`/`IT1`/`LIN` qualifier–value pairs (element 235),
/// EDIFACT `LIN` C212 and `PIA` C212 (7143 item type).
public struct ItemIdentifier: Codable, Sendable, Equatable, Hashable {
    /// The identification scheme.
    public var scheme: ItemIdScheme
    /// The qualifier as sent (`UP`, `VN`, `EN`, `SA`…).
    public var qualifier: String?
    /// The identifier.
    public var value: String

    /// Creates an item identifier.
    public init(scheme: ItemIdScheme, qualifier: String? = nil, value: String) {
        self.scheme = scheme
        self.qualifier = qualifier
        self.value = value
    }
}

/// Item identification schemes shared by both syntaxes (see ``ItemIdSchemeCodes``).
public enum ItemIdScheme: String, Codable, Sendable, Hashable, CaseIterable {
    /// GS1 GTIN (8, 12, 13 or 14 digits; GTIN-14 case codes too).
    case gtin
    /// UPC-A (12 digits) consumer package code.
    case upc
    /// EAN/UCC-13 (International Article Number).
    case ean
    /// The buyer's item number.
    case buyerPartNumber
    /// The vendor's or supplier's item number.
    case vendorPartNumber
    /// A stock-keeping unit number.
    case sku
    /// Any other scheme (see the qualifier).
    case other
}

/// A unit of measure as sent and in its normalised form, the UN/ECE Recommendation 20 code
/// (X12 element 355, EDIFACT 6411). An unknown code normalises to itself.
public struct UnitOfMeasure: Codable, Sendable, Equatable, Hashable {
    /// The code as sent (`EA`, `CA`, `PCE`).
    public var asSent: String
    /// The UN/ECE Rec 20 code (`EA`, `CS`, `KGM`), or `asSent` when the code is not in the table.
    public var normalized: String

    /// Creates a unit.
    public init(asSent: String, normalized: String) {
        self.asSent = asSent
        self.normalized = normalized
    }
}

/// A quantity: a decimal number and its unit (X12 `PO102`/`PO103`, EDIFACT `QTY` C186).
public struct Quantity: Codable, Sendable, Equatable, Hashable {
    /// The amount.
    public var value: Decimal
    /// The unit, when one was sent.
    public var unit: UnitOfMeasure?

    /// Creates a quantity.
    public init(value: Decimal, unit: UnitOfMeasure? = nil) {
        self.value = value
        self.unit = unit
    }
}

/// A unit price and its basis (X12 `PO104`/`PO105`, EDIFACT `PRI` C509).
public struct UnitPrice: Codable, Sendable, Equatable, Hashable {
    /// The price per unit, in the document currency.
    public var value: Decimal
    /// The price basis or qualifier as sent (X12 `PO105` 639, e.g. `PE`; EDIFACT 5125, e.g. `AAA`).
    public var basis: String?
    /// The quantity the price is for, when not one unit (EDIFACT 5284 with 6411).
    public var per: Quantity?

    /// Creates a price.
    public init(value: Decimal, basis: String? = nil, per: Quantity? = nil) {
        self.value = value
        self.basis = basis
        self.per = per
    }
}

/// An allowance or charge: X12 `SAC` (or `ITA`), EDIFACT `ALC` with `MOA`/`PCD`/`QTY`.
public struct AllowanceCharge: Codable, Sendable, Equatable, Hashable {
    /// Whether it lowers or raises the amount due.
    public enum Kind: String, Codable, Sendable, Hashable {
        /// Lowers the amount (X12 `SAC01` A, EDIFACT 5463 A).
        case allowance
        /// Raises the amount (X12 `SAC01` C, EDIFACT 5463 C).
        case charge
    }

    /// Allowance or charge.
    public var kind: Kind
    /// The allowance/charge code as sent (X12 `SAC02` 1300, EDIFACT 7161).
    public var code: String?
    /// Description.
    public var description: String?
    /// The amount.
    public var amount: Decimal?
    /// The percentage, when given as one.
    public var percent: Decimal?
    /// What the percentage is taken of, as sent (X12 `SAC06` 378: `1` item list cost, `3`
    /// discount/gross…); X12 writes a percentage only with it.
    public var percentQualifier: String?
    /// The amount the percentage applies to.
    public var basisAmount: Decimal?
    /// The rate per unit, when given as one.
    public var rate: Decimal?
    /// The quantity it applies to.
    public var quantity: Quantity?

    /// Creates an allowance or charge.
    public init(kind: Kind, code: String? = nil, description: String? = nil, amount: Decimal? = nil,
                percent: Decimal? = nil, percentQualifier: String? = nil, basisAmount: Decimal? = nil, rate: Decimal? = nil,
                quantity: Quantity? = nil) {
        self.kind = kind
        self.code = code
        self.description = description
        self.amount = amount
        self.percent = percent
        self.percentQualifier = percentQualifier
        self.basisAmount = basisAmount
        self.rate = rate
        self.quantity = quantity
    }
}

/// A tax: X12 `TXI` (or `TAX`), EDIFACT `TAX` with `MOA`.
public struct Tax: Codable, Sendable, Equatable, Hashable {
    /// The tax type code as sent (X12 `TXI01` 963, EDIFACT 5153 such as `VAT`).
    public var type: String?
    /// The rate in percent.
    public var percent: Decimal?
    /// The tax amount.
    public var amount: Decimal?
    /// The amount the tax applies to.
    public var taxableAmount: Decimal?
    /// The duty/tax category as sent (EDIFACT 5305, e.g. `S`).
    public var category: String?
    /// The tax jurisdiction or registration, as sent.
    public var jurisdiction: String?

    /// Creates a tax.
    public init(type: String? = nil, percent: Decimal? = nil, amount: Decimal? = nil, taxableAmount: Decimal? = nil,
                category: String? = nil, jurisdiction: String? = nil) {
        self.type = type
        self.percent = percent
        self.amount = amount
        self.taxableAmount = taxableAmount
        self.category = category
        self.jurisdiction = jurisdiction
    }
}

/// Terms of sale and payment: X12 `ITD`, EDIFACT `PAT` with `DTM`/`PCD`/`MOA`.
public struct PaymentTerms: Codable, Sendable, Equatable, Hashable {
    /// The terms type code as sent (X12 `ITD01` 336, EDIFACT 4279).
    public var type: String?
    /// The basis date code as sent (X12 `ITD02` 333, EDIFACT C112 2475).
    public var basisDateCode: String?
    /// Discount in percent for early payment.
    public var discountPercent: Decimal?
    /// Days within which the discount applies.
    public var discountDays: Int?
    /// Date until which the discount applies, ISO 8601.
    public var discountDueDate: String?
    /// The discount amount.
    public var discountAmount: Decimal?
    /// Days until the net amount is due.
    public var netDays: Int?
    /// Date the net amount is due, ISO 8601.
    public var netDueDate: String?
    /// Free-form description (`ITD12`, PAT C110).
    public var description: String?

    /// Creates terms.
    public init(type: String? = nil, basisDateCode: String? = nil, discountPercent: Decimal? = nil,
                discountDays: Int? = nil, discountDueDate: String? = nil, discountAmount: Decimal? = nil,
                netDays: Int? = nil, netDueDate: String? = nil, description: String? = nil) {
        self.type = type
        self.basisDateCode = basisDateCode
        self.discountPercent = discountPercent
        self.discountDays = discountDays
        self.discountDueDate = discountDueDate
        self.discountAmount = discountAmount
        self.netDays = netDays
        self.netDueDate = netDueDate
        self.description = description
    }
}

/// Carrier and routing: X12 `TD5` (and `TD1`/`TD3`/`FOB`), EDIFACT `TDT`/`TOD`.
public struct Carrier: Codable, Sendable, Equatable, Hashable {
    /// Standard Carrier Alpha Code (X12 `TD503` with `TD502` 2; EDIFACT TDT C040 3127).
    public var scac: String?
    /// Carrier name.
    public var name: String?
    /// Transportation method or mode code as sent (X12 `TD504` 91, EDIFACT TDT C220 8067).
    public var transportMethod: String?
    /// Routing or service description (X12 `TD505`).
    public var routing: String?
    /// This carrier's place in the routing as sent (X12 `TD501` 133: `O` origin carrier, `1` first
    /// carrier after the origin carrier, `B` origin/delivery carrier…).
    public var routingSequence: String?
    /// Service level code as sent (X12 `TD512`).
    public var serviceLevel: String?
    /// Tracking or PRO number.
    public var trackingNumber: String?
    /// Terms of delivery / shipment payment code as sent (X12 `FOB01`, EDIFACT TOD 4053).
    public var deliveryTerms: String?
    /// Shipping instructions as text.
    public var instructions: [String]

    /// Creates a carrier record.
    public init(scac: String? = nil, name: String? = nil, transportMethod: String? = nil, routing: String? = nil,
                routingSequence: String? = nil, serviceLevel: String? = nil, trackingNumber: String? = nil, deliveryTerms: String? = nil,
                instructions: [String] = []) {
        self.scac = scac
        self.name = name
        self.transportMethod = transportMethod
        self.routing = routing
        self.routingSequence = routingSequence
        self.serviceLevel = serviceLevel
        self.trackingNumber = trackingNumber
        self.deliveryTerms = deliveryTerms
        self.instructions = instructions
    }
}

/// A measurement such as a gross weight (X12 `TD1`/`MEA`, EDIFACT `MEA`).
public struct Measurement: Codable, Sendable, Equatable, Hashable {
    /// What is measured, as sent (X12 `TD106` G, EDIFACT 6313 AAB).
    public var qualifier: String?
    /// The value.
    public var value: Decimal
    /// The unit.
    public var unit: UnitOfMeasure?

    /// Creates a measurement.
    public init(qualifier: String? = nil, value: Decimal, unit: UnitOfMeasure? = nil) {
        self.qualifier = qualifier
        self.value = value
        self.unit = unit
    }
}
