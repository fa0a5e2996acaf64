import EDICore

/// The first interchange header of a file (X12 `ISA`, EDIFACT `UNB` after an optional `UNA`):
/// who sent it and its control number, read from the first segments only, so that the partner —
/// and with it the implementation guide — is known before the one validating pass.
struct InterchangeHeader {
    /// X12 or EDIFACT.
    var syntax: EDISyntax
    /// ISA05/ISA06 or UNB S002.
    var sender: EnvelopeParty
    /// ISA13 or UNB 0020.
    var controlNumber: String

    /// Reads the first header of a file; nil when the file does not start with one.
    static func first(in path: String) -> InterchangeHeader? {
        guard let reader = try? EDIStreamReader(path: path) else { return nil }
        for _ in 0..<8 {
            let event = (try? reader.next()) ?? .endOfInput
            if case .issue(let issue) = event, issue.severity != .error { continue }
            guard case .segment(let segment) = event else { return nil }
            switch segment.tag {
            case "UNA": continue
            case "ISA":
                var id = Substring(segment[6] ?? "")
                while id.last == " " { id = id.dropLast() }
                return InterchangeHeader(syntax: .x12, sender: EnvelopeParty(qualifier: segment[5], id: String(id)),
                                         controlNumber: segment[13] ?? "")
            case "UNB":
                let sender = segment.element(2)
                let qualifier = sender.component(2)
                return InterchangeHeader(syntax: .edifact,
                                         sender: EnvelopeParty(qualifier: qualifier.isEmpty ? nil : qualifier.string,
                                                               id: sender.component(1).string),
                                         controlNumber: segment[5] ?? "")
            default: return nil
            }
        }
        return nil
    }
}
