import EDICore
import Foundation
import Logging
import O2C

extension PipelineRunner {
    /// An internal document of `outbound/<partner>/` → EDI for that partner in `outbox/<partner>/`,
    /// numbered in this file's commit; a document that cannot be generated is rejected and uses no number.
    func outbound(_ file: URL, identity: FileIdentity, now: Date, staging: Staging, logger: inout Logger) throws -> Processed {
        // outbound/<partner>/<document>.json names the partner.
        let partnerID = file.deletingLastPathComponent().lastPathComponent
        guard let partner = configuration.partners[partnerID] else {
            return try rejection(file, identity: identity, direction: .outbound,
                                 reason: "outbound documents go in outbound/<partner>/; no partner \"\(safeName(partnerID))\"", staging: staging)
        }
        logger[metadataKey: "partner"] = "\(partner.id)"
        let document: InternalDocument
        do {
            document = try JSONDecoder().decode(InternalDocument.self, from: Data(contentsOf: file))
        } catch {
            return try rejection(file, identity: identity, direction: .outbound, reason: "not an internal document: \(error)",
                                 staging: staging)
        }
        var allocator = StagedAllocator(ledger: ledger)
        var profile = partner
        profile.guide = partner.guide.map { URL(fileURLWithPath: $0, relativeTo: workspace.root).path }
        let generated: GeneratedInterchange
        do {
            generated = try OutboundGenerator(configuration: configuration, repository: repository)
                .generate([document], for: profile, date: now, allocator: &allocator)
        } catch let error as GenerationError {
            return try rejection(file, identity: identity, direction: .outbound, reason: "cannot generate EDI for \(partner.id)",
                                 details: error.findings, staging: staging)
        }
        logger[metadataKey: "interchange"] = "\(generated.interchangeControlNumber)"
        logger[metadataKey: "transaction"] = "\(generated.transactionControlNumbers.joined(separator: ","))"
        let target = try staging.stage(Data(generated.bytes), in: workspace.outbox.appendingPathComponent(partner.id),
                                       name: safeName("\(partner.id)-\(document.type.rawValue)-\(generated.interchangeControlNumber)") + ".edi")
        let deadline = partner.acknowledgementExpectedWithinHours.map { now.addingTimeInterval(TimeInterval($0 * 3600)) }
        var outcome = FileOutcome(identity: identity, direction: .outbound, status: .archived, location: "", reason: nil)
        outcome.interchanges = [InterchangeRecord(
            partner: partner.id, direction: .outbound, controlNumber: generated.interchangeControlNumber, acknowledgementExpected: deadline,
            transactions: generated.transactionControlNumbers.map {
                TransactionRecord(type: document.type.rawValue, controlNumber: $0, valid: true, output: target.path)
            }, groups: generated.groups)]
        outcome.controlNumbers = allocator.advances
        outcome.location = staging.moveOriginal(file, identity: identity, to: workspace.archiveFolder(for: now)).path
        var summary = PipelineSummary()
        summary.outbound = 1
        return Processed(outcome: outcome, summary: summary)
    }
}
