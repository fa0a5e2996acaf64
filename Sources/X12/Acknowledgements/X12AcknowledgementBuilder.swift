public import EDICore
public import EDISchema

/// Builds 997 functional and 999 implementation acknowledgements from the validator's findings:
/// AK1, an AK2 loop per transaction set with AK3/AK4 (997) or IK3/IK4 (999) for every finding,
/// AK5/IK5 with the status, and AK9 with the group status and counts.
///
/// The codes come from each finding's acknowledgement table (`Diagnostic.ack`); nothing is
/// decided here but the statuses.
public struct X12AcknowledgementBuilder: Sendable {
    /// Which acknowledgement.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// 997 Functional Acknowledgment (004010 and earlier).
        case functional997 = "997"
        /// 999 Implementation Acknowledgment (005010 and later).
        case implementation999 = "999"

        /// 999 for groups of version 005010 and later, 997 before.
        public static func forGroupVersion(_ version: String?) -> Kind {
            (version ?? "").prefix(6) >= "005010" ? .implementation999 : .functional997
        }
    }

    /// Whether transactions with errors are "accepted with errors" (E) rather than rejected (R).
    public var acceptsWithErrors: Bool
    /// The `GS08` of a 999 group (the 999 implementation guide).
    public var implementationConvention999 = "005010X231A1"

    /// Creates a builder.
    public init(acceptsWithErrors: Bool = false) {
        self.acceptsWithErrors = acceptsWithErrors
    }

    /// The acknowledgement of one group as an outbound group (functional id FA) with one transaction.
    public func acknowledgement(of group: GroupValidation, kind: Kind) -> X12OutboundGroup {
        X12OutboundGroup(functionalId: "FA", version: version(of: group, kind: kind), transactions: [transaction(for: group, kind: kind)])
    }

    /// The acknowledgement of one group, each transaction's AK2…AK5 (IK…) written to bytes as soon
    /// as it is built (``X12OutboundGroup/writtenSegments``): a few tens of bytes per acknowledged
    /// transaction instead of its segments. `delimiters` and `lineStyle` must be the interchange
    /// writer's (``X12EnvelopeSettings/writtenDelimiters``); the bytes are the same. Throws
    /// ``X12WriteError`` for a value the delimiters cannot carry.
    public func acknowledgement(of group: GroupValidation, kind: Kind, writingWith delimiters: Delimiters,
                                lineStyle: LineStyle) throws -> X12OutboundGroup {
        var writer = SegmentWriter(syntax: .x12, delimiters: delimiters, lineStyle: lineStyle, trimsTrailingEmptyElements: true)
        let (head, tail): (head: [OutgoingSegment], tail: [OutgoingSegment])
        do {
            (head, tail) = try parts(of: group, kind: kind) { response in
                for segment in response { try writer.write(segment) }
            }
        } catch {
            throw X12WriteError(message: "\(error)")
        }
        var result = X12OutboundGroup(functionalId: "FA", version: version(of: group, kind: kind), transactions: [head + tail])
        result.writtenSegments[0] = X12WrittenSegments(bytes: writer.output, count: writer.segmentCount, after: head.count,
                                                       delimiters: delimiters, lineStyle: lineStyle)
        return result
    }

    /// The acknowledgement of one group whose transactions' responses (``response(to:kind:)``) were
    /// written to bytes as they were validated: `responses` counts their segments, and its bytes may
    /// be left empty for the caller to put in place (``X12InterchangeWriter/Written/writtenOffsets``).
    public func acknowledgement(of group: GroupValidation, kind: Kind, tally: GroupTally,
                                responses: X12WrittenSegments) -> X12OutboundGroup {
        let head = head(of: group, kind: kind)
        var result = X12OutboundGroup(functionalId: "FA", version: version(of: group, kind: kind),
                                      transactions: [head + tail(of: group, tally: tally)])
        var responses = responses
        responses.after = head.count
        result.writtenSegments[0] = responses
        return result
    }

    /// The acknowledgement transaction (ST…SE) for one group.
    public func transaction(for group: GroupValidation, kind: Kind) -> [OutgoingSegment] {
        var responses: [OutgoingSegment] = []
        let (head, tail) = parts(of: group, kind: kind) { responses.append(contentsOf: $0) }
        return head + responses + tail
    }

    private func version(of group: GroupValidation, kind: Kind) -> String {
        kind == .implementation999 ? implementationConvention999 : String((group.version ?? "004010").prefix(6))
    }

    /// ST and AK1 (`head`), AK9 and SE (`tail`); each transaction's response goes to `respond` in order.
    private func parts(of group: GroupValidation, kind: Kind,
                       respond: ([OutgoingSegment]) throws -> Void) rethrows -> (head: [OutgoingSegment], tail: [OutgoingSegment]) {
        var tally = GroupTally()
        for transaction in group.transactions {
            let (response, status) = self.response(to: transaction, kind: kind)
            tally.count(status)
            try respond(response)
        }
        return (head(of: group, kind: kind), tail(of: group, tally: tally))
    }

    /// ST and AK1 of a group's acknowledgement transaction.
    public func head(of group: GroupValidation, kind: Kind) -> [OutgoingSegment] {
        var st = ["\(kind.rawValue)", "0001"]
        if kind == .implementation999 { st.append(implementationConvention999) }
        var ak1 = [group.functionalId ?? "", group.controlNumber ?? ""]
        if kind == .implementation999, let version = group.version { ak1.append(version) }
        return [OutgoingSegment("ST", st), OutgoingSegment("AK1", ak1)]
    }

    /// AK9 and SE of a group's acknowledgement transaction, from the statuses of its transactions'
    /// responses.
    public func tail(of group: GroupValidation, tally: GroupTally) -> [OutgoingSegment] {
        let groupCodes = codes(group.diagnostics.filter { $0.severity == .error }, prefix: "AK905")
        let (received, accepted) = (tally.received, tally.accepted)
        let groupStatus: String
        if !groupCodes.isEmpty && accepted == 0 || received > 0 && accepted == 0 {
            groupStatus = "R"
        } else if accepted < received {
            groupStatus = "P"
        } else if !groupCodes.isEmpty || tally.acceptedWithErrors > 0 {
            groupStatus = "E"
        } else {
            groupStatus = "A"
        }
        let included = group.declaredTransactionCount ?? received
        return [OutgoingSegment("AK9", [groupStatus, String(included), String(received), String(accepted)] + Array(groupCodes.prefix(5))),
                OutgoingSegment("SE", ["", "0001"])]
    }

    /// One transaction's AK2…AK5 (IK…) and its status (``status(of:)``).
    public func response(to transaction: TransactionResult, kind: Kind) -> (segments: [OutgoingSegment], status: String) {
        let status = self.status(of: transaction)
        return (transactionResponse(transaction, status: status, kind: kind), status)
    }

    /// A (accepted), E (accepted with errors) or R (rejected).
    public func status(of transaction: TransactionResult) -> String {
        let errors = transaction.diagnostics.contains { $0.severity == .error && $0.ack.x12_997 != nil }
        if !errors { return "A" }
        return acceptsWithErrors ? "E" : "R"
    }

    private func transactionResponse(_ transaction: TransactionResult, status: String, kind: Kind) -> [OutgoingSegment] {
        let is999 = kind == .implementation999
        var segments: [OutgoingSegment] = []
        var ak2 = [transaction.type, transaction.controlNumber]
        if is999, let convention = transaction.versionDetail, !convention.isEmpty { ak2.append(convention) }
        segments.append(OutgoingSegment("AK2", ak2))
        let errors = transaction.diagnostics.filter { $0.severity == .error }
        // Segment notes: one AK3/IK3 per segment in error, its element notes after it.
        var bySegment: [(key: Int, tag: String, loop: String?, findings: [Diagnostic])] = []
        var transactionLevel: [Diagnostic] = []
        for finding in errors {
            guard let code = is999 ? finding.ack.x12_999 : finding.ack.x12_997 else { continue }
            if code.hasPrefix("AK502") || code.hasPrefix("IK502") || code.hasPrefix("AK905") || code.hasPrefix("TA105") {
                transactionLevel.append(finding)
                continue
            }
            let index = finding.position.segmentIndexInTransaction
            // A missing segment is named by its own tag, at the position where it was expected.
            let tag = finding.missingSegment ?? finding.position.segmentTag ?? ""
            if let existing = bySegment.firstIndex(where: { $0.key == index && $0.tag == tag }) {
                bySegment[existing].findings.append(finding)
            } else {
                bySegment.append((index, tag, finding.loopPath, [finding]))
            }
        }
        for note in bySegment {
            let segmentFindings = note.findings.filter { !$0.kind.isElementLevel }
            let elementFindings = note.findings.filter { $0.kind.isElementLevel }
            let segmentCode = segmentFindings.first.flatMap { value(is999 ? $0.ack.x12_999 : $0.ack.x12_997) } ?? "8"
            let loop = note.loop.map { String($0.split(separator: "/").last ?? "") }.map { String($0.prefix(4)) } ?? ""
            segments.append(OutgoingSegment(is999 ? "IK3" : "AK3", [note.tag, String(max(note.key, 1)), loop, segmentCode]))
            for finding in elementFindings {
                var position = [String(finding.position.element ?? 0)]
                if let component = finding.position.component { position.append(String(component)) }
                if is999, let repetition = finding.position.repetition {
                    if position.count == 1 { position.append("") }
                    position.append(String(repetition))
                }
                let code = value(is999 ? finding.ack.x12_999 : finding.ack.x12_997) ?? "1"
                segments.append(OutgoingSegment(is999 ? "IK4" : "AK4", elements: [
                    [position], [[finding.elementReference.flatMap { Int($0) }.map(String.init) ?? ""]], [[code]],
                    [[Self.safeCopy(finding.badValue)]],
                ]))
            }
        }
        var transactionCodes = codes(transactionLevel, prefix: is999 ? "IK502" : "AK502")
        // One or more segments in error (5); in a 999, an implementation code (`I4`, `I6`, `I10`…) in an
        // IK3/IK4 is an implementation error: I5 (implementation one or more segments in error).
        let noteCodes = bySegment.flatMap(\.findings).compactMap { value(is999 ? $0.ack.x12_999 : $0.ack.x12_997) }
        if noteCodes.contains(where: { !Self.isImplementationCode($0) }), !transactionCodes.contains("5") {
            transactionCodes.append("5")
        }
        if is999, noteCodes.contains(where: Self.isImplementationCode), !transactionCodes.contains("I5") {
            transactionCodes.append("I5")
        }
        if status == "A" { transactionCodes = [] }
        segments.append(OutgoingSegment(is999 ? "IK5" : "AK5", [status] + Array(transactionCodes.prefix(5))))
        return segments
    }

    /// The values of the codes with a given prefix (`AK905=4` → `4`), unique, in order.
    private func codes(_ findings: [Diagnostic], prefix: String) -> [String] {
        var result: [String] = []
        for finding in findings {
            for code in [finding.ack.x12_997, finding.ack.x12_999].compactMap({ $0 }) where code.hasPrefix(prefix) {
                if let value = value(code), !result.contains(value) { result.append(value) }
            }
        }
        return result
    }

    private func value(_ code: String?) -> String? {
        guard let code, let equals = code.firstIndex(of: "=") else { return nil }
        return String(code[code.index(after: equals)...])
    }

    /// A 999 implementation code (620 `I4`…`I9`, 621 `I6`…`I13`): it starts with `I`.
    static func isImplementationCode(_ code: String) -> Bool {
        code.first == "I"
    }

    /// AK404/IK404 copy of the bad value: at most 99 characters, nothing that could be a delimiter.
    static func safeCopy(_ value: String?) -> String {
        guard let value else { return "" }
        let cleaned = value.unicodeScalars.filter { $0.isASCII && $0.value >= 0x20 && !"~*^>:|\\!`".unicodeScalars.contains($0) }
        return String(String.UnicodeScalarView(cleaned).prefix(99))
    }
}

/// What a group's AK9 counts: its transactions' statuses (A, E or R).
public struct GroupTally: Sendable, Hashable {
    /// Transactions answered.
    public var received = 0
    /// Those accepted (A or E).
    public var accepted = 0
    /// Those accepted with errors (E).
    public var acceptedWithErrors = 0

    /// No transactions yet.
    public init() {}

    /// Counts one transaction's status.
    public mutating func count(_ status: String) {
        received += 1
        if status != "R" { accepted += 1 }
        if status == "E" { acceptedWithErrors += 1 }
    }
}
