public import EDICore
import EDIFACT
public import EDISchema
import Foundation

/// Maps EDIFACT messages to internal documents: ORDERS → ``PurchaseOrder``, ORDRSP →
/// ``OrderAcknowledgement``, DESADV → ``ShipNotice``, INVOIC → ``Invoice``, REMADV → ``Remittance``.
///
/// Codes go through the O2C code tables (``PartyRoleCodes``, ``PartyIdSchemeCodes``,
/// ``ItemIdSchemeCodes``, ``UnitCodes``, ``DateQualifierCodes``); dates through ``ISODate``.
/// Every problem (a number that is not one, a date that does not exist, a required value
/// missing) is a finding with its position, numbered like a validation finding's: the segment,
/// the data element and, in a composite, the component (`QTY` C186 6060: element 1, component 2);
/// a missing segment (no `QTY` on a line) is named at the segment it belongs to. All of a
/// message's findings are thrown together.
public enum EDIFACTInboundMapper {
    /// Maps one validated message (collected with its segments).
    public static func map(_ transaction: ValidatedTransaction) throws(MappingError) -> InternalDocument {
        var document = try map(segments: transaction.segments)
        document.envelope = DocumentEnvelope(transaction.envelope)
        return document
    }

    /// Maps the segments of one message, `UNH` to `UNT` (no envelope).
    public static func map(segments: [OwnedSegment]) throws(MappingError) -> InternalDocument {
        let type = segments.first.map { $0.withSegment { $0.element(2).component(1).string } } ?? ""
        do {
            switch type {
            case "ORDERS": return .purchaseOrder(try purchaseOrder(from: OrdersMessage(segments: segments)))
            case "ORDRSP": return .orderAcknowledgement(try orderAcknowledgement(from: OrderResponseMessage(segments: segments)))
            case "DESADV": return .shipNotice(try shipNotice(from: DespatchAdviceMessage(segments: segments)))
            case "INVOIC": return .invoice(try invoice(from: InvoiceMessage(segments: segments)))
            case "REMADV": return .remittance(try remittance(from: RemittanceAdviceMessage(segments: segments)))
            default:
                throw MappingError("no internal document for EDIFACT \(type.isEmpty ? "message without type" : type)",
                                   field: "UNH S009 0065", position: segments.first?.position.at(element: 2, component: 1))
            }
        } catch let error as EDIFACTModelError {
            throw MappingError(error.message, position: error.position)
        } catch let error as MappingError {
            throw error.pointingAtValues(in: segments)
        } catch {
            throw MappingError("\(error)")
        }
    }
}

/// Collects the findings of one message while its values are converted.
///
/// Field names of findings (`"QTY 21 6060"`) are built only when a finding is made.
struct EDIFACTMappingContext {
    var findings: [MappingFinding] = []

    /// A finding at a value's data element and component (1-based, nil: the whole segment, for a
    /// segment that is missing); its position is built here, on the way out, not on the hot path
    /// (kept out of line so the converters that call it stay small enough to inline).
    @inline(never)
    mutating func fail(_ message: String, field: String, at source: EDIFACTSourcePosition, element: Int? = nil,
                       component: Int? = nil) {
        let position = element.map { source.element($0, component: component) } ?? source.position
        findings.append(MappingFinding(message, field: field, position: position))
    }

    func finish() throws(MappingError) {
        if !findings.isEmpty { throw MappingError(inSourceOrder: findings) }
    }

    /// A number, or a finding when the text is not one.
    mutating func decimal(_ text: String?, field: @autoclosure () -> String, at source: EDIFACTSourcePosition, element: Int,
                          component: Int? = nil) -> Decimal? {
        guard let text else { return nil }
        guard let value = EDIFACTNumber.decimal(text) else {
            fail("\"\(text)\" is not a number", field: field(), at: source, element: element, component: component)
            return nil
        }
        return value
    }

    mutating func integer(_ text: String?, field: @autoclosure () -> String, at source: EDIFACTSourcePosition, element: Int,
                          component: Int? = nil) -> Int? {
        guard let value = decimal(text, field: field(), at: source, element: element, component: component) else { return nil }
        return NSDecimalNumber(decimal: value).intValue
    }

    /// A `DTM` as ISO 8601 (a `718` period as `start/end`), or a finding.
    mutating func iso(_ date: EDIFACTDate?) -> String? {
        guard let date, let value = date.value else { return nil }
        if date.format == "718", let period = ISODate.periodFromEDIFACT718(value) { return period.start + "/" + period.end }
        guard let iso = ISODate.fromEDIFACT(value, format: date.format) else {
            fail("date \"\(value)\" (format \(date.format ?? "none")) is not a valid date", field: "DTM \(date.qualifier)",
                 at: date.source, element: 1, component: 2)
            return nil
        }
        return iso
    }

    mutating func quantity(_ quantity: EDIFACTQuantity?) -> Quantity? {
        guard let quantity else { return nil }
        return self.quantity(quantity.text, unit: quantity.unit, qualifier: quantity.qualifier, at: quantity.source)
    }

    /// The quantity with a qualifier, else the first (read in place, the value not copied).
    mutating func quantity(in quantities: [EDIFACTQuantity], preferring qualifier: String) -> Quantity? {
        guard let i = Self.index(in: quantities, of: qualifier) ?? (quantities.isEmpty ? nil : 0) else { return nil }
        return quantity(quantities[i].text, unit: quantities[i].unit, qualifier: quantities[i].qualifier, at: quantities[i].source)
    }

    private mutating func quantity(_ text: String?, unit: String?, qualifier: String, at source: EDIFACTSourcePosition) -> Quantity? {
        guard let value = decimal(text, field: "QTY \(qualifier) 6060", at: source, element: 1, component: 2) else { return nil }
        return Quantity(value: value, unit: unit.map { UnitCodes.unit(edifact: $0) })
    }

    mutating func price(_ price: EDIFACTPrice?) -> UnitPrice? {
        guard let price else { return nil }
        return self.price(price.text, qualifier: price.qualifier, basis: price.basisQuantity, unit: price.basisUnit, at: price.source)
    }

    /// The price with a qualifier, else the first (read in place, the value not copied).
    mutating func price(in prices: [EDIFACTPrice], preferring qualifier: String) -> UnitPrice? {
        guard let i = Self.index(in: prices, of: qualifier) ?? (prices.isEmpty ? nil : 0) else { return nil }
        return price(prices[i].text, qualifier: prices[i].qualifier, basis: prices[i].basisQuantity, unit: prices[i].basisUnit,
                     at: prices[i].source)
    }

    private mutating func price(_ text: String?, qualifier: String, basis: String?, unit: String?,
                                at source: EDIFACTSourcePosition) -> UnitPrice? {
        guard let value = decimal(text, field: "PRI \(qualifier) 5118", at: source, element: 1, component: 2) else { return nil }
        var per: Quantity?
        if let basis = decimal(basis, field: "PRI 5284", at: source, element: 1, component: 5) {
            per = Quantity(value: basis, unit: unit.map { UnitCodes.unit(edifact: $0) })
        }
        return UnitPrice(value: value, basis: qualifier, per: per)
    }

    mutating func amount(_ amount: EDIFACTAmount?) -> Decimal? {
        guard let amount else { return nil }
        return decimal(amount.text, field: "MOA \(amount.qualifier) 5004", at: amount.source, element: 1, component: 2)
    }

    /// The first amount with a qualifier (read in place, the value not copied).
    mutating func amount(in amounts: [EDIFACTAmount], _ qualifier: String) -> Decimal? {
        guard let i = Self.index(in: amounts, of: qualifier) else { return nil }
        return decimal(amounts[i].text, field: "MOA \(qualifier) 5004", at: amounts[i].source, element: 1, component: 2)
    }

    /// The index of the first value with a qualifier, the values read in place.
    private static func index<Value: EDIFACTQualifiedValue>(in values: [Value], of qualifier: String) -> Int? {
        var index = 0
        while index < values.count {
            if values[index].qualifier == qualifier { return index }
            index += 1
        }
        return nil
    }

    mutating func party(_ party: EDIFACTParty) -> Party {
        var identifiers: [PartyIdentifier] = []
        if let id = party.identifier {
            identifiers.append(PartyIdentifier(scheme: PartyIdSchemeCodes.scheme(edifact: party.codeListAgency),
                                               qualifier: party.codeListAgency, value: id))
        }
        var address: Address?
        if !party.streetLines.isEmpty || party.city != nil || party.postalCode != nil || party.countryCode != nil
            || party.countrySubdivision != nil {
            address = Address(lines: party.streetLines, city: party.city, region: party.countrySubdivision,
                              postalCode: party.postalCode, country: party.countryCode)
        }
        let contacts = party.contacts.map { contact in
            Contact(function: contact.function, name: contact.name,
                    phone: contact.communications.first { $0.channel == "TE" }?.number,
                    email: contact.communications.first { $0.channel == "EM" }?.number,
                    fax: contact.communications.first { $0.channel == "FX" }?.number)
        }
        return Party(role: PartyRoleCodes.role(edifact: party.partyQualifier), roleCode: party.partyQualifier, name: party.name,
                     identifiers: identifiers, address: address, contacts: contacts, references: party.references.map { reference($0) })
    }

    mutating func reference(_ reference: EDIFACTReference) -> Reference {
        Reference(qualifier: reference.qualifier, value: reference.number ?? "", description: nil,
                  date: iso(reference.dates.first))
    }

    /// The line's item numbers with a value: the `LIN` one, then those of the `PIA`s.
    func items(_ line: EDIFACTLineItem) -> [ItemIdentifier] {
        items(line.itemIdentifier, line.productIdentifications)
    }

    func items(_ main: EDIFACTItemIdentifier?, _ identifications: [EDIFACTProductIdentification]) -> [ItemIdentifier] {
        var count = main == nil ? 0 : 1
        for identification in identifications { count += identification.identifiers.count }
        var items: [ItemIdentifier] = []
        items.reserveCapacity(count)
        func add(_ identifier: EDIFACTItemIdentifier) {
            guard !identifier.number.isEmpty else { return }
            items.append(ItemIdentifier(scheme: ItemIdSchemeCodes.scheme(edifact: identifier.numberType),
                                        qualifier: identifier.numberType, value: identifier.number))
        }
        if let main { add(main) }
        for p in identifications.indices {
            for i in identifications[p].identifiers.indices { add(identifications[p].identifiers[i]) }
        }
        return items
    }

    /// The non-empty `IMD` texts of the line, joined by spaces.
    func description(_ line: EDIFACTLineItem) -> String? {
        description(line.descriptions)
    }

    func description(_ descriptions: [EDIFACTItemDescription]) -> String? {
        var result: String?
        for description in descriptions {
            let texts = description.texts
            let text = texts.count == 1 ? texts[0] : texts.joined(separator: " ")
            guard !text.isEmpty else { continue }
            if let joined = result { result = joined + " " + text } else { result = text }
        }
        return result
    }

    func notes(_ texts: [EDIFACTFreeText]) -> [Note] {
        texts.map { Note(qualifier: $0.subject.isEmpty ? nil : $0.subject, text: $0.lines.joined(separator: " ")) }
    }

    mutating func tax(_ tax: EDIFACTTax) -> Tax {
        Tax(type: tax.typeCode, percent: decimal(tax.rate, field: "TAX 5278", at: tax.source, element: 5, component: 4),
            amount: amount(tax.amounts.first { $0.qualifier == "124" || $0.qualifier == "176" }),
            taxableAmount: amount(tax.amounts.first { $0.qualifier == "125" }), category: tax.category)
    }

    mutating func terms(_ terms: EDIFACTPaymentTerms) -> PaymentTerms {
        var result = PaymentTerms(type: terms.typeQualifier, basisDateCode: terms.timeReference,
                                  description: terms.termsIdentification)
        let days = terms.periodType == "D"
            ? integer(terms.periodCount, field: "PAT 2152", at: terms.source, element: 3, component: 4) : nil
        if terms.typeQualifier == "22" { result.discountDays = days } else { result.netDays = days }
        result.discountPercent = terms.percentages.first { $0.qualifier == "12" }.flatMap { percentage in
            decimal(percentage.text, field: "PCD 5482", at: percentage.source, element: 1, component: 2)
        }
        result.discountAmount = amount(terms.amounts.first { $0.qualifier == "52" })
        result.netDueDate = iso(terms.dates.first { $0.qualifier == "13" })
        result.discountDueDate = iso(terms.dates.first { $0.qualifier == "12" })
        return result
    }

    /// Dates with a role the document names go to `named` (the first of each role); the others
    /// to `other`.
    mutating func dates(_ dates: [EDIFACTDate], named roles: DateRoles) -> (named: NamedDates, other: [QualifiedDate]) {
        var named = NamedDates()
        var other: [QualifiedDate] = []
        for date in dates {
            guard let iso = iso(date) else { continue }
            if let role = DateQualifierCodes.edifact.value(for: date.qualifier), roles.contains(DateRoles(role)), named[role] == nil {
                named[role] = iso
            } else {
                other.append(QualifiedDate(qualifier: date.qualifier, date: iso))
            }
        }
        return (named, other)
    }

    /// `BGM` 1004, the document number: a simple data element (element 2) in D96A, component 1 of
    /// C106 (element 2, component 1) in D01B.
    mutating func documentNumber(_ body: EDIFACTMessageBody) -> String {
        if let number = body.beginning.documentNumber, !number.isEmpty { return number }
        return required(nil, field: "BGM 1004", at: body.beginning.source, element: 2,
                        component: body.messageIdentifier.directory == "D96A" ? nil : 1)
    }

    /// `CNT` 2 6066, the number of line items.
    mutating func lineCount(_ body: EDIFACTMessageBody) -> Int? {
        body.controlTotal("2").flatMap { integer($0.text, field: "CNT 2 6066", at: $0.source, element: 1, component: 2) }
    }

    mutating func required(_ value: String?, field: String, at source: EDIFACTSourcePosition, element: Int?,
                           component: Int? = nil) -> String {
        guard let value, !value.isEmpty else {
            fail("\(field) is missing", field: field, at: source, element: element, component: component)
            return ""
        }
        return value
    }
}

/// The typed values picked by their qualifier in a mapping (`QTY` 6063, `PRI` 5125, `MOA` 5025).
protocol EDIFACTQualifiedValue {
    var qualifier: String { get }
}

extension EDIFACTQuantity: EDIFACTQualifiedValue {}
extension EDIFACTPrice: EDIFACTQualifiedValue {}
extension EDIFACTAmount: EDIFACTQualifiedValue {}
