public import EDICore
public import EDISchema

/// Builds the EDIFACT CONTRL syntax and service report message from the validator's findings:
/// UCI for the interchange, UCM for each message (or UCF/UCM under functional groups), and
/// UCS/UCD for every segment and data element in error, with the 0085 codes of the findings.
public struct ControlMessageBuilder: Sendable {
    /// Whether each message is listed even when accepted (otherwise UCI alone acknowledges them).
    public var listsAcceptedMessages: Bool

    /// Creates a builder.
    public init(listsAcceptedMessages: Bool = true) {
        self.listsAcceptedMessages = listsAcceptedMessages
    }

    /// Whether an interchange needs a CONTRL: asked for in UNB 0031, or something is wrong.
    public static func isNeeded(for interchange: InterchangeValidation) -> Bool {
        interchange.acknowledgementRequested || interchange.hasEnvelopeErrors
    }

    /// The CONTRL message (UNH…UNT; the writer numbers it) for one interchange.
    public func message(for interchange: InterchangeValidation) -> [OutgoingSegment] {
        message(for: interchange) { group in
            group.transactions.filter { listsAcceptedMessages || !$0.isValid }.flatMap(messageResponse)
        }.segments
    }

    /// The CONTRL message for an interchange whose messages' responses (``response(to:)``) were
    /// written as they were validated: none of them in `segments`, and `places` says, for each group,
    /// how many of the message's segments (UNH first) come before its responses.
    public func messageWithoutResponses(for interchange: InterchangeValidation) -> (segments: [OutgoingSegment], places: [Int]) {
        message(for: interchange) { _ in [] }
    }

    /// The UCM (and its UCS/UCD) of one message; nothing for an accepted message unless
    /// ``listsAcceptedMessages``.
    public func response(to message: TransactionResult) -> [OutgoingSegment] {
        listsAcceptedMessages || !message.isValid ? messageResponse(message) : []
    }

    /// UNH, UCI, then each group's UCF (when explicit) followed by `responses` of the group, and UNT;
    /// with where each group's responses begin.
    private func message(for interchange: InterchangeValidation,
                         responses: (GroupValidation) -> [OutgoingSegment]) -> (segments: [OutgoingSegment], places: [Int]) {
        var segments: [OutgoingSegment] = []
        var places: [Int] = []
        segments.append(OutgoingSegment("UNH", elements: [[[""]], [["CONTRL", "D", "3", "UN"]]]))
        let envelopeErrors = interchange.diagnostics.filter { $0.severity == .error }
        // 0083: 4 this level and all lower levels rejected; 7 acknowledged, lower levels if not explicitly rejected.
        var uci: [[[String]]] = [[[interchange.controlNumber]], [party(interchange.sender)], [party(interchange.receiver)],
                                 [[envelopeErrors.isEmpty ? "7" : "4"]]]
        if let first = envelopeErrors.first, let code = code(first) {
            uci.append([[code]])
            uci.append([[first.position.segmentTag ?? ""]])
        }
        segments.append(OutgoingSegment("UCI", elements: uci))
        for group in interchange.groups {
            if !group.isImplicit {
                let groupErrors = group.diagnostics.filter { $0.severity == .error }
                var ucf: [[[String]]] = [[[group.controlNumber ?? ""]], [[group.applicationSender ?? ""]],
                                         [[group.applicationReceiver ?? ""]], [[groupErrors.isEmpty ? "7" : "4"]]]
                if let first = groupErrors.first, let code = code(first) { ucf.append([[code]]) }
                segments.append(OutgoingSegment("UCF", elements: ucf))
            }
            places.append(segments.count)
            segments.append(contentsOf: responses(group))
        }
        segments.append(OutgoingSegment("UNT", ["", ""]))
        return (segments, places)
    }

    private func messageResponse(_ message: TransactionResult) -> [OutgoingSegment] {
        let errors = message.diagnostics.filter { $0.severity == .error && $0.ack.contrl != nil }
        let identifier = [message.type] + (message.versionDetail?.split(separator: ":", omittingEmptySubsequences: false).map(String.init) ?? [])
        var ucm: [[[String]]] = [[[message.controlNumber]], [identifier], [[errors.isEmpty ? "7" : "4"]]]
        let messageLevel = errors.filter { $0.ack.contrl?.hasPrefix("UCM") == true }
        if let first = messageLevel.first, let code = code(first) {
            ucm.append([[code]])
            ucm.append([[first.position.segmentTag ?? ""]])
        }
        var segments = [OutgoingSegment("UCM", elements: ucm)]
        var seen: [Int] = []
        for finding in errors where finding.ack.contrl?.hasPrefix("UCM") != true {
            let index = finding.position.segmentIndexInTransaction
            let isElement = finding.ack.contrl?.hasPrefix("UCD") == true
            if !seen.contains(index) {
                seen.append(index)
                // UCS names the segment; its own code only when the error is the segment's.
                let ownCode = isElement ? nil : code(finding)
                segments.append(OutgoingSegment("UCS", [String(index)] + (ownCode.map { [$0] } ?? [])))
            }
            if isElement, let code = code(finding) {
                // 0098 counts the segment tag as position 1 (ISO 9735), so it is the element position + 1.
                var position = [String((finding.position.element ?? 0) + 1)]
                if let component = finding.position.component { position.append(String(component)) }
                segments.append(OutgoingSegment("UCD", elements: [[[code]], [position]]))
            }
        }
        return segments
    }

    private func party(_ party: EnvelopeParty) -> [String] {
        [party.id] + (party.qualifier.map { [$0] } ?? [])
    }

    /// The 0085 code of a finding (`UCS 0085=13` → `13`).
    private func code(_ finding: Diagnostic) -> String? {
        guard let text = finding.ack.contrl, let equals = text.firstIndex(of: "=") else { return nil }
        return String(text[text.index(after: equals)...])
    }
}
