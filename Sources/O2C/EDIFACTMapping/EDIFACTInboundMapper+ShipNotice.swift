public import EDIFACT
import Foundation

extension EDIFACTInboundMapper {
    /// DESADV → ship notice: the consignment level (a top `CPS` without SSCCs) gives the package
    /// count and packaging code; each lower `CPS` level is a ``Pack`` (SSCC from `GIN+BJ`) with
    /// its lines; everything belongs to the one order of `RFF+ON`.
    public static func shipNotice(from message: DespatchAdviceMessage) throws(MappingError) -> ShipNotice {
        var context = EDIFACTMappingContext()
        let bgm = message.body.beginning
        let order = message.body.reference("ON")
        let dates = context.dates(message.body.dates, named: [.documentDate, .shipped, .estimatedDelivery])
        var notice = ShipNotice(shipmentId: context.documentNumber(message.body),
                                purpose: bgm.messageFunction, noticeDate: dates.named[.documentDate],
                                shipDate: dates.named[.shipped], estimatedDelivery: dates.named[.estimatedDelivery],
                                otherDates: dates.other, billOfLading: message.body.reference("BM")?.number)
        notice.parties = message.body.parties.map { context.party($0) }
        notice.references = message.body.references.filter { !["ON", "BM"].contains($0.qualifier) }.map { context.reference($0) }
        var shipped = ShippedOrder(purchaseOrderNumber: order?.number, purchaseOrderDate: context.iso(order?.dates.first))
        shipped.items = message.body.lineItems.map { shippedItem($0, &context) }
        var walk = EDIFACTPackingWalk(message, item: shippedItem)
        for rootIndex in walk.tree.roots {
            let root = walk.levels[rootIndex]
            if root.packages.allSatisfy({ $0.serialShippingContainerCodes.isEmpty }) {
                for package in root.packages {
                    if let count = context.integer(package.numberOfPackages, field: "PAC 7224", at: package.source, element: 1) {
                        notice.packageCount = (notice.packageCount ?? 0) + count
                    }
                    notice.packagingCode = notice.packagingCode ?? package.packageType
                }
                shipped.items += root.lineItems.map { shippedItem($0, &context) }
                shipped.packs += walk.packs(under: rootIndex, &context)
            } else {
                shipped.packs.append(walk.pack(rootIndex, &context))
            }
        }
        notice.orders = [shipped]
        notice.lineCount = context.lineCount(message.body)
        try context.finish()
        return notice
    }

    private static func shippedItem(_ line: EDIFACTLineItem, _ context: inout EDIFACTMappingContext) -> ShippedItem {
        let shipped = context.quantity(in: line.quantities, preferring: "12")
        if line.quantities.isEmpty { context.fail("the line has no despatched quantity", field: "QTY 12", at: line.source) }
        return ShippedItem(lineNumber: line.lineNumber,
                           purchaseOrderLineNumber: line.references.first { $0.qualifier == "ON" }?.lineNumber,
                           items: context.items(line), description: context.description(line),
                           quantityShipped: shipped ?? Quantity(value: 0), quantityOrdered: context.quantity(line.quantity("21")),
                           references: line.references.map { context.reference($0) })
    }
}
