public import EDICore

/// An X12 997 functional acknowledgment: AK1 (the group acknowledged), an AK2 response per
/// transaction set with its AK3 segment errors, AK4 element errors and AK5 status, and AK9 (the
/// group's status and counts).
public struct FunctionalAcknowledgement997: Sendable, Hashable {
    /// ST03 implementation convention reference (005010), as sent.
    public var implementationConventionReference: String?
    /// AK1 functional group response header.
    public var groupResponse: X12GroupResponseHeader
    /// AK2 loops: one per transaction set acknowledged.
    public var transactionResponses: [TransactionResponse]
    /// AK9 functional group response trailer.
    public var groupTrailer: X12GroupResponseTrailer?
    /// Segments the model does not name.
    public var unmappedSegments: [X12UnmappedSegment]

    /// An AK2 loop: the transaction set (AK2), its segment errors (AK3 with AK4) and status (AK5).
    public struct TransactionResponse: Sendable, Hashable {
        /// The AK2 segment.
        public var header: X12TransactionSetResponseHeader
        /// AK3 segment errors with their AK4 element errors.
        public var segmentErrors: [SegmentError]
        /// AK5 transaction set response trailer.
        public var trailer: X12TransactionSetResponseTrailer?

        public init(header: X12TransactionSetResponseHeader, segmentErrors: [SegmentError] = [],
                    trailer: X12TransactionSetResponseTrailer?) {
            self.header = header
            self.segmentErrors = segmentErrors
            self.trailer = trailer
        }
    }

    /// An AK3 data segment note and its AK4 data element notes.
    public struct SegmentError: Sendable, Hashable {
        /// The AK3 segment.
        public var note: X12SegmentNote
        /// AK4 data element notes.
        public var elementErrors: [X12ElementNote]

        public init(note: X12SegmentNote, elementErrors: [X12ElementNote] = []) {
            self.note = note
            self.elementErrors = elementErrors
        }
    }

    static let table = X12Table.functionalAcknowledgement997

    /// An acknowledgement from its parts.
    public init(groupResponse: X12GroupResponseHeader, transactionResponses: [TransactionResponse] = [],
                groupTrailer: X12GroupResponseTrailer?) {
        implementationConventionReference = nil
        self.groupResponse = groupResponse
        self.transactionResponses = transactionResponses
        self.groupTrailer = groupTrailer
        unmappedSegments = []
    }

    /// Reads a 997 from its segments, ST to SE.
    public init(segments: [OwnedSegment]) throws(X12ModelError) {
        let frame = try X12TransactionFrame.read(segments, transactionSet: "997", table: Self.table)
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
                    case "AK3" where child.isKnown:
                        response.segmentErrors.append(SegmentError(
                            note: X12SegmentNote(node: child),
                            elementErrors: child.children.filter { $0.tag == "AK4" }.map(X12ElementNote.init(node:))))
                        unmappedSegments += child.children.filter { $0.tag != "AK4" }.flatMap { X12UnmappedSegment.keeping($0, at: rank) }
                    case "AK5" where child.isKnown: response.trailer = X12TransactionSetResponseTrailer(node: child)
                    default: unmappedSegments += X12UnmappedSegment.keeping(child, at: rank)
                    }
                }
                transactionResponses.append(response)
            case "AK9" where node.isKnown && groupTrailer == nil: groupTrailer = X12GroupResponseTrailer(node: node)
            default: unmappedSegments += X12UnmappedSegment.keeping(node, at: rank)
            }
        }
        guard let header else { throw missing("AK1", in: "997", after: frame.nodes.first) }
        groupResponse = header
    }

    /// The transaction, ST to SE, with SE01 counting every segment.
    public func segments(controlNumber: String) -> [OutgoingSegment] {
        var writer = X12ScopeWriter(Self.table)
        writer.add(groupResponse.segment)
        for response in transactionResponses {
            var loop = [response.header.segment]
            for error in response.segmentErrors { loop += [error.note.segment] + error.elementErrors.map(\.segment) }
            if let trailer = response.trailer { loop.append(trailer.segment) }
            writer.add(loop: loop.map(\.outgoing))
        }
        writer.add(groupTrailer?.segment)
        writer.add(unmappedSegments)
        return X12TransactionFrame.wrap(writer.segments, transactionSet: "997", controlNumber: controlNumber,
                                        implementationConventionReference: implementationConventionReference)
    }
}

/// AK1 functional group response header: the group acknowledged.
public struct X12GroupResponseHeader: X12SegmentValue {
    public static var tag: String { "AK1" }
    public var segment: X12Segment
    public var origin: X12Origin

    public init(segment: X12Segment, origin: X12Origin = X12Origin()) {
        self.segment = segment
        self.origin = origin
    }

    /// AK101 functional identifier code (479: `IN`, `PO`), the GS01 of the group.
    public var functionalIdentifierCode: String {
        get { segment[element: 1] ?? "" }
        set { segment[element: 1] = newValue }
    }
    /// AK102 group control number (the GS06 acknowledged).
    public var groupControlNumber: String {
        get { segment[element: 2] ?? "" }
        set { segment[element: 2] = newValue }
    }
    /// AK103 version / release / industry identifier code (005010).
    public var version: String? {
        get { segment[element: 3] }
        set { segment[element: 3] = newValue }
    }
}

/// AK2 transaction set response header: the transaction set acknowledged.
public struct X12TransactionSetResponseHeader: X12SegmentValue {
    public static var tag: String { "AK2" }
    public var segment: X12Segment
    public var origin: X12Origin

    public init(segment: X12Segment, origin: X12Origin = X12Origin()) {
        self.segment = segment
        self.origin = origin
    }

    /// AK201 transaction set identifier code (`810`).
    public var transactionSetIdentifierCode: String {
        get { segment[element: 1] ?? "" }
        set { segment[element: 1] = newValue }
    }
    /// AK202 transaction set control number (the ST02 acknowledged).
    public var controlNumber: String {
        get { segment[element: 2] ?? "" }
        set { segment[element: 2] = newValue }
    }
    /// AK203 implementation convention reference (005010).
    public var implementationConventionReference: String? {
        get { segment[element: 3] }
        set { segment[element: 3] = newValue }
    }
}

/// AK3 data segment note (997) / IK3 implementation data segment note (999): which segment is in
/// error and why (720 / 620 codes).
public struct X12SegmentNote: X12SegmentValue {
    public static var tag: String { "AK3" }
    public var segment: X12Segment
    public var origin: X12Origin

    public init(segment: X12Segment, origin: X12Origin = X12Origin()) {
        self.segment = segment
        self.origin = origin
    }

    /// 01 segment id code (the tag in error).
    public var segmentIdCode: String {
        get { segment[element: 1] ?? "" }
        set { segment[element: 1] = newValue }
    }
    /// 02 segment position in the transaction set (ST is 1).
    public var segmentPosition: String? {
        get { segment[element: 2] }
        set { segment[element: 2] = newValue }
    }
    /// 03 loop identifier code.
    public var loopIdentifierCode: String? {
        get { segment[element: 3] }
        set { segment[element: 3] = newValue }
    }
    /// 04 segment syntax error code (720 / 620: `1` unrecognized, `3` mandatory missing, `8` has errors).
    public var syntaxErrorCode: String? {
        get { segment[element: 4] }
        set { segment[element: 4] = newValue }
    }
}

/// AK4 data element note (997) / IK4 implementation data element note (999): which element is in
/// error (position, and component and repetition as a composite), its reference number, the
/// error code (723 / 621) and a copy of the bad value.
public struct X12ElementNote: X12SegmentValue {
    public static var tag: String { "AK4" }
    public var segment: X12Segment
    public var origin: X12Origin

    public init(segment: X12Segment, origin: X12Origin = X12Origin()) {
        self.segment = segment
        self.origin = origin
    }

    /// 01 position in segment: element position, component position, repeating position.
    public var positionInSegment: [String] {
        get { segment.components(ofElement: 1) }
        set { segment.setComponents(newValue, ofElement: 1) }
    }
    /// The element position (01-1).
    public var elementPosition: String? { positionInSegment.first.flatMap { $0.isEmpty ? nil : $0 } }
    /// 02 data element reference number.
    public var dataElementReferenceNumber: String? {
        get { segment[element: 2] }
        set { segment[element: 2] = newValue }
    }
    /// 03 data element syntax error code (723 / 621: `1` mandatory missing, `7` invalid code value).
    public var syntaxErrorCode: String? {
        get { segment[element: 3] }
        set { segment[element: 3] = newValue }
    }
    /// 04 copy of the bad data element.
    public var copyOfBadDataElement: String? {
        get { segment[element: 4] }
        set { segment[element: 4] = newValue }
    }
}

/// AK5 (997) / IK5 (999) transaction set response trailer: accepted, accepted with errors,
/// rejected (717: `A`, `E`, `R`, `M`, `W`, `X`) and up to five error codes (718).
public struct X12TransactionSetResponseTrailer: X12SegmentValue {
    public static var tag: String { "AK5" }
    public var segment: X12Segment
    public var origin: X12Origin

    public init(segment: X12Segment, origin: X12Origin = X12Origin()) {
        self.segment = segment
        self.origin = origin
    }

    /// 01 transaction set acknowledgment code (717).
    public var acknowledgmentCode: String {
        get { segment[element: 1] ?? "" }
        set { segment[element: 1] = newValue }
    }
    /// 02–06 syntax error codes (718).
    public var syntaxErrorCodes: [String] { (2...6).compactMap { segment[element: $0] } }
}

/// AK9 functional group response trailer: the group's status (715: `A`, `E`, `P`, `R`) and the
/// number of transaction sets included, received and accepted, and group error codes (716).
public struct X12GroupResponseTrailer: X12SegmentValue {
    public static var tag: String { "AK9" }
    public var segment: X12Segment
    public var origin: X12Origin

    public init(segment: X12Segment, origin: X12Origin = X12Origin()) {
        self.segment = segment
        self.origin = origin
    }

    /// AK901 functional group acknowledge code (715).
    public var acknowledgmentCode: String {
        get { segment[element: 1] ?? "" }
        set { segment[element: 1] = newValue }
    }
    /// AK902 number of transaction sets included.
    public var numberOfTransactionSetsIncluded: String? {
        get { segment[element: 2] }
        set { segment[element: 2] = newValue }
    }
    /// AK903 number of received transaction sets.
    public var numberOfReceivedTransactionSets: String? {
        get { segment[element: 3] }
        set { segment[element: 3] = newValue }
    }
    /// AK904 number of accepted transaction sets.
    public var numberOfAcceptedTransactionSets: String? {
        get { segment[element: 4] }
        set { segment[element: 4] = newValue }
    }
    /// AK905–AK909 functional group syntax error codes (716).
    public var syntaxErrorCodes: [String] { (5...9).compactMap { segment[element: $0] } }
}
