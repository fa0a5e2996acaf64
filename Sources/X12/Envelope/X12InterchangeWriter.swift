public import EDICore
public import Foundation

/// The envelope settings of an outbound X12 interchange, from a partner profile.
public struct X12EnvelopeSettings: Sendable, Hashable {
    /// `ISA05` our qualifier and `ISA06` our id (padded to 15 on output).
    public var sender: EnvelopeParty
    /// `ISA07`/`ISA08` the partner.
    public var receiver: EnvelopeParty
    /// `GS02` (defaults to the ISA06 id).
    public var applicationSender: String?
    /// `GS03` (defaults to the ISA08 id).
    public var applicationReceiver: String?
    /// `ISA12`: `00401` or `00501`.
    public var interchangeVersion: String
    /// `ISA15`: test data when true.
    public var isTest: Bool
    /// `ISA14`: ask for a TA1.
    public var requestsInterchangeAcknowledgement: Bool
    /// Delimiters; the repetition separator is written in ISA11 from 00402 on.
    public var delimiters: Delimiters
    /// Line style after each terminator.
    public var lineStyle: LineStyle
    /// The delimiters as written: no repetition separator before version 00402.
    public var writtenDelimiters: Delimiters {
        var written = delimiters
        if interchangeVersion < "00402" { written.repetition = nil }
        return written
    }

    /// Creates settings with the common delimiters.
    public init(sender: EnvelopeParty, receiver: EnvelopeParty, applicationSender: String? = nil,
                applicationReceiver: String? = nil, interchangeVersion: String = "00401", isTest: Bool = false,
                requestsInterchangeAcknowledgement: Bool = false, delimiters: Delimiters = .x12Common, lineStyle: LineStyle = .lf) {
        self.sender = sender
        self.receiver = receiver
        self.applicationSender = applicationSender
        self.applicationReceiver = applicationReceiver
        self.interchangeVersion = interchangeVersion
        self.isTest = isTest
        self.requestsInterchangeAcknowledgement = requestsInterchangeAcknowledgement
        self.delimiters = delimiters
        self.lineStyle = lineStyle
    }
}

/// One functional group to write: its `GS01`, `GS08` and transactions (each ST…SE).
public struct X12OutboundGroup: Sendable {
    /// `GS01` (`PO`, `IN`, `FA`).
    public var functionalId: String
    /// `GS08` (`004010`, `005010X231A1`).
    public var version: String
    /// Transactions, each from ST to SE; ST02, SE01 and SE02 are set by the writer.
    public var transactions: [[OutgoingSegment]]
    /// Segments already written to bytes, by index in `transactions`, placed among that transaction's segments.
    public var writtenSegments: [Int: X12WrittenSegments] = [:]

    /// Creates a group.
    public init(functionalId: String, version: String, transactions: [[OutgoingSegment]]) {
        self.functionalId = functionalId
        self.version = version
        self.transactions = transactions
    }
}

/// A failure to write an interchange: a value that cannot be carried, or a control number problem.
public struct X12WriteError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, naming segment and element.
    public var message: String
    public var description: String { message }

    /// An error saying what went wrong.
    public init(message: String) {
        self.message = message
    }
}

/// Writes X12 interchanges: ISA fields padded to their fixed widths, and GS/ST/SE/GE/IEA counts
/// and control numbers that are always right, from an allocator that never reuses a number.
public struct X12InterchangeWriter {
    /// The envelope settings.
    public var settings: X12EnvelopeSettings

    /// Creates a writer.
    public init(settings: X12EnvelopeSettings) {
        self.settings = settings
    }

    /// The control numbers used, for the ledger.
    public struct Written: Sendable {
        /// The bytes of the interchange.
        public var bytes: [UInt8]
        /// `ISA13` as written (9 digits).
        public var interchangeControlNumber: String
        /// `GS06` of each group.
        public var groupControlNumbers: [String]
        /// `ST02` of each transaction, by group.
        public var transactionControlNumbers: [[String]]
        /// Where in `bytes` each transaction's written segments (``X12OutboundGroup/writtenSegments``)
        /// were put, in the order written.
        public var writtenOffsets: [Int] = []
    }

    /// Writes one interchange holding the groups (and TA1 segments before them), numbering it from `allocator`.
    public func write<Allocator: ControlNumberAllocator>(_ groups: [X12OutboundGroup], interchangeAcknowledgements: [OutgoingSegment] = [],
                                                          date: Date = Date(), allocator: inout Allocator) throws -> Written {
        let partner = settings.receiver.description
        let interchangeNumber = try allocator.next(.interchange, partner: partner)
        guard interchangeNumber <= 999_999_999 else { throw X12WriteError(message: "ISA13 control numbers are exhausted for \(partner)") }
        let isa13 = Self.zeroPadded(interchangeNumber, width: 9)
        let stamp = Self.stamp(date)
        let delimiters = settings.writtenDelimiters
        var writer = SegmentWriter(syntax: .x12, delimiters: delimiters, lineStyle: settings.lineStyle, trimsTrailingEmptyElements: true)
        let isa = OutgoingSegment("ISA", [
            "00", Self.padded("", 10), "00", Self.padded("", 10),
            settings.sender.qualifier ?? "ZZ", Self.padded(settings.sender.id, 15),
            settings.receiver.qualifier ?? "ZZ", Self.padded(settings.receiver.id, 15),
            String(stamp.date.dropFirst(2)), stamp.time,
            delimiters.repetition.map { String(UnicodeScalar($0)) } ?? "U", settings.interchangeVersion, isa13,
            settings.requestsInterchangeAcknowledgement ? "1" : "0", settings.isTest ? "T" : "P",
            String(UnicodeScalar(delimiters.component)),
        ])
        var untrimmed = writer
        untrimmed.trimsTrailingEmptyElements = false
        do {
            try untrimmed.write(isa)
        } catch {
            throw X12WriteError(message: "\(error)")
        }
        writer = untrimmed
        writer.trimsTrailingEmptyElements = true
        var bytes: [UInt8] = []
        var groupNumbers: [String] = []
        var transactionNumbers: [[String]] = []
        var writtenOffsets: [Int] = []
        do {
            for ta1 in interchangeAcknowledgements { try writer.write(ta1) }
            for group in groups {
                let gs06 = String(try allocator.next(.group, partner: partner))
                groupNumbers.append(gs06)
                try writer.write(OutgoingSegment("GS", [
                    group.functionalId, settings.applicationSender ?? settings.sender.id,
                    settings.applicationReceiver ?? settings.receiver.id, stamp.date, stamp.time, gs06, "X", group.version,
                ]))
                var numbers: [String] = []
                for (index, transaction) in group.transactions.enumerated() {
                    let st02 = Self.zeroPadded(try allocator.next(.transaction, partner: partner), width: 4)
                    numbers.append(st02)
                    let written = group.writtenSegments[index]
                    if let written, written.delimiters != delimiters || written.lineStyle != settings.lineStyle {
                        throw X12WriteError(message: "transaction \(index + 1) of group \(gs06) was written with other delimiters")
                    }
                    let segments = Self.numbered(transaction, controlNumber: st02, written: written?.count ?? 0)
                    for (position, segment) in segments.enumerated() {
                        if let written, position == min(written.after, segments.count - 1) {
                            bytes.append(contentsOf: writer.takeOutput())
                            writtenOffsets.append(bytes.count)
                            bytes.append(contentsOf: written.bytes)
                        }
                        try writer.write(segment)
                    }
                }
                transactionNumbers.append(numbers)
                try writer.write(OutgoingSegment("GE", [String(group.transactions.count), gs06]))
            }
            try writer.write(OutgoingSegment("IEA", [String(groups.count), isa13]))
        } catch let error as WriterError {
            throw X12WriteError(message: "\(error)")
        }
        bytes.append(contentsOf: writer.takeOutput())
        return Written(bytes: bytes, interchangeControlNumber: isa13, groupControlNumbers: groupNumbers,
                       transactionControlNumbers: transactionNumbers, writtenOffsets: writtenOffsets)
    }

    /// A transaction with ST02/SE02 set to `controlNumber` and SE01 to its segment count, with
    /// `written` segments more that are already bytes.
    static func numbered(_ transaction: [OutgoingSegment], controlNumber: String, written: Int = 0) -> [OutgoingSegment] {
        var body = transaction.filter { $0.tag != "ST" && $0.tag != "SE" }
        let header = transaction.first { $0.tag == "ST" }
        var st = header ?? OutgoingSegment("ST", [])
        while st.elements.count < 2 { st.elements.append([[""]]) }
        st.elements[1] = [[controlNumber]]
        body.insert(st, at: 0)
        body.append(OutgoingSegment("SE", [String(body.count + written + 1), controlNumber]))
        return body
    }

    static func padded(_ text: String, _ width: Int) -> String {
        text.count >= width ? String(text.prefix(width)) : text + String(repeating: " ", count: width - text.count)
    }

    static func zeroPadded(_ number: Int, width: Int) -> String {
        let digits = String(number)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    /// CCYYMMDD and HHMM in UTC.
    static func stamp(_ date: Date) -> (date: String, time: String) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return (zeroPadded(parts.year!, width: 4) + zeroPadded(parts.month!, width: 2) + zeroPadded(parts.day!, width: 2),
                zeroPadded(parts.hour!, width: 2) + zeroPadded(parts.minute!, width: 2))
    }
}
