public import EDICore
public import EDISchema
import X12
import Foundation

/// Maps X12 transaction sets to internal documents: 850 → ``PurchaseOrder``, 855 →
/// ``OrderAcknowledgement``, 856 → ``ShipNotice``, 810 → ``Invoice``, 820 → ``Remittance``.
///
/// The typed model (module `X12`) is built first; its values go through the O2C code tables
/// (``PartyRoleCodes``, ``PartyIdSchemeCodes``, ``ItemIdSchemeCodes``, ``UnitCodes``,
/// ``DateQualifierCodes``, ``AcknowledgementStatusCodes``, ``PaymentMethodCodes``) and dates
/// through ``ISODate``. Every problem (an amount that is not a number, a date that does not exist,
/// a required value or party missing) is a finding with its position, like a validation finding's:
/// the segment, the element (`BEG05`: element 5) and the value's own column and byte offset; a
/// required party or segment that is missing is named at the segment it belongs to. All findings
/// of a transaction are thrown together, in source order.
public enum X12InboundMapper {
    /// Maps one validated transaction (collected with its segments) and records its envelope.
    public static func map(_ transaction: ValidatedTransaction) throws(MappingError) -> InternalDocument {
        var document = try map(segments: transaction.segments)
        var envelope = DocumentEnvelope(transaction.envelope)
        if envelope.version.isEmpty { envelope.version = transaction.envelope.groupVersion ?? "" }
        document.envelope = envelope
        return document
    }

    /// Maps the segments of one transaction, `ST` to `SE` (no envelope).
    public static func map(segments: [OwnedSegment]) throws(MappingError) -> InternalDocument {
        do throws(MappingError) {
            return try document(from: segments)
        } catch {
            throw error.pointingAtValues(in: segments)
        }
    }

    /// The internal document of a transaction's set, its findings at their segments and elements.
    private static func document(from segments: [OwnedSegment]) throws(MappingError) -> InternalDocument {
        let set = segments.first?[1] ?? ""
        switch set {
        case "850": return .purchaseOrder(try purchaseOrder(from: model { () throws(X12ModelError) in try PurchaseOrder850(segments: segments) }))
        case "855":
            return .orderAcknowledgement(try orderAcknowledgement(from: model { () throws(X12ModelError) in
                try PurchaseOrderAcknowledgement855(segments: segments)
            }))
        case "856": return .shipNotice(try shipNotice(from: model { () throws(X12ModelError) in try ShipNotice856(segments: segments) }))
        case "810": return .invoice(try invoice(from: model { () throws(X12ModelError) in try Invoice810(segments: segments) }))
        case "820": return .remittance(try remittance(from: model { () throws(X12ModelError) in try PaymentOrder820(segments: segments) }))
        default:
            throw MappingError("no internal document for X12 \(set.isEmpty ? "transaction without ST01" : set)",
                               field: "ST01", position: segments.first?.position)
        }
    }

    /// Builds a typed model, turning its error into a mapping finding.
    static func model<Model>(_ build: () throws(X12ModelError) -> Model) throws(MappingError) -> Model {
        do {
            return try build()
        } catch {
            throw MappingError(error.message, position: error.position)
        }
    }
}

/// Collects the findings of one transaction while its values are converted.
struct X12InboundContext {
    var findings: [MappingFinding] = []

    mutating func fail(_ message: String, field: String, at position: @autoclosure () -> EDIPosition?) {
        findings.append(MappingFinding(message, field: field, position: position()))
    }

    func finish() throws(MappingError) {
        if !findings.isEmpty {
            throw MappingError(inSourceOrder: findings)
        }
    }

    /// A number, or a finding when the text is not one.
    mutating func decimal(_ amount: X12Amount?, field: String) -> Decimal? {
        guard let amount else { return nil }
        guard let value = amount.decimal else {
            fail("\"\(amount.text)\" is not a number", field: field, at: amount.origin.position)
            return nil
        }
        return value
    }

    /// A number that must be there.
    mutating func requiredDecimal(_ amount: X12Amount?, field: String, at position: @autoclosure () -> EDIPosition?) -> Decimal {
        guard amount != nil else {
            fail("\(field) is missing", field: field, at: position())
            return 0
        }
        return decimal(amount, field: field) ?? 0
    }

    mutating func integer(_ text: String?, field: String, at position: @autoclosure () -> EDIPosition?) -> Int? {
        guard let text else { return nil }
        guard let value = Int(text) else {
            fail("\"\(text)\" is not a whole number", field: field, at: position())
            return nil
        }
        return value
    }

    /// An X12 date (and time) as ISO 8601, or a finding when it does not exist.
    mutating func date(_ date: String?, time: String? = nil, field: String, at position: @autoclosure () -> EDIPosition?) -> String? {
        guard let date else { return nil }
        if time == nil, let day = ISODate.fromCCYYMMDD(date) { return day }
        do throws(MappingError) {
            return try ISODate.requireX12(date: date, time: time, field: field, position: position())
        } catch {
            findings += error.findings
            return nil
        }
    }

    /// A DTM as ISO 8601.
    mutating func date(_ dtm: X12Date) -> String? {
        date(dtm.qualifiedDate, at: dtm.datePosition)
    }

    /// DTM values as ISO 8601 (the finding's field, `DTM` and the qualifier, made only when needed).
    private mutating func date(_ values: (qualifier: String, date: String?, time: String?), at position: @autoclosure () -> EDIPosition?) -> String? {
        if values.time == nil, let date = values.date, let day = ISODate.fromCCYYMMDD(date) { return day }
        return date(values.date, time: values.time, field: "DTM \(values.qualifier)", at: position())
    }

    /// Dates named by role (one or two roles per document or line), from ``dates(_:naming:_:)``.
    struct NamedDates {
        let roles: (DateRole, DateRole?)
        var first: String?
        var second: String?

        subscript(role: DateRole) -> String? {
            role == roles.0 ? first : role == roles.1 ? second : nil
        }

        /// Names a date when its role is one of the two and not named yet.
        mutating func name(_ iso: String, as role: DateRole) -> Bool {
            if role == roles.0, first == nil {
                first = iso
                return true
            }
            if role == roles.1, second == nil {
                second = iso
                return true
            }
            return false
        }
    }

    /// DTMs sorted into named dates and the rest (with their qualifier as sent).
    mutating func dates(_ dtms: [X12Date], naming first: DateRole, _ second: DateRole? = nil)
        -> (named: NamedDates, other: [QualifiedDate]) {
        var named = NamedDates(roles: (first, second))
        guard !dtms.isEmpty else { return (named, []) }
        var other: [QualifiedDate] = []
        for dtm in dtms {
            let values = dtm.qualifiedDate
            guard let iso = date(values, at: dtm.datePosition) else { continue }
            if let role = DateQualifierCodes.x12.value(for: values.qualifier), named.name(iso, as: role) { continue }
            other.append(QualifiedDate(qualifier: values.qualifier, date: iso))
        }
        return (named, other)
    }

    func party(_ party: X12Party) -> Party {
        let values = party.values
        var identifiers: [PartyIdentifier] = []
        if let code = values.identificationCode {
            let qualifier = values.identificationCodeQualifier
            identifiers.append(PartyIdentifier(scheme: qualifier.map { PartyIdSchemeCodes.scheme(x12: $0) } ?? .other,
                                               qualifier: qualifier, value: code))
        }
        let hasAddress = !values.addressLines.isEmpty || values.city != nil || values.stateOrProvinceCode != nil
            || values.postalCode != nil || values.countryCode != nil
        return Party(role: PartyRoleCodes.role(x12: values.entityIdentifierCode), roleCode: values.entityIdentifierCode,
                     name: values.name, identifiers: identifiers,
                     address: hasAddress ? Address(lines: values.addressLines, city: values.city, region: values.stateOrProvinceCode,
                                                   postalCode: values.postalCode, country: values.countryCode) : nil,
                     contacts: party.contacts.map(contact), references: party.references.map(reference))
    }

    func contact(_ per: X12Contact) -> Contact {
        let numbers = per.communications
        func number(_ qualifier: String) -> String? { numbers.first { $0.qualifier == qualifier }?.number }
        return Contact(function: per.functionCode.isEmpty ? nil : per.functionCode, name: per.name, phone: number("TE"),
                       email: number("EM"), fax: number("FX"))
    }

    func reference(_ ref: X12Reference) -> Reference {
        Reference(qualifier: ref.qualifier, value: ref.identification ?? "", description: ref.description)
    }

    func items(_ identifiers: [X12ItemIdentifier]) -> [ItemIdentifier] {
        identifiers.map { ItemIdentifier(scheme: ItemIdSchemeCodes.scheme(x12: $0.qualifier), qualifier: $0.qualifier, value: $0.identifier) }
    }

    /// A quantity with its unit (355).
    mutating func quantity(_ amount: X12Amount?, unit: String?, field: String, at position: @autoclosure () -> EDIPosition?) -> Quantity? {
        guard amount != nil else { return nil }
        guard let value = decimal(amount, field: field) else { return nil }
        return Quantity(value: value, unit: unit.map { UnitCodes.unit(x12: $0) })
    }

    mutating func terms(_ itd: X12TermsOfSale) -> PaymentTerms {
        PaymentTerms(type: itd.termsTypeCode, basisDateCode: itd.termsBasisDateCode,
                     discountPercent: decimal(itd.discountPercent, field: "ITD03"),
                     discountDays: integer(itd.discountDaysDue?.text, field: "ITD05", at: itd.position(ofElement: 5)),
                     discountDueDate: date(itd.discountDueDate, field: "ITD04", at: itd.position(ofElement: 4)),
                     discountAmount: decimal(itd.discountAmount, field: "ITD08"),
                     netDays: integer(itd.netDays?.text, field: "ITD07", at: itd.position(ofElement: 7)),
                     netDueDate: date(itd.netDueDate, field: "ITD06", at: itd.position(ofElement: 6)),
                     description: itd.description)
    }

    /// SAC with indicator A or C (others, such as N "no allowance or charge", are not one).
    /// Percents (SAC07, decimal format: 0.05) become whole percents (5).
    mutating func allowancesCharges(_ sacs: [X12AllowanceCharge]) -> [AllowanceCharge] {
        sacs.compactMap { sac in
            let kind: AllowanceCharge.Kind
            switch sac.indicator {
            case "A": kind = .allowance
            case "C": kind = .charge
            default: return nil
            }
            return AllowanceCharge(kind: kind, code: sac.code, description: sac.description,
                                   amount: decimal(sac.amount, field: "SAC05"),
                                   percent: decimal(sac.percent, field: "SAC07").map { $0 * 100 },
                                   percentQualifier: sac.percentQualifier,
                                   rate: decimal(sac.rate, field: "SAC08"),
                                   quantity: quantity(sac.quantity, unit: sac.unitOfMeasureCode, field: "SAC10", at: sac.origin.position))
        }
    }

    /// TXI; the percent (TXI03, decimal format) becomes a whole percent.
    mutating func taxes(_ txis: [X12TaxInformation]) -> [Tax] {
        txis.map { txi in
            Tax(type: txi.taxTypeCode, percent: decimal(txi.percent, field: "TXI03").map { $0 * 100 },
                amount: decimal(txi.amount, field: "TXI02"), jurisdiction: txi.jurisdictionCode)
        }
    }

    func carrier(_ routing: [X12CarrierRouting]) -> Carrier? {
        guard let td5 = routing.first else { return nil }
        return Carrier(scac: td5.identificationCodeQualifier == "2" ? td5.identificationCode : nil,
                       transportMethod: td5.transportationMethodCode, routing: td5.routing,
                       routingSequence: td5.routingSequenceCode)
    }
}
