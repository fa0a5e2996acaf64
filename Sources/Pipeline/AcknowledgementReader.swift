import EDICore
import EDIFACT
public import EDISchema
public import O2C
import X12

/// Reads the acknowledgements in an inbound file with the typed models: X12 TA1 segments, 997 and
/// 999 transaction sets, EDIFACT CONTRL messages. Other transactions are skipped; only the segments
/// of one acknowledgement are held at a time.
public enum AcknowledgementReader {
    /// Whether a validated file may hold acknowledgements: an X12 `FA` group, a CONTRL message, or an
    /// X12 interchange without groups (a TA1 travels in one). `responses`: what was taken of each
    /// transaction when the validation's tree keeps none (``FileValidator/treeKeepsTransactions``).
    public static func mayHoldAcknowledgements(_ validation: FileValidation, responses: AcknowledgementResponses? = nil) -> Bool {
        var firstGroup = 0
        return validation.interchanges.contains { interchange in
            defer { firstGroup += interchange.groups.count }
            let groups = interchange.groups.enumerated().map { index, group in
                (group, count: responses?.transactionCount(ofGroup: firstGroup + index) ?? group.transactions.count,
                 control: responses?.hasTransaction(ofType: "CONTRL", inGroup: firstGroup + index)
                    ?? group.transactions.contains { $0.type == "CONTRL" })
            }
            return (interchange.syntax == .x12 && groups.allSatisfy { $0.0.isImplicit && $0.count == 0 })
                || groups.contains { $0.0.functionalId == "FA" || $0.control }
        }
    }

    /// The acknowledgements of a file, in file order. An acknowledgement the models cannot read is
    /// left out and named in `unreadable`.
    public static func read(path: String) throws -> (acknowledgements: [ReceivedAcknowledgement], unreadable: [String]) {
        var found: [ReceivedAcknowledgement] = []
        var unreadable: [String] = []
        var interchange = ""
        var open: [OwnedSegment]?
        let reader = try EDIStreamReader(path: path)
        try reader.forEach { event in
            guard case .segment(let segment) = event else { return }
            switch segment.tag {
            case "ISA": interchange = segment[13] ?? ""
            case "UNB": interchange = segment.element(5).components.first?.string ?? ""
            case "TA1":
                do {
                    found.append(Self.ta1(try InterchangeAcknowledgementTA1(segments: [segment.copy()]), in: interchange))
                } catch {
                    unreadable.append("TA1 in interchange \(interchange): \(error)")
                }
            case "ST" where segment[1] == "997" || segment[1] == "999": open = [segment.copy()]
            case "UNH" where segment.element(2).components.first?.string == "CONTRL": open = [segment.copy()]
            case "SE", "UNT":
                guard var segments = open else { return }
                segments.append(segment.copy())
                open = nil
                do {
                    found.append(try Self.acknowledgement(segments, in: interchange))
                } catch {
                    unreadable.append("\(segments[0][1] ?? "") in interchange \(interchange): \(error)")
                }
            default: open?.append(segment.copy())
            }
        }
        return (found, unreadable)
    }

    private static func acknowledgement(_ segments: [OwnedSegment], in interchange: String) throws -> ReceivedAcknowledgement {
        switch segments[0].tag {
        case "UNH": return contrl(try ControlMessage(segments: segments), in: interchange)
        default:
            if segments[0][1] == "999" {
                let ack = try ImplementationAcknowledgement999(segments: segments)
                return group(.implementation999, ack.groupResponse, ack.groupTrailer, in: interchange,
                             ack.transactionResponses.map { outcome($0.header, $0.trailer, $0.segmentErrors.map(\.note)) })
            }
            let ack = try FunctionalAcknowledgement997(segments: segments)
            return group(.functional997, ack.groupResponse, ack.groupTrailer, in: interchange,
                         ack.transactionResponses.map { outcome($0.header, $0.trailer, $0.segmentErrors.map(\.note)) })
        }
    }

    private static func ta1(_ ta1: InterchangeAcknowledgementTA1, in interchange: String) -> ReceivedAcknowledgement {
        ReceivedAcknowledgement(kind: .ta1, controlNumber: interchange, interchangeReference: ta1.interchangeControlNumber,
                                code: ta1.acknowledgmentCode, status: AcknowledgementStatus(x12Code: ta1.acknowledgmentCode),
                                errors: ta1.noteCode.isEmpty || ta1.noteCode == "000" ? [] : [ta1.noteCode])
    }

    private static func group(_ kind: ReceivedAcknowledgement.Kind, _ header: X12GroupResponseHeader, _ trailer: X12GroupResponseTrailer?,
                              in interchange: String, _ transactions: [ReceivedAcknowledgement.TransactionOutcome]) -> ReceivedAcknowledgement {
        let code = trailer?.acknowledgmentCode ?? ""
        return ReceivedAcknowledgement(kind: kind, controlNumber: interchange, groupFunctionalId: header.functionalIdentifierCode,
                                       groupReference: header.groupControlNumber, code: code,
                                       status: AcknowledgementStatus(x12Code: code) ?? .combining(transactions.compactMap(\.status)),
                                       errors: trailer?.syntaxErrorCodes ?? [], transactions: transactions)
    }

    private static func outcome(_ header: X12TransactionSetResponseHeader, _ trailer: X12TransactionSetResponseTrailer?,
                                _ notes: [X12SegmentNote]) -> ReceivedAcknowledgement.TransactionOutcome {
        let code = trailer?.acknowledgmentCode ?? ""
        let segmentErrors = notes.map { "\($0.segmentIdCode) at \($0.segmentPosition ?? "?"): \($0.syntaxErrorCode ?? "")" }
        return .init(type: header.transactionSetIdentifierCode, controlNumber: header.controlNumber, code: code,
                     status: AcknowledgementStatus(x12Code: code), errors: (trailer?.syntaxErrorCodes ?? []) + segmentErrors)
    }

    private static func contrl(_ message: ControlMessage, in interchange: String) -> ReceivedAcknowledgement {
        let uci = message.interchangeResponse
        let transactions = message.allMessageResponses.map { response in
            ReceivedAcknowledgement.TransactionOutcome(
                type: response.messageIdentifier.type, controlNumber: response.messageReference, code: response.action,
                status: AcknowledgementStatus(contrlAction: response.action, syntaxError: response.syntaxError),
                errors: (response.syntaxError.map { [$0] } ?? [])
                    + response.segmentErrors.map { "segment \($0.segmentPosition): \($0.syntaxError ?? "")" })
        }
        return ReceivedAcknowledgement(kind: .contrl, controlNumber: interchange, interchangeReference: uci.reference,
                                       groupReference: message.groupResponses.first?.response.reference, code: uci.action,
                                       status: AcknowledgementStatus(contrlAction: uci.action, syntaxError: uci.syntaxError),
                                       errors: uci.syntaxError.map { [$0] } ?? [], transactions: transactions)
    }
}
