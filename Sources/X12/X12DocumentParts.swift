import EDICore

/// What the 850, 855 and 810 share: a beginning segment, CUR, REF, PER, DTM and N1 loops in the
/// heading, a line loop, CTT in the summary, a few set-specific named segments and the rest kept.
struct X12DocumentParts {
    var beginning: X12Segment?
    var beginningOrigin = X12Origin()
    var currency: X12Currency?
    var references: [X12Reference] = []
    var contacts: [X12Contact] = []
    var dates: [X12Date] = []
    var termsOfSale: [X12TermsOfSale] = []
    var carrierRouting: [X12CarrierRouting] = []
    var allowancesCharges: [X12AllowanceCharge] = []
    var taxes: [X12TaxInformation] = []
    /// AMT segments of the CTT loop (850, 855).
    var summaryAmounts: [X12MonetaryAmount] = []
    var parties: [X12Party] = []
    var lineItems: [X12LineItem] = []
    var totals: X12TransactionTotals?
    /// Set-specific named segments by tag (TDS of the 810).
    var named: [String: [X12Segment]] = [:]
    var namedOrigins: [String: X12Origin] = [:]
    var unmappedSegments: [X12UnmappedSegment] = []

    init() {}

    /// Reads the nodes of a transaction.
    init(nodes: [X12Node], table: X12Table, beginningTag: SegmentTag, lineTag: SegmentTag, namedTags: Set<String> = []) {
        let lineBody = table.body(of: lineTag.description)
        var lastRank = 0
        for node in nodes {
            let rank = node.isKnown ? node.rank : lastRank
            lastRank = rank
            guard node.isKnown else {
                unmappedSegments += X12UnmappedSegment.keeping(node, at: rank)
                continue
            }
            let tag = node.tag
            if tag == beginningTag, beginning == nil {
                beginning = X12Segment(node.segment)
                beginningOrigin = X12Origin(node.segment)
                continue
            }
            if tag == lineTag {
                lineItems.append(X12LineItem(node: node, body: lineBody))
                continue
            }
            if !namedTags.isEmpty, node.children.isEmpty, namedTags.contains(tag.description) {
                named[tag.description, default: []].append(X12Segment(node.segment))
                namedOrigins[tag.description] = namedOrigins[tag.description] ?? X12Origin(node.segment)
                continue
            }
            switch tag {
            case "CUR" where currency == nil && node.children.isEmpty:
                currency = X12Currency(node: node)
            case "REF" where node.children.isEmpty:
                references.append(X12Reference(node: node))
            case "PER" where node.children.isEmpty:
                contacts.append(X12Contact(node: node))
            case "DTM" where node.children.isEmpty:
                dates.append(X12Date(node: node))
            case "ITD" where node.children.isEmpty:
                termsOfSale.append(X12TermsOfSale(node: node))
            case "TD5" where node.children.isEmpty:
                carrierRouting.append(X12CarrierRouting(node: node))
            case "SAC":
                allowancesCharges.append(X12AllowanceCharge(node: node))
                unmappedSegments += node.children.flatMap { X12UnmappedSegment.keeping($0, at: rank) }
            case "TXI" where node.children.isEmpty:
                taxes.append(X12TaxInformation(node: node))
            case "N1":
                parties.append(X12Party(node: node))
            case "CTT" where totals == nil:
                totals = X12TransactionTotals(node: node)
                for child in node.children {
                    if child.tag == "AMT", child.isKnown, child.children.isEmpty {
                        summaryAmounts.append(X12MonetaryAmount(node: child))
                    } else {
                        unmappedSegments += X12UnmappedSegment.keeping(child, at: rank)
                    }
                }
            default:
                unmappedSegments += X12UnmappedSegment.keeping(node, at: rank)
            }
        }
    }

    /// The body between ST and SE, in table order.
    func segments(table: X12Table, lineTag: String) -> [OutgoingSegment] {
        var writer = X12ScopeWriter(table)
        writer.add(beginning)
        writer.add(currency?.segment)
        writer.add(all: references.map(\.segment))
        writer.add(all: contacts.map(\.segment))
        writer.add(all: dates.map(\.segment))
        writer.add(all: termsOfSale.map(\.segment))
        writer.add(all: carrierRouting.map(\.segment))
        for party in parties { writer.add(loop: party.segments) }
        let lineBody = table.body(of: lineTag)
        for line in lineItems { writer.add(line.segments(body: lineBody), rank: table.rank(of: lineTag)) }
        for (_, segments) in named.sorted(by: { $0.key < $1.key }) { writer.add(all: segments) }
        writer.add(all: allowancesCharges.map(\.segment))
        writer.add(all: taxes.map(\.segment))
        if let totals {
            writer.add([totals.segment.trimmed] + summaryAmounts.map(\.segment.trimmed), rank: table.rank(of: "CTT"))
        }
        writer.add(unmappedSegments)
        return writer.segments
    }
}
