public import X12
import EDICore
import Foundation

extension X12OutboundMapper {
    /// Ship notice → 856: one shipment level, an order level per shipped order, pack levels (`P`, or
    /// the level code as read) with the SSCC in `MAN` GM, item levels with `LIN`, `SN1`, `PID`. HL
    /// ids are numbered in writing order; CTT01 counts the HL segments when the notice has a line count.
    public static func shipNotice856(_ notice: ShipNotice) throws(MappingError) -> ShipNotice856 {
        var context = X12OutboundContext(notice.envelope)
        var model = ShipNotice856(transactionSetPurposeCode: context.purpose(notice.purpose), shipmentIdentification: notice.shipmentId,
                                  shipmentDate: context.date(notice.noticeDate, field: "noticeDate") ?? "",
                                  shipmentTime: context.time(notice.noticeDate) ?? "0000",
                                  hierarchicalStructureCode: notice.structureCode)
        model.dates = [context.dtm("011", notice.shipDate, field: "shipDate"),
                       context.dtm("017", notice.estimatedDelivery, field: "estimatedDelivery")].compactMap { $0 }
            + context.dtms(notice.otherDates, field: "otherDates")
        var nextId = 1
        func newId() -> String {
            defer { nextId += 1 }
            return String(nextId)
        }
        var shipment = X12HierarchicalLevel(id: newId(), parentId: nil, levelCode: "S")
        if notice.packageCount != nil || notice.packagingCode != nil || !notice.measurements.isEmpty {
            var td1 = X12CarrierQuantityAndWeight()
            td1.packagingCode = context.packagingCode(notice.packagingCode)
            td1.ladingQuantity = notice.packageCount.map { X12Amount(text: String($0)) }
            if let weight = notice.measurements.first {
                td1.weightQualifier = weight.qualifier
                td1.weight = X12Amount(weight.value)
                td1.weightUnitCode = context.unit(weight.unit)
            }
            shipment.carrierQuantityAndWeight = [td1]
        }
        shipment.carrierRouting = context.carrier(notice.carrier)
        shipment.references = (notice.billOfLading.map { [X12Reference(qualifier: "BM", identification: $0)] } ?? [])
            + notice.references.map(context.reference)
        shipment.parties = notice.parties.map(context.party)

        func item(_ item: ShippedItem, parent: String) -> X12HierarchicalLevel {
            var level = X12HierarchicalLevel(id: newId(), parentId: parent, levelCode: "I")
            level.itemIdentification = X12ItemIdentification(assignedIdentification: item.lineNumber, itemIdentifiers: context.items(item.items))
            level.itemDetail = X12ShipmentItemDetail(
                unitsShipped: X12Amount(item.quantityShipped.value), unitOfMeasureCode: context.unit(item.quantityShipped.unit) ?? "EA",
                quantityOrdered: context.amount(item.quantityOrdered?.value), orderedUnitOfMeasureCode: context.unit(item.quantityOrdered?.unit))
            level.descriptions = item.description.map { [X12ProductDescription(description: $0)] } ?? []
            level.references = (item.lotNumber.map { [X12Reference(qualifier: "LT", identification: $0)] } ?? [])
                + item.references.map(context.reference)
            return level
        }
        func pack(_ pack: Pack, parent: String) -> X12HierarchicalLevel {
            var level = X12HierarchicalLevel(id: newId(), parentId: parent, levelCode: pack.levelCode ?? "P")
            level.marksAndNumbers = (pack.sscc.map { [X12MarksAndNumbers(qualifier: "GM", number: $0)] } ?? [])
                + pack.marks.map { X12MarksAndNumbers(qualifier: $0.qualifier, number: $0.value) }
            level.carrierQuantityAndWeight = context.packDetails(packagingCode: pack.packagingCode, measurements: pack.measurements)
            let id = level.id
            level.children = pack.packs.map { inner in packLevel(inner, parent: id) } + pack.items.map { item($0, parent: id) }
            return level
        }
        // Nested packs (cartons on a pallet) recurse through this name.
        func packLevel(_ value: Pack, parent: String) -> X12HierarchicalLevel { pack(value, parent: parent) }
        for (index, order) in notice.orders.enumerated() {
            var level = X12HierarchicalLevel(id: newId(), parentId: shipment.id, levelCode: "O")
            if order.purchaseOrderNumber != nil || order.purchaseOrderDate != nil {
                level.purchaseOrderReference = X12PurchaseOrderReference(
                    purchaseOrderNumber: order.purchaseOrderNumber ?? "",
                    purchaseOrderDate: context.date(order.purchaseOrderDate, field: "orders[\(index)].purchaseOrderDate"))
            }
            level.references = order.references.map(context.reference)
            level.parties = order.parties.map(context.party)
            let id = level.id
            level.children = order.packs.map { pack($0, parent: id) } + order.items.map { item($0, parent: id) }
            shipment.children.append(level)
        }
        model.levels = [shipment]
        if notice.lineCount != nil { model.totals = X12TransactionTotals(numberOfLineItems: model.allLevels.count) }
        try context.finish()
        return model
    }

    /// Remittance → 820: BPR from the payment, TRN from the trace number, one ENT with an RMR per
    /// remitted invoice.
    public static func paymentOrder820(_ remittance: Remittance) throws(MappingError) -> PaymentOrder820 {
        var context = X12OutboundContext(remittance.envelope)
        let payment = remittance.payment
        var bpr = X12PaymentInstruction()
        bpr.transactionHandlingCode = payment.methodCode == nil && payment.method == nil ? "I" : "C"
        bpr.amount = X12Amount(payment.amount)
        bpr.creditDebitFlagCode = (context.codesAreX12 ? payment.creditDebit : nil) ?? "C"
        // BPR04 is mandatory: the code as sent when it is X12, else the method's X12 code (transfers
        // go by ACH), else ZZZ (mutually defined).
        bpr.paymentMethodCode = (context.codesAreX12 ? payment.methodCode : nil)
            ?? payment.method.flatMap { PaymentMethodCodes.x12.code(for: $0) ?? [.creditTransfer: "ACH", .debitTransfer: "ACH"][$0] }
            ?? "ZZZ"
        bpr.paymentFormatCode = context.codesAreX12 ? payment.formatCode : nil
        bpr.originatingBankIdQualifier = payment.payerAccount?.bankIdQualifier
        bpr.originatingBankId = payment.payerAccount?.bankId
        bpr.originatingAccountQualifier = payment.payerAccount?.accountQualifier
        bpr.originatingAccountNumber = payment.payerAccount?.accountNumber
        if payment.payerAccount != nil { bpr.originatingCompanyIdentifier = payment.originatorId }
        bpr.receivingBankIdQualifier = payment.payeeAccount?.bankIdQualifier
        bpr.receivingBankId = payment.payeeAccount?.bankId
        bpr.receivingAccountQualifier = payment.payeeAccount?.accountQualifier
        bpr.receivingAccountNumber = payment.payeeAccount?.accountNumber
        bpr.paymentDate = context.date(payment.date, field: "payment.date")
        var model = PaymentOrder820(payment: bpr)
        if let trace = payment.traceNumber ?? remittance.number {
            model.trace = X12Trace(referenceIdentification: trace, originatingCompanyIdentifier: payment.originatorId)
        }
        model.currency = remittance.currency.map { X12Currency(entityIdentifierCode: "PR", currencyCode: $0) }
        model.references = remittance.references.map(context.reference)
        model.dates = [context.dtm("097", remittance.date, field: "date")].compactMap { $0 }
            + context.dtms(remittance.otherDates, field: "otherDates")
        model.parties = remittance.parties.map(context.party)
        if !remittance.remittedInvoices.isEmpty {
            var entity = X12RemittanceEntity(assignedNumber: "1")
            entity.remittanceItems = remittance.remittedInvoices.enumerated().map { index, invoice in
                var item = X12RemittanceItem(referenceQualifier: invoice.documentType ?? "IV", referenceIdentification: invoice.invoiceNumber,
                                             amountPaid: X12Amount(invoice.amountPaid),
                                             totalInvoiceAmount: context.amount(invoice.invoiceAmount),
                                             discountAmount: context.amount(invoice.discountAmount))
                item.references = (invoice.purchaseOrderNumber.map { [X12Reference(qualifier: "PO", identification: $0)] } ?? [])
                    + invoice.references.map(context.reference)
                item.dates = [context.dtm("003", invoice.invoiceDate, field: "remittedInvoices[\(index)].invoiceDate")].compactMap { $0 }
                item.adjustments = invoice.adjustments.map { X12Adjustment(amount: X12Amount($0.amount), reasonCode: $0.reasonCode ?? "ZZ") }
                return item
            }
            model.entities = [entity]
        }
        try context.finish()
        return model
    }
}
