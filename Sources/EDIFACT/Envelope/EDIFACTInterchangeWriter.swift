public import EDICore
public import Foundation

/// The envelope settings of an outbound EDIFACT interchange, from a partner profile.
public struct EDIFACTEnvelopeSettings: Sendable, Hashable {
    /// UNB S002: our id and its qualifier (14 for GLN).
    public var sender: EnvelopeParty
    /// UNB S003: the partner.
    public var recipient: EnvelopeParty
    /// UNB S001 syntax identifier (`UNOC`).
    public var syntaxIdentifier: String
    /// UNB S001 syntax version (`3` or `4`).
    public var syntaxVersion: String
    /// UNB 0035: test indicator.
    public var isTest: Bool
    /// UNB 0031: ask for a CONTRL.
    public var requestsAcknowledgement: Bool
    /// Delimiters; UNA is written when they differ from the defaults.
    public var delimiters: Delimiters
    /// Line style after each terminator.
    public var lineStyle: LineStyle

    /// Creates settings with the default delimiters.
    public init(sender: EnvelopeParty, recipient: EnvelopeParty, syntaxIdentifier: String = "UNOC", syntaxVersion: String = "3",
                isTest: Bool = false, requestsAcknowledgement: Bool = false, delimiters: Delimiters = .edifactDefault,
                lineStyle: LineStyle = .lf) {
        self.sender = sender
        self.recipient = recipient
        self.syntaxIdentifier = syntaxIdentifier
        self.syntaxVersion = syntaxVersion
        self.isTest = isTest
        self.requestsAcknowledgement = requestsAcknowledgement
        self.delimiters = delimiters
        self.lineStyle = lineStyle
    }

    /// The delimiters the interchange is written with: ``delimiters``, with `*` for repetition under
    /// syntax version 4 when none is set.
    public var writtenDelimiters: Delimiters {
        var written = delimiters
        if syntaxVersion == "4", written.repetition == nil { written.repetition = UInt8(ascii: "*") }
        return written
    }
}

/// Segments of a message written before its interchange (a CONTRL's message responses, written as
/// each message was validated): counted in UNT here, their bytes put in place by the caller at
/// ``EDIFACTInterchangeWriter/Written/writtenOffsets``, written with the interchange's
/// ``EDIFACTEnvelopeSettings/writtenDelimiters`` and line style.
public struct EDIFACTWrittenSegments: Sendable, Hashable {
    /// How many segments were written.
    public var count: Int
    /// How many of the message's segments (UNH first) come before them.
    public var after: Int

    /// Written segments.
    public init(count: Int, after: Int) {
        self.count = count
        self.after = after
    }
}

/// A failure to write an interchange.
public struct EDIFACTWriteError: Error, Sendable, CustomStringConvertible {
    /// What went wrong.
    public var message: String
    public var description: String { message }

    /// An error saying what went wrong.
    public init(message: String) {
        self.message = message
    }
}

/// Writes EDIFACT interchanges: UNA when the delimiters are not the defaults, UNB/UNZ, and
/// UNH/UNT message references and segment counts that are always right; values are escaped
/// with the release character by the segment writer.
public struct EDIFACTInterchangeWriter {
    /// The envelope settings.
    public var settings: EDIFACTEnvelopeSettings

    /// Creates a writer.
    public init(settings: EDIFACTEnvelopeSettings) {
        self.settings = settings
    }

    /// What was written, for the ledger.
    public struct Written: Sendable {
        /// The bytes.
        public var bytes: [UInt8]
        /// UNB 0020 as written.
        public var interchangeReference: String
        /// UNH 0062 of each message.
        public var messageReferences: [String]
        /// Where in `bytes` each of the written segments (``EDIFACTWrittenSegments``) go, in order.
        public var writtenOffsets: [Int] = []
    }

    /// Writes one interchange of messages (each UNH…UNT; 0062 and the UNT count are set here);
    /// `written` lists, by message index, segments written before (in the order of their places),
    /// which are counted but left for the caller to put in place.
    public func write<Allocator: ControlNumberAllocator>(_ messages: [[OutgoingSegment]], written: [Int: [EDIFACTWrittenSegments]] = [:],
                                                          date: Date = Date(), allocator: inout Allocator) throws -> Written {
        let partner = settings.recipient.description
        let reference = String(try allocator.next(.interchange, partner: partner))
        let delimiters = settings.writtenDelimiters
        var writer = SegmentWriter(syntax: .edifact, delimiters: delimiters, lineStyle: settings.lineStyle, trimsTrailingEmptyElements: true)
        if writer.needsServiceStringAdvice { writer.writeServiceStringAdvice() }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value % 100) }
        let day = (settings.syntaxVersion == "4" ? String(parts.year!) : two(parts.year! % 100)) + two(parts.month!) + two(parts.day!)
        var references: [String] = []
        var bytes: [UInt8] = []
        var writtenOffsets: [Int] = []
        do {
            var unb: [[[String]]] = [
                [[settings.syntaxIdentifier, settings.syntaxVersion]],
                [[settings.sender.id] + (settings.sender.qualifier.map { [$0] } ?? [])],
                [[settings.recipient.id] + (settings.recipient.qualifier.map { [$0] } ?? [])],
                [[day, two(parts.hour!) + two(parts.minute!)]],
                [[reference]],
            ]
            if settings.requestsAcknowledgement || settings.isTest {
                unb += [[[""]], [[""]], [[""]], [[settings.requestsAcknowledgement ? "1" : ""]]]
                if settings.isTest { unb += [[[""]], [["1"]]] }
            }
            try writer.write(OutgoingSegment("UNB", elements: unb))
            for (index, message) in messages.enumerated() {
                let number = String(try allocator.next(.transaction, partner: partner))
                references.append(number)
                let placed = written[index] ?? []
                let segments = Self.numbered(message, reference: number, written: placed.reduce(0) { $0 + $1.count })
                var next = 0
                for (position, segment) in segments.enumerated() {
                    while next < placed.count, position == min(placed[next].after, segments.count - 1) {
                        bytes.append(contentsOf: writer.takeOutput())
                        writtenOffsets.append(bytes.count)
                        next += 1
                    }
                    try writer.write(segment)
                }
            }
            try writer.write(OutgoingSegment("UNZ", [String(messages.count), reference]))
        } catch let error as WriterError {
            throw EDIFACTWriteError(message: "\(error)")
        }
        bytes.append(contentsOf: writer.takeOutput())
        return Written(bytes: bytes, interchangeReference: reference, messageReferences: references, writtenOffsets: writtenOffsets)
    }

    /// A message with UNH 0062 and UNT 0062 set to `reference` and UNT 0074 to its segment count
    /// (with `written` segments written elsewhere).
    static func numbered(_ message: [OutgoingSegment], reference: String, written: Int = 0) -> [OutgoingSegment] {
        var body = message.filter { $0.tag != "UNH" && $0.tag != "UNT" }
        var unh = message.first { $0.tag == "UNH" } ?? OutgoingSegment("UNH", [])
        while unh.elements.count < 2 { unh.elements.append([[""]]) }
        unh.elements[0] = [[reference]]
        body.insert(unh, at: 0)
        body.append(OutgoingSegment("UNT", [String(body.count + 1 + written), reference]))
        return body
    }
}
