public import EDIFACT
import Foundation

extension EDIFACTInboundMapper {
    /// ORDERS → purchase order.
    public static func purchaseOrder(from message: OrdersMessage) throws(MappingError) -> PurchaseOrder {
        var context = EDIFACTMappingContext()
        let bgm = message.body.beginning
        let dates = context.dates(message.body.dates, named: [.documentDate, .requestedDelivery, .requestedShip])
        var order = PurchaseOrder(number: context.documentNumber(message.body),
                                  purpose: bgm.messageFunction, orderType: bgm.documentNameCode,
                                  orderDate: dates.named[.documentDate], requestedDelivery: dates.named[.requestedDelivery],
                                  requestedShip: dates.named[.requestedShip], otherDates: dates.other,
                                  currency: message.currencyCode)
        order.parties = message.body.parties.map { context.party($0) }
        order.references = message.body.references.map { context.reference($0) }
        order.terms = message.body.paymentTerms.map { context.terms($0) }
        order.taxes = message.body.taxes.map { context.tax($0) }
        order.notes = context.notes(message.body.freeTexts)
        order.lines.reserveCapacity(message.body.lineItems.count)
        for index in message.body.lineItems.indices { order.lines.append(orderLine(message.body.lineItems, index, &context)) }
        if !message.body.controlTotals.isEmpty || !message.body.totals.isEmpty {
            order.totals = PurchaseOrderTotals(
                lineCount: context.lineCount(message.body),
                quantityTotal: message.body.controlTotal("1").flatMap {
                    context.decimal($0.text, field: "CNT 1 6066", at: $0.source, element: 1, component: 2)
                },
                amount: context.amount(message.body.total("79") ?? message.body.total("86")))
        }
        try context.finish()
        return order
    }

    /// One ORDERS line (`LIN` group) → purchase order line; its values are read in place, the
    /// line is not copied.
    private static func orderLine(_ lines: [EDIFACTLineItem], _ index: Int,
                                  _ context: inout EDIFACTMappingContext) -> PurchaseOrderLine {
        let lineDates = context.dates(lines[index].dates, named: [.requestedDelivery])
        let quantity = context.quantity(in: lines[index].quantities, preferring: "21")
        if lines[index].quantities.isEmpty { context.fail("the line has no ordered quantity", field: "QTY 21", at: lines[index].source) }
        return PurchaseOrderLine(
            quantity: quantity ?? Quantity(value: 0),
            lineNumber: context.required(lines[index].lineNumber, field: "LIN 1082", at: lines[index].source, element: 1),
            items: context.items(lines[index].itemIdentifier, lines[index].productIdentifications),
            description: context.description(lines[index].descriptions),
            unitPrice: context.price(in: lines[index].prices, preferring: "AAA"), amount: context.amount(in: lines[index].amounts, "203"),
            requestedDelivery: lineDates.named[.requestedDelivery], otherDates: lineDates.other,
            references: lines[index].references.map { context.reference($0) }, taxes: lines[index].taxes.map { context.tax($0) },
            notes: context.notes(lines[index].freeTexts))
    }

    /// ORDRSP → order acknowledgement.
    public static func orderAcknowledgement(from message: OrderResponseMessage) throws(MappingError) -> OrderAcknowledgement {
        var context = EDIFACTMappingContext()
        let bgm = message.body.beginning
        let order = message.body.reference("ON")
        let dates = context.dates(message.body.dates, named: [.documentDate, .purchaseOrderDate])
        let status = bgm.messageFunction.flatMap { AcknowledgementStatusCodes.edifactHeader.value(for: $0) }
        var acknowledgement = OrderAcknowledgement(
            number: bgm.documentNumber,
            // Without an RFF+ON, the finding names the BGM (no element).
            purchaseOrderNumber: context.required(order?.number, field: "RFF ON 1154", at: order?.source ?? bgm.source,
                                                 element: order == nil ? nil : 1, component: 2),
            purchaseOrderDate: context.iso(order?.dates.first) ?? dates.named[.purchaseOrderDate], date: dates.named[.documentDate],
            acknowledgementType: bgm.messageFunction, status: status ?? .pending, currency: message.currencyCode)
        acknowledgement.parties = message.body.parties.map { context.party($0) }
        acknowledgement.references = message.body.references.filter { $0.qualifier != "ON" }.map { context.reference($0) }
        acknowledgement.notes = context.notes(message.body.freeTexts)
        acknowledgement.lines.reserveCapacity(message.body.lineItems.count)
        for line in message.body.lineItems {
            let lineStatus = line.actionCode.flatMap { AcknowledgementStatusCodes.edifactLine.value(for: $0) }
            let ordered = line.quantity("21")
            var schedules: [ScheduledQuantity] = []
            for quantity in line.quantities where quantity.qualifier != "21" {
                if let value = context.quantity(quantity) {
                    schedules.append(ScheduledQuantity(quantity: value, statusCode: quantity.qualifier))
                }
            }
            if let delivery = line.date("2") ?? line.dates.first, let quantity = context.quantity(ordered) {
                schedules.insert(ScheduledQuantity(quantity: quantity, date: context.iso(delivery), dateQualifier: delivery.qualifier), at: 0)
            }
            acknowledgement.lines.append(OrderAcknowledgementLine(
                lineNumber: context.required(line.lineNumber, field: "LIN 1082", at: line.source, element: 1),
                items: context.items(line), description: context.description(line), orderedQuantity: context.quantity(ordered),
                unitPrice: context.price(in: line.prices, preferring: "AAA"), status: lineStatus ?? status ?? .pending,
                statusCode: line.actionCode, schedules: schedules, references: line.references.map { context.reference($0) },
                notes: context.notes(line.freeTexts)))
        }
        acknowledgement.lineCount = context.lineCount(message.body)
        try context.finish()
        return acknowledgement
    }

    /// INVOIC → invoice.
    public static func invoice(from message: InvoiceMessage) throws(MappingError) -> Invoice {
        var context = EDIFACTMappingContext()
        let bgm = message.body.beginning
        let order = message.body.reference("ON")
        let dates = context.dates(message.body.dates, named: [.documentDate, .invoiceDate, .shipped, .purchaseOrderDate])
        var invoice = Invoice(number: context.documentNumber(message.body),
                              date: dates.named[.documentDate] ?? dates.named[.invoiceDate], invoiceType: bgm.documentNameCode,
                              purpose: bgm.messageFunction, purchaseOrderNumber: order?.number,
                              purchaseOrderDate: context.iso(order?.dates.first) ?? dates.named[.purchaseOrderDate],
                              shipDate: dates.named[.shipped], otherDates: dates.other, currency: message.currencyCode)
        if dates.named[.documentDate] != nil, let invoiceDate = dates.named[.invoiceDate] {
            invoice.otherDates.append(QualifiedDate(qualifier: "3", date: invoiceDate))
        }
        invoice.parties = message.body.parties.map { context.party($0) }
        invoice.references = message.body.references.filter { $0.qualifier != "ON" }.map { context.reference($0) }
        invoice.terms = message.body.paymentTerms.map { context.terms($0) }
        invoice.taxes = (message.body.taxes + message.body.summaryTaxes).map { context.tax($0) }
        invoice.notes = context.notes(message.body.freeTexts)
        invoice.lines.reserveCapacity(message.body.lineItems.count)
        for line in message.body.lineItems {
            let quantity = context.quantity(in: line.quantities, preferring: "47")
            if line.quantities.isEmpty { context.fail("the line has no invoiced quantity", field: "QTY 47", at: line.source) }
            invoice.lines.append(InvoiceLine(
                lineNumber: context.required(line.lineNumber, field: "LIN 1082", at: line.source, element: 1),
                purchaseOrderLineNumber: line.references.first { $0.qualifier == "ON" }?.lineNumber, items: context.items(line),
                description: context.description(line), quantity: quantity ?? Quantity(value: 0),
                unitPrice: context.price(in: line.prices, preferring: "AAA"),
                amount: context.amount(line.amount("203") ?? line.amount("66")), taxes: line.taxes.map { context.tax($0) },
                references: line.references.map { context.reference($0) }, notes: context.notes(line.freeTexts)))
        }
        invoice.totals = InvoiceTotals(
            lineCount: context.lineCount(message.body),
            lineItemsAmount: context.amount(message.body.total("79")),
            totalAmount: context.amount(message.body.total("77") ?? message.body.total("86") ?? message.body.total("39")),
            amountSubjectToDiscount: context.amount(message.body.total("129")),
            taxableAmount: context.amount(message.body.total("125")),
            taxAmount: context.amount(message.body.total("124") ?? message.body.total("176")),
            allowancesChargesAmount: context.amount(message.body.total("131")))
        try context.finish()
        return invoice
    }

    /// REMADV → remittance.
    public static func remittance(from message: RemittanceAdviceMessage) throws(MappingError) -> Remittance {
        var context = EDIFACTMappingContext()
        let bgm = message.body.beginning
        let dates = context.dates(message.body.dates, named: [.documentDate, .paymentValueDate])
        let total = message.totalRemitted
        if total == nil { context.fail("the remittance has no total remitted (MOA 12 after UNS)", field: "MOA 12", at: bgm.source) }
        let means = message.body.unmappedSegments.first { $0.tag == "PAI" }.flatMap { pai in
            pai.segment.elements.first?.first.flatMap { $0.count >= 3 && !$0[2].isEmpty ? $0[2] : nil }
        }
        /// `FII` with 3035 PB/OR (payer's bank) or RB/BF (payee's bank): C078 3194 account, C088 3433 bank and 3055.
        func account(_ qualifiers: [String]) -> BankAccount? {
            guard let fii = message.body.unmappedSegments.first(where: {
                $0.tag == "FII" && qualifiers.contains($0.segment.elements.first?.first?.first ?? "")
            })
            else { return nil }
            func value(_ element: Int, _ component: Int) -> String? {
                let elements = fii.segment.elements
                guard element < elements.count, let components = elements[element].first, component < components.count,
                      !components[component].isEmpty else { return nil }
                return components[component]
            }
            return BankAccount(bankIdQualifier: value(2, 2), bankId: value(2, 0), accountNumber: value(1, 0))
        }
        let payment = Payment(method: means.flatMap { PaymentMethodCodes.edifact.value(for: $0) } ?? (means == nil ? nil : .other),
                              methodCode: means, amount: context.amount(total) ?? 0, date: dates.named[.paymentValueDate],
                              traceNumber: message.body.reference("PQ")?.number, payerAccount: account(["PB", "OR"]),
                              payeeAccount: account(["RB", "BF"]))
        var remittance = Remittance(number: bgm.documentNumber, date: dates.named[.documentDate], currency: message.currencyCode,
                                    payment: payment, otherDates: dates.other)
        remittance.parties = message.body.parties.map { context.party($0) }
        remittance.references = message.body.references.filter { $0.qualifier != "PQ" }.map { context.reference($0) }
        remittance.notes = context.notes(message.body.freeTexts)
        for document in message.body.documents {
            let paid = document.amount("12")
            if paid == nil { context.fail("the document has no amount remitted", field: "MOA 12", at: document.source) }
            let documentDates = context.dates(document.dates, named: [.documentDate, .invoiceDate])
            remittance.remittedInvoices.append(RemittedInvoice(
                invoiceNumber: context.required(document.documentNumber, field: "DOC 1004",
                                                at: document.source, element: 2, component: 1),
                documentType: document.documentNameCode,
                invoiceDate: documentDates.named[.documentDate] ?? documentDates.named[.invoiceDate],
                purchaseOrderNumber: document.references.first { $0.qualifier == "ON" }?.number,
                amountPaid: context.amount(paid) ?? 0,
                invoiceAmount: context.amount(document.amount("9") ?? document.amount("77")),
                discountAmount: context.amount(document.amount("52")),
                adjustments: context.adjustments(document.unmappedSegments),
                references: document.references.filter { $0.qualifier != "ON" }.map { context.reference($0) }))
        }
        try context.finish()
        return remittance
    }
}
