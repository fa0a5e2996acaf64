public import EDICore
public import EDISchema
import X12
import EDIFACT
public import Foundation

/// Which acknowledgement to produce for an inbound file.
public enum AcknowledgementType: String, Sendable, Hashable, Codable, CaseIterable {
    /// 997 for X12 004010 and earlier, 999 for 005010 and later, TA1 when asked for or the
    /// envelope is broken, CONTRL for EDIFACT when asked for or something is wrong.
    case auto
    /// X12 997 for every group.
    case functional997 = "997"
    /// X12 999 for every group.
    case implementation999 = "999"
    /// X12 TA1 only.
    case ta1
    /// EDIFACT CONTRL, always.
    case contrl
}

/// Turns the validation of an inbound file into the acknowledgements the standards expect: the
/// acknowledgement echoes the inbound version, swaps sender and receiver, references the inbound
/// control numbers, and gets its own control numbers from the allocator.
public struct AcknowledgementGenerator {
    /// Which acknowledgement to produce.
    public var type: AcknowledgementType
    /// Whether erroneous X12 transactions are accepted with errors (E) instead of rejected (R).
    public var acceptsWithErrors = false
    /// Whether an explicit `997`/`999` type also acknowledges groups of acknowledgements (GS01 `FA`);
    /// `auto` never does. The pipeline turns it off: a partner's 997/999 is matched, not answered.
    public var acknowledgesAcknowledgements = true

    /// Creates a generator.
    public init(type: AcknowledgementType = .auto) {
        self.type = type
    }

    /// The acknowledgements of every interchange of a validated file.
    public func acknowledgements<Allocator: ControlNumberAllocator>(for validation: FileValidation, date: Date = Date(),
                                                                    allocator: inout Allocator) throws -> [GeneratedAcknowledgement] {
        try acknowledgements(for: validation, responses: nil, date: date, allocator: &allocator)
    }

    /// The acknowledgements of a file validated without transactions in its tree
    /// (``FileValidator/treeKeepsTransactions`` off), from what `responses` took of each transaction:
    /// the same acknowledgements as ``acknowledgements(for:date:allocator:)`` from the full tree, the
    /// X12 responses left in `responses`' file (``GeneratedAcknowledgement/insertions``).
    public func acknowledgements<Allocator: ControlNumberAllocator>(for validation: FileValidation, responses: AcknowledgementResponses?,
                                                                    date: Date = Date(),
                                                                    allocator: inout Allocator) throws -> [GeneratedAcknowledgement] {
        var result: [GeneratedAcknowledgement] = []
        var firstGroup = 0
        for interchange in validation.interchanges {
            defer { firstGroup += interchange.groups.count }
            switch interchange.syntax {
            case .x12:
                result.append(contentsOf: try x12Acknowledgement(interchange, firstGroup: firstGroup, responses: responses, date: date,
                                                                 allocator: &allocator))
            case .edifact:
                if let ack = try contrl(interchange, firstGroup: firstGroup, responses: responses, date: date, allocator: &allocator) {
                    result.append(ack)
                }
            }
        }
        return result
    }

    private func x12Acknowledgement<Allocator: ControlNumberAllocator>(_ interchange: InterchangeValidation, firstGroup: Int,
                                                                       responses: AcknowledgementResponses?, date: Date,
                                                                       allocator: inout Allocator) throws -> [GeneratedAcknowledgement] {
        guard type != .contrl else { return [] }
        var builder = X12AcknowledgementBuilder(acceptsWithErrors: acceptsWithErrors)
        builder.acceptsWithErrors = acceptsWithErrors
        var kinds: [String] = []
        var ta1: [OutgoingSegment] = []
        if type == .ta1 || type == .auto && TA1Builder.isNeeded(for: interchange) {
            ta1.append(TA1Builder().segment(for: interchange))
            kinds.append("TA1")
        }
        let version = interchange.version.isEmpty ? "00401" : interchange.version
        let settings = X12EnvelopeSettings(sender: interchange.receiver, receiver: interchange.sender, interchangeVersion: version,
                                           isTest: interchange.isTest)
        var groups: [X12OutboundGroup] = []
        /// Where each group's responses are in the responses file.
        var responseBytes: [Range<Int>] = []
        if type != .ta1 {
            // Acknowledgements are not acknowledged (no 997 for a 997 or 999 group) unless asked for by type.
            for (index, group) in interchange.groups.enumerated() {
                let transactionCount = responses?.transactionCount(ofGroup: firstGroup + index) ?? group.transactions.count
                guard (!group.isImplicit || transactionCount > 0)
                    && (group.functionalId != "FA" || type != .auto && acknowledgesAcknowledgements) else { continue }
                let kind: X12AcknowledgementBuilder.Kind
                switch type {
                case .functional997: kind = .functional997
                case .implementation999: kind = .implementation999
                default: kind = .forGroupVersion(group.version)
                }
                if let responses {
                    let (acknowledgement, bytes) = try responses.x12Acknowledgement(of: group, at: firstGroup + index, kind: kind,
                                                                                    settings: settings)
                    groups.append(acknowledgement)
                    responseBytes.append(bytes)
                } else {
                    // Each transaction's AK2…AK5 kept as bytes: a few tens of bytes per transaction of a large group.
                    groups.append(try builder.acknowledgement(of: group, kind: kind, writingWith: settings.writtenDelimiters,
                                                              lineStyle: settings.lineStyle))
                }
                if !kinds.contains(kind.rawValue) { kinds.append(kind.rawValue) }
            }
        }
        guard !ta1.isEmpty || !groups.isEmpty else { return [] }
        let writer = X12InterchangeWriter(settings: settings)
        var result: [GeneratedAcknowledgement] = []
        // The TA1 travels in an interchange of its own (IEA01 = 0), as most partners and validators expect.
        if !ta1.isEmpty {
            let written = try writer.write([], interchangeAcknowledgements: ta1, date: date, allocator: &allocator)
            result.append(GeneratedAcknowledgement(kinds: ["TA1"], inboundControlNumber: interchange.controlNumber,
                                                   partner: interchange.sender, bytes: written.bytes,
                                                   controlNumber: written.interchangeControlNumber))
        }
        if !groups.isEmpty {
            let written = try writer.write(groups, date: date, allocator: &allocator)
            var acknowledgement = GeneratedAcknowledgement(kinds: kinds.filter { $0 != "TA1" }, inboundControlNumber: interchange.controlNumber,
                                                           partner: interchange.sender, bytes: written.bytes,
                                                           controlNumber: written.interchangeControlNumber)
            if let responses {
                guard written.writtenOffsets.count == responseBytes.count else {
                    throw X12WriteError(message: "\(written.writtenOffsets.count) places for the responses of \(responseBytes.count) groups")
                }
                acknowledgement.insertions = zip(written.writtenOffsets, responseBytes).map { .init(offset: $0, range: $1) }
                acknowledgement.responsesPath = responses.path
            }
            result.append(acknowledgement)
        }
        return result
    }

    /// The CONTRL of an interchange; with `responses`, its message responses left in their file
    /// (``GeneratedAcknowledgement/insertions``).
    private func contrl<Allocator: ControlNumberAllocator>(_ interchange: InterchangeValidation, firstGroup: Int,
                                                           responses: AcknowledgementResponses?, date: Date,
                                                           allocator: inout Allocator) throws -> GeneratedAcknowledgement? {
        guard type == .contrl || type == .auto && ControlMessageBuilder.isNeeded(for: interchange) else { return nil }
        let settings = Self.contrlSettings(sender: interchange.receiver, recipient: interchange.sender, version: interchange.version,
                                           isTest: interchange.isTest)
        let writer = EDIFACTInterchangeWriter(settings: settings)
        guard let responses else {
            let written = try writer.write([ControlMessageBuilder().message(for: interchange)], date: date, allocator: &allocator)
            return GeneratedAcknowledgement(kinds: ["CONTRL"], inboundControlNumber: interchange.controlNumber, partner: interchange.sender,
                                            bytes: written.bytes, controlNumber: written.interchangeReference)
        }
        let (message, places) = ControlMessageBuilder().messageWithoutResponses(for: interchange)
        let (placed, ranges) = try responses.contrlResponses(ofGroups: firstGroup..<firstGroup + interchange.groups.count, places: places,
                                                             delimiters: settings.writtenDelimiters)
        let written = try writer.write([message], written: [0: placed], date: date, allocator: &allocator)
        guard written.writtenOffsets.count == ranges.count else {
            throw EDIFACTWriteError(message: "\(written.writtenOffsets.count) places for the message responses of \(ranges.count) groups")
        }
        var acknowledgement = GeneratedAcknowledgement(kinds: ["CONTRL"], inboundControlNumber: interchange.controlNumber,
                                                       partner: interchange.sender, bytes: written.bytes,
                                                       controlNumber: written.interchangeReference)
        acknowledgement.insertions = zip(written.writtenOffsets, ranges).map { .init(offset: $0, range: $1) }
        acknowledgement.responsesPath = responses.path
        return acknowledgement
    }

    /// The envelope of a CONTRL answering an interchange of UNB syntax identifier `version`
    /// (`UNOC:3`): the same syntax identifier and version (UNOC and 3 when missing).
    static func contrlSettings(sender: EnvelopeParty, recipient: EnvelopeParty, version: String, isTest: Bool) -> EDIFACTEnvelopeSettings {
        let parts = version.split(separator: ":").map(String.init)
        return EDIFACTEnvelopeSettings(sender: sender, recipient: recipient,
                                       syntaxIdentifier: parts.first.flatMap { $0.isEmpty ? nil : $0 } ?? "UNOC",
                                       syntaxVersion: parts.count > 1 ? parts[1] : "3", isTest: isTest)
    }
}
