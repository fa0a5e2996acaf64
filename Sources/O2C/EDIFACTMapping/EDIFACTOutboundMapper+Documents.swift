public import EDIFACT
import EDICore
import Foundation

extension EDIFACTOutboundMapper {
    /// Purchase order → ORDERS.
    public func orders(_ order: PurchaseOrder) -> OrdersMessage {
        let own = EDIFACTValues.ownCodes(order.envelope)
        let orderType = own(order.orderType) ?? order.orderType.flatMap { DocumentTypeCodes.edifactCode(x12OrderType: $0) }
        var body = body("ORDERS", orderType ?? "220", order.number, own(order.purpose) ?? EDIFACTValues.originalIfForeign(order.envelope))
        body.dates = EDIFACTValues.dates([("137", order.orderDate), ("2", order.requestedDelivery), ("10", order.requestedShip)],
                                         other: order.otherDates)
        body.freeTexts = EDIFACTValues.notes(order.notes)
        body.references = order.references.map { EDIFACTValues.reference($0) }
        body.parties = order.parties.map(EDIFACTValues.party)
        body.taxes = order.taxes.map(EDIFACTValues.tax)
        if let currency = order.currency { body.currencies = [EDIFACTCurrency(code: currency, typeQualifier: "9")] }
        body.paymentTerms = order.terms.map { EDIFACTValues.terms($0, ownCodes: own) }
        body.lineItems = order.lines.map { line in
            var item = EDIFACTValues.line(number: line.lineNumber, items: line.items, description: line.description)
            item.quantities = [EDIFACTValues.quantity("21", line.quantity)].compactMap { $0 }
            item.dates = EDIFACTValues.dates([("2", line.requestedDelivery)], other: line.otherDates)
            item.amounts = [EDIFACTValues.amount("203", line.amount)].compactMap { $0 }
            item.freeTexts = EDIFACTValues.notes(line.notes)
            item.prices = [EDIFACTValues.price(line.unitPrice, ownCodes: own)].compactMap { $0 }
            item.references = line.references.map { EDIFACTValues.reference($0) }
            item.taxes = line.taxes.map(EDIFACTValues.tax)
            return item
        }
        body.hasSectionControl = true
        if let totals = order.totals {
            body.totals = [EDIFACTValues.amount("79", totals.amount)].compactMap { $0 }
            body.controlTotals = [totals.lineCount.map { EDIFACTControlTotal(qualifier: "2", text: String($0)) },
                                  totals.quantityTotal.map { EDIFACTControlTotal(qualifier: "1", text: EDIFACTValues.text($0)) }]
                .compactMap { $0 }
        }
        return OrdersMessage(body: body)
    }

    /// Order acknowledgement → ORDRSP.
    public func orderResponse(_ acknowledgement: OrderAcknowledgement) -> OrderResponseMessage {
        let function = AcknowledgementStatusCodes.edifactHeader.code(for: acknowledgement.status,
                                                                     preferring: acknowledgement.acknowledgementType)
            ?? acknowledgement.acknowledgementType ?? "29"
        let own = EDIFACTValues.ownCodes(acknowledgement.envelope)
        var body = body("ORDRSP", "231", acknowledgement.number, function)
        body.dates = EDIFACTValues.dates([("137", acknowledgement.date)], other: [])
        body.freeTexts = EDIFACTValues.notes(acknowledgement.notes)
        let order = Reference(qualifier: "ON", value: acknowledgement.purchaseOrderNumber, date: acknowledgement.purchaseOrderDate)
        body.references = [EDIFACTValues.reference(order)] + acknowledgement.references.map { EDIFACTValues.reference($0) }
        body.parties = acknowledgement.parties.map(EDIFACTValues.party)
        if let currency = acknowledgement.currency { body.currencies = [EDIFACTCurrency(code: currency, typeQualifier: "9")] }
        body.lineItems = acknowledgement.lines.map { line in
            var item = EDIFACTValues.line(number: line.lineNumber, items: line.items, description: line.description)
            item.actionCode = AcknowledgementStatusCodes.edifactLine.code(for: line.status, preferring: line.statusCode)
                ?? line.statusCode
            item.quantities = [EDIFACTValues.quantity("21", line.orderedQuantity)].compactMap { $0 }
            for schedule in line.schedules {
                if let date = schedule.date, item.dates.isEmpty {
                    item.dates = [EDIFACTValues.date(EDIFACTValues.dateQualifier(schedule.dateQualifier) ?? "2", date)].compactMap { $0 }
                } else if let quantity = EDIFACTValues.quantity(schedule.statusCode ?? "113", schedule.quantity) {
                    item.quantities.append(quantity)
                }
            }
            item.freeTexts = EDIFACTValues.notes(line.notes)
            item.prices = [EDIFACTValues.price(line.unitPrice, ownCodes: own)].compactMap { $0 }
            item.references = line.references.map { EDIFACTValues.reference($0) }
            return item
        }
        body.hasSectionControl = true
        body.controlTotals = [acknowledgement.lineCount.map { EDIFACTControlTotal(qualifier: "2", text: String($0)) }].compactMap { $0 }
        return OrderResponseMessage(body: body)
    }

    /// Invoice → INVOIC.
    public func invoice(_ invoice: Invoice) -> InvoiceMessage {
        let own = EDIFACTValues.ownCodes(invoice.envelope)
        let invoiceType = own(invoice.invoiceType) ?? invoice.invoiceType.flatMap { DocumentTypeCodes.edifactCode(x12InvoiceType: $0) }
        var body = body("INVOIC", invoiceType ?? "380", invoice.number,
                        own(invoice.purpose) ?? EDIFACTValues.originalIfForeign(invoice.envelope))
        body.dates = EDIFACTValues.dates([("137", invoice.date), ("11", invoice.shipDate)], other: invoice.otherDates)
        body.freeTexts = EDIFACTValues.notes(invoice.notes)
        if let number = invoice.purchaseOrderNumber {
            body.references = [EDIFACTValues.reference(Reference(qualifier: "ON", value: number, date: invoice.purchaseOrderDate))]
        }
        body.references += invoice.references.map { EDIFACTValues.reference($0) }
        body.parties = invoice.parties.map(EDIFACTValues.party)
        if let currency = invoice.currency { body.currencies = [EDIFACTCurrency(code: currency, typeQualifier: "4")] }
        body.paymentTerms = invoice.terms.map { EDIFACTValues.terms($0, ownCodes: own) }
        body.lineItems = invoice.lines.map { line in
            var item = EDIFACTValues.line(number: line.lineNumber, items: line.items, description: line.description)
            item.quantities = [EDIFACTValues.quantity("47", line.quantity)].compactMap { $0 }
            item.amounts = [EDIFACTValues.amount("203", line.amount)].compactMap { $0 }
            item.freeTexts = EDIFACTValues.notes(line.notes)
            item.prices = [EDIFACTValues.price(line.unitPrice, ownCodes: own)].compactMap { $0 }
            item.references = line.references.map { EDIFACTValues.reference($0) }
            if let orderLine = line.purchaseOrderLineNumber {
                if let index = item.references.firstIndex(where: { $0.qualifier == "ON" }) {
                    item.references[index].lineNumber = orderLine
                } else {
                    item.references.append(EDIFACTReference(qualifier: "ON", number: nil, lineNumber: orderLine))
                }
            }
            item.taxes = line.taxes.map(EDIFACTValues.tax)
            return item
        }
        body.hasSectionControl = true
        let totals = invoice.totals
        body.controlTotals = [totals.lineCount.map { EDIFACTControlTotal(qualifier: "2", text: String($0)) }].compactMap { $0 }
        body.totals = [("79", totals.lineItemsAmount), ("77", totals.totalAmount), ("129", totals.amountSubjectToDiscount),
                       ("125", totals.taxableAmount), ("124", totals.taxAmount), ("131", totals.allowancesChargesAmount)]
            .compactMap { EDIFACTValues.amount($0.0, $0.1) }
        body.summaryTaxes = invoice.taxes.map(EDIFACTValues.tax)
        return InvoiceMessage(body: body)
    }

    /// Remittance → REMADV.
    public func remittanceAdvice(_ remittance: Remittance) -> RemittanceAdviceMessage {
        let own = EDIFACTValues.ownCodes(remittance.envelope)
        var body = body("REMADV", "481", remittance.number, "9")
        body.dates = EDIFACTValues.dates([("137", remittance.date), ("209", remittance.payment.date)], other: remittance.otherDates)
        body.freeTexts = EDIFACTValues.notes(remittance.notes)
        if let trace = remittance.payment.traceNumber { body.references = [EDIFACTReference(qualifier: "PQ", number: trace)] }
        body.references += remittance.references.map { EDIFACTValues.reference($0) }
        var follows = body.references.isEmpty ? "DTM" : "RFF"
        for (qualifier, account) in [("PB", remittance.payment.payerAccount), ("RB", remittance.payment.payeeAccount)] {
            guard let account, account.accountNumber != nil || account.bankId != nil else { continue }
            let qualifierCode = own(account.bankIdQualifier) ?? ""
            let institution = [account.bankId ?? "", "", qualifierCode]
            body.unmappedSegments.append(EDIFACTUnmappedSegment(
                segment: OutgoingSegment("FII", elements: [[[qualifier]], [[account.accountNumber ?? ""]], [institution]]),
                follows: follows))
            follows = "FII"
        }
        if let means = own(remittance.payment.methodCode) ?? remittance.payment.method.flatMap({ PaymentMethodCodes.edifact.code(for: $0) }) {
            body.unmappedSegments.append(EDIFACTUnmappedSegment(segment: OutgoingSegment("PAI", elements: [[["", "", means]]]),
                                                                follows: follows))
        }
        body.parties = remittance.parties.map(EDIFACTValues.party)
        if let currency = remittance.currency { body.currencies = [EDIFACTCurrency(code: currency, typeQualifier: "11")] }
        body.documents = remittance.remittedInvoices.map { invoice in
            var document = EDIFACTRemittanceDocument(documentNameCode: own(invoice.documentType) ?? "380", documentNumber: invoice.invoiceNumber)
            document.amounts = [("9", invoice.invoiceAmount), ("52", invoice.discountAmount), ("12", invoice.amountPaid)]
                .compactMap { EDIFACTValues.amount($0.0, $0.1) }
            document.dates = [EDIFACTValues.date("137", invoice.invoiceDate)].compactMap { $0 }
            if let order = invoice.purchaseOrderNumber { document.references = [EDIFACTReference(qualifier: "ON", number: order)] }
            document.references += invoice.references.map { EDIFACTValues.reference($0) }
            document.unmappedSegments = EDIFACTValues.adjustmentSegments(invoice.adjustments, own: own)
            return document
        }
        body.hasSectionControl = true
        body.totals = [EDIFACTValues.amount("12", remittance.payment.amount)].compactMap { $0 }
        return RemittanceAdviceMessage(body: body)
    }
}
