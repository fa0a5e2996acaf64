public import EDICore
public import EDISchema
public import Foundation
public import O2C
import EDIFACT
import X12

/// A document that could not be turned into EDI: the mapping or validation findings, naming the
/// document field or segment.
public struct GenerationError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, one line per finding.
    public var findings: [String]
    public var description: String { findings.joined(separator: "\n") }
}

/// EDI produced for a partner.
public struct GeneratedInterchange: Sendable {
    /// The bytes.
    public var bytes: [UInt8]
    /// The interchange control number written (ISA13 / UNB 0020).
    public var interchangeControlNumber: String
    /// The transaction control numbers written (ST02 / UNH 0062).
    public var transactionControlNumbers: [String]
    /// The X12 functional groups written (none for EDIFACT, which is sent without UNG).
    public var groups: [GroupRecord] = []
}

/// Internal documents → typed models → bytes with the partner's envelope, then read back and
/// validated against the full schema (and the partner's guide): a generated document that does
/// not validate is an error, never output.
public struct OutboundGenerator {
    /// Our identity and the partners.
    public let configuration: Configuration
    /// The schemas used to validate what is generated.
    public let repository: SchemaRepository

    /// Creates a generator.
    public init(configuration: Configuration, repository: SchemaRepository) {
        self.configuration = configuration
        self.repository = repository
    }

    /// Generates one interchange holding the documents (one group per functional id for X12).
    public func generate<Allocator: ControlNumberAllocator>(_ documents: [InternalDocument], for partner: PartnerProfile,
                                                            date: Date = Date(), allocator: inout Allocator) throws -> GeneratedInterchange {
        let generated: GeneratedInterchange
        switch partner.syntax {
        case .x12: generated = try x12(documents, partner: partner, date: date, allocator: &allocator)
        case .edifact: generated = try edifact(documents, partner: partner, date: date, allocator: &allocator)
        }
        try check(generated.bytes, partner: partner)
        return generated
    }

    private func x12<Allocator: ControlNumberAllocator>(_ documents: [InternalDocument], partner: PartnerProfile, date: Date,
                                                        allocator: inout Allocator) throws -> GeneratedInterchange {
        guard let identity = configuration.identity.x12 else { throw GenerationError(findings: ["identity.x12 is not configured"]) }
        var groups: [X12OutboundGroup] = []
        for document in documents {
            let model: X12OutboundDocument
            do {
                model = try X12OutboundMapper.map(document, version: partner.version)
            } catch {
                throw GenerationError(findings: error.findings.map { "\(document.type.rawValue) \(document.businessKey ?? ""): \($0.field ?? "document"): \($0.message)" })
            }
            let functionalId = Self.functionalId(document.type)
            let segments = model.segments(controlNumber: "0001")
            if let index = groups.firstIndex(where: { $0.functionalId == functionalId }) {
                groups[index].transactions.append(segments)
            } else {
                groups.append(X12OutboundGroup(functionalId: functionalId, version: partner.version, transactions: [segments]))
            }
        }
        let settings = X12EnvelopeSettings(sender: identity, receiver: partner.party, interchangeVersion: partner.interchangeVersion,
                                           isTest: partner.isTest, requestsInterchangeAcknowledgement: partner.requestsAcknowledgement,
                                           delimiters: partner.delimiters, lineStyle: partner.lineStyle)
        let written: X12InterchangeWriter.Written
        do {
            written = try X12InterchangeWriter(settings: settings).write(groups, date: date, allocator: &allocator)
        } catch {
            throw GenerationError(findings: ["\(error)"])
        }
        let writtenGroups = zip(groups, zip(written.groupControlNumbers, written.transactionControlNumbers)).map { group, numbers in
            GroupRecord(functionalId: group.functionalId, controlNumber: numbers.0, transactionControlNumbers: numbers.1)
        }
        return GeneratedInterchange(bytes: written.bytes, interchangeControlNumber: written.interchangeControlNumber,
                                    transactionControlNumbers: written.transactionControlNumbers.flatMap { $0 }, groups: writtenGroups)
    }

    private func edifact<Allocator: ControlNumberAllocator>(_ documents: [InternalDocument], partner: PartnerProfile, date: Date,
                                                            allocator: inout Allocator) throws -> GeneratedInterchange {
        guard let identity = configuration.identity.edifact else { throw GenerationError(findings: ["identity.edifact is not configured"]) }
        let mapper = EDIFACTOutboundMapper(release: String(partner.version.dropFirst()), associationCode: partner.associationCode)
        let messages = documents.map { mapper.segments($0, messageReference: "1") }
        let settings = EDIFACTEnvelopeSettings(sender: identity, recipient: partner.party, syntaxIdentifier: partner.syntaxIdentifier,
                                               syntaxVersion: partner.interchangeVersion, isTest: partner.isTest,
                                               requestsAcknowledgement: partner.requestsAcknowledgement, delimiters: partner.delimiters,
                                               lineStyle: partner.lineStyle)
        let written: EDIFACTInterchangeWriter.Written
        do {
            written = try EDIFACTInterchangeWriter(settings: settings).write(messages, date: date, allocator: &allocator)
        } catch {
            throw GenerationError(findings: ["\(error)"])
        }
        return GeneratedInterchange(bytes: written.bytes, interchangeControlNumber: written.interchangeReference,
                                    transactionControlNumbers: written.messageReferences)
    }

    /// Reads the bytes back and validates them; any error finding stops the output.
    private func check(_ bytes: [UInt8], partner: PartnerProfile) throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("edikit-generated-\(UUID().uuidString).edi")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(bytes).write(to: file)
        var validator = FileValidator(repository: repository)
        if let guide = partner.guide { validator.guide = try ImplementationGuide(contentsOf: URL(fileURLWithPath: guide)) }
        let result = try validator.validate(path: file.path)
        let errors = result.allDiagnostics.filter { $0.severity == .error }
        if !errors.isEmpty {
            throw GenerationError(findings: ["the generated EDI does not validate:"] + errors.map(\.description))
        }
    }

    /// X12 GS01 for a document type.
    static func functionalId(_ type: InternalDocument.DocumentType) -> String {
        switch type {
        case .purchaseOrder: "PO"
        case .orderAcknowledgement: "PR"
        case .shipNotice: "SH"
        case .invoice: "IN"
        case .remittance: "RA"
        }
    }
}
