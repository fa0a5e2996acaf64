public import X12
public import EDICore
import Foundation

/// An X12 typed model made from an internal document, ready for the generator.
public enum X12OutboundDocument: Sendable, Hashable {
    /// A purchase order as an 850.
    case purchaseOrder(PurchaseOrder850)
    /// An order acknowledgement as an 855.
    case orderAcknowledgement(PurchaseOrderAcknowledgement855)
    /// A ship notice as an 856.
    case shipNotice(ShipNotice856)
    /// An invoice as an 810.
    case invoice(Invoice810)
    /// A remittance as an 820.
    case remittance(PaymentOrder820)

    /// The transaction set identifier (ST01).
    public var transactionSet: String {
        switch self {
        case .purchaseOrder: "850"
        case .orderAcknowledgement: "855"
        case .shipNotice: "856"
        case .invoice: "810"
        case .remittance: "820"
        }
    }

    /// The functional identifier code of its group (GS01).
    public var functionalIdentifierCode: String {
        switch self {
        case .purchaseOrder: "PO"
        case .orderAcknowledgement: "PR"
        case .shipNotice: "SH"
        case .invoice: "IN"
        case .remittance: "RA"
        }
    }

    /// The transaction, ST to SE.
    public func segments(controlNumber: String) -> [OutgoingSegment] {
        switch self {
        case .purchaseOrder(let model): model.segments(controlNumber: controlNumber)
        case .orderAcknowledgement(let model): model.segments(controlNumber: controlNumber)
        case .shipNotice(let model): model.segments(controlNumber: controlNumber)
        case .invoice(let model): model.segments(controlNumber: controlNumber)
        case .remittance(let model): model.segments(controlNumber: controlNumber)
        }
    }
}

/// Maps internal documents to X12 typed models (004010 or 005010): ``PurchaseOrder`` → 850,
/// ``OrderAcknowledgement`` → 855, ``ShipNotice`` → 856, ``Invoice`` → 810, ``Remittance`` → 820.
/// Codes go back through the same O2C code tables as inbound (the code as sent is kept when it
/// means the same thing); a value X12 cannot carry (a date that is not ISO 8601) is a finding
/// naming the document field.
public enum X12OutboundMapper {
    /// The X12 versions written.
    public static let versions: Set<String> = ["004010", "005010"]

    /// Maps any internal document.
    public static func map(_ document: InternalDocument, version: String = "004010") throws(MappingError) -> X12OutboundDocument {
        guard versions.contains(version) else {
            throw MappingError("X12 version \(version) is not written; use 004010 or 005010", field: "version")
        }
        switch document {
        case .purchaseOrder(let order): return .purchaseOrder(try purchaseOrder850(order))
        case .orderAcknowledgement(let ack): return .orderAcknowledgement(try purchaseOrderAcknowledgement855(ack))
        case .shipNotice(let notice): return .shipNotice(try shipNotice856(notice))
        case .invoice(let invoice): return .invoice(try invoice810(invoice))
        case .remittance(let remittance): return .remittance(try paymentOrder820(remittance))
        }
    }
}

/// Collects the findings of one document while its values are converted to X12 text.
struct X12OutboundContext {
    var findings: [MappingFinding] = []
    /// Whether the codes kept "as sent" are X12 codes: the document was read from X12 or built
    /// without an envelope. Codes sent in EDIFACT are translated (or left out) instead.
    let codesAreX12: Bool

    init(_ envelope: DocumentEnvelope?) {
        codesAreX12 = envelope.map { $0.syntax == .x12 } ?? true
    }

    func finish() throws(MappingError) {
        if !findings.isEmpty { throw MappingError(findings: findings) }
    }

    /// An ISO date as `CCYYMMDD`, or a finding.
    mutating func date(_ iso: String?, field: String) -> String? {
        guard let iso else { return nil }
        guard let date = ISODate.toCCYYMMDD(iso) else {
            findings.append(MappingFinding("\"\(iso)\" is not an ISO 8601 date", field: field))
            return nil
        }
        return date
    }

    /// The time part of an ISO date-time as `HHMM[SS]`.
    func time(_ iso: String?) -> String? {
        iso.flatMap { ISODate.toX12Time($0) }
    }

    // MARK: Codes sent in the other syntax

    /// Purpose (353) from BGM 1225: 9 original, 1 cancellation, 3 deletion, 4 change, 5 replace,
    /// 6 confirmation, 7 duplicate.
    func purpose(_ code: String?) -> String {
        guard let code else { return "00" }
        if codesAreX12 { return code }
        return ["9": "00", "1": "01", "3": "03", "4": "04", "5": "05", "6": "06", "7": "07"][code] ?? "00"
    }

    /// Purchase order type (92) from BGM 1001 through ``DocumentTypeCodes`` (220 → SA, 221 → BK,
    /// 226 → RL…); SA when there is none or the code has no X12 counterpart.
    func orderType(_ code: String?) -> String {
        guard let code else { return "SA" }
        if codesAreX12 { return code }
        return DocumentTypeCodes.x12OrderType(edifact: code) ?? "SA"
    }

    /// Basis of unit price (639) from PRI 5125: AAA net → NT, else PE (price per each).
    func priceBasis(_ code: String?) -> String? {
        guard let code else { return nil }
        if codesAreX12 { return code }
        return code == "AAA" ? "NT" : "PE"
    }

    /// Date qualifier (374): EDIFACT 2005 through the shared date table, `ZZZ` when it has no X12 code.
    func dateQualifier(_ code: String) -> String {
        if codesAreX12 { return code }
        return DateQualifierCodes.edifact.value(for: code).flatMap { DateQualifierCodes.x12.code(for: $0) } ?? "ZZZ"
    }

    /// Transaction type (640) from BGM 1001 through ``DocumentTypeCodes`` (380 → DI, 381 → CR,
    /// 383 → DR, 385 → FD); nil for a code without an X12 counterpart.
    func invoiceType(_ code: String?) -> String? {
        guard let code else { return nil }
        if codesAreX12 { return code }
        return DocumentTypeCodes.x12InvoiceType(edifact: code)
    }

    /// The TD1s of a pack level: one per weight that has a unit (TD107 and TD108 go together), the
    /// first also with the packaging code and a lading quantity of 1 (TD101 needs TD102); one TD1
    /// for a packaging code without a weight.
    func packDetails(packagingCode code: String?, measurements: [Measurement]) -> [X12CarrierQuantityAndWeight] {
        var details: [X12CarrierQuantityAndWeight] = []
        for measurement in measurements {
            guard let unit = unit(measurement.unit) else { continue }
            var td1 = X12CarrierQuantityAndWeight()
            td1.weightQualifier = measurement.qualifier
            td1.weight = X12Amount(measurement.value)
            td1.weightUnitCode = unit
            details.append(td1)
        }
        if let packaging = packagingCode(code) {
            if details.isEmpty { details.append(X12CarrierQuantityAndWeight()) }
            details[0].packagingCode = packaging
            details[0].ladingQuantity = X12Amount(text: "1")
        }
        return details
    }

    /// Packaging code (103) from UN/ECE Rec 21 (PAC 7065).
    func packagingCode(_ code: String?) -> String? {
        guard let code else { return nil }
        if codesAreX12 { return code }
        return ["PX": "PLT", "CT": "CTN", "BX": "BOX", "PK": "PKG", "CS": "CAS", "BG": "BAG"][code]
    }

    // MARK: Values

    /// A DTM for a date with its qualifier.
    mutating func dtm(_ qualifier: String, _ iso: String?, field: String) -> X12Date? {
        guard let iso, let date = date(iso, field: field) else { return nil }
        return X12Date(qualifier: qualifier, date: date, time: time(iso))
    }

    mutating func dtms(_ dates: [QualifiedDate], field: String) -> [X12Date] {
        dates.enumerated().compactMap { dtm(dateQualifier($0.element.qualifier), $0.element.date, field: "\(field)[\($0.offset)]") }
    }

    func party(_ party: Party) -> X12Party {
        let identifier = party.identifiers.first
        return X12Party(
            entityIdentifierCode: PartyRoleCodes.x12Code(for: party.role, asSent: party.roleCode) ?? party.roleCode ?? "ZZ",
            name: party.name, identificationCodeQualifier: identifier.flatMap { PartyIdSchemeCodes.x12Code(for: $0) },
            identificationCode: identifier?.value, addressLines: party.address?.lines ?? [], city: party.address?.city,
            stateOrProvinceCode: party.address?.region, postalCode: party.address?.postalCode,
            countryCode: party.address?.country, references: party.references.map(reference),
            contacts: party.contacts.map(contact))
    }

    func contact(_ contact: Contact) -> X12Contact {
        var numbers: [X12Contact.Communication] = []
        if let phone = contact.phone { numbers.append(.init(qualifier: "TE", number: phone)) }
        if let email = contact.email { numbers.append(.init(qualifier: "EM", number: email)) }
        if let fax = contact.fax { numbers.append(.init(qualifier: "FX", number: fax)) }
        return X12Contact(functionCode: contact.function ?? "IC", name: contact.name, communications: numbers)
    }

    func reference(_ reference: Reference) -> X12Reference {
        X12Reference(qualifier: reference.qualifier, identification: reference.value, description: reference.description)
    }

    func items(_ identifiers: [ItemIdentifier]) -> [X12ItemIdentifier] {
        identifiers.map { X12ItemIdentifier(qualifier: ItemIdSchemeCodes.x12Code(for: $0) ?? $0.qualifier ?? "ZZ", identifier: $0.value) }
    }

    func unit(_ unit: UnitOfMeasure?) -> String? {
        unit.map { UnitCodes.x12Code(for: $0) }
    }

    func amount(_ value: Decimal?, impliedDecimals: Int = 0) -> X12Amount? {
        value.map { X12Amount($0, impliedDecimals: impliedDecimals) }
    }

    mutating func terms(_ terms: PaymentTerms, field: String) -> X12TermsOfSale {
        var itd = X12TermsOfSale()
        if codesAreX12 {
            itd.termsTypeCode = terms.type
            itd.termsBasisDateCode = terms.basisDateCode
        } else {
            // PAT 4279 1 basic, 22 discount; 2475 5 invoice date.
            itd.termsTypeCode = terms.type.map { ["1": "01", "22": "08"][$0] ?? "ZZ" }
            itd.termsBasisDateCode = terms.basisDateCode.flatMap { ["5": "3"][$0] }
        }
        // ITD03 needs ITD04, ITD05 or ITD13 beside it.
        let hasDiscountTerm = terms.discountDueDate != nil || terms.discountDays != nil
        itd.discountPercent = hasDiscountTerm ? amount(terms.discountPercent) : nil
        itd.discountDueDate = date(terms.discountDueDate, field: "\(field).discountDueDate")
        itd.discountDaysDue = terms.discountDays.map { X12Amount(text: String($0)) }
        itd.netDueDate = date(terms.netDueDate, field: "\(field).netDueDate")
        itd.netDays = terms.netDays.map { X12Amount(text: String($0)) }
        itd.discountAmount = amount(terms.discountAmount, impliedDecimals: 2)
        itd.description = terms.description
        return itd
    }

    /// SAC from an allowance or charge: amount N2, rate, quantity; the percent is not written
    /// (SAC07 needs its SAC06 basis qualifier, which the internal document does not carry).
    /// SAC from an allowance or charge; the percentage (a whole percent) only with its SAC06 qualifier.
    func allowanceCharge(_ value: AllowanceCharge) -> X12AllowanceCharge {
        var sac = X12AllowanceCharge()
        sac.indicator = value.kind == .allowance ? "A" : "C"
        sac.code = value.code ?? "ZZZZ"
        sac.amount = amount(value.amount, impliedDecimals: 2)
        if let qualifier = value.percentQualifier, let percent = value.percent {  // SAC06 and SAC07 go together
            sac.percentQualifier = qualifier
            sac.percent = amount(percent / 100)
        }
        sac.rate = amount(value.rate)
        if let quantity = value.quantity {
            sac.unitOfMeasureCode = unit(quantity.unit) ?? "EA"
            sac.quantity = amount(quantity.value)
        }
        sac.description = value.description
        return sac
    }

    /// TXI from a tax; a jurisdiction is written with qualifier `CD` (customer defined).
    func tax(_ value: Tax) -> X12TaxInformation {
        var txi = X12TaxInformation()
        txi.taxTypeCode = value.type ?? "ZZ"
        txi.amount = amount(value.amount)
        txi.percent = amount(value.percent.map { $0 / 100 })
        if let jurisdiction = value.jurisdiction {
            txi.jurisdictionQualifier = "CD"
            txi.jurisdictionCode = jurisdiction
        }
        return txi
    }

    func carrier(_ carrier: Carrier?) -> [X12CarrierRouting] {
        guard let carrier, carrier.scac != nil || carrier.transportMethod != nil || carrier.routing != nil else { return [] }
        var td5 = X12CarrierRouting()
        td5.routingSequenceCode = carrier.routingSequence
        td5.identificationCodeQualifier = carrier.scac == nil ? nil : "2"
        td5.identificationCode = carrier.scac
        td5.transportationMethodCode = carrier.transportMethod
        td5.routing = carrier.routing
        return [td5]
    }

    /// PO1 / IT1; a quantity without a unit is written in each (`EA`), as the segment needs both.
    func baseline(_ tag: String, lineNumber: String, quantity: Quantity?, price: UnitPrice?, items: [ItemIdentifier]) -> X12BaselineItem {
        X12BaselineItem(tag: tag, assignedIdentification: lineNumber, quantity: amount(quantity?.value),
                        unitOfMeasureCode: quantity.map { unit($0.unit) ?? "EA" }, unitPrice: amount(price?.value),
                        basisOfUnitPriceCode: priceBasis(price?.basis), itemIdentifiers: self.items(items))
    }
}
