import EDICore
public import EDISchema
import X12
import EDIFACT
import Foundation

/// What the acknowledgements of a file need from each of its transactions, taken as the validator
/// hands them over (``FileValidator/treeKeepsTransactions`` off, so that the interchange tree keeps
/// no transaction): an X12 transaction's AK2…AK5 (IK…) and an EDIFACT message's UCM (UCS, UCD) are
/// written at once to a responses file and only counted in their group.
/// ``AcknowledgementGenerator/acknowledgements(for:responses:date:allocator:)`` then builds the same
/// acknowledgements as from a full tree, with the responses left in the file
/// (``GeneratedAcknowledgement/write(to:)`` copies them in place): memory grows with a file's groups,
/// not with its transactions.
public final class AcknowledgementResponses {
    /// The acknowledgement the responses are for; nil when none is sent (transactions are counted only).
    public let type: AcknowledgementType?
    /// Whether erroneous X12 transactions are accepted with errors (E) instead of rejected (R).
    public let acceptsWithErrors: Bool
    /// The responses file (created with the first X12 response).
    public let path: String
    private var groups: [Int: Group] = [:]
    private let file: AppendingFile
    private var writer: SegmentWriter?
    private var edifactWriter: SegmentWriter?
    /// The first response that could not be written, raised when the acknowledgements are built.
    private var failure: (any Error)?

    /// What one group's transactions left.
    struct Group {
        var count = 0
        var types: Set<String> = []
        /// X12: the responses' statuses and kind.
        var tally = GroupTally()
        var kind: X12AcknowledgementBuilder.Kind?
        /// The responses' segments, bytes in the file and delimiters.
        var segmentCount = 0
        var bytes: Range<Int>?
        var delimiters: Delimiters?
    }

    /// Responses for `type`, written to `path` (a file of the caller's staging folder).
    public init(type: AcknowledgementType?, acceptsWithErrors: Bool = false, path: String) {
        self.type = type
        self.acceptsWithErrors = acceptsWithErrors
        self.path = path
        file = AppendingFile(path: path)
    }

    /// Takes one validated transaction (its ``ValidatedTransaction/group`` must be set: results kept).
    public func take(_ transaction: ValidatedTransaction) {
        guard let index = transaction.group else { return }
        // In place: a copy of the group would copy its messages for every message.
        add(transaction, to: &groups[index, default: Group()])
    }

    private func add(_ transaction: ValidatedTransaction, to group: inout Group) {
        group.count += 1
        group.types.insert(transaction.result.type)
        switch transaction.envelope.syntax {
        case .edifact:
            if type == .contrl || type == .auto, failure == nil {
                do {
                    try respondToMessage(transaction, in: &group)
                } catch {
                    failure = error
                }
            }
        case .x12:
            if let type, type != .ta1, type != .contrl, failure == nil {
                do {
                    try respond(to: transaction, in: &group)
                } catch {
                    failure = error
                }
            }
        }
    }

    /// Writes an X12 transaction's AK2…AK5 (IK…) with the delimiters its acknowledgement interchange is
    /// written with (``X12EnvelopeSettings/writtenDelimiters`` of its ISA12).
    private func respond(to transaction: ValidatedTransaction, in group: inout Group) throws {
        let kind: X12AcknowledgementBuilder.Kind
        switch type ?? .auto {
        case .functional997: kind = .functional997
        case .implementation999: kind = .implementation999
        default: kind = .forGroupVersion(transaction.envelope.groupVersion)
        }
        let version = transaction.envelope.syntaxVersion
        let delimiters = X12EnvelopeSettings(sender: transaction.envelope.receiver, receiver: transaction.envelope.sender,
                                             interchangeVersion: version.isEmpty ? "00401" : version).writtenDelimiters
        if writer?.delimiters != delimiters {
            writer = SegmentWriter(syntax: .x12, delimiters: delimiters, lineStyle: .lf, trimsTrailingEmptyElements: true)
        }
        let (segments, status) = X12AcknowledgementBuilder(acceptsWithErrors: acceptsWithErrors).response(to: transaction.result, kind: kind)
        do {
            for segment in segments { try writer!.write(segment) }
        } catch {
            throw X12WriteError(message: "\(error)")
        }
        try record(writer!.takeOutput(), segments: segments.count, delimiters: delimiters, in: &group)
        group.tally.count(status)
        group.kind = group.kind ?? kind
    }

    /// Writes an EDIFACT message's UCM (UCS, UCD) with the delimiters its CONTRL interchange is written
    /// with (``EDIFACTEnvelopeSettings/writtenDelimiters`` of its UNB syntax identifier).
    private func respondToMessage(_ transaction: ValidatedTransaction, in group: inout Group) throws {
        let delimiters = AcknowledgementGenerator.contrlSettings(sender: transaction.envelope.receiver, recipient: transaction.envelope.sender,
                                                                 version: transaction.envelope.syntaxVersion, isTest: false).writtenDelimiters
        if edifactWriter?.delimiters != delimiters {
            edifactWriter = SegmentWriter(syntax: .edifact, delimiters: delimiters, lineStyle: .lf, trimsTrailingEmptyElements: true)
        }
        let segments = ControlMessageBuilder().response(to: transaction.result)
        do {
            for segment in segments { try edifactWriter!.write(segment) }
        } catch {
            throw EDIFACTWriteError(message: "\(error)")
        }
        try record(edifactWriter!.takeOutput(), segments: segments.count, delimiters: delimiters, in: &group)
    }

    /// Appends a group's responses to the file.
    private func record(_ bytes: [UInt8], segments: Int, delimiters: Delimiters, in group: inout Group) throws {
        let start = file.count
        try file.append(bytes)
        group.delimiters = group.delimiters ?? delimiters
        group.segmentCount += segments
        group.bytes = (group.bytes?.lowerBound ?? start)..<file.count
    }

    /// How many transactions the group at `index` (among all the file's groups) had.
    public func transactionCount(ofGroup index: Int) -> Int {
        groups[index]?.count ?? 0
    }

    /// Whether the group at `index` had a transaction of `type` (`CONTRL`).
    public func hasTransaction(ofType type: String, inGroup index: Int) -> Bool {
        groups[index]?.types.contains(type) ?? false
    }

    /// The message responses of an interchange's EDIFACT groups (`indices` among all the file's groups)
    /// for its CONTRL, each group's placed after as many of the message's segments as `places` says,
    /// and where each group's bytes are in the file.
    func contrlResponses(ofGroups indices: Range<Int>, places: [Int],
                         delimiters: Delimiters) throws -> (written: [EDIFACTWrittenSegments], bytes: [Range<Int>]) {
        if let failure { throw failure }
        try file.flush()
        var written: [EDIFACTWrittenSegments] = []
        var bytes: [Range<Int>] = []
        for (index, place) in zip(indices, places) {
            let taken = groups[index] ?? Group()
            if let used = taken.delimiters, used != delimiters {
                throw EDIFACTWriteError(message: "the message responses of group \(index + 1) were written with other delimiters")
            }
            written.append(EDIFACTWrittenSegments(count: taken.segmentCount, after: place))
            bytes.append(taken.bytes ?? file.count..<file.count)
        }
        return (written, bytes)
    }

    /// An X12 group's acknowledgement, its responses left in the file (empty bytes, counted
    /// segments), and where they are.
    func x12Acknowledgement(of group: GroupValidation, at index: Int, kind: X12AcknowledgementBuilder.Kind,
                            settings: X12EnvelopeSettings) throws -> (group: X12OutboundGroup, bytes: Range<Int>) {
        if let failure { throw failure }
        try file.flush()
        let taken = groups[index] ?? Group()
        guard taken.count == 0 || taken.kind == kind else {
            throw X12WriteError(message: "the responses of group \(group.controlNumber ?? "") were written for a \(taken.kind?.rawValue ?? "") acknowledgement, not \(kind.rawValue)")
        }
        let builder = X12AcknowledgementBuilder(acceptsWithErrors: acceptsWithErrors)
        let responses = X12WrittenSegments(bytes: [], count: taken.segmentCount, after: 0,
                                           delimiters: taken.delimiters ?? settings.writtenDelimiters, lineStyle: settings.lineStyle)
        let bytes = taken.bytes ?? file.count..<file.count
        return (builder.acknowledgement(of: group, kind: kind, tally: taken.tally, responses: responses), bytes)
    }
}

/// A file written through a buffer, always appended to, that remembers how many bytes it holds.
final class AppendingFile {
    let path: String
    /// Bytes appended (written or still buffered).
    private(set) var count = 0
    private var buffer: [UInt8] = []
    private var descriptor: Int32 = -1
    private static let bufferSize = 64 << 10

    init(path: String) {
        self.path = path
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    func append(_ bytes: [UInt8]) throws {
        buffer.append(contentsOf: bytes)
        count += bytes.count
        if buffer.count >= Self.bufferSize { try flush() }
    }

    /// Writes what is buffered.
    func flush() throws {
        guard !buffer.isEmpty else { return }
        if descriptor < 0 {
            descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_APPEND | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
        }
        try writeBytes(buffer[...], to: descriptor)
        buffer.removeAll(keepingCapacity: true)
    }
}
