/// A ship notice (advance ship notice), the same for X12 856 and EDIFACT DESADV.
///
/// X12: `BSN` (shipment id `BSN02`, date `BSN03`, time `BSN04`, structure `BSN05`), `DTM`, then the
/// `HL` tree: shipment `S` (`TD1`, `TD5`, `REF`, `N1`) → order `O` (`PRF`) → pack `P`/tare `T`
/// (`MAN` GM with the SSCC-18) → item `I` (`LIN`, `SN1`, `PID`). EDIFACT: `BGM` 351, `DTM`,
/// SG1 `RFF`, SG2 `NAD`, SG6 `TDT`, then the `CPS` tree with `PAC`, `PCI`/`GIN` (SSCC) and
/// `LIN`/`QTY`/`RFF`.
public struct ShipNotice: Codable, Sendable, Equatable, Hashable {
    /// The shipment id (`BSN02`, BGM 1004).
    public var shipmentId: String
    /// Purpose code as sent (`BSN01`, BGM 1225).
    public var purpose: String?
    /// Date the notice was made, ISO 8601 (`BSN03`/`BSN04`, DTM 137).
    public var noticeDate: String?
    /// Ship date, ISO 8601 (DTM `011`, DTM 11).
    public var shipDate: String?
    /// Estimated delivery date, ISO 8601 (DTM `017`, DTM 132/17).
    public var estimatedDelivery: String?
    /// Other dates.
    public var otherDates: [QualifiedDate]
    /// The hierarchical structure code as sent (`BSN05`: `0001` = shipment, order, pack, item).
    public var structureCode: String?
    /// Carrier, SCAC, routing, tracking (`TD5`, `REF` CN, SG6 `TDT`).
    public var carrier: Carrier?
    /// Bill of lading number (`REF` BM, RFF BM).
    public var billOfLading: String?
    /// Parties by role (ship-to, ship-from, buyer, supplier).
    public var parties: [Party]
    /// Shipment references.
    public var references: [Reference]
    /// Number of packages or handling units (`TD102`, CPS 1 `PAC`).
    public var packageCount: Int?
    /// Packaging code as sent (`TD101`, PAC 7065).
    public var packagingCode: String?
    /// Weights and volumes of the shipment (`TD106`–`TD108`, MEA).
    public var measurements: [Measurement]
    /// The orders shipped, each with its packs and items.
    public var orders: [ShippedOrder]
    /// Number of `HL` segments or lines (`CTT01`, CNT).
    public var lineCount: Int?
    /// Notes.
    public var notes: [Note]
    /// Where it came from.
    public var envelope: DocumentEnvelope?

    /// Creates a ship notice.
    public init(shipmentId: String, purpose: String? = nil, noticeDate: String? = nil, shipDate: String? = nil,
                estimatedDelivery: String? = nil, otherDates: [QualifiedDate] = [], structureCode: String? = nil,
                carrier: Carrier? = nil, billOfLading: String? = nil, parties: [Party] = [],
                references: [Reference] = [], packageCount: Int? = nil, packagingCode: String? = nil,
                measurements: [Measurement] = [], orders: [ShippedOrder] = [], lineCount: Int? = nil,
                notes: [Note] = [], envelope: DocumentEnvelope? = nil) {
        self.shipmentId = shipmentId
        self.purpose = purpose
        self.noticeDate = noticeDate
        self.shipDate = shipDate
        self.estimatedDelivery = estimatedDelivery
        self.otherDates = otherDates
        self.structureCode = structureCode
        self.carrier = carrier
        self.billOfLading = billOfLading
        self.parties = parties
        self.references = references
        self.packageCount = packageCount
        self.packagingCode = packagingCode
        self.measurements = measurements
        self.orders = orders
        self.lineCount = lineCount
        self.notes = notes
        self.envelope = envelope
    }
}

/// One order within a shipment (X12 `HL` O with `PRF`, EDIFACT `RFF` ON).
public struct ShippedOrder: Codable, Sendable, Equatable, Hashable {
    /// The buyer's purchase order number (`PRF01`, RFF ON).
    public var purchaseOrderNumber: String?
    /// The order date, ISO 8601 (`PRF04`).
    public var purchaseOrderDate: String?
    /// Order-level references.
    public var references: [Reference]
    /// Order-level parties (a ship-to per order, for example).
    public var parties: [Party]
    /// Packs (pallets, cartons) of this order.
    public var packs: [Pack]
    /// Items shipped without a pack level.
    public var items: [ShippedItem]

    /// Creates an order record.
    public init(purchaseOrderNumber: String? = nil, purchaseOrderDate: String? = nil, references: [Reference] = [],
                parties: [Party] = [], packs: [Pack] = [], items: [ShippedItem] = []) {
        self.purchaseOrderNumber = purchaseOrderNumber
        self.purchaseOrderDate = purchaseOrderDate
        self.references = references
        self.parties = parties
        self.packs = packs
        self.items = items
    }
}

/// A pack, carton, pallet or tare (X12 `HL` P/T with `MAN`, EDIFACT `CPS` with `PAC`/`GIN`).
public struct Pack: Codable, Sendable, Equatable, Hashable {
    /// The SSCC-18 of the pack (`MAN02` with `MAN01` GM, GIN BJ).
    public var sscc: String?
    /// Other marks and numbers (`MAN` other than the SSCC, `PCI`), as sent.
    public var marks: [Reference]
    /// Packaging type code as sent (`PO4`, PAC 7065).
    public var packagingCode: String?
    /// The hierarchy level code as sent (`HL03` P or T; CPS 7164 hierarchical id).
    public var levelCode: String?
    /// Weights and volumes of the pack.
    public var measurements: [Measurement]
    /// Packs inside this pack (cartons on a pallet).
    public var packs: [Pack]
    /// Items in this pack.
    public var items: [ShippedItem]

    /// Creates a pack.
    public init(sscc: String? = nil, marks: [Reference] = [], packagingCode: String? = nil, levelCode: String? = nil,
                measurements: [Measurement] = [], packs: [Pack] = [], items: [ShippedItem] = []) {
        self.sscc = sscc
        self.marks = marks
        self.packagingCode = packagingCode
        self.levelCode = levelCode
        self.measurements = measurements
        self.packs = packs
        self.items = items
    }
}

/// An item shipped (X12 `HL` I with `LIN`/`SN1`/`PID`, EDIFACT `LIN` with `QTY` 12).
public struct ShippedItem: Codable, Sendable, Equatable, Hashable {
    /// The line number as sent (`LIN01`, LIN 1082).
    public var lineNumber: String?
    /// The purchase order line it ships (`SN1` / `PO4` references, RFF ON line).
    public var purchaseOrderLineNumber: String?
    /// Item identifiers.
    public var items: [ItemIdentifier]
    /// Description.
    public var description: String?
    /// Quantity shipped (`SN102`/`SN103`, QTY 12).
    public var quantityShipped: Quantity
    /// Quantity ordered (`SN105`/`SN106`, QTY 21).
    public var quantityOrdered: Quantity?
    /// Lot or batch number (`REF` LT, PIA/GIN BX).
    public var lotNumber: String?
    /// Item references.
    public var references: [Reference]

    /// Creates an item record.
    public init(lineNumber: String? = nil, purchaseOrderLineNumber: String? = nil, items: [ItemIdentifier] = [],
                description: String? = nil, quantityShipped: Quantity, quantityOrdered: Quantity? = nil,
                lotNumber: String? = nil, references: [Reference] = []) {
        self.lineNumber = lineNumber
        self.purchaseOrderLineNumber = purchaseOrderLineNumber
        self.items = items
        self.description = description
        self.quantityShipped = quantityShipped
        self.quantityOrdered = quantityOrdered
        self.lotNumber = lotNumber
        self.references = references
    }
}
