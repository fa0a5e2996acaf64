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
        let orderLevels = notice.orders
        var orders = orderLevels.map { shippedOrder($0, context: &context) }
        if orderLevels.isEmpty, let shipment, !(shipment.children.isEmpty) {
            // No order level: the packs and items under the shipment form one order without a number.
            orders = [shippedOrder(shipment, context: &context, isShipment: true)]
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

    static func shippedOrder(_ level: X12HierarchicalLevel, context: inout X12InboundContext, isShipment: Bool = false) -> ShippedOrder {
        let prf = level.purchaseOrderReference
        return ShippedOrder(
            purchaseOrderNumber: prf?.purchaseOrderNumber,
            purchaseOrderDate: context.date(prf?.purchaseOrderDate, field: "PRF04", at: prf?.position(ofElement: 4)),
            references: isShipment ? [] : level.references.map(context.reference),
            parties: isShipment ? [] : level.parties.map(context.party),
            packs: children(of: level, where: { $0 != "I" && $0 != "O" }) { pack($0, context: &context) },
            items: children(of: level, where: { $0 == "I" }) { shippedItem($0, context: &context) })
    }

    static func pack(_ level: X12HierarchicalLevel, context: inout X12InboundContext) -> Pack {
        var sscc: String?
        var marks: [Reference] = []
        for man in level.marksAndNumbers {
            if man.qualifier == "GM", sscc == nil { sscc = man.number } else { marks.append(Reference(qualifier: man.qualifier, value: man.number)) }
        }
        // Packaging and weights: every TD1 of the level (TD101, TD106–TD108), then PO4 (PO404–PO407).
        var packagingCode: String?
        var measurements: [Measurement] = []
        for td1 in level.carrierQuantityAndWeight {
            packagingCode = packagingCode ?? td1.packagingCode
            if let weight = context.decimal(td1.weight, field: "TD107") {
                measurements.append(Measurement(qualifier: td1.weightQualifier, value: weight,
                                                unit: td1.weightUnitCode.map { UnitCodes.unit(x12: $0) }))
            }
        }
        if let po4 = level.physicalDetails {
            packagingCode = packagingCode ?? po4.packagingCode
            if let weight = context.decimal(po4.grossWeightPerPack, field: "PO406") {
                measurements.append(Measurement(qualifier: po4.weightQualifier, value: weight,
                                                unit: po4.weightUnitCode.map { UnitCodes.unit(x12: $0) }))
            }
        }
        return Pack(sscc: sscc, marks: marks, packagingCode: packagingCode, levelCode: level.levelCode,
                    measurements: measurements, packs: children(of: level, where: { $0 != "I" }) { pack($0, context: &context) },
                    items: children(of: level, where: { $0 == "I" }) { shippedItem($0, context: &context) })
    }

    /// The children of `level` whose HL03 `isIncluded` accepts, mapped in order (read in place, not
    /// copied into a filtered array first).
    static func children<Mapped>(of level: X12HierarchicalLevel, where isIncluded: (String) -> Bool,
                                 _ map: (X12HierarchicalLevel) -> Mapped) -> [Mapped] {
        var mapped: [Mapped] = []
        for index in level.children.indices where isIncluded(level.children[index].levelCode) {
            mapped.append(map(level.children[index]))
        }
        return mapped
    }

    /// The first free-form description (PID05) of a level's or line's PIDs (for a line, what
    /// ``X12LineItem/description`` gives, without copying the line to ask it).
    static func firstDescription(_ pids: [X12ProductDescription]) -> String? {
        for index in pids.indices { if let text = pids[index].description { return text } }
        return nil
    }

    static func shippedItem(_ level: X12HierarchicalLevel, context: inout X12InboundContext) -> ShippedItem {
        let sn1 = level.itemDetail
        if sn1?.unitsShipped == nil {
            context.fail("the item level has no quantity shipped (SN102)", field: "SN102",
                         at: sn1?.position(ofElement: 2) ?? level.origin.position)
        }
        var lot: String?
        var references: [Reference] = []
        for ref in level.references {
            if ref.qualifier == "LT", lot == nil { lot = ref.identification } else { references.append(context.reference(ref)) }
        }
        return ShippedItem(
            lineNumber: level.itemIdentification?.assignedIdentification,
            items: context.items(level.itemIdentification?.itemIdentifiers ?? []),
            description: firstDescription(level.descriptions),
            quantityShipped: context.quantity(sn1?.unitsShipped, unit: sn1?.unitOfMeasureCode, field: "SN102",
                                              at: sn1?.origin.position) ?? Quantity(value: 0),
            quantityOrdered: context.quantity(sn1?.quantityOrdered, unit: sn1?.orderedUnitOfMeasureCode, field: "SN105",
                                              at: sn1?.origin.position),
            lotNumber: lot, references: references)
    }
}
