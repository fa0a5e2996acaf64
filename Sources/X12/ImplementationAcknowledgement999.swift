public import EDICore

/// An X12 999 implementation acknowledgment (005010X231): AK1, an AK2 loop per transaction set
/// with IK3 segment errors (and CTX context), IK4 element errors (and CTX), IK5 status, and AK9.
public struct ImplementationAcknowledgement999: Sendable, Hashable {
    /// ST03 implementation convention reference (`005010X231A1`), as sent.
    public var implementationConventionReference: String?
    /// AK1 functional group response header.
    public var groupResponse: X12GroupResponseHeader
    /// AK2 loops: one per transaction set acknowledged.
    public var transactionResponses: [TransactionResponse]
    /// AK9 functional group response trailer.
    public var groupTrailer: X12GroupResponseTrailer?
    /// Segments the model does not name.
    public var unmappedSegments: [X12UnmappedSegment]

    /// An AK2 loop: the transaction set, its IK3 segment errors and its IK5 status.
    public struct TransactionResponse: Sendable, Hashable {
        /// The AK2 segment.
        public var header: X12TransactionSetResponseHeader
        /// IK3 segment errors.
        public var segmentErrors: [SegmentError]
        /// IK5 implementation transaction set response trailer.
        public var trailer: X12TransactionSetResponseTrailer?

        public init(header: X12TransactionSetResponseHeader, segmentErrors: [SegmentError] = [],
                    trailer: X12TransactionSetResponseTrailer?) {
            self.header = header
            self.segmentErrors = segmentErrors
            self.trailer = trailer
        }
    }

    /// An IK3 implementation data segment note with its CTX contexts and IK4 element errors.
    public struct SegmentError: Sendable, Hashable {
        /// The IK3 segment.
        public var note: X12SegmentNote
        /// CTX segment contexts (business unit identifier, segment context).
        public var contexts: [X12Segment]
        /// IK4 element errors.
        public var elementErrors: [ElementError]

        public init(note: X12SegmentNote, contexts: [X12Segment] = [], elementErrors: [ElementError] = []) {
            self.note = note
            self.contexts = contexts
            self.elementErrors = elementErrors
        }
    }

    /// An IK4 implementation data element note with its CTX element contexts.
    public struct ElementError: Sendable, Hashable {
        /// The IK4 segment.
        public var note: X12ElementNote
        /// CTX element contexts.
        public var contexts: [X12Segment]

        public init(note: X12ElementNote, contexts: [X12Segment] = []) {
            self.note = note
            self.contexts = contexts
        }
    }

    static let table = X12Table.implementationAcknowledgement999

    /// An acknowledgement from its parts.
    public init(groupResponse: X12GroupResponseHeader, transactionResponses: [TransactionResponse] = [],
                groupTrailer: X12GroupResponseTrailer?) {
        implementationConventionReference = nil
        self.groupResponse = groupResponse
        self.transactionResponses = transactionResponses
        self.groupTrailer = groupTrailer
        unmappedSegments = []
    }

    /// Reads a 999 from its segments, ST to SE.
    public init(segments: [OwnedSegment]) throws(X12ModelError) {
        let frame = try X12TransactionFrame.read(segments, transactionSet: "999", table: Self.table)
        var header: X12GroupResponseHeader?
        self.init(groupResponse: X12GroupResponseHeader(), groupTrailer: nil)
        implementationConventionReference = frame.implementationConventionReference
        var lastRank = 0
        for node in frame.nodes {
            let rank = node.isKnown ? node.rank : lastRank
            lastRank = rank
            switch node.tag {
            case "AK1" where node.isKnown && header == nil: header = X12GroupResponseHeader(node: node)
            case "AK2" where node.isKnown:
                var response = TransactionResponse(header: X12TransactionSetResponseHeader(node: node), trailer: nil)
                for child in node.children {
                    switch child.tag {
                    case "IK3" where child.isKnown:
                        var error = SegmentError(note: X12SegmentNote(node: child))
                        for grandchild in child.children {
                            switch grandchild.tag {
                            case "CTX": error.contexts.append(X12Segment(grandchild.segment))
                            case "IK4":
                                error.elementErrors.append(ElementError(
                                    note: X12ElementNote(node: grandchild),
                                    contexts: grandchild.children.map { X12Segment($0.segment) }))
                            default: unmappedSegments += X12UnmappedSegment.keeping(grandchild, at: rank)
                            }
                        }
                        response.segmentErrors.append(error)
                    case "IK5" where child.isKnown: response.trailer = X12TransactionSetResponseTrailer(node: child)
                    default: unmappedSegments += X12UnmappedSegment.keeping(child, at: rank)
                    }
                }
                transactionResponses.append(response)
            case "AK9" where node.isKnown && groupTrailer == nil: groupTrailer = X12GroupResponseTrailer(node: node)
            default: unmappedSegments += X12UnmappedSegment.keeping(node, at: rank)
            }
        }
        guard let header else { throw missing("AK1", in: "999", after: frame.nodes.first) }
        groupResponse = header
    }

    /// The transaction, ST to SE, with SE01 counting every segment.
    public func segments(controlNumber: String) -> [OutgoingSegment] {
        var writer = X12ScopeWriter(Self.table)
        writer.add(groupResponse.segment)
        for response in transactionResponses {
            var loop = [response.header.segment]
            for error in response.segmentErrors {
                loop += [error.note.segment] + error.contexts
                for element in error.elementErrors { loop += [element.note.segment] + element.contexts }
            }
            if let trailer = response.trailer { loop.append(trailer.segment) }
            writer.add(loop: loop.map(\.outgoing))
        }
        writer.add(groupTrailer?.segment)
        writer.add(unmappedSegments)
        return X12TransactionFrame.wrap(writer.segments, transactionSet: "999", controlNumber: controlNumber,
                                        implementationConventionReference: implementationConventionReference)
    }
}
