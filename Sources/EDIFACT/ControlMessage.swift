public import EDICore

/// A syntax and service report (EDIFACT `CONTRL`, syntax version 3 or 4): the interchange
/// response `UCI`, group responses `UCF`, message responses `UCM`, and their segment (`UCS`) and
/// data element (`UCD`) errors.
public struct ControlMessage: Sendable, Hashable {
    /// `UNH` 0062 as read.
    public var messageReference: String
    /// `UNH` S009 (`CONTRL:D:3:UN`; the release is the syntax version).
    public var messageIdentifier: EDIFACTMessageIdentifier
    /// `UCI`.
    public var interchangeResponse: Response
    /// `UCF` groups (each with its `UCM`s).
    public var groupResponses: [GroupResponse] = []
    /// `UCM` groups directly under the interchange.
    public var messageResponses: [MessageResponse] = []
    /// Segments the model does not name, in order (written after the responses).
    public var unmappedSegments: [EDIFACTUnmappedSegment] = []

    /// A `UCI` or `UCF` response: the subject's reference, sender and receiver, the action
    /// 0083 (`7` acknowledged, `4` rejected, `8` received) and the error 0085 with the service
    /// segment 0013 and element S011 it is about.
    public struct Response: Sendable, Hashable {
        /// 0020 (UCI) or 0048 (UCF), the acknowledged interchange or group reference.
        public var reference: String
        /// S002/S006 0004 and its qualifier.
        public var sender: String?
        /// S002 0007.
        public var senderQualifier: String?
        /// S003/S007 0010.
        public var recipient: String?
        /// S003 0007.
        public var recipientQualifier: String?
        /// 0083 (`4` this level and all lower levels rejected, `7` acknowledged, `8` received).
        public var action: String
        /// 0085, the syntax error code.
        public var syntaxError: String?
        /// 0013, the service segment in error.
        public var segmentTag: String?
        /// Values no field names (S011).
        public var otherValues: [EDIFACTComponentValue] = []

        /// Creates a response.
        public init(reference: String, sender: String?, senderQualifier: String?, recipient: String?, recipientQualifier: String?,
                    action: String, syntaxError: String? = nil, segmentTag: String? = nil) {
            self.reference = reference
            self.sender = sender
            self.senderQualifier = senderQualifier
            self.recipient = recipient
            self.recipientQualifier = recipientQualifier
            self.action = action
            self.syntaxError = syntaxError
            self.segmentTag = segmentTag
        }

        init(_ fields: inout SegmentFields) {
            reference = fields.take(1) ?? ""
            sender = fields.take(2, 1)
            senderQualifier = fields.take(2, 2)
            recipient = fields.take(3, 1)
            recipientQualifier = fields.take(3, 2)
            action = fields.take(4) ?? ""
            syntaxError = fields.take(5)
            segmentTag = fields.take(6)
            otherValues = fields.leftovers
        }

        func segment(_ tag: String) -> OutgoingSegment {
            var builder = SegmentBuilder(tag)
            builder.set(1, 1, reference)
            builder.set(2, 1, sender)
            builder.set(2, 2, senderQualifier)
            builder.set(3, 1, recipient)
            builder.set(3, 2, recipientQualifier)
            builder.set(4, 1, action)
            builder.set(5, 1, syntaxError)
            builder.set(6, 1, segmentTag)
            builder.set(otherValues)
            return builder.segment
        }
    }

    /// A `UCF` group response with its message responses.
    public struct GroupResponse: Sendable, Hashable {
        /// The `UCF` segment.
        public var response: Response
        /// Its `UCM`s.
        public var messageResponses: [MessageResponse] = []
    }

    /// A `UCM` message response: the message reference 0062 and identifier S009, the action 0083,
    /// the error 0085 and the segment errors.
    public struct MessageResponse: Sendable, Hashable {
        /// 0062 of the acknowledged message.
        public var messageReference: String
        /// S009 of the acknowledged message.
        public var messageIdentifier: EDIFACTMessageIdentifier
        /// 0083.
        public var action: String
        /// 0085.
        public var syntaxError: String?
        /// `UCS` groups.
        public var segmentErrors: [SegmentError] = []
        /// Values no field names (0013, S011).
        public var otherValues: [EDIFACTComponentValue] = []

        /// Creates a message response.
        public init(messageReference: String, messageIdentifier: EDIFACTMessageIdentifier, action: String, syntaxError: String? = nil) {
            self.messageReference = messageReference
            self.messageIdentifier = messageIdentifier
            self.action = action
            self.syntaxError = syntaxError
        }

        init(_ fields: inout SegmentFields) {
            messageReference = fields.take(1) ?? ""
            messageIdentifier = EDIFACTMessageIdentifier(type: fields.take(2, 1) ?? "", version: fields.take(2, 2) ?? "",
                                                         release: fields.take(2, 3) ?? "", agency: fields.take(2, 4) ?? "",
                                                         associationCode: fields.take(2, 5))
            action = fields.take(3) ?? ""
            syntaxError = fields.take(4)
            otherValues = fields.leftovers
        }

        var segments: [OutgoingSegment] {
            var builder = SegmentBuilder("UCM")
            builder.set(1, 1, messageReference)
            builder.set(2, 1, messageIdentifier.type)
            builder.set(2, 2, messageIdentifier.version)
            builder.set(2, 3, messageIdentifier.release)
            builder.set(2, 4, messageIdentifier.agency)
            builder.set(2, 5, messageIdentifier.associationCode)
            builder.set(3, 1, action)
            builder.set(4, 1, syntaxError)
            builder.set(otherValues)
            return [builder.segment] + segmentErrors.flatMap(\.segments)
        }
    }

    /// A `UCS` segment error (position 0096 in the message, error 0085) and its `UCD` element errors.
    public struct SegmentError: Sendable, Hashable {
        /// 0096, the erroneous segment's position in the message (UNH is 1).
        public var segmentPosition: String
        /// 0085.
        public var syntaxError: String?
        /// `UCD`s: error 0085 with element position S011 0098 and component 0104.
        public var elementErrors: [ElementError] = []

        /// Creates a segment error.
        public init(segmentPosition: String, syntaxError: String?, elementErrors: [ElementError] = []) {
            self.segmentPosition = segmentPosition
            self.syntaxError = syntaxError
            self.elementErrors = elementErrors
        }

        var segments: [OutgoingSegment] {
            var builder = SegmentBuilder("UCS")
            builder.set(1, 1, segmentPosition)
            builder.set(2, 1, syntaxError)
            return [builder.segment] + elementErrors.map { error in
                var ucd = SegmentBuilder("UCD")
                ucd.set(1, 1, error.syntaxError)
                ucd.set(2, 1, error.elementPosition)
                ucd.set(2, 2, error.componentPosition)
                return ucd.segment
            }
        }
    }

    /// A `UCD` data element error.
    public struct ElementError: Sendable, Hashable {
        /// 0085.
        public var syntaxError: String
        /// S011 0098.
        public var elementPosition: String
        /// S011 0104.
        public var componentPosition: String?

        /// Creates an element error.
        public init(syntaxError: String, elementPosition: String, componentPosition: String? = nil) {
            self.syntaxError = syntaxError
            self.elementPosition = elementPosition
            self.componentPosition = componentPosition
        }
    }

    /// Creates a CONTRL.
    public init(messageReference: String = "1", messageIdentifier: EDIFACTMessageIdentifier = .init(type: "CONTRL", release: "3"),
                interchangeResponse: Response) {
        self.messageReference = messageReference
        self.messageIdentifier = messageIdentifier
        self.interchangeResponse = interchangeResponse
    }

    /// Reads the segments of one CONTRL message.
    public init(segments: [OwnedSegment]) throws(EDIFACTModelError) {
        guard let first = segments.first, first.tag == "UNH" else {
            throw EDIFACTModelError("a CONTRL message starts with UNH", at: segments.first?.position ?? EDIPosition())
        }
        let (reference, identifier) = first.withFields { header in
            (header.take(1) ?? "",
             EDIFACTMessageIdentifier(type: header.take(2, 1) ?? "", version: header.take(2, 2) ?? "",
                                      release: header.take(2, 3) ?? "", agency: header.take(2, 4) ?? "",
                                      associationCode: header.take(2, 5)))
        }
        guard identifier.type == "CONTRL" else {
            throw EDIFACTModelError("UNH does not name a CONTRL message", at: first.position.at(element: 2, component: 1))
        }
        guard let uci = segments.first(where: { $0.tag == "UCI" }) else {
            throw EDIFACTModelError("the CONTRL message has no UCI", at: first.position)
        }
        self.init(messageReference: reference,
                  messageIdentifier: EDIFACTMessageIdentifier(type: "CONTRL", version: identifier.version,
                                                              release: identifier.release, agency: identifier.agency,
                                                              associationCode: identifier.associationCode),
                  interchangeResponse: uci.withFields { Response(&$0) })
        var inGroup = false
        for segment in segments.dropFirst() where segment.tag != "UNT" && segment.tag != "UCI" {
            segment.withFields { self.read(&$0, inGroup: &inGroup) }
        }
    }

    private mutating func read(_ fields: inout SegmentFields, inGroup: inout Bool) {
        switch fields.tag {
        case "UCF":
            groupResponses.append(GroupResponse(response: Response(&fields)))
            inGroup = true
        case "UCM":
            let response = MessageResponse(&fields)
            if inGroup {
                groupResponses[groupResponses.count - 1].messageResponses.append(response)
            } else {
                messageResponses.append(response)
            }
        case "UCS" where lastMessage(inGroup: inGroup) != nil:
            appendToLastMessage(inGroup: inGroup) {
                $0.segmentErrors.append(SegmentError(segmentPosition: fields.take(1) ?? "", syntaxError: fields.take(2)))
            }
        case "UCD" where lastMessage(inGroup: inGroup)?.segmentErrors.isEmpty == false:
            let error = ElementError(syntaxError: fields.take(1) ?? "", elementPosition: fields.take(2, 1) ?? "",
                                     componentPosition: fields.take(2, 2))
            appendToLastMessage(inGroup: inGroup) { $0.segmentErrors[$0.segmentErrors.count - 1].elementErrors.append(error) }
        default:
            unmappedSegments.append(EDIFACTUnmappedSegment(segment: fields.outgoing, follows: nil, source: fields.source))
        }
    }

    private func lastMessage(inGroup: Bool) -> MessageResponse? {
        inGroup ? groupResponses.last?.messageResponses.last : messageResponses.last
    }

    private mutating func appendToLastMessage(inGroup: Bool, _ change: (inout MessageResponse) -> Void) {
        if inGroup {
            let g = groupResponses.count - 1
            change(&groupResponses[g].messageResponses[groupResponses[g].messageResponses.count - 1])
        } else {
            change(&messageResponses[messageResponses.count - 1])
        }
    }

    /// Every message response, under the interchange or a group.
    public var allMessageResponses: [MessageResponse] {
        messageResponses + groupResponses.flatMap(\.messageResponses)
    }

    /// `UNH` … `UNT`.
    public func segments(messageReference: String) -> [OutgoingSegment] {
        var unh = SegmentBuilder("UNH")
        unh.set(1, 1, messageReference)
        unh.set(2, 1, messageIdentifier.type)
        unh.set(2, 2, messageIdentifier.version)
        unh.set(2, 3, messageIdentifier.release)
        unh.set(2, 4, messageIdentifier.agency)
        unh.set(2, 5, messageIdentifier.associationCode)
        var body = [interchangeResponse.segment("UCI")]
        body += messageResponses.flatMap(\.segments)
        for group in groupResponses { body += [group.response.segment("UCF")] + group.messageResponses.flatMap(\.segments) }
        body += unmappedSegments.map(\.segment)
        return [unh.segment] + body + [OutgoingSegment("UNT", [String(body.count + 2), messageReference])]
    }
}
