import EDICore
public import X12
import Foundation

extension X12InboundMapper {
    /// 856 → ship notice: the shipment level gives carrier, packaging, weight, bill of lading and
    /// parties; each order level (`O`) a shipped order with its packs (`P`/`T`, SSCC from `MAN` GM)
    /// and items (`I`: `LIN`, `SN1`, `PID`).
    public static func shipNotice(from notice: ShipNotice856) throws(MappingError) -> ShipNotice {
        var context = X12InboundContext()
        if notice.shipmentIdentification.isEmpty {
            context.fail("the ship notice has no shipment identification", field: "BSN02", at: notice.origin.element(2))
        }
        let shipment = notice.shipment
        let dates = context.dates(notice.dates + (shipment?.dates ?? []), naming: .shipped, .estimatedDelivery)
        var references: [Reference] = []
        var billOfLading: String?
        for ref in shipment?.references ?? [] {
            if ref.qualifier == "BM", billOfLading == nil { billOfLading = ref.identification } else { references.append(context.reference(ref)) }
        }
        let td1 = shipment?.carrierQuantityAndWeight.first
        var measurements: [Measurement] = []
        if let td1, let weight = context.decimal(td1.weight, field: "TD107") {
            measurements.append(Measurement(qualifier: td1.weightQualifier, value: weight,
                                            unit: td1.weightUnitCode.map { UnitCodes.unit(x12: $0) }))
        }
        var orders: [ShippedOrder] = []
        forEachLevel(in: notice.levels, coded: "O") { orders.append(shippedOrder($0, $1, context: &context)) }
        if orders.isEmpty, let shipment, !(shipment.children.isEmpty) {
            // No order level: the packs and items under the shipment form one order without a number.
            orders = [shippedOrder([shipment], 0, context: &context, isShipment: true)]
        }
        let document = ShipNotice(
            shipmentId: notice.shipmentIdentification, purpose: notice.transactionSetPurposeCode,
            noticeDate: context.date(notice.shipmentDate, time: notice.beginningSegment[element: 4], field: "BSN03",
                                     at: notice.origin.element(3)),
            shipDate: dates.named[.shipped], estimatedDelivery: dates.named[.estimatedDelivery], otherDates: dates.other,
            structureCode: notice.hierarchicalStructureCode, carrier: context.carrier(shipment?.carrierRouting ?? []),
            billOfLading: billOfLading, parties: (shipment?.parties ?? []).map(context.party), references: references,
            packageCount: td1.flatMap { context.integer($0.ladingQuantity?.text, field: "TD102", at: $0.position(ofElement: 2)) },
            packagingCode: td1?.packagingCode, measurements: measurements, orders: orders,
            lineCount: notice.totals.flatMap { context.integer($0.numberOfLineItems, field: "CTT01", at: $0.position(ofElement: 1)) })
        try context.finish()
        return document
    }

    // The level mapped is `levels[index]`, given as its array and index, and its values are read
    // through them: a level is a large struct (14 arrays and optionals), and passing one to a
    // function copies it (retaining every array), even from an array's buffer.

    /// An order level (or the shipment level, when it has no order levels) → shipped order.
    static func shippedOrder(_ levels: [X12HierarchicalLevel], _ index: Int, context: inout X12InboundContext,
                             isShipment: Bool = false) -> ShippedOrder {
        let prf = levels[index].purchaseOrderReference
        return ShippedOrder(
            purchaseOrderNumber: prf?.purchaseOrderNumber,
            purchaseOrderDate: context.date(prf?.purchaseOrderDate, field: "PRF04", at: prf?.position(ofElement: 4)),
            references: isShipment ? [] : levels[index].references.map(context.reference),
            parties: isShipment ? [] : levels[index].parties.map(context.party),
            packs: mapped(levels[index].children, where: { $0 != "I" && $0 != "O" }) { pack($0, $1, context: &context) },
            items: mapped(levels[index].children, where: { $0 == "I" }) { shippedItem($0, $1, context: &context) })
    }

    /// A tare or pack level → pack, with the packs and items below it.
    static func pack(_ levels: [X12HierarchicalLevel], _ index: Int, context: inout X12InboundContext) -> Pack {
        var sscc: String?
        var marks: [Reference] = []
        for man in levels[index].marksAndNumbers {
            if man.qualifier == "GM", sscc == nil { sscc = man.number } else { marks.append(Reference(qualifier: man.qualifier, value: man.number)) }
        }
        // Packaging and weights: every TD1 of the level (TD101, TD106–TD108), then PO4 (PO404–PO407).
        var packagingCode: String?
        var measurements: [Measurement] = []
        for td1 in levels[index].carrierQuantityAndWeight {
            packagingCode = packagingCode ?? td1.packagingCode
            if let weight = context.decimal(td1.weight, field: "TD107") {
                measurements.append(Measurement(qualifier: td1.weightQualifier, value: weight,
                                                unit: td1.weightUnitCode.map { UnitCodes.unit(x12: $0) }))
            }
        }
        if let po4 = levels[index].physicalDetails {
            packagingCode = packagingCode ?? po4.packagingCode
            if let weight = context.decimal(po4.grossWeightPerPack, field: "PO406") {
                measurements.append(Measurement(qualifier: po4.weightQualifier, value: weight,
                                                unit: po4.weightUnitCode.map { UnitCodes.unit(x12: $0) }))
            }
        }
        let children = levels[index].children
        return Pack(sscc: sscc, marks: marks, packagingCode: packagingCode, levelCode: levels[index].levelCode,
                    measurements: measurements, packs: mapped(children, where: { $0 != "I" }) { pack($0, $1, context: &context) },
                    items: mapped(children, where: { $0 == "I" }) { shippedItem($0, $1, context: &context) })
    }

    /// The levels whose HL03 `isIncluded` accepts, mapped in order (given to `map` as array and
    /// index: neither copied into a filtered array nor one by one).
    static func mapped<Mapped>(_ levels: [X12HierarchicalLevel], where isIncluded: (String) -> Bool,
                               _ map: ([X12HierarchicalLevel], Int) -> Mapped) -> [Mapped] {
        var mapped: [Mapped] = []
        for index in levels.indices where isIncluded(levels[index].levelCode) {
            mapped.append(map(levels, index))
        }
        return mapped
    }

    /// Calls `body` with each level coded `levelCode` (HL03), depth first, as
    /// ``ShipNotice856/orders`` lists them, as array and index rather than copied.
    static func forEachLevel(in levels: [X12HierarchicalLevel], coded levelCode: String,
                             _ body: ([X12HierarchicalLevel], Int) -> Void) {
        for index in levels.indices {
            if levels[index].levelCode == levelCode { body(levels, index) }
            forEachLevel(in: levels[index].children, coded: levelCode, body)
        }
    }

    /// The first free-form description (PID05) of a level's or line's PIDs (for a line, what
    /// ``X12LineItem/description`` gives, without copying the line to ask it).
    static func firstDescription(_ pids: [X12ProductDescription]) -> String? {
        for index in pids.indices { if let text = pids[index].description { return text } }
        return nil
    }

    /// An item level → shipped item: the level's values are read out of the array one by one
    /// (a copy of each, not of the level) and mapped by the function below.
    static func shippedItem(_ levels: [X12HierarchicalLevel], _ index: Int, context: inout X12InboundContext) -> ShippedItem {
        shippedItem(detail: levels[index].itemDetail, identification: levels[index].itemIdentification,
                    descriptions: levels[index].descriptions, references: levels[index].references,
                    origin: levels[index].origin, context: &context)
    }

    /// An item level's SN1, LIN, PIDs and REFs → shipped item (`origin`: where its HL was read).
    static func shippedItem(detail sn1: X12ShipmentItemDetail?, identification lin: X12ItemIdentification?,
                            descriptions: [X12ProductDescription], references refs: [X12Reference], origin: X12Origin,
                            context: inout X12InboundContext) -> ShippedItem {
        if sn1?.unitsShipped == nil {
            context.fail("the item level has no quantity shipped (SN102)", field: "SN102",
                         at: sn1?.position(ofElement: 2) ?? origin.position)
        }
        var lot: String?
        var references: [Reference] = []
        for ref in refs {
            if ref.qualifier == "LT", lot == nil { lot = ref.identification } else { references.append(context.reference(ref)) }
        }
        return ShippedItem(
            lineNumber: lin?.assignedIdentification,
            items: context.items(lin?.itemIdentifiers ?? []),
            description: firstDescription(descriptions),
            quantityShipped: context.quantity(sn1?.unitsShipped, unit: sn1?.unitOfMeasureCode, field: "SN102",
                                              at: sn1?.origin.position) ?? Quantity(value: 0),
            quantityOrdered: context.quantity(sn1?.quantityOrdered, unit: sn1?.orderedUnitOfMeasureCode, field: "SN105",
                                              at: sn1?.origin.position),
            lotNumber: lot, references: references)
    }
}
