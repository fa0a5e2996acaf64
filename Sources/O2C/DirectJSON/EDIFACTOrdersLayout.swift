import EDICore

/// What one segment of an ORDERS message is to the purchase order, as the typed model's reader
/// (`EDIFACTBodyReader`) places it: the index the direct writer builds before writing.
enum OrdersSegmentRole: UInt8 {
    /// `UNH`, `BGM`, `UNS`, `UNT`, and a `DTM` without a value (the mapping skips it).
    case structure
    /// A `DTM` of the header or of a line (``otherDate`` once known to go to `otherDates`).
    case date
    case otherDate
    /// An `FTX` of the header or of a line.
    case freeText
    /// An `RFF` of the header or of a line, and the `DTM`s of its group.
    case reference
    case referenceDate
    /// `NAD`, its `RFF` groups (with their `DTM`s) and `CTA` groups (with their `COM`s).
    case party
    case partyReference
    case partyReferenceDate
    case contact
    case communication
    /// A header `CUX`.
    case currency
    /// `LIN` and the segments of its group.
    case line
    case identification
    case description
    case quantity
    case amount
    case price
    /// Summary `MOA` and `CNT`.
    case total
    case controlTotal
}

/// The index of an ORDERS message: the role of each segment, and where the header, the lines and
/// the summary are. Built only for the shapes the direct writer maps the way the model path does;
/// nil for anything else — a segment or segment group the model keeps unmapped (`TAX`, `PAT`,
/// `ALC`, `LOC`, `DTM` after `PRI` or `CUX`…), or a message that does not run `UNH`, `BGM` … `UNT`.
struct OrdersLayout {
    /// The first segment after the header (a `LIN`, `UNS`, `CNT` or the `UNT`).
    let headerEnd: Int
    /// The first segment of the summary (`UNS`, else the first `CNT`), else the `UNT`.
    let summaryStart: Int
    /// The `UNT`.
    let end: Int

    private enum Phase { case header, detail, summary }
    /// The sub-group open in a group: its last trigger decides where a `DTM`, `MOA` or `COM` goes.
    private enum SubGroup { case none, reference, contact, opaque }

    /// Segments the model's reader adds to the open group's sub-group, or keeps unmapped after one.
    private static let memberTags: [SegmentTag] = ["DTM", "MOA", "PCD", "COM", "LOC", "RNG"]
    private static let partyMembers: [SegmentTag] = ["LOC", "FII", "RFF", "DTM", "CTA", "COM", "DOC"]

    init?(_ segments: UnsafeTransactionSegments, roles: UnsafeMutableBufferPointer<OrdersSegmentRole>) {
        let end = segments.count - 1
        guard end >= 2, segments.tag(at: 0) == "UNH", segments.tag(at: 1) == "BGM", segments.tag(at: end) == "UNT" else { return nil }
        roles[0] = .structure
        roles[1] = .structure
        roles[end] = .structure
        var phase = Phase.header
        var headerSub = SubGroup.none
        var partyOpen = false
        var partySub = SubGroup.none
        var lineSub = SubGroup.none
        var headerEnd = end
        var summaryStart = end
        for index in 2..<end {
            let tag = segments.tag(at: index)
            if phase != .summary {
                switch tag {
                case "UNS", "CNT":
                    phase = .summary
                    partyOpen = false
                    headerSub = .none
                    headerEnd = min(headerEnd, index)
                    summaryStart = index
                    if tag == "UNS" {
                        roles[index] = .structure
                        continue
                    }
                case "LIN":
                    phase = .detail
                    partyOpen = false
                    lineSub = .none
                    headerEnd = min(headerEnd, index)
                    roles[index] = .line
                    continue
                default: break
                }
            }
            let role: OrdersSegmentRole?
            switch phase {
            case .summary: role = Self.summaryRole(tag, &headerSub)
            case .detail: role = Self.lineRole(tag, &lineSub)
            case .header:
                if tag == "NAD" {
                    partyOpen = true
                    partySub = .none
                    role = .party
                } else if partyOpen, Self.partyMembers.contains(tag) {
                    role = Self.partyRole(tag, &partySub)
                } else {
                    if partyOpen {
                        partyOpen = false
                        headerSub = .none
                    }
                    role = Self.headerRole(tag, &headerSub)
                }
            }
            guard let role else { return nil }
            roles[index] = role
        }
        self.headerEnd = headerEnd
        self.summaryStart = summaryStart
        self.end = end
    }

    /// A segment of the header outside a party group.
    private static func headerRole(_ tag: SegmentTag, _ sub: inout SubGroup) -> OrdersSegmentRole? {
        if sub == .reference, tag == "DTM" { return .referenceDate }
        // After an RFF or a CUX, a DTM, MOA… is kept unmapped by the model.
        if sub != .none, memberTags.contains(tag) { return nil }
        sub = .none
        switch tag {
        case "DTM": return .date
        case "FTX": return .freeText
        case "RFF":
            sub = .reference
            return .reference
        case "CUX":
            sub = .opaque
            return .currency
        default: return nil
        }
    }

    /// A segment of a party group (`RFF`, `DTM`, `CTA`, `COM`, … after its `NAD`).
    private static func partyRole(_ tag: SegmentTag, _ sub: inout SubGroup) -> OrdersSegmentRole? {
        if sub == .reference, tag == "DTM" { return .partyReferenceDate }
        if sub == .contact, tag == "COM" { return .communication }
        if sub != .none, memberTags.contains(tag) { return nil }
        switch tag {
        case "RFF":
            sub = .reference
            return .partyReference
        case "CTA":
            sub = .contact
            return .contact
        default: return nil
        }
    }

    /// A segment of a line group (after its `LIN`).
    private static func lineRole(_ tag: SegmentTag, _ sub: inout SubGroup) -> OrdersSegmentRole? {
        if sub == .reference, tag == "DTM" { return .referenceDate }
        // After a PRI or an RFF, a DTM, MOA… is kept unmapped by the model.
        if sub != .none, memberTags.contains(tag) { return nil }
        sub = .none
        switch tag {
        case "PIA": return .identification
        case "IMD": return .description
        case "QTY": return .quantity
        case "DTM": return .date
        case "MOA": return .amount
        case "FTX": return .freeText
        case "PRI":
            sub = .opaque
            return .price
        case "RFF":
            sub = .reference
            return .reference
        default: return nil
        }
    }

    /// A segment after `UNS` (or from the first `CNT` on).
    private static func summaryRole(_ tag: SegmentTag, _ sub: inout SubGroup) -> OrdersSegmentRole? {
        switch tag {
        case "MOA":
            sub = .opaque
            return .total
        case "CNT":
            sub = .none
            return .controlTotal
        default: return nil
        }
    }
}
