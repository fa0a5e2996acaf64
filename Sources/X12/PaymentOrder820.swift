public import EDICore

/// An X12 820 payment order/remittance advice (004010, 005010): BPR payment, TRN trace, CUR,
/// REF, DTM and N1 parties (`PR` payer, `PE` payee) in the heading, ENT entities with their RMR
/// remittance items (REF, DTM, ADX adjustments) and ENT-level ADX; every other segment is kept and
/// written back.
public struct PaymentOrder820: Sendable, Hashable {
    /// ST03 implementation convention reference (005010), as sent.
    public var implementationConventionReference: String?
    /// BPR beginning segment for payment order/remittance advice.
    public var payment: X12PaymentInstruction
    /// TRN trace (the payment's reference, reassociating it with the funds).
    public var trace: X12Trace?
    /// CUR currency.
    public var currency: X12Currency?
    /// REF references of the heading.
    public var references: [X12Reference]
    /// DTM dates of the heading (`097` transaction creation).
    public var dates: [X12Date]
    /// N1 parties of the heading.
    public var parties: [X12Party]
    /// ENT remittance entities.
    public var entities: [X12RemittanceEntity]
    /// Heading and summary segments the model does not name (NTE, TXP, DED, LX, N9, RYL, LS…).
    public var unmappedSegments: [X12UnmappedSegment]

    static let table = X12Table.paymentOrder820

    /// A payment order from its BPR.
    public init(payment: X12PaymentInstruction, trace: X12Trace? = nil) {
        implementationConventionReference = nil
        self.payment = payment
        self.trace = trace
        currency = nil
        references = []
        dates = []
        parties = []
        entities = []
        unmappedSegments = []
    }

    /// Reads an 820 from its segments, ST to SE.
    public init(segments: [OwnedSegment]) throws(X12ModelError) {
        let frame = try X12TransactionFrame.read(segments, transactionSet: "820", table: Self.table)
        var payment: X12PaymentInstruction?
        self.init(payment: X12PaymentInstruction())
        implementationConventionReference = frame.implementationConventionReference
        var lastRank = 0
        for node in frame.nodes {
            let rank = node.isKnown ? node.rank : lastRank
            lastRank = rank
            guard node.isKnown else {
                unmappedSegments += X12UnmappedSegment.keeping(node, at: rank)
                continue
            }
            switch node.tag {
            case "BPR" where payment == nil: payment = X12PaymentInstruction(node: node)
            case "TRN" where trace == nil: trace = X12Trace(node: node)
            case "CUR" where currency == nil: currency = X12Currency(node: node)
            case "REF": references.append(X12Reference(node: node))
            case "DTM": dates.append(X12Date(node: node))
            case "N1": parties.append(X12Party(node: node))
            case "ENT": entities.append(X12RemittanceEntity(node: node))
            default: unmappedSegments += X12UnmappedSegment.keeping(node, at: rank)
            }
        }
        guard let payment else { throw missing("BPR", in: "820", after: frame.nodes.first) }
        self.payment = payment
    }

    /// The transaction, ST to SE, with SE01 counting every segment.
    public func segments(controlNumber: String) -> [OutgoingSegment] {
        var writer = X12ScopeWriter(Self.table)
        writer.add(payment.segment)
        writer.add(trace?.segment)
        writer.add(currency?.segment)
        writer.add(all: references.map(\.segment))
        writer.add(all: dates.map(\.segment))
        for party in parties { writer.add(loop: party.segments) }
        for entity in entities { writer.add(loop: entity.segments) }
        writer.add(unmappedSegments)
        return X12TransactionFrame.wrap(writer.segments, transactionSet: "820", controlNumber: controlNumber,
                                        implementationConventionReference: implementationConventionReference)
    }

    /// The payer (N101 `PR`).
    public var payer: X12Party? { parties.first(role: "PR") }
    /// The payee (N101 `PE`).
    public var payee: X12Party? { parties.first(role: "PE") }
    /// Every RMR remittance item of every entity, in order.
    public var remittanceItems: [X12RemittanceItem] { entities.flatMap(\.remittanceItems) }
}

/// An ENT loop of an 820: the entity, its RMR remittance items and ENT-level ADX adjustments.
public struct X12RemittanceEntity: Sendable, Hashable {
    /// The ENT segment.
    public var entitySegment: X12Segment
    /// RMR remittance items.
    public var remittanceItems: [X12RemittanceItem]
    /// ADX adjustments not tied to one item.
    public var adjustments: [X12Adjustment]
    /// The loop's other segments (NM1 loops, FA1…).
    public var unmappedSegments: [X12UnmappedSegment]

    /// An entity from its assigned number.
    public init(assignedNumber: String?, remittanceItems: [X12RemittanceItem] = [], adjustments: [X12Adjustment] = []) {
        entitySegment = X12Segment(tag: "ENT")
        self.remittanceItems = remittanceItems
        self.adjustments = adjustments
        unmappedSegments = []
        self.assignedNumber = assignedNumber
    }

    /// ENT01 assigned number.
    public var assignedNumber: String? {
        get { entitySegment[element: 1] }
        set { entitySegment[element: 1] = newValue }
    }
    /// ENT02 entity identifier code (98).
    public var entityIdentifierCode: String? {
        get { entitySegment[element: 2] }
        set { entitySegment[element: 2] = newValue }
    }

    static let body = X12Table.paymentOrder820.body(of: "ENT")

    init(node: X12Node) {
        self.init(assignedNumber: nil)
        entitySegment = X12Segment(node.segment)
        var lastRank = 0
        for child in node.children {
            let rank = child.isKnown ? child.rank : lastRank
            lastRank = rank
            switch child.tag {
            case "RMR" where child.isKnown: remittanceItems.append(X12RemittanceItem(node: child))
            case "ADX" where child.isKnown:
                adjustments.append(X12Adjustment(node: child))
                unmappedSegments += child.children.flatMap { X12UnmappedSegment.keeping($0, at: rank) }
            default: unmappedSegments += X12UnmappedSegment.keeping(child, at: rank)
            }
        }
    }

    var segments: [OutgoingSegment] {
        var writer = X12ScopeWriter(Self.body)
        writer.add(all: adjustments.map(\.segment))
        for item in remittanceItems { writer.add(loop: item.segments) }
        writer.add(unmappedSegments)
        return [entitySegment.trimmed] + writer.segments
    }
}

/// An RMR remittance item: the document paid (qualifier 128 `IV` invoice, and its number), the
/// payment action, amount paid, invoice amount and discount, with REF, DTM and ADX of the loop.
public struct X12RemittanceItem: Sendable, Hashable {
    /// The RMR segment.
    public var remittanceSegment: X12Segment
    /// REF references (`PO` purchase order).
    public var references: [X12Reference]
    /// DTM dates (`003` invoice date).
    public var dates: [X12Date]
    /// ADX adjustments of this item.
    public var adjustments: [X12Adjustment]
    /// The loop's other segments (NTE, IT1…).
    public var unmappedSegments: [X12UnmappedSegment]
    /// Where RMR was read.
    public var origin: X12Origin

    /// An item from its values.
    public init(referenceQualifier: String = "IV", referenceIdentification: String, paymentActionCode: String? = nil,
                amountPaid: X12Amount?, totalInvoiceAmount: X12Amount? = nil, discountAmount: X12Amount? = nil) {
        remittanceSegment = X12Segment(tag: "RMR")
        references = []
        dates = []
        adjustments = []
        unmappedSegments = []
        origin = X12Origin()
        self.referenceQualifier = referenceQualifier
        self.referenceIdentification = referenceIdentification
        self.paymentActionCode = paymentActionCode
        self.amountPaid = amountPaid
        self.totalInvoiceAmount = totalInvoiceAmount
        self.discountAmount = discountAmount
    }

    /// RMR01 reference identification qualifier (128: `IV` seller's invoice number).
    public var referenceQualifier: String {
        get { remittanceSegment[element: 1] ?? "" }
        set { remittanceSegment[element: 1] = newValue }
    }
    /// RMR02 reference identification (the invoice number).
    public var referenceIdentification: String {
        get { remittanceSegment[element: 2] ?? "" }
        set { remittanceSegment[element: 2] = newValue }
    }
    /// RMR03 payment action code (482: `PO` payment on account, `PI` pay item).
    public var paymentActionCode: String? {
        get { remittanceSegment[element: 3] }
        set { remittanceSegment[element: 3] = newValue }
    }
    /// RMR04 monetary amount: the amount paid.
    public var amountPaid: X12Amount? {
        get { remittanceSegment.amount(4, origin: origin) }
        set { remittanceSegment.setAmount(newValue, 4) }
    }
    /// RMR05 total invoice or credit/debit amount.
    public var totalInvoiceAmount: X12Amount? {
        get { remittanceSegment.amount(5, origin: origin) }
        set { remittanceSegment.setAmount(newValue, 5) }
    }
    /// RMR06 discount amount taken.
    public var discountAmount: X12Amount? {
        get { remittanceSegment.amount(6, origin: origin) }
        set { remittanceSegment.setAmount(newValue, 6) }
    }

    static let body = X12Table.paymentOrder820.body(of: "ENT").body(of: "RMR")

    init(node: X12Node) {
        self.init(referenceIdentification: "", amountPaid: nil)
        remittanceSegment = X12Segment(node.segment)
        origin = X12Origin(node.segment)
        var lastRank = 0
        for child in node.children {
            let rank = child.isKnown ? child.rank : lastRank
            lastRank = rank
            switch child.tag {
            case "REF" where child.isKnown && child.children.isEmpty: references.append(X12Reference(node: child))
            case "DTM" where child.isKnown && child.children.isEmpty: dates.append(X12Date(node: child))
            case "ADX" where child.isKnown:
                adjustments.append(X12Adjustment(node: child))
                unmappedSegments += child.children.flatMap { X12UnmappedSegment.keeping($0, at: rank) }
            default: unmappedSegments += X12UnmappedSegment.keeping(child, at: rank)
            }
        }
    }

    var segments: [OutgoingSegment] {
        var writer = X12ScopeWriter(Self.body)
        writer.add(all: references.map(\.segment))
        writer.add(all: dates.map(\.segment))
        writer.add(all: adjustments.map(\.segment))
        writer.add(unmappedSegments)
        return [remittanceSegment.trimmed] + writer.segments
    }
}

/// ADX adjustment: amount, reason (426: `01` pricing error, `CS` adjustment), and the document it
/// refers to (128 qualifier and number).
public struct X12Adjustment: X12SegmentValue {
    public static var tag: String { "ADX" }
    public var segment: X12Segment
    public var origin: X12Origin

    public init(segment: X12Segment, origin: X12Origin = X12Origin()) {
        self.segment = segment
        self.origin = origin
    }

    /// An ADX from its values.
    public init(amount: X12Amount, reasonCode: String, referenceQualifier: String? = nil, referenceIdentification: String? = nil) {
        self.init()
        self.amount = amount
        self.reasonCode = reasonCode
        self.referenceQualifier = referenceQualifier
        self.referenceIdentification = referenceIdentification
    }

    /// ADX01 adjustment amount.
    public var amount: X12Amount? {
        get { segment.amount(1, origin: origin) }
        set { segment.setAmount(newValue, 1) }
    }
    /// ADX02 adjustment reason code (426).
    public var reasonCode: String? {
        get { segment[element: 2] }
        set { segment[element: 2] = newValue }
    }
    /// ADX03 reference identification qualifier (128).
    public var referenceQualifier: String? {
        get { segment[element: 3] }
        set { segment[element: 3] = newValue }
    }
    /// ADX04 reference identification.
    public var referenceIdentification: String? {
        get { segment[element: 4] }
        set { segment[element: 4] = newValue }
    }
}
