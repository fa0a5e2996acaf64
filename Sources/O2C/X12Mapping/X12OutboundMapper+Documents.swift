public import X12
import EDICore
import Foundation

extension X12OutboundMapper {
    /// Purchase order → 850.
    public static func purchaseOrder850(_ order: PurchaseOrder) throws(MappingError) -> PurchaseOrder850 {
        var context = X12OutboundContext(order.envelope)
        var model = PurchaseOrder850(transactionSetPurposeCode: context.purpose(order.purpose), purchaseOrderTypeCode: context.orderType(order.orderType),
                                     purchaseOrderNumber: order.number,
                                     orderDate: context.date(order.orderDate, field: "orderDate") ?? "",
                                     releaseNumber: order.releaseNumber)
        model.currency = order.currency.map { X12Currency(entityIdentifierCode: "BY", currencyCode: $0) }
        model.references = order.references.map(context.reference)
        model.contacts = order.contacts.map(context.contact)
        model.termsOfSale = order.terms.enumerated().map { context.terms($0.element, field: "terms[\($0.offset)]") }
        model.dates = [context.dtm("002", order.requestedDelivery, field: "requestedDelivery"),
                       context.dtm("010", order.requestedShip, field: "requestedShip")].compactMap { $0 }
            + context.dtms(order.otherDates, field: "otherDates")
        model.carrierRouting = context.carrier(order.carrier)
        model.parties = order.parties.map(context.party)
        model.lineItems = order.lines.enumerated().map { index, line in
            X12LineItem(
                baseline: context.baseline("PO1", lineNumber: line.lineNumber, quantity: line.quantity, price: line.unitPrice, items: line.items),
                descriptions: line.description.map { [X12ProductDescription(description: $0)] } ?? [],
                references: line.references.map(context.reference),
                dates: [context.dtm("002", line.requestedDelivery, field: "lines[\(index)].requestedDelivery")].compactMap { $0 }
                    + context.dtms(line.otherDates, field: "lines[\(index)].otherDates"),
                parties: line.parties.map(context.party), allowancesCharges: line.allowancesCharges.map(context.allowanceCharge),
                taxes: line.taxes.map(context.tax))
        }
        model.allowancesCharges = order.allowancesCharges.map(context.allowanceCharge)
        model.taxes = order.taxes.map(context.tax)
        if let totals = order.totals {
            model.totals = X12TransactionTotals(numberOfLineItems: totals.lineCount ?? order.lines.count,
                                                hashTotal: context.amount(totals.quantityTotal))
            if let amount = totals.amount { model.summaryAmounts = [X12MonetaryAmount(qualifier: "TT", amount: X12Amount(amount))] }
        }
        try context.finish()
        return model
    }

    /// Order acknowledgement → 855.
    public static func purchaseOrderAcknowledgement855(_ ack: OrderAcknowledgement) throws(MappingError) -> PurchaseOrderAcknowledgement855 {
        var context = X12OutboundContext(ack.envelope)
        let type = (context.codesAreX12 ? ack.acknowledgementType : nil)
            ?? AcknowledgementStatusCodes.x12Header.code(for: ack.status) ?? "AC"
        var model = PurchaseOrderAcknowledgement855(
            transactionSetPurposeCode: context.purpose(ack.purpose), acknowledgmentTypeCode: type,
            purchaseOrderNumber: ack.purchaseOrderNumber,
            purchaseOrderDate: context.date(ack.purchaseOrderDate, field: "purchaseOrderDate") ?? "")
        model.sellerOrderNumber = ack.number
        model.acknowledgmentDate = context.date(ack.date, field: "date")
        model.currency = ack.currency.map { X12Currency(entityIdentifierCode: "SE", currencyCode: $0) }
        model.references = ack.references.map(context.reference)
        model.parties = ack.parties.map(context.party)
        model.lineItems = ack.lines.enumerated().map { index, line in
            let statusCode = (context.codesAreX12 ? line.statusCode : nil) ?? AcknowledgementStatusCodes.x12Line.code(for: line.status)
            var acknowledgements = line.schedules.enumerated().map { offset, schedule in
                X12LineAcknowledgement(
                    lineItemStatusCode: (context.codesAreX12 ? schedule.statusCode : nil) ?? statusCode ?? "IA",
                    quantity: context.amount(schedule.quantity.value), unitOfMeasureCode: context.unit(schedule.quantity.unit) ?? "EA",
                    dateQualifier: schedule.date == nil ? nil : schedule.dateQualifier.map(context.dateQualifier) ?? "068",
                    date: context.date(schedule.date, field: "lines[\(index)].schedules[\(offset)].date"))
            }
            if acknowledgements.isEmpty, let statusCode {
                acknowledgements = [X12LineAcknowledgement(lineItemStatusCode: statusCode, quantity: nil, unitOfMeasureCode: nil)]
            }
            return X12LineItem(
                baseline: context.baseline("PO1", lineNumber: line.lineNumber, quantity: line.orderedQuantity, price: line.unitPrice,
                                           items: line.items),
                descriptions: line.description.map { [X12ProductDescription(description: $0)] } ?? [],
                references: line.references.map(context.reference), acknowledgements: acknowledgements)
        }
        if let count = ack.lineCount {
            // CTT02: the hash total of the acknowledged quantities (ACK02), as the 855 guides define it.
            let scheduled = ack.lines.flatMap(\.schedules).map(\.quantity.value)
            model.totals = X12TransactionTotals(numberOfLineItems: count,
                                                hashTotal: scheduled.isEmpty ? nil : X12Amount(scheduled.reduce(0, +)))
        }
        try context.finish()
        return model
    }

    /// Invoice → 810 (TDS amounts with two implied decimals).
    public static func invoice810(_ invoice: Invoice) throws(MappingError) -> Invoice810 {
        var context = X12OutboundContext(invoice.envelope)
        var model = Invoice810(invoiceDate: context.date(invoice.date, field: "date") ?? "", invoiceNumber: invoice.number,
                               purchaseOrderDate: context.date(invoice.purchaseOrderDate, field: "purchaseOrderDate"),
                               purchaseOrderNumber: invoice.purchaseOrderNumber)
        model.transactionTypeCode = context.invoiceType(invoice.invoiceType)
        model.beginningSegment[element: 8] = invoice.purpose.map { context.purpose($0) }
        model.currency = invoice.currency.map { X12Currency(entityIdentifierCode: "SE", currencyCode: $0) }
        model.references = invoice.references.map(context.reference)
        model.parties = invoice.parties.map(context.party)
        model.termsOfSale = invoice.terms.enumerated().map { context.terms($0.element, field: "terms[\($0.offset)]") }
        model.dates = [context.dtm("011", invoice.shipDate, field: "shipDate")].compactMap { $0 }
            + context.dtms(invoice.otherDates, field: "otherDates")
        model.carrierRouting = context.carrier(invoice.carrier)
        model.lineItems = invoice.lines.map { line in
            X12LineItem(
                baseline: context.baseline("IT1", lineNumber: line.lineNumber, quantity: line.quantity, price: line.unitPrice, items: line.items),
                descriptions: line.description.map { [X12ProductDescription(description: $0)] } ?? [],
                references: line.references.map(context.reference), allowancesCharges: line.allowancesCharges.map(context.allowanceCharge),
                taxes: line.taxes.map(context.tax))
        }
        model.allowancesCharges = invoice.allowancesCharges.map(context.allowanceCharge)
        model.taxes = invoice.taxes.map(context.tax)
        let totals = invoice.totals
        if totals.totalAmount != nil || totals.amountSubjectToDiscount != nil || totals.discountedAmount != nil {
            var tds = X12TotalMonetaryValue()
            tds.totalInvoiceAmount = context.amount(totals.totalAmount ?? 0, impliedDecimals: 2)
            tds.amountSubjectToTermsDiscount = context.amount(totals.amountSubjectToDiscount, impliedDecimals: 2)
            tds.discountedAmountDue = context.amount(totals.discountedAmount, impliedDecimals: 2)
            model.totalMonetaryValue = tds
        }
        if let count = totals.lineCount { model.totals = X12TransactionTotals(numberOfLineItems: count) }
        try context.finish()
        return model
    }
}
