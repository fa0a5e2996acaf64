public import EDIFACT
public import EDICore
import Foundation

extension EDIFACTOutboundMapper {
    /// Ship notice → DESADV: `CPS+1` is the consignment (package count and code in its `PAC`,
    /// unpacked items as its lines); each pack becomes a `CPS` level under its parent with
    /// `PAC`, `PCI+24` and `GIN+BJ` (the SSCC), then its items.
    public func despatchAdvice(_ notice: ShipNotice) -> DespatchAdviceMessage {
        let own = EDIFACTValues.ownCodes(notice.envelope)
        var body = body("DESADV", "351", notice.shipmentId, own(notice.purpose) ?? EDIFACTValues.originalIfForeign(notice.envelope))
        body.dates = EDIFACTValues.dates([("137", notice.noticeDate), ("11", notice.shipDate), ("17", notice.estimatedDelivery)],
                                         other: notice.otherDates)
        body.freeTexts = EDIFACTValues.notes(notice.notes)
        let order = notice.orders.first
        if let number = order?.purchaseOrderNumber {
            body.references = [EDIFACTValues.reference(Reference(qualifier: "ON", value: number, date: order?.purchaseOrderDate))]
        }
        if let bill = notice.billOfLading { body.references.append(EDIFACTReference(qualifier: "BM", number: bill)) }
        body.references += notice.references.map { EDIFACTValues.reference($0) }
        body.parties = notice.parties.map(EDIFACTValues.party)
        var consignment = EDIFACTPackingSequence(hierarchicalId: "1", parentId: nil)
        if notice.packageCount != nil || own(notice.packagingCode) != nil {
            consignment.packages = [EDIFACTPackage(numberOfPackages: notice.packageCount.map(String.init),
                                                   packageType: own(notice.packagingCode))]
        }
        consignment.lineItems = notice.orders.flatMap(\.items).map(Self.line)
        var levels = [consignment]
        for pack in notice.orders.flatMap(\.packs) { Self.add(pack, parent: "1", to: &levels, own: own) }
        body.packingSequences = levels
        body.controlTotals = [notice.lineCount.map { EDIFACTControlTotal(qualifier: "2", text: String($0)) }].compactMap { $0 }
        return DespatchAdviceMessage(body: body)
    }

    private static func add(_ pack: Pack, parent: String, to levels: inout [EDIFACTPackingSequence],
                            own: (String?) -> String?) {
        let id = String(levels.count + 1)
        var level = EDIFACTPackingSequence(hierarchicalId: id, parentId: parent, packagingLevel: own(pack.levelCode))
        var package = EDIFACTPackage(numberOfPackages: "1", packageType: own(pack.packagingCode))
        var identities: [EDIFACTGoodsIdentity] = []
        if let sscc = pack.sscc { identities.append(EDIFACTGoodsIdentity(qualifier: "BJ", numbers: [sscc])) }
        identities += pack.marks.map { EDIFACTGoodsIdentity(qualifier: $0.qualifier, numbers: [$0.value]) }
        if !identities.isEmpty { package.identifications = [EDIFACTPackageIdentification(markingInstructions: "24", goodsIdentities: identities)] }
        level.packages = [package]
        level.lineItems = pack.items.map(line)
        levels.append(level)
        for child in pack.packs { add(child, parent: id, to: &levels, own: own) }
    }

    private static func line(_ item: ShippedItem) -> EDIFACTLineItem {
        var line = EDIFACTValues.line(number: item.lineNumber, items: item.items, description: item.description)
        line.quantities = [EDIFACTValues.quantity("12", item.quantityShipped), EDIFACTValues.quantity("21", item.quantityOrdered)]
            .compactMap { $0 }
        line.references = item.references.map { EDIFACTValues.reference($0) }
        if let orderLine = item.purchaseOrderLineNumber {
            if let index = line.references.firstIndex(where: { $0.qualifier == "ON" }) {
                line.references[index].lineNumber = orderLine
            } else {
                line.references.append(EDIFACTReference(qualifier: "ON", number: nil, lineNumber: orderLine))
            }
        }
        return line
    }
}

extension EDIFACTOutboundMapper {
    /// Any internal document → the segments of its EDIFACT message, `UNH` to `UNT`.
    public func segments(_ document: InternalDocument, messageReference: String) -> [OutgoingSegment] {
        switch document {
        case .purchaseOrder(let order): orders(order).segments(messageReference: messageReference)
        case .orderAcknowledgement(let acknowledgement): orderResponse(acknowledgement).segments(messageReference: messageReference)
        case .shipNotice(let notice): despatchAdvice(notice).segments(messageReference: messageReference)
        case .invoice(let invoice): self.invoice(invoice).segments(messageReference: messageReference)
        case .remittance(let remittance): remittanceAdvice(remittance).segments(messageReference: messageReference)
        }
    }
}
