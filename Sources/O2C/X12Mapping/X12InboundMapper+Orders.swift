import EDICore
public import X12
import Foundation

extension X12InboundMapper {
    /// Whether parties say where to deliver: a ship-to (`ST`), a bill-and-ship-to (`BS`) or a buying
    /// store named by its id (`BY` with N104, the retail practice where the store is the buyer).
    static func deliversSomewhere(_ parties: [X12Party]) -> Bool {
        parties.contains { party in
            switch party.entityIdentifierCode {
            case "ST", "BS": true
            case "BY": party.identificationCode != nil
            default: false
            }
        }
    }

    /// 850 → purchase order. The order must say where to deliver (``deliversSomewhere(_:)`` in the
    /// heading or on every line).
    public static func purchaseOrder(from order: PurchaseOrder850) throws(MappingError) -> PurchaseOrder {
        var context = X12InboundContext()
        let orderDate = context.date(order.orderDate, field: "BEG05", at: order.origin.element(5))
        if order.purchaseOrderNumber.isEmpty {
            context.fail("the order has no number", field: "BEG03", at: order.origin.element(3))
        }
        let dates = context.dates(order.dates, naming: .requestedDelivery, .requestedShip)
        var lines: [PurchaseOrderLine] = []
        lines.reserveCapacity(order.lineItems.count)
        for index in order.lineItems.indices {
            lines.append(purchaseOrderLine(order.lineItems, index, context: &context))
        }
        if !deliversSomewhere(order.parties), order.lineItems.isEmpty || !order.lineItems.allSatisfy({ deliversSomewhere($0.parties) }) {
            context.fail("the order names no ship-to party (N1 ST or BS, or a BY store with its id, in the heading or on every line)",
                         field: "parties[shipTo]", at: order.origin.position)
        }
        let totals = order.totals.map { ctt in
            PurchaseOrderTotals(lineCount: context.integer(ctt.numberOfLineItems, field: "CTT01", at: ctt.position(ofElement: 1)),
                                quantityTotal: context.decimal(ctt.hashTotal, field: "CTT02"),
                                amount: context.decimal(order.summaryAmounts.first { ["TT", "1"].contains($0.qualifier) }?.amount,
                                                        field: "AMT02"))
        }
        let document = PurchaseOrder(
            number: order.purchaseOrderNumber, purpose: order.transactionSetPurposeCode,
            orderType: order.purchaseOrderTypeCode, releaseNumber: order.releaseNumber, orderDate: orderDate,
            requestedDelivery: dates.named[.requestedDelivery], requestedShip: dates.named[.requestedShip],
            otherDates: dates.other, currency: order.currency?.currencyCode, parties: order.parties.map(context.party),
            references: order.references.map(context.reference), contacts: order.contacts.map(context.contact),
            terms: order.termsOfSale.map { context.terms($0) }, carrier: context.carrier(order.carrierRouting),
            lines: lines, allowancesCharges: context.allowancesCharges(order.allowancesCharges),
            taxes: context.taxes(order.taxes), totals: totals)
        try context.finish()
        return document
    }

    /// One PO1 loop of an 850, read where it is in the order's array (passing the line itself
    /// would copy it).
    private static func purchaseOrderLine(_ lineItems: [X12LineItem], _ index: Int,
                                          context: inout X12InboundContext) -> PurchaseOrderLine {
        let lineDates = context.dates(lineItems[index].dates, naming: .requestedDelivery)
        let baseline = context.baseline(lineItems[index].baseline, quantityField: "PO102", priceField: "PO104",
                                        requiresQuantity: true)
        return PurchaseOrderLine(
            quantity: baseline.quantity ?? Quantity(value: 0), lineNumber: baseline.lineNumber ?? String(index + 1),
            items: baseline.items, description: firstDescription(lineItems[index].descriptions), unitPrice: baseline.unitPrice, requestedDelivery: lineDates.named[.requestedDelivery], otherDates: lineDates.other,
            parties: lineItems[index].parties.map { context.party($0) },
            references: lineItems[index].references.map { context.reference($0) },
            allowancesCharges: context.allowancesCharges(lineItems[index].allowancesCharges),
            taxes: context.taxes(lineItems[index].taxes))
    }

    /// 855 → order acknowledgement.
    public static func orderAcknowledgement(from ack: PurchaseOrderAcknowledgement855) throws(MappingError) -> OrderAcknowledgement {
        var context = X12InboundContext()
        let headerStatus = AcknowledgementStatusCodes.x12Header.value(for: ack.acknowledgmentTypeCode) ?? .pending
        var lines: [OrderAcknowledgementLine] = []
        lines.reserveCapacity(ack.lineItems.count)
        for (index, line) in ack.lineItems.enumerated() {
            let statusCode = line.acknowledgements.first?.lineItemStatusCode
            var schedules: [ScheduledQuantity] = []
            for acknowledgement in line.acknowledgements {
                guard let quantity = context.quantity(acknowledgement.quantity, unit: acknowledgement.unitOfMeasureCode,
                                                      field: "ACK02", at: acknowledgement.origin.position) else { continue }
                schedules.append(ScheduledQuantity(
                    quantity: quantity,
                    date: context.date(acknowledgement.date, field: "ACK05", at: acknowledgement.position(ofElement: 5)),
                    dateQualifier: acknowledgement.dateQualifier,
                    statusCode: acknowledgement.lineItemStatusCode == statusCode ? nil : acknowledgement.lineItemStatusCode))
            }
            let baseline = context.baseline(line.baseline, quantityField: "PO102", priceField: "PO104", requiresQuantity: false)
            lines.append(OrderAcknowledgementLine(
                lineNumber: baseline.lineNumber ?? String(index + 1), items: baseline.items,
                description: firstDescription(line.descriptions), orderedQuantity: baseline.quantity, unitPrice: baseline.unitPrice,
                status: statusCode.flatMap { AcknowledgementStatusCodes.x12Line.value(for: $0) } ?? (statusCode == nil ? headerStatus : .pending),
                statusCode: statusCode, schedules: schedules, references: line.references.map(context.reference)))
        }
        if ack.purchaseOrderNumber.isEmpty {
            context.fail("the acknowledgement names no purchase order", field: "BAK03", at: ack.origin.element(3))
        }
        let document = OrderAcknowledgement(
            number: ack.sellerOrderNumber, purchaseOrderNumber: ack.purchaseOrderNumber,
            purchaseOrderDate: context.date(ack.purchaseOrderDate, field: "BAK04", at: ack.origin.element(4)),
            date: context.date(ack.acknowledgmentDate, field: "BAK09", at: ack.origin.element(9)),
            purpose: ack.transactionSetPurposeCode, acknowledgementType: ack.acknowledgmentTypeCode, status: headerStatus,
            currency: ack.currency?.currencyCode, parties: ack.parties.map(context.party),
            references: ack.references.map(context.reference), lines: lines,
            lineCount: ack.totals.flatMap { context.integer($0.numberOfLineItems, field: "CTT01", at: $0.position(ofElement: 1)) })
        try context.finish()
        return document
    }

    /// 810 → invoice. Line amounts are quantity × unit price.
    public static func invoice(from invoice: Invoice810) throws(MappingError) -> Invoice {
        var context = X12InboundContext()
        if invoice.invoiceNumber.isEmpty {
            context.fail("the invoice has no number", field: "BIG02", at: invoice.origin.element(2))
        }
        let dates = context.dates(invoice.dates, naming: .shipped)
        var lines: [InvoiceLine] = []
        lines.reserveCapacity(invoice.lineItems.count)
        for (index, line) in invoice.lineItems.enumerated() {
            let baseline = context.baseline(line.baseline, quantityField: "IT102", priceField: "IT104", requiresQuantity: true)
            lines.append(InvoiceLine(
                lineNumber: baseline.lineNumber ?? String(index + 1), items: baseline.items,
                description: firstDescription(line.descriptions), quantity: baseline.quantity ?? Quantity(value: 0), unitPrice: baseline.unitPrice,
                amount: baseline.quantity.flatMap { quantity in baseline.unitPrice.map { quantity.value * $0.value } },
                allowancesCharges: context.allowancesCharges(line.allowancesCharges), taxes: context.taxes(line.taxes),
                references: line.references.map(context.reference)))
        }
        let tds = invoice.totalMonetaryValue
        let totals = InvoiceTotals(
            lineCount: invoice.totals.flatMap { context.integer($0.numberOfLineItems, field: "CTT01", at: $0.position(ofElement: 1)) },
            totalAmount: context.decimal(tds?.totalInvoiceAmount, field: "TDS01"),
            amountSubjectToDiscount: context.decimal(tds?.amountSubjectToTermsDiscount, field: "TDS02"),
            discountedAmount: context.decimal(tds?.discountedAmountDue, field: "TDS03"))
        let document = Invoice(
            number: invoice.invoiceNumber,
            date: context.date(invoice.invoiceDate, field: "BIG01", at: invoice.origin.element(1)),
            invoiceType: invoice.transactionTypeCode, purpose: invoice.beginningSegment[element: 8],
            purchaseOrderNumber: invoice.purchaseOrderNumber,
            purchaseOrderDate: context.date(invoice.purchaseOrderDate, field: "BIG03", at: invoice.origin.element(3)),
            shipDate: dates.named[.shipped],
            otherDates: dates.other, currency: invoice.currency?.currencyCode, parties: invoice.parties.map(context.party),
            references: invoice.references.map(context.reference), terms: invoice.termsOfSale.map { context.terms($0) },
            carrier: context.carrier(invoice.carrierRouting), lines: lines,
            allowancesCharges: context.allowancesCharges(invoice.allowancesCharges), taxes: context.taxes(invoice.taxes),
            totals: totals)
        try context.finish()
        return document
    }
}
