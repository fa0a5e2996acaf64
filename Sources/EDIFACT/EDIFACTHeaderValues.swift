import EDICore

/// The message identifier of `UNH` (S009): type, version, release, agency and association code.
public struct EDIFACTMessageIdentifier: Sendable, Hashable {
    /// 0065 (`ORDERS`).
    public var type: String
    /// 0052 (`D`).
    public var version: String
    /// 0054 (`96A`, `01B`).
    public var release: String
    /// 0051 (`UN`).
    public var agency: String
    /// 0057, the association assigned code (`EAN008`), when sent.
    public var associationCode: String?

    /// Creates an identifier.
    public init(type: String, version: String = "D", release: String, agency: String = "UN", associationCode: String? = nil) {
        self.type = type
        self.version = version
        self.release = release
        self.agency = agency
        self.associationCode = associationCode
    }

    /// The directory: `D96A`, `D01B`.
    public var directory: String { (version + release).uppercased().replacingOccurrences(of: " ", with: "") }
}

/// The beginning of message (`BGM`): document name code C002 1001, number 1004, function 1225.
public struct EDIFACTBeginningOfMessage: Sendable, Hashable {
    /// C002 1001 (`220` order, `231` order response, `351` despatch advice, `380` commercial invoice,
    /// `481` remittance advice).
    public var documentNameCode: String?
    /// 1004 (D96A) or C106 1004 (D01B): the document number.
    public var documentNumber: String?
    /// 1225 (`9` original, `5` replace, `1` cancellation, `29` accepted without amendment…).
    public var messageFunction: String?
    /// 4343 (`AC` acknowledge with detail and change, `NA` no acknowledgement needed…).
    public var responseType: String?
    /// Values of the segment no field names.
    public var otherValues: [EDIFACTComponentValue] = []
    /// Where it was read.
    public var source = EDIFACTSourcePosition()

    /// Creates a BGM.
    public init(documentNameCode: String?, documentNumber: String?, messageFunction: String?, responseType: String? = nil) {
        self.documentNameCode = documentNameCode
        self.documentNumber = documentNumber
        self.messageFunction = messageFunction
        self.responseType = responseType
    }

    init(_ fields: inout SegmentFields) {
        documentNameCode = fields.take(1, 1)
        documentNumber = fields.take(2, 1)
        messageFunction = fields.take(3)
        responseType = fields.take(4)
        otherValues = fields.leftovers
        source = fields.source
    }

    var segment: OutgoingSegment {
        var builder = SegmentBuilder("BGM")
        builder.set(1, 1, documentNameCode)
        builder.set(2, 1, documentNumber)
        builder.set(3, 1, messageFunction)
        builder.set(4, 1, responseType)
        builder.set(otherValues)
        return builder.segment
    }
}

/// Currencies (`CUX` C504: usage qualifier 6347, currency 6345, type qualifier 6343).
public struct EDIFACTCurrency: Sendable, Hashable {
    /// 6347 (`2` reference currency).
    public var usageQualifier: String?
    /// 6345 (ISO 4217: `EUR`).
    public var code: String?
    /// 6343 (`9` order currency, `4` invoicing currency, `11` payment currency).
    public var typeQualifier: String?
    /// Values of the segment no field names (the target currency, the rate).
    public var otherValues: [EDIFACTComponentValue] = []
    /// Where it was read.
    public var source = EDIFACTSourcePosition()

    /// Creates a currency.
    public init(usageQualifier: String? = "2", code: String?, typeQualifier: String?) {
        self.usageQualifier = usageQualifier
        self.code = code
        self.typeQualifier = typeQualifier
    }

    init(_ fields: inout SegmentFields) {
        usageQualifier = fields.take(1, 1)
        code = fields.take(1, 2)
        typeQualifier = fields.take(1, 3)
        otherValues = fields.leftovers
        source = fields.source
    }

    var segment: OutgoingSegment {
        var builder = SegmentBuilder("CUX")
        builder.set(1, 1, usageQualifier)
        builder.set(1, 2, code)
        builder.set(1, 3, typeQualifier)
        builder.set(otherValues)
        return builder.segment
    }
}

/// A percentage (`PCD` C501: qualifier 5245, percentage 5482), kept as sent.
public struct EDIFACTPercentage: Sendable, Hashable {
    /// 5245 (`12` discount, `3` allowance…).
    public var qualifier: String
    /// 5482 as sent.
    public var text: String?
    /// Values of the segment no field names.
    public var otherValues: [EDIFACTComponentValue] = []
    /// Where it was read.
    public var source = EDIFACTSourcePosition()

    /// Creates a percentage.
    public init(qualifier: String, text: String?) {
        self.qualifier = qualifier
        self.text = text
    }

    init(_ fields: inout SegmentFields) {
        qualifier = fields.take(1, 1) ?? ""
        text = fields.take(1, 2)
        otherValues = fields.leftovers
        source = fields.source
    }

    var segment: OutgoingSegment {
        var builder = SegmentBuilder("PCD")
        builder.set(1, 1, qualifier)
        builder.set(1, 2, text)
        builder.set(otherValues)
        return builder.segment
    }
}

/// Payment terms (`PAT` group: type 4279, C112 time reference 2475, relation 2009, period type
/// 2151, number of periods 2152) with the group's `DTM`, `PCD` and `MOA`.
public struct EDIFACTPaymentTerms: Sendable, Hashable {
    /// 4279 (`1` basic, `22` discount, `3` fixed date…).
    public var typeQualifier: String
    /// C110 4277, the terms identification.
    public var termsIdentification: String?
    /// C112 2475 (`5` date of invoice…).
    public var timeReference: String?
    /// C112 2009 (`3` after reference).
    public var relation: String?
    /// C112 2151 (`D` day, `M` month).
    public var periodType: String?
    /// C112 2152, number of periods.
    public var periodCount: String?
    /// The group's dates (`13` terms net due date…).
    public var dates: [EDIFACTDate] = []
    /// The group's percentages (`12` discount).
    public var percentages: [EDIFACTPercentage] = []
    /// The group's amounts.
    public var amounts: [EDIFACTAmount] = []
    /// Values of the `PAT` segment no field names.
    public var otherValues: [EDIFACTComponentValue] = []
    /// Where it was read.
    public var source = EDIFACTSourcePosition()

    /// Creates payment terms.
    public init(typeQualifier: String, timeReference: String? = nil, relation: String? = nil, periodType: String? = nil,
                periodCount: String? = nil) {
        self.typeQualifier = typeQualifier
        self.timeReference = timeReference
        self.relation = relation
        self.periodType = periodType
        self.periodCount = periodCount
    }

    init(_ fields: inout SegmentFields) {
        typeQualifier = fields.take(1) ?? ""
        termsIdentification = fields.take(2, 1)
        timeReference = fields.take(3, 1)
        relation = fields.take(3, 2)
        periodType = fields.take(3, 3)
        periodCount = fields.take(3, 4)
        otherValues = fields.leftovers
        source = fields.source
    }

    var segments: [OutgoingSegment] {
        var builder = SegmentBuilder("PAT")
        builder.set(1, 1, typeQualifier)
        builder.set(2, 1, termsIdentification)
        builder.set(3, 1, timeReference)
        builder.set(3, 2, relation)
        builder.set(3, 3, periodType)
        builder.set(3, 4, periodCount)
        builder.set(otherValues)
        return [builder.segment] + dates.map(\.segment) + percentages.map(\.segment) + amounts.map(\.segment)
    }
}

/// A duty, tax or fee (`TAX` group: function 5283, type C241 5153, rate C243 5278, category 5305)
/// with the group's `MOA`.
public struct EDIFACTTax: Sendable, Hashable {
    /// 5283 (`7` tax).
    public var functionQualifier: String
    /// C241 5153 (`VAT`, `GST`).
    public var typeCode: String?
    /// C243 5278, the rate as sent.
    public var rate: String?
    /// 5305 (`S` standard, `E` exempt, `Z` zero rated).
    public var category: String?
    /// The group's amounts (`124` tax amount, `125` taxable amount).
    public var amounts: [EDIFACTAmount] = []
    /// Values of the `TAX` segment no field names.
    public var otherValues: [EDIFACTComponentValue] = []
    /// Where it was read.
    public var source = EDIFACTSourcePosition()

    /// Creates a tax.
    public init(functionQualifier: String = "7", typeCode: String?, rate: String?, category: String?, amounts: [EDIFACTAmount] = []) {
        self.functionQualifier = functionQualifier
        self.typeCode = typeCode
        self.rate = rate
        self.category = category
        self.amounts = amounts
    }

    init(_ fields: inout SegmentFields) {
        functionQualifier = fields.take(1) ?? ""
        typeCode = fields.take(2, 1)
        rate = fields.take(5, 4)
        category = fields.take(6)
        otherValues = fields.leftovers
        source = fields.source
    }

    var segments: [OutgoingSegment] {
        var builder = SegmentBuilder("TAX")
        builder.set(1, 1, functionQualifier)
        builder.set(2, 1, typeCode)
        builder.set(5, 4, rate)
        builder.set(6, 1, category)
        builder.set(otherValues)
        return [builder.segment] + amounts.map(\.segment)
    }
}

/// A control total (`CNT` C270: qualifier 6069, value 6066), kept as sent.
public struct EDIFACTControlTotal: Sendable, Hashable {
    /// 6069 (`2` number of line items, `1` algebraic total of quantities).
    public var qualifier: String
    /// 6066 as sent.
    public var text: String?
    /// Values of the segment no field names.
    public var otherValues: [EDIFACTComponentValue] = []
    /// Where it was read.
    public var source = EDIFACTSourcePosition()

    /// Creates a control total.
    public init(qualifier: String, text: String?) {
        self.qualifier = qualifier
        self.text = text
    }

    init(_ fields: inout SegmentFields) {
        qualifier = fields.take(1, 1) ?? ""
        text = fields.take(1, 2)
        otherValues = fields.leftovers
        source = fields.source
    }

    var segment: OutgoingSegment {
        var builder = SegmentBuilder("CNT")
        builder.set(1, 1, qualifier)
        builder.set(1, 2, text)
        builder.set(otherValues)
        return builder.segment
    }
}
