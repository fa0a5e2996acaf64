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
}

/// A failure to write an interchange.
public struct EDIFACTWriteError: Error, Sendable, CustomStringConvertible {
    /// What went wrong.
    public var message: String
    public var description: String { message }
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
    }

    /// Writes one interchange of messages (each UNH…UNT; 0062 and the UNT count are set here).
    public func write<Allocator: ControlNumberAllocator>(_ messages: [[OutgoingSegment]], date: Date = Date(),
                                                          allocator: inout Allocator) throws -> Written {
        let partner = settings.recipient.description
        let reference = String(try allocator.next(.interchange, partner: partner))
        var delimiters = settings.delimiters
        if settings.syntaxVersion == "4", delimiters.repetition == nil { delimiters.repetition = UInt8(ascii: "*") }
        var writer = SegmentWriter(syntax: .edifact, delimiters: delimiters, lineStyle: settings.lineStyle, trimsTrailingEmptyElements: true)
        if writer.needsServiceStringAdvice { writer.writeServiceStringAdvice() }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value % 100) }
        let day = (settings.syntaxVersion == "4" ? String(parts.year!) : two(parts.year! % 100)) + two(parts.month!) + two(parts.day!)
        var references: [String] = []
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
            for message in messages {
                let number = String(try allocator.next(.transaction, partner: partner))
                references.append(number)
                for segment in Self.numbered(message, reference: number) { try writer.write(segment) }
            }
            try writer.write(OutgoingSegment("UNZ", [String(messages.count), reference]))
        } catch let error as WriterError {
            throw EDIFACTWriteError(message: "\(error)")
        }
        return Written(bytes: writer.output, interchangeReference: reference, messageReferences: references)
    }

    /// A message with UNH 0062 and UNT 0062 set to `reference` and UNT 0074 to its segment count.
    static func numbered(_ message: [OutgoingSegment], reference: String) -> [OutgoingSegment] {
        var body = message.filter { $0.tag != "UNH" && $0.tag != "UNT" }
        var unh = message.first { $0.tag == "UNH" } ?? OutgoingSegment("UNH", [])
        while unh.elements.count < 2 { unh.elements.append([[""]]) }
        unh.elements[0] = [[reference]]
        body.insert(unh, at: 0)
        body.append(OutgoingSegment("UNT", [String(body.count + 1), reference]))
        return body
    }
}
