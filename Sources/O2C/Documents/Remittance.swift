public import Foundation

/// A remittance advice (payment order), the same for X12 820 and EDIFACT REMADV.
///
/// X12: `BPR` (amount `BPR02`, credit/debit `BPR03`, method `BPR04`, format `BPR05`, banks
/// `BPR06`–`BPR15`, effective date `BPR16`), `TRN` trace, `CUR`, `DTM`, `N1` PR/PE, then `ENT`
/// with `RMR` (invoice `RMR02`, paid `RMR04`, invoice amount `RMR05`, discount `RMR06`), `REF`,
/// `DTM`, `ADX`. EDIFACT: `BGM` 481, `DTM` 137/209, `NAD` PR/PE, `CUX`, `PAI`, then SG4 `DOC`
/// with `MOA` 9 (amount due), 52 (discount), 12 (remitted), `DTM`, `RFF`, `AJT`, summary `MOA` 12.
public struct Remittance: Codable, Sendable, Equatable, Hashable {
    /// The remittance advice number (`TRN02` when no other, BGM 1004).
    public var number: String?
    /// Date of the advice, ISO 8601 (DTM `097`, DTM 137).
    public var date: String?
    /// ISO 4217 currency of every amount.
    public var currency: String?
    /// The payment.
    public var payment: Payment
    /// Parties by role (payer, payee, remit-to).
    public var parties: [Party]
    /// Header references.
    public var references: [Reference]
    /// The invoices paid.
    public var remittedInvoices: [RemittedInvoice]
    /// Other dates.
    public var otherDates: [QualifiedDate]
    /// Notes.
    public var notes: [Note]
    /// Where it came from.
    public var envelope: DocumentEnvelope?

    /// Creates a remittance.
    public init(number: String? = nil, date: String? = nil, currency: String? = nil, payment: Payment,
                parties: [Party] = [], references: [Reference] = [], remittedInvoices: [RemittedInvoice] = [],
                otherDates: [QualifiedDate] = [], notes: [Note] = [], envelope: DocumentEnvelope? = nil) {
        self.number = number
        self.date = date
        self.currency = currency
        self.payment = payment
        self.parties = parties
        self.references = references
        self.remittedInvoices = remittedInvoices
        self.otherDates = otherDates
        self.notes = notes
        self.envelope = envelope
    }
}

/// The payment of a remittance (X12 `BPR` + `TRN`, EDIFACT `PAI` + summary `MOA` + `DTM` 209).
public struct Payment: Codable, Sendable, Equatable, Hashable {
    /// How it is paid.
    public var method: PaymentMethod?
    /// The method code as sent (`BPR04` 591: `ACH`, `CHK`, `FWT`; PAI C534 4461: `31`, `42`…).
    public var methodCode: String?
    /// Payment format as sent (`BPR05`: `CCP`, `CTX`).
    public var formatCode: String?
    /// The total amount paid (`BPR02`, summary MOA 12).
    public var amount: Decimal
    /// Credit or debit flag as sent (`BPR03`: C or D).
    public var creditDebit: String?
    /// Effective or value date, ISO 8601 (`BPR16`, DTM 209/203).
    public var date: String?
    /// Trace or reference number (`TRN02`, BGM 1004 / RFF).
    public var traceNumber: String?
    /// Originating company id of the trace (`TRN03`).
    public var originatorId: String?
    /// The payer's bank account (`BPR06`–`BPR09`, FII OR).
    public var payerAccount: BankAccount?
    /// The payee's bank account (`BPR12`–`BPR15`, FII BF).
    public var payeeAccount: BankAccount?

    /// Creates a payment.
    public init(method: PaymentMethod? = nil, methodCode: String? = nil, formatCode: String? = nil, amount: Decimal,
                creditDebit: String? = nil, date: String? = nil, traceNumber: String? = nil,
                originatorId: String? = nil, payerAccount: BankAccount? = nil, payeeAccount: BankAccount? = nil) {
        self.method = method
        self.methodCode = methodCode
        self.formatCode = formatCode
        self.amount = amount
        self.creditDebit = creditDebit
        self.date = date
        self.traceNumber = traceNumber
        self.originatorId = originatorId
        self.payerAccount = payerAccount
        self.payeeAccount = payeeAccount
    }
}

/// Payment methods shared by both syntaxes (see ``PaymentMethodCodes``).
public enum PaymentMethod: String, Codable, Sendable, Hashable, CaseIterable {
    /// Automated Clearing House transfer.
    case ach
    /// Cheque.
    case check
    /// Wire transfer.
    case wire
    /// Credit transfer to a bank account.
    case creditTransfer
    /// Debit transfer.
    case debitTransfer
    /// Cash.
    case cash
    /// Any other method (see the code as sent).
    case other
}

/// A bank account (X12 `BPR` DFI and account, EDIFACT `FII`).
public struct BankAccount: Codable, Sendable, Equatable, Hashable {
    /// Bank id qualifier as sent (`BPR06` 506: `01` ABA routing).
    public var bankIdQualifier: String?
    /// Bank id (routing number, BIC).
    public var bankId: String?
    /// Account number qualifier as sent (`BPR08` 569: `DA` demand deposit).
    public var accountQualifier: String?
    /// Account number (or IBAN).
    public var accountNumber: String?

    /// Creates an account.
    public init(bankIdQualifier: String? = nil, bankId: String? = nil, accountQualifier: String? = nil,
                accountNumber: String? = nil) {
        self.bankIdQualifier = bankIdQualifier
        self.bankId = bankId
        self.accountQualifier = accountQualifier
        self.accountNumber = accountNumber
    }
}

/// One invoice paid by a remittance (X12 `RMR` with `REF`/`DTM`/`ADX`, EDIFACT SG4 `DOC` with
/// `MOA`/`DTM`/`RFF`/`AJT`).
public struct RemittedInvoice: Codable, Sendable, Equatable, Hashable {
    /// The invoice number (`RMR02`, DOC C503 1004).
    public var invoiceNumber: String
    /// The reference qualifier or document type as sent (`RMR01`: `IV`; DOC 1001: `380`).
    public var documentType: String?
    /// The invoice date, ISO 8601 (DTM `003`, DTM 137).
    public var invoiceDate: String?
    /// The buyer's purchase order (`REF` PO, RFF ON).
    public var purchaseOrderNumber: String?
    /// The amount paid on this invoice (`RMR04`, MOA 12).
    public var amountPaid: Decimal
    /// The invoice's total (`RMR05`, MOA 9).
    public var invoiceAmount: Decimal?
    /// Discount taken (`RMR06`, MOA 52).
    public var discountAmount: Decimal?
    /// Adjustments (`ADX`, `AJT` + `MOA`).
    public var adjustments: [RemittanceAdjustment]
    /// References.
    public var references: [Reference]

    /// Creates a remitted invoice.
    public init(invoiceNumber: String, documentType: String? = nil, invoiceDate: String? = nil,
                purchaseOrderNumber: String? = nil, amountPaid: Decimal, invoiceAmount: Decimal? = nil,
                discountAmount: Decimal? = nil, adjustments: [RemittanceAdjustment] = [],
                references: [Reference] = []) {
        self.invoiceNumber = invoiceNumber
        self.documentType = documentType
        self.invoiceDate = invoiceDate
        self.purchaseOrderNumber = purchaseOrderNumber
        self.amountPaid = amountPaid
        self.invoiceAmount = invoiceAmount
        self.discountAmount = discountAmount
        self.adjustments = adjustments
        self.references = references
    }
}

/// An adjustment to a remitted invoice (X12 `ADX`, EDIFACT `AJT` + `MOA`).
public struct RemittanceAdjustment: Codable, Sendable, Equatable, Hashable {
    /// The reason code as sent (`ADX02` 426, AJT 4465).
    public var reasonCode: String?
    /// The adjustment amount (negative lowers the payment).
    public var amount: Decimal
    /// Description.
    public var description: String?

    /// Creates an adjustment.
    public init(reasonCode: String? = nil, amount: Decimal, description: String? = nil) {
        self.reasonCode = reasonCode
        self.amount = amount
        self.description = description
    }
}
