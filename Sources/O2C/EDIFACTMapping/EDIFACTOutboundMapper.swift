import EDIFACT
import Foundation

/// Maps internal documents to EDIFACT typed models — the reverse of ``EDIFACTInboundMapper``:
/// ``PurchaseOrder`` → ORDERS, ``OrderAcknowledgement`` → ORDRSP, ``ShipNotice`` → DESADV,
/// ``Invoice`` → INVOIC, ``Remittance`` → REMADV.
///
/// Codes go back through the same O2C code tables (the code as sent wins when the table agrees
/// with it); dates become `DTM` with format 102 (203/204 with a time, 718 for a period).
/// Reading the result with the inbound mapper gives the document back.
public struct EDIFACTOutboundMapper: Sendable {
    /// UNH S009 0054: `96A` or `01B`.
    public var release: String
    /// UNH S009 0057 (`EAN008`), when the partner wants one.
    public var associationCode: String?

    /// Creates a mapper for a directory release.
    public init(release: String = "96A", associationCode: String? = nil) {
        self.release = release
        self.associationCode = associationCode
    }

    func body(_ type: String, _ nameCode: String?, _ number: String?, _ function: String?) -> EDIFACTMessageBody {
        EDIFACTMessageBody(messageIdentifier: EDIFACTMessageIdentifier(type: type, release: release, associationCode: associationCode),
                           beginning: EDIFACTBeginningOfMessage(documentNameCode: nameCode, documentNumber: number,
                                                                messageFunction: function))
    }
}

/// Conversions shared by the outbound mappings.
enum EDIFACTValues {
    static func text(_ value: Decimal) -> String { value.description }

    static func date(_ qualifier: String, _ iso: String?) -> EDIFACTDate? {
        guard let iso else { return nil }
        let parts = iso.split(separator: "/")
        if parts.count == 2, let start = ISODate.toCCYYMMDD(String(parts[0])), let end = ISODate.toCCYYMMDD(String(parts[1])) {
            return EDIFACTDate(qualifier: qualifier, value: start + "-" + end, format: "718")
        }
        guard let edifact = ISODate.toEDIFACT(iso) else { return EDIFACTDate(qualifier: qualifier, value: iso, format: nil) }
        return EDIFACTDate(qualifier: qualifier, value: edifact.value, format: edifact.format)
    }

    static func dates(_ named: [(String, String?)], other: [QualifiedDate]) -> [EDIFACTDate] {
        named.compactMap { date($0.0, $0.1) } + other.compactMap { date(dateQualifier($0.qualifier) ?? $0.qualifier, $0.date) }
    }

    /// An EDIFACT 2005 qualifier for a qualifier as sent: kept when EDIFACT knows it, else the
    /// EDIFACT code of the X12 qualifier's role (`DateQualifierCodes`).
    static func dateQualifier(_ qualifier: String?) -> String? {
        guard let qualifier else { return nil }
        if DateQualifierCodes.edifact.value(for: qualifier) != nil { return qualifier }
        return DateQualifierCodes.x12.value(for: qualifier).flatMap { DateQualifierCodes.edifact.code(for: $0) } ?? qualifier
    }

    static func quantity(_ qualifier: String, _ quantity: Quantity?) -> EDIFACTQuantity? {
        guard let quantity else { return nil }
        return EDIFACTQuantity(qualifier: qualifier, text: text(quantity.value), unit: quantity.unit.map { UnitCodes.edifactCode(for: $0) })
    }

    /// Codes kept "as sent" are written only when they were sent in EDIFACT: a document read from
    /// X12 carries X12 codes (BEG01 `00`, PO105 `PE`, HL03 `P`…) that mean something else here,
    /// so the EDIFACT default (or the code tables' code) is written instead.
    static func ownCodes(_ envelope: DocumentEnvelope?) -> (String?) -> String? {
        envelope?.syntax == .x12 ? { _ in nil } : { $0 }
    }

    /// BGM 1225 `9` (original) for a document that came from X12; nil otherwise.
    static func originalIfForeign(_ envelope: DocumentEnvelope?) -> String? {
        envelope?.syntax == .x12 ? "9" : nil
    }

    static func price(_ price: UnitPrice?, ownCodes own: (String?) -> String? = { $0 }) -> EDIFACTPrice? {
        guard let price else { return nil }
        return EDIFACTPrice(qualifier: own(price.basis) ?? "AAA", text: text(price.value), basisQuantity: price.per.map { text($0.value) },
                            basisUnit: price.per?.unit.map { UnitCodes.edifactCode(for: $0) })
    }

    static func amount(_ qualifier: String, _ value: Decimal?) -> EDIFACTAmount? {
        value.map { EDIFACTAmount(qualifier: qualifier, text: text($0)) }
    }

    static func reference(_ reference: Reference, dateQualifier: String = "171") -> EDIFACTReference {
        EDIFACTReference(qualifier: reference.qualifier, number: reference.value.isEmpty ? nil : reference.value,
                         dates: date(dateQualifier, reference.date).map { [$0] } ?? [])
    }

    static func party(_ party: Party) -> EDIFACTParty {
        let identifier = party.identifiers.first
        var result = EDIFACTParty(partyQualifier: PartyRoleCodes.edifactCode(for: party.role, asSent: party.roleCode) ?? "ZZZ",
                                  identifier: identifier?.value, codeListAgency: identifier.flatMap { PartyIdSchemeCodes.edifactCode(for: $0) })
        if let name = party.name { result.nameLines = [name] }
        if let address = party.address {
            result.streetLines = address.lines
            result.city = address.city
            result.countrySubdivision = address.region
            result.postalCode = address.postalCode
            result.countryCode = address.country
        }
        result.references = party.references.map { reference($0) }
        result.contacts = party.contacts.map { contact in
            var communications: [EDIFACTCommunication] = []
            if let phone = contact.phone { communications.append(EDIFACTCommunication(number: phone, channel: "TE")) }
            if let email = contact.email { communications.append(EDIFACTCommunication(number: email, channel: "EM")) }
            if let fax = contact.fax { communications.append(EDIFACTCommunication(number: fax, channel: "FX")) }
            return EDIFACTContact(function: contact.function, name: contact.name, communications: communications)
        }
        return result
    }

    static func line(number: String?, items: [ItemIdentifier], description: String?) -> EDIFACTLineItem {
        let identifiers = items.map {
            EDIFACTItemIdentifier(number: $0.value, numberType: ItemIdSchemeCodes.edifactCode(for: $0))
        }
        var line = EDIFACTLineItem(lineNumber: number, itemIdentifier: identifiers.first)
        if identifiers.count > 1 {
            line.productIdentifications = stride(from: 1, to: identifiers.count, by: 5).map {
                EDIFACTProductIdentification(function: "1", identifiers: Array(identifiers[$0..<min($0 + 5, identifiers.count)]))
            }
        }
        if let description { line.descriptions = [EDIFACTItemDescription(texts: [description])] }
        return line
    }

    static func notes(_ notes: [Note]) -> [EDIFACTFreeText] {
        notes.map { EDIFACTFreeText(subject: $0.qualifier ?? "AAI", lines: [$0.text]) }
    }

    static func tax(_ tax: Tax) -> EDIFACTTax {
        var amounts: [EDIFACTAmount] = []
        if let amount = amount("124", tax.amount) { amounts.append(amount) }
        if let taxable = amount("125", tax.taxableAmount) { amounts.append(taxable) }
        return EDIFACTTax(typeCode: tax.type, rate: tax.percent.map(text), category: tax.category, amounts: amounts)
    }

    static func terms(_ terms: PaymentTerms, ownCodes own: (String?) -> String? = { $0 }) -> EDIFACTPaymentTerms {
        let type = own(terms.type)
        let isDiscount = type == "22"
        let days = isDiscount ? terms.discountDays : terms.netDays
        let reference = own(terms.basisDateCode) ?? (days == nil ? nil : "5")
        var result = EDIFACTPaymentTerms(typeQualifier: type ?? "1", timeReference: reference,
                                         relation: days == nil ? nil : "3", periodType: days == nil ? nil : "D",
                                         periodCount: days.map(String.init))
        result.termsIdentification = terms.description
        result.dates = [date("13", terms.netDueDate), date("12", terms.discountDueDate)].compactMap { $0 }
        if let percent = terms.discountPercent { result.percentages = [EDIFACTPercentage(qualifier: "12", text: text(percent))] }
        if let discount = amount("52", terms.discountAmount) { result.amounts = [discount] }
        return result
    }
}
