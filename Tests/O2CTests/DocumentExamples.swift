import EDICore
import Foundation
import O2C

/// One example of each internal document, with the business content of the `Samples/` files
/// (Globex PO 4500012345, its 855, 856 and 810, the 820 paying it). The same values appear in
/// `docs/schemas/examples/*.json` and `docs/internal-documents.md`.
enum DocumentExamples {
    static func decimal(_ text: String) -> Decimal { Decimal(string: text)! }
    static func each(_ value: String) -> Quantity { Quantity(value: decimal(value), unit: UnitCodes.unit(x12: "EA")) }

    static let globexEnvelope = DocumentEnvelope(
        syntax: .x12, version: "004010", transactionType: "850",
        sender: EnvelopePartyID(qualifier: "01", id: "804512378"), receiver: EnvelopePartyID(qualifier: "ZZ", id: "ACMESUPPLY"),
        applicationSender: "804512378", applicationReceiver: "ACMESUPPLY", interchangeControlNumber: "000000101",
        groupControlNumber: "101", transactionControlNumber: "0001", interchangeDateTime: "261123 0815", isTest: false,
        implementationReference: "004010", sourceFile: "Samples/inbox/globex-850-004010-two-pos.edi")

    static let shipTo042 = Party(role: .shipTo, roleCode: "ST", name: "GLOBEX DC 042",
                                 identifiers: [PartyIdentifier(scheme: .assignedByBuyer, qualifier: "92", value: "042")],
                                 address: Address(lines: ["4800 COMMERCE PKWY"], city: "COLUMBUS", region: "OH",
                                                  postalCode: "43219", country: "US"))
    static let billTo = Party(role: .billTo, roleCode: "BT", name: "GLOBEX RETAIL INC",
                              identifiers: [PartyIdentifier(scheme: .assignedByBuyer, qualifier: "92", value: "0001")],
                              address: Address(lines: ["100 MAIN ST"], city: "CINCINNATI", region: "OH", postalCode: "45202",
                                               country: "US"))

    static let items: [(upc: String, vendor: String, name: String, quantity: String, price: String)] = [
        ("876543100015", "ACM-1001", "WIDGET BLUE 10PK", "48", "12.5"),
        ("876543100022", "ACM-1002", "WIDGET RED 10PK", "24", "12.5"),
        ("876543100039", "ACM-2001", "SPROCKET STEEL 40MM", "10", "35"),
    ]

    static func identifiers(_ index: Int) -> [ItemIdentifier] {
        [ItemIdentifier(scheme: .upc, qualifier: "UP", value: items[index].upc),
         ItemIdentifier(scheme: .vendorPartNumber, qualifier: "VN", value: items[index].vendor)]
    }

    static let purchaseOrder = PurchaseOrder(
        number: "4500012345", purpose: "00", orderType: "SA", orderDate: "2026-11-23", requestedDelivery: "2026-12-04",
        otherDates: [QualifiedDate(qualifier: "001", date: "2026-12-11")], currency: "USD", parties: [shipTo042, billTo],
        references: [Reference(qualifier: "DP", value: "042"), Reference(qualifier: "IA", value: "77341")],
        contacts: [Contact(function: "BD", name: "JANE DOE", phone: "6145550142")],
        terms: [PaymentTerms(type: "01", basisDateCode: "3", discountPercent: 2, discountDays: 10, netDays: 30)],
        lines: items.indices.map { index in
            PurchaseOrderLine(lineNumber: String(index + 1), items: identifiers(index), description: items[index].name,
                              quantity: each(items[index].quantity),
                              unitPrice: UnitPrice(value: decimal(items[index].price), basis: "PE"))
        },
        totals: PurchaseOrderTotals(lineCount: 3, quantityTotal: 82), envelope: globexEnvelope)

    static let orderAcknowledgement = OrderAcknowledgement(
        purchaseOrderNumber: "4500012345", purchaseOrderDate: "2026-11-23", date: "2026-11-24", purpose: "00",
        acknowledgementType: "AD", status: .accepted, currency: "USD",
        parties: [Party(role: .seller, roleCode: "SE", name: "ACME SUPPLY CO")],
        lines: items.indices.map { index in
            OrderAcknowledgementLine(lineNumber: String(index + 1), items: identifiers(index), description: items[index].name,
                                     orderedQuantity: each(items[index].quantity),
                                     unitPrice: UnitPrice(value: decimal(items[index].price), basis: "PE"),
                                     status: .accepted, statusCode: "IA",
                                     schedules: [ScheduledQuantity(quantity: each(items[index].quantity), date: "2026-12-04",
                                                                   dateQualifier: "068")])
        },
        lineCount: 3)

    static let shipNotice = ShipNotice(
        shipmentId: "SHP-26-004417", purpose: "00", noticeDate: "2026-12-02T14:30", shipDate: "2026-12-02T14:30",
        estimatedDelivery: "2026-12-04", structureCode: "0001",
        carrier: Carrier(scac: "UPSN", transportMethod: "M", routing: "UPS GROUND"), billOfLading: "ACM-BOL-0044170",
        parties: [shipTo042, Party(role: .shipFrom, roleCode: "SF", name: "ACME SUPPLY CO",
                                   address: Address(lines: ["1200 INDUSTRIAL WAY"], city: "DAYTON", region: "OH",
                                                    postalCode: "45402", country: "US"))],
        references: [Reference(qualifier: "BM", value: "ACM-BOL-0044170")], packageCount: 2, packagingCode: "CTN25",
        measurements: [Measurement(qualifier: "G", value: decimal("185.4"), unit: UnitCodes.unit(x12: "LB"))],
        orders: [ShippedOrder(purchaseOrderNumber: "4500012345", purchaseOrderDate: "2026-11-23", packs: [
            Pack(sscc: "008765430000001015", levelCode: "P", items: [
                ShippedItem(items: identifiers(0), quantityShipped: each("48"))]),
            Pack(sscc: "008765430000001022", levelCode: "P", items: [
                ShippedItem(items: identifiers(1), quantityShipped: each("24")),
                ShippedItem(items: identifiers(2), quantityShipped: each("10"))]),
        ])],
        lineCount: 7)

    static let invoice = Invoice(
        number: "ACM-INV-100017", date: "2026-12-02", purchaseOrderNumber: "4500012345", purchaseOrderDate: "2026-11-23",
        shipDate: "2026-12-02", currency: "USD",
        parties: [billTo, Party(role: .shipTo, roleCode: "ST", name: "GLOBEX DC 042",
                                identifiers: [PartyIdentifier(scheme: .assignedByBuyer, qualifier: "92", value: "042")]),
                  Party(role: .remitTo, roleCode: "RI", name: "ACME SUPPLY CO",
                        address: Address(lines: ["PO BOX 7730"], city: "DAYTON", region: "OH", postalCode: "45401",
                                         country: "US"))],
        references: [Reference(qualifier: "IA", value: "77341")],
        terms: [PaymentTerms(type: "01", basisDateCode: "3", discountPercent: 2, discountDays: 10, netDays: 30)],
        lines: items.indices.map { index in
            InvoiceLine(lineNumber: String(index + 1), items: identifiers(index), description: items[index].name,
                        quantity: each(items[index].quantity), unitPrice: UnitPrice(value: decimal(items[index].price)),
                        amount: decimal(items[index].quantity) * decimal(items[index].price))
        },
        totals: InvoiceTotals(lineCount: 3, totalAmount: decimal("1250.00")))

    static let remittance = Remittance(
        number: "0041338765", date: "2026-11-30", currency: "USD",
        payment: Payment(method: .ach, methodCode: "ACH", formatCode: "CCP", amount: 2400, creditDebit: "C",
                         date: "2026-12-01", traceNumber: "0041338765", originatorId: "1804512378",
                         payerAccount: BankAccount(bankIdQualifier: "01", bankId: "041000124", accountQualifier: "DA",
                                                   accountNumber: "3345678901"),
                         payeeAccount: BankAccount(bankIdQualifier: "01", bankId: "044000037", accountQualifier: "DA",
                                                   accountNumber: "9988776655")),
        parties: [Party(role: .payer, roleCode: "PR", name: "GLOBEX RETAIL INC",
                        identifiers: [PartyIdentifier(scheme: .assignedByBuyer, qualifier: "92", value: "0001")]),
                  Party(role: .payee, roleCode: "PE", name: "ACME SUPPLY CO",
                        identifiers: [PartyIdentifier(scheme: .assignedByBuyer, qualifier: "92", value: "77341")])],
        remittedInvoices: [
            RemittedInvoice(invoiceNumber: "ACM-INV-100017", documentType: "IV", invoiceDate: "2026-12-02",
                            purchaseOrderNumber: "4500012345", amountPaid: 1225, invoiceAmount: 1250, discountAmount: 25),
            RemittedInvoice(invoiceNumber: "ACM-INV-100018", documentType: "IV", invoiceDate: "2026-11-18",
                            purchaseOrderNumber: "4500012301", amountPaid: 1175, invoiceAmount: 1175),
        ])

    /// All five, as the ERP reads them.
    static let all: [InternalDocument] = [
        .purchaseOrder(purchaseOrder), .orderAcknowledgement(orderAcknowledgement), .shipNotice(shipNotice),
        .invoice(invoice), .remittance(remittance),
    ]

    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
