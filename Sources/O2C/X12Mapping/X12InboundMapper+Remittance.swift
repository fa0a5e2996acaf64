import EDICore
public import X12
import Foundation

extension X12InboundMapper {
    /// 820 → remittance: BPR gives the payment (amount, method, banks, date), TRN its trace
    /// number, each RMR a remitted invoice (REF PO, DTM 003, ADX adjustments).
    public static func remittance(from order: PaymentOrder820) throws(MappingError) -> Remittance {
        var context = X12InboundContext()
        let bpr = order.payment
        let dates = context.dates(order.dates, naming: .documentDate)
        func account(_ qualifier: String?, _ bank: String?, _ accountQualifier: String?, _ number: String?) -> BankAccount? {
            [qualifier, bank, accountQualifier, number].allSatisfy { $0 == nil } ? nil
                : BankAccount(bankIdQualifier: qualifier, bankId: bank, accountQualifier: accountQualifier, accountNumber: number)
        }
        let payment = Payment(
            method: bpr.paymentMethodCode.map { PaymentMethodCodes.x12.value(for: $0) ?? .other },
            methodCode: bpr.paymentMethodCode, formatCode: bpr.paymentFormatCode,
            amount: context.requiredDecimal(bpr.amount, field: "BPR02", at: bpr.position(ofElement: 2)),
            creditDebit: bpr.creditDebitFlagCode,
            date: context.date(bpr.paymentDate, field: "BPR16", at: bpr.position(ofElement: 16)),
            traceNumber: order.trace?.referenceIdentification, originatorId: order.trace?.originatingCompanyIdentifier,
            payerAccount: account(bpr.originatingBankIdQualifier, bpr.originatingBankId, bpr.originatingAccountQualifier,
                                  bpr.originatingAccountNumber),
            payeeAccount: account(bpr.receivingBankIdQualifier, bpr.receivingBankId, bpr.receivingAccountQualifier,
                                  bpr.receivingAccountNumber))
        var invoices: [RemittedInvoice] = []
        for item in order.remittanceItems {
            let origin = item.origin
            var purchaseOrder: String?
            var references: [Reference] = []
            for ref in item.references {
                if ref.qualifier == "PO", purchaseOrder == nil { purchaseOrder = ref.identification } else { references.append(context.reference(ref)) }
            }
            let invoiceDate = item.dates.first { $0.qualifier == "003" }.flatMap { context.date($0) }
            if item.referenceIdentification.isEmpty {
                context.fail("the remittance item names no document", field: "RMR02", at: origin.element(2))
            }
            invoices.append(RemittedInvoice(
                invoiceNumber: item.referenceIdentification, documentType: item.referenceQualifier,
                invoiceDate: invoiceDate, purchaseOrderNumber: purchaseOrder,
                amountPaid: context.requiredDecimal(item.amountPaid, field: "RMR04", at: origin.element(4)),
                invoiceAmount: context.decimal(item.totalInvoiceAmount, field: "RMR05"),
                discountAmount: context.decimal(item.discountAmount, field: "RMR06"),
                adjustments: item.adjustments.map { adx in
                    RemittanceAdjustment(reasonCode: adx.reasonCode,
                                         amount: context.requiredDecimal(adx.amount, field: "ADX01", at: adx.position(ofElement: 1)))
                },
                references: references))
        }
        let document = Remittance(
            number: order.trace?.referenceIdentification, date: dates.named[.documentDate],
            currency: order.currency?.currencyCode, payment: payment, parties: order.parties.map(context.party),
            references: order.references.map(context.reference), remittedInvoices: invoices, otherDates: dates.other)
        try context.finish()
        return document
    }
}
