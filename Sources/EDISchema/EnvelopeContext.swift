import EDICore

/// The envelope facts a transaction's schema, decoding and tracing depend on.
struct EnvelopeContext {
    var groupVersion: String?
    var encoding: CharacterEncoding = .utf8
    var interchange: InterchangeFacts?
    var group: GroupFacts?

    struct InterchangeFacts {
        var syntax: EDISyntax
        var sender: EnvelopeParty
        var receiver: EnvelopeParty
        var controlNumber: String
        var date: String
        var time: String
        var version: String
        var isTest: Bool
        var acknowledgementRequested: Bool
    }

    struct GroupFacts {
        var functionalId: String?
        var sender: String?
        var receiver: String?
        var controlNumber: String?
        var version: String?
    }

    mutating func observe(_ segment: Segment) {
        switch segment.tag {
        case "ISA":
            groupVersion = nil
            encoding = .utf8
            group = nil
            func trimmed(_ position: Int) -> String {
                var text = Substring(segment[position] ?? "")
                while text.last == " " { text = text.dropLast() }
                return String(text)
            }
            interchange = InterchangeFacts(
                syntax: .x12, sender: EnvelopeParty(qualifier: segment[5], id: trimmed(6)),
                receiver: EnvelopeParty(qualifier: segment[7], id: trimmed(8)), controlNumber: segment[13] ?? "",
                date: segment[9] ?? "", time: segment[10] ?? "", version: segment[12] ?? "", isTest: segment[15] == "T",
                acknowledgementRequested: segment[14] == "1")
        case "GS":
            groupVersion = segment[8]
            group = GroupFacts(functionalId: segment[1], sender: segment[2], receiver: segment[3], controlNumber: segment[6],
                               version: segment[8])
        case "UNB":
            encoding = CharacterEncoding(syntaxIdentifier: segment.element(1).component(1).string) ?? .utf8
            group = nil
            let sender = segment.element(2), receiver = segment.element(3), prepared = segment.element(4)
            func party(_ element: ElementView) -> EnvelopeParty {
                let qualifier = element.component(2)
                return EnvelopeParty(qualifier: qualifier.isEmpty ? nil : qualifier.string, id: element.component(1).string)
            }
            interchange = InterchangeFacts(
                syntax: .edifact, sender: party(sender), receiver: party(receiver), controlNumber: segment[5] ?? "",
                date: prepared.component(1).string, time: prepared.component(2).string, version: segment.element(1).string,
                isTest: segment[11] == "1", acknowledgementRequested: segment[9] == "1")
        case "UNG":
            group = GroupFacts(functionalId: segment[1], sender: segment.element(2).component(1).string,
                               receiver: segment.element(3).component(1).string, controlNumber: segment[5],
                               version: segment[7])
        case "GE", "UNE":
            group = nil
        default: break
        }
    }

    /// X12: the first six characters of ST03 or GS08 (`004010` of `004010VICS`); EDIFACT: `D96A` from UNH S009.
    func version(for header: Segment) -> String {
        if header.tag == "UNH" {
            let identifier = header.element(2)
            return identifier.component(2).string.uppercased() + identifier.component(3).string.uppercased()
        }
        let text = header[3] ?? groupVersion ?? ""
        return String(text.prefix(6))
    }

    func versionLabel(for header: Segment) -> String {
        version(for: header)
    }

    /// The envelope record of a transaction starting at `header` (ST or UNH).
    func envelope(for header: Segment, path: String) -> TransactionEnvelope {
        let facts = interchange ?? InterchangeFacts(syntax: header.syntax, sender: EnvelopeParty(qualifier: nil, id: ""),
                                                    receiver: EnvelopeParty(qualifier: nil, id: ""), controlNumber: "",
                                                    date: "", time: "", version: "", isTest: false, acknowledgementRequested: false)
        let isX12 = header.tag == "ST"
        let association = isX12 ? header[3] : header.element(2).component(5).string
        return TransactionEnvelope(
            syntax: header.syntax, sender: facts.sender, receiver: facts.receiver, interchangeControlNumber: facts.controlNumber,
            interchangeDate: facts.date, interchangeTime: facts.time, syntaxVersion: facts.version, isTest: facts.isTest,
            functionalId: group?.functionalId, applicationSender: group?.sender, applicationReceiver: group?.receiver,
            groupControlNumber: group?.controlNumber, groupVersion: group?.version,
            transactionType: isX12 ? header[1] ?? "" : header.element(2).component(1).string,
            transactionControlNumber: (isX12 ? header[2] : header[1]) ?? "", version: version(for: header),
            implementationReference: association?.isEmpty == false ? association : nil, sourcePath: path)
    }
}
