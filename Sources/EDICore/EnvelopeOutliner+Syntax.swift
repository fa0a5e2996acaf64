extension EnvelopeOutliner {
    func consumeX12(_ segment: Segment) {
        var position: EDIPosition { segment.position }
        switch segment.tag {
        case "ISA":
            closeInterchange(at: position, trailerSeen: false)
            inInterchange = true
            current = InterchangeSummary(
                syntax: .x12,
                sender: EnvelopeParty(qualifier: trimmed(segment, 5), id: trimmed(segment, 6) ?? ""),
                receiver: EnvelopeParty(qualifier: trimmed(segment, 7), id: trimmed(segment, 8) ?? ""),
                date: segment[9] ?? "", time: segment[10] ?? "", controlNumber: segment[13] ?? "",
                version: segment[12] ?? "", isTest: segment[15] == "T", acknowledgementRequested: segment[14] == "1",
                delimiters: segment.delimiters, position: position)
        case "IEA":
            guard current != nil else {
                report(.unexpectedTrailer, "IEA without ISA", at: position)
                return
            }
            closeGroup(at: position, trailerSeen: false)
            checkCount(segment[1], actual: current!.groups.count, what: "IEA01 functional group", at: segment.position(ofElement: 1))
            checkControl(segment[2], current!.controlNumber, what: "IEA02 interchange", at: segment.position(ofElement: 2))
            closeInterchange(at: position, trailerSeen: true)
        case "GS":
            closeGroup(at: position, trailerSeen: false)
            group = GroupSummary(functionalId: segment[1], controlNumber: segment[6], version: segment[8],
                                 sender: segment[2], receiver: segment[3], isImplicit: false, position: position)
        case "GE":
            guard group != nil, !group!.isImplicit else {
                report(.unexpectedTrailer, "GE without GS", at: position)
                return
            }
            closeTransaction(at: position, trailerSeen: false)
            checkCount(segment[1], actual: group!.transactionCount, what: "GE01 transaction set", at: segment.position(ofElement: 1))
            checkControl(segment[2], group!.controlNumber, what: "GE02 group", at: segment.position(ofElement: 2))
            closeGroup(at: position, trailerSeen: true)
        case "ST":
            closeTransaction(at: position, trailerSeen: false)
            if group == nil { report(.segmentOutsideEnvelope, "ST outside a functional group (no GS)", at: position) }
            transactionSegmentCount = 0
            inTransaction = true
            transaction = TransactionSummary(type: segment[1] ?? "", controlNumber: segment[2] ?? "", segmentCount: 0,
                                             version: segment[3], position: position)
        case "SE":
            guard let open = transaction else {
                report(.unexpectedTrailer, "SE without ST", at: position)
                return
            }
            checkCount(segment[1], actual: transactionSegmentCount + 1, what: "SE01 segment", at: segment.position(ofElement: 1))
            checkControl(segment[2], open.controlNumber, what: "SE02 transaction set", at: segment.position(ofElement: 2))
            transactionSegmentCount += 1
            closeTransaction(at: position, trailerSeen: true)
        case "TA1":
            if current != nil { current!.interchangeAcknowledgements += 1 }
        default:
            if !inTransaction, inInterchange, !["ISB", "ISE"].contains(segment.tag.description) {
                report(.segmentOutsideEnvelope, "segment \(segment.tag) is outside a transaction set (between \(group == nil ? "ISA and GS" : "GS and ST"))",
                       at: position)
            }
        }
    }

    func consumeEDIFACT(_ segment: Segment) {
        var position: EDIPosition { segment.position }
        switch segment.tag {
        case "UNA":
            closeInterchange(at: position, trailerSeen: false)
        case "UNB":
            closeInterchange(at: position, trailerSeen: false)
            let syntax = segment.element(1)
            let sender = segment.element(2), receiver = segment.element(3), prepared = segment.element(4)
            inInterchange = true
            current = InterchangeSummary(
                syntax: .edifact,
                sender: EnvelopeParty(qualifier: nonEmpty(sender.component(2).string), id: sender.component(1).string),
                receiver: EnvelopeParty(qualifier: nonEmpty(receiver.component(2).string), id: receiver.component(1).string),
                date: prepared.component(1).string, time: prepared.component(2).string,
                controlNumber: segment[5] ?? "", version: syntax.string,
                isTest: segment[11] == "1", acknowledgementRequested: segment[9] == "1",
                delimiters: segment.delimiters, position: position)
        case "UNZ":
            guard current != nil else {
                report(.unexpectedTrailer, "UNZ without UNB", at: position)
                return
            }
            closeGroup(at: position, trailerSeen: sawExplicitGroup ? false : true)
            let counted = sawExplicitGroup ? current!.groups.filter { !$0.isImplicit }.count
                : current!.groups.reduce(0) { $0 + $1.transactionCount }
            checkCount(segment[1], actual: counted, what: "UNZ interchange control (\(sawExplicitGroup ? "groups" : "messages"))",
                       at: segment.position(ofElement: 1))
            checkControl(segment[2], current!.controlNumber, what: "UNZ interchange", at: segment.position(ofElement: 2))
            closeInterchange(at: position, trailerSeen: true)
        case "UNG":
            closeGroup(at: position, trailerSeen: false)
            sawExplicitGroup = true
            let version = segment.element(7)
            group = GroupSummary(functionalId: segment[1], controlNumber: segment[5],
                                 version: version.isEmpty ? nil : version.string,
                                 sender: segment.element(2).component(1).string, receiver: segment.element(3).component(1).string,
                                 isImplicit: false, position: position)
        case "UNE":
            guard group != nil, !group!.isImplicit else {
                report(.unexpectedTrailer, "UNE without UNG", at: position)
                return
            }
            closeTransaction(at: position, trailerSeen: false)
            checkCount(segment[1], actual: group!.transactionCount, what: "UNE message", at: segment.position(ofElement: 1))
            checkControl(segment[2], group!.controlNumber, what: "UNE group", at: segment.position(ofElement: 2))
            closeGroup(at: position, trailerSeen: true)
        case "UNH":
            if transaction != nil { closeTransaction(at: position, trailerSeen: false) }
            let identifier = segment.element(2)
            let parts = identifier.components.map(\.string)
            transactionSegmentCount = 0
            inTransaction = true
            transaction = TransactionSummary(type: parts.first ?? "", controlNumber: segment[1] ?? "", segmentCount: 0,
                                             version: parts.count > 1 ? parts.dropFirst().joined(separator: ":") : nil,
                                             position: position)
        case "UNT":
            guard let open = transaction else {
                report(.unexpectedTrailer, "UNT without UNH", at: position)
                return
            }
            checkCount(segment[1], actual: transactionSegmentCount + 1, what: "UNT segment", at: segment.position(ofElement: 1))
            checkControl(segment[2], open.controlNumber, what: "UNT message", at: segment.position(ofElement: 2))
            transactionSegmentCount += 1
            let wasImplicit = group == nil || group!.isImplicit
            closeTransaction(at: position, trailerSeen: true)
            if wasImplicit { messagesOutsideGroups += 1 }
        default:
            if !inTransaction, inInterchange {
                report(.segmentOutsideEnvelope, "segment \(segment.tag) is outside a message (no UNH before it)", at: position)
            }
        }
    }

    private func trimmed(_ segment: Segment, _ position: Int) -> String? {
        guard let value = segment[position] else { return nil }
        let text = value.trimmingTrailingSpaces()
        return text.isEmpty ? nil : text
    }

    private func nonEmpty(_ text: String) -> String? {
        text.isEmpty ? nil : text
    }
}

extension String {
    /// The string without trailing spaces (the padding of fixed-width `ISA` fields).
    func trimmingTrailingSpaces() -> String {
        var scalars = Substring(self)
        while scalars.last == " " { scalars = scalars.dropLast() }
        return String(scalars)
    }
}
