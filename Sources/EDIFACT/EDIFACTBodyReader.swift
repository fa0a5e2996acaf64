import EDICore

/// Reads the segments of a message into an ``EDIFACTMessageBody`` in one pass.
///
/// Segment groups are told apart by their trigger segments (`NAD`, `LIN`, `CPS`, `PAC`, `PCI`,
/// `DOC`, `UNS`). Within a group, a `DTM`, `MOA`, `PCD` or `COM` belongs to the sub-group opened
/// last (`RFF`, `PAT`, `TAX`, `CTA`); a group the model does not name (`TDT`, `ALC`, `PAC` in a
/// line…) keeps everything up to the next trigger the model knows, unmapped but in place.
struct EDIFACTBodyReader {
    private enum SubGroup { case none, reference, paymentTerms, tax, contact, identification, opaque, foreign }
    private enum Phase { case header, detail, summary }
    private enum Decision { case take, keep, pass }

    /// The open sub-group of a group and the tag of its last segment.
    private struct GroupState {
        var sub = SubGroup.none
        var last: SegmentTag?
    }

    private static let memberTags: [SegmentTag] = ["DTM", "MOA", "PCD", "COM", "LOC", "RNG"]
    private static let headerForeign: [SegmentTag] = ["TDT", "TOD", "PAC", "EQD", "SCC", "APR", "ALC", "RCS", "AJT", "GIS",
                                                     "DGS", "PCI", "HAN", "FII", "INP"]
    private static let lineForeign: [SegmentTag] = ["CCI", "PAT", "PAC", "LOC", "NAD", "ALC", "TDT", "TOD", "EQD", "SCC",
                                                   "RCS", "APR", "DGS", "HAN", "PCI"]
    private static let documentForeign: [SegmentTag] = ["NAD", "CUX", "AJT", "INP", "DLI"]
    private static let partyMembers: [SegmentTag] = ["LOC", "FII", "RFF", "DTM", "CTA", "COM", "DOC"]
    // The triggers `decide` is given, kept here so no call builds an array.
    private static let headerStrong: [SegmentTag] = ["CUX", "PAT"]
    private static let summaryAfterOpaque: [SegmentTag] = ["CNT", "MOA", "TAX"]
    private static let partyStrong: [SegmentTag] = ["CTA"]
    private static let lineStrong: [SegmentTag] = ["PRI"]
    private static let packageStrong: [SegmentTag] = ["PCI"]

    private var body: EDIFACTMessageBody
    private let documentsAreDetail: Bool
    private var phase = Phase.header
    private var headerSub = SubGroup.none
    private var headerLast: SegmentTag? = "BGM"
    private var party: EDIFACTParty?
    private var partySub = SubGroup.none
    private var partyLast: SegmentTag?
    /// The open line is the last of `sequence!.lineItems` when `lineInSequence`, else the last
    /// of `body.lineItems`: built in place, never copied.
    private var lineInSequence = false
    private var lineState = GroupState()
    private var sequence: EDIFACTPackingSequence?
    private var sequenceLast: SegmentTag?
    private var package: EDIFACTPackage?
    private var packageSub = SubGroup.none
    private var packageLast: SegmentTag?
    private var document: EDIFACTRemittanceDocument?
    // Which groups are open, kept apart so checking does not copy a group.
    private var lineOpen = false
    private var packageOpen = false
    private var sequenceOpen = false
    private var documentOpen = false
    private var partyOpen = false
    private var documentSub = SubGroup.none
    private var documentLast: SegmentTag?

    init(body: EDIFACTMessageBody) {
        self.body = body
        documentsAreDetail = body.messageIdentifier.type == "REMADV"
    }

    mutating func finish() -> EDIFACTMessageBody {
        closeAll()
        return body
    }

    mutating func read(_ fields: inout SegmentFields) {
        let tag = fields.tag
        if phase != .summary {
            switch tag {
            case "UNS":
                closeAll()
                body.hasSectionControl = true
                body.sectionIdentification = fields.take(1) ?? "S"
                phase = .summary
                headerLast = "UNS"
                headerSub = .none
                return
            case "CNT":
                closeAll()
                phase = .summary
            case "LIN":
                closeLine()
                closePackage()
                closeParty()
                lineInSequence = sequenceOpen
                if lineInSequence {
                    sequence!.lineItems.append(EDIFACTLineItem(&fields))
                } else {
                    body.lineItems.append(EDIFACTLineItem(&fields))
                }
                lineOpen = true
                lineState = GroupState(sub: .none, last: "LIN")
                phase = .detail
                return
            case "CPS":
                closeAll()
                sequence = EDIFACTPackingSequence(&fields)
                sequenceOpen = true
                sequenceLast = "CPS"
                phase = .detail
                return
            case "DOC" where documentsAreDetail:
                closeAll()
                document = EDIFACTRemittanceDocument(&fields)
                documentOpen = true
                documentSub = .none
                documentLast = "DOC"
                phase = .detail
                return
            default: break
            }
        }
        if phase == .summary { return readSummary(&fields) }
        if lineOpen {
            if lineInSequence {
                return Self.readLine(&fields, into: &sequence!.lineItems[sequence!.lineItems.count - 1], state: &lineState)
            }
            return Self.readLine(&fields, into: &body.lineItems[body.lineItems.count - 1], state: &lineState)
        }
        if packageOpen || sequenceOpen { return readPacking(&fields) }
        if documentOpen { return readDocument(&fields) }
        if tag == "NAD", phase == .header {
            closeParty()
            party = EDIFACTParty(&fields)
            partyOpen = true
            partySub = .none
            partyLast = "NAD"
            return
        }
        if partyOpen {
            if Self.partyMembers.contains(tag) { return readParty(&fields) }
            closeParty()
        }
        readHeader(&fields)
    }

    /// `strong`: triggers that end any sub-group, even one the model does not name;
    /// `afterOpaque`: triggers that end a named sub-group without members (`CUX`, `PRI`, summary `MOA`).
    private static func decide(_ sub: SubGroup, _ tag: SegmentTag, strong: [SegmentTag], afterOpaque: [SegmentTag] = []) -> Decision {
        switch sub {
        case .none: return .pass
        case .foreign: return strong.contains(tag) ? .pass : .keep
        case .reference: if tag == "DTM" { return .take }
        case .paymentTerms: if tag == "DTM" || tag == "PCD" || tag == "MOA" { return .take }
        case .tax: if tag == "MOA" { return .take }
        case .contact: if tag == "COM" { return .take }
        case .identification: if tag == "GIN" { return .take }
        case .opaque: if strong.contains(tag) || afterOpaque.contains(tag) { return .pass }
        }
        return Self.memberTags.contains(tag) ? .keep : .pass
    }

    private static func kept(_ fields: SegmentFields, after last: SegmentTag?) -> EDIFACTUnmappedSegment {
        EDIFACTUnmappedSegment(segment: fields.outgoing, follows: last?.description, source: fields.source)
    }

    // MARK: Header and summary

    private mutating func readHeader(_ fields: inout SegmentFields) {
        let tag = fields.tag
        switch Self.decide(headerSub, tag, strong: Self.headerStrong) {
        case .take:
            switch headerSub {
            case .reference: body.references[body.references.count - 1].dates.append(EDIFACTDate(&fields))
            case .tax: body.taxes[body.taxes.count - 1].amounts.append(EDIFACTAmount(&fields))
            case .paymentTerms: Self.add(&fields, to: &body.paymentTerms[body.paymentTerms.count - 1])
            default: break
            }
            return
        case .keep:
            body.unmappedSegments.append(Self.kept(fields, after: headerLast))
            headerLast = fields.tag
            return
        case .pass: break
        }
        headerSub = .none
        switch tag {
        case "DTM": body.dates.append(EDIFACTDate(&fields))
        case "FTX": body.freeTexts.append(EDIFACTFreeText(&fields))
        case "RFF":
            body.references.append(EDIFACTReference(&fields))
            headerSub = .reference
        case "CUX":
            body.currencies.append(EDIFACTCurrency(&fields))
            headerSub = .opaque
        case "PAT":
            body.paymentTerms.append(EDIFACTPaymentTerms(&fields))
            headerSub = .paymentTerms
        case "TAX":
            body.taxes.append(EDIFACTTax(&fields))
            headerSub = .tax
        default:
            body.unmappedSegments.append(Self.kept(fields, after: headerLast))
            if Self.headerForeign.contains(tag) { headerSub = .foreign }
        }
        headerLast = fields.tag
    }

    private static func add(_ fields: inout SegmentFields, to terms: inout EDIFACTPaymentTerms) {
        switch fields.tag {
        case "DTM": terms.dates.append(EDIFACTDate(&fields))
        case "PCD": terms.percentages.append(EDIFACTPercentage(&fields))
        default: terms.amounts.append(EDIFACTAmount(&fields))
        }
    }

    private mutating func readSummary(_ fields: inout SegmentFields) {
        let tag = fields.tag
        switch Self.decide(headerSub, tag, strong: [], afterOpaque: Self.summaryAfterOpaque) {
        case .take:
            body.summaryTaxes[body.summaryTaxes.count - 1].amounts.append(EDIFACTAmount(&fields))
            return
        case .keep:
            body.summaryUnmappedSegments.append(Self.kept(fields, after: headerLast))
            headerLast = fields.tag
            return
        case .pass: break
        }
        headerSub = .none
        switch tag {
        case "MOA":
            body.totals.append(EDIFACTAmount(&fields))
            headerSub = .opaque
        case "CNT": body.controlTotals.append(EDIFACTControlTotal(&fields))
        case "TAX":
            body.summaryTaxes.append(EDIFACTTax(&fields))
            headerSub = .tax
        default:
            body.summaryUnmappedSegments.append(Self.kept(fields, after: headerLast))
            if tag == "ALC" { headerSub = .foreign }
        }
        headerLast = fields.tag
    }

    // MARK: Groups

    private mutating func readParty(_ fields: inout SegmentFields) {
        let tag = fields.tag
        switch Self.decide(partySub, tag, strong: Self.partyStrong) {
        case .take:
            if partySub == .reference {
                party!.references[party!.references.count - 1].dates.append(EDIFACTDate(&fields))
            } else {
                party!.contacts[party!.contacts.count - 1].communications.append(EDIFACTCommunication(&fields))
            }
            return
        case .keep:
            party!.unmappedSegments.append(Self.kept(fields, after: partyLast))
            partyLast = fields.tag
            return
        case .pass: break
        }
        partySub = .none
        switch tag {
        case "RFF":
            party!.references.append(EDIFACTReference(&fields))
            partySub = .reference
        case "CTA":
            party!.contacts.append(EDIFACTContact(&fields))
            partySub = .contact
        default:
            party!.unmappedSegments.append(Self.kept(fields, after: partyLast))
            if tag == "DOC" { partySub = .foreign }
        }
        partyLast = fields.tag
    }

    private static func readLine(_ fields: inout SegmentFields, into line: inout EDIFACTLineItem, state: inout GroupState) {
        let tag = fields.tag
        switch decide(state.sub, tag, strong: Self.lineStrong) {
        case .take:
            if state.sub == .reference {
                line.references[line.references.count - 1].dates.append(EDIFACTDate(&fields))
            } else {
                line.taxes[line.taxes.count - 1].amounts.append(EDIFACTAmount(&fields))
            }
            return
        case .keep:
            line.unmappedSegments.append(Self.kept(fields, after: state.last))
            state.last = fields.tag
            return
        case .pass: break
        }
        state.sub = .none
        switch tag {
        case "PIA": line.productIdentifications.append(EDIFACTProductIdentification(&fields))
        case "IMD": line.descriptions.append(EDIFACTItemDescription(&fields))
        case "QTY": line.quantities.append(EDIFACTQuantity(&fields))
        case "DTM": line.dates.append(EDIFACTDate(&fields))
        case "MOA": line.amounts.append(EDIFACTAmount(&fields))
        case "FTX": line.freeTexts.append(EDIFACTFreeText(&fields))
        case "PRI":
            line.prices.append(EDIFACTPrice(&fields))
            state.sub = .opaque
        case "RFF":
            line.references.append(EDIFACTReference(&fields))
            state.sub = .reference
        case "TAX":
            line.taxes.append(EDIFACTTax(&fields))
            state.sub = .tax
        default:
            line.unmappedSegments.append(Self.kept(fields, after: state.last))
            if Self.lineForeign.contains(tag) { state.sub = .foreign }
        }
        state.last = fields.tag
    }

    private mutating func readPacking(_ fields: inout SegmentFields) {
        let tag = fields.tag
        if tag == "PAC" {
            closePackage()
            package = EDIFACTPackage(&fields)
            packageOpen = true
            packageSub = .none
            packageLast = "PAC"
            return
        }
        guard packageOpen else {
            sequence!.unmappedSegments.append(Self.kept(fields, after: sequenceLast))
            sequenceLast = fields.tag
            return
        }
        switch Self.decide(packageSub, tag, strong: Self.packageStrong) {
        case .take:
            let last = package!.identifications.count - 1
            package!.identifications[last].goodsIdentities.append(EDIFACTGoodsIdentity(&fields))
            return
        case .keep where packageSub == .identification:
            package!.identifications[package!.identifications.count - 1].unmappedSegments.append(Self.kept(fields, after: nil))
            return
        case .keep:
            package!.unmappedSegments.append(Self.kept(fields, after: packageLast))
            packageLast = fields.tag
            return
        case .pass: break
        }
        if tag == "PCI" {
            package!.identifications.append(EDIFACTPackageIdentification(&fields))
            packageSub = .identification
            packageLast = "PCI"
            return
        }
        if packageSub == .identification, (tag == "RFF" || tag == "GIR") {
            package!.identifications[package!.identifications.count - 1].unmappedSegments.append(Self.kept(fields, after: nil))
            return
        }
        package!.unmappedSegments.append(Self.kept(fields, after: packageLast))
        packageSub = tag == "HAN" ? .foreign : .none
        packageLast = fields.tag
    }

    private mutating func readDocument(_ fields: inout SegmentFields) {
        let tag = fields.tag
        switch Self.decide(documentSub, tag, strong: []) {
        case .take:
            document!.references[document!.references.count - 1].dates.append(EDIFACTDate(&fields))
            return
        case .keep:
            document!.unmappedSegments.append(Self.kept(fields, after: documentLast))
            documentLast = fields.tag
            return
        case .pass: break
        }
        documentSub = .none
        switch tag {
        case "MOA": document!.amounts.append(EDIFACTAmount(&fields))
        case "DTM": document!.dates.append(EDIFACTDate(&fields))
        case "RFF":
            document!.references.append(EDIFACTReference(&fields))
            documentSub = .reference
        default:
            document!.unmappedSegments.append(Self.kept(fields, after: documentLast))
            if Self.documentForeign.contains(tag) { documentSub = .foreign }
        }
        documentLast = fields.tag
    }

    // MARK: Closing groups

    /// Moves a group out of its slot (no copy of its arrays left behind to release).
    private static func take<Group>(_ slot: inout Group?) -> Group? {
        var group: Group?
        swap(&group, &slot)
        return group
    }

    private mutating func closeParty() {
        guard partyOpen, let party = Self.take(&self.party) else { return }
        partyOpen = false
        body.parties.append(party)
        self.party = nil
        headerLast = "NAD"
        headerSub = .none
    }

    /// Closes the open line (already in place in its list).
    private mutating func closeLine() {
        guard lineOpen else { return }
        lineOpen = false
        if lineInSequence {
            closePackage()
        } else {
            headerLast = "LIN"
        }
    }

    private mutating func closePackage() {
        guard packageOpen, let package = Self.take(&self.package) else { return }
        packageOpen = false
        sequence?.packages.append(package)
        self.package = nil
    }

    private mutating func closeAll() {
        closeLine()
        closePackage()
        if sequenceOpen, let sequence {
            body.packingSequences.append(sequence)
            headerLast = "CPS"
        }
        sequence = nil
        sequenceOpen = false
        if documentOpen, let document {
            body.documents.append(document)
            headerLast = "DOC"
        }
        document = nil
        documentOpen = false
        closeParty()
    }
}
