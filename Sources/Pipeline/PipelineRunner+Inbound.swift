import EDICore
import EDISchema
import Foundation
import Logging
import O2C

extension PipelineRunner {
    /// An inbound file in one validating pass: the partner from the first interchange header, then
    /// validation with that partner's guide, each valid transaction translated and staged as the
    /// validator hands it over (memory stays one transaction), then the acknowledgements.
    func inbound(_ file: URL, identity: FileIdentity, now: Date, staging: Staging, logger: inout Logger) throws -> Processed {
        if identity.size > configuration.maxFileBytes {
            return try rejection(file, identity: identity, direction: .inbound,
                                 reason: "the file is \(identity.size) bytes; the limit is \(configuration.maxFileBytes)", staging: staging)
        }
        guard let header = InterchangeHeader.first(in: file.path), !header.sender.id.isEmpty else {
            let validation = try FileValidator(repository: repository).validate(path: file.path)
            return try rejection(file, identity: identity, direction: .inbound, reason: "no interchange could be read",
                                 findings: validation.allDiagnostics, staging: staging)
        }
        logger[metadataKey: "interchange"] = "\(header.controlNumber)"
        guard let partner = configuration.partner(syntax: header.syntax, sender: header.sender) else {
            return try rejection(file, identity: identity, direction: .inbound,
                                 reason: "unknown partner \(header.sender) (\(header.syntax))", staging: staging)
        }
        logger[metadataKey: "partner"] = "\(partner.id)"
        var validator = FileValidator(repository: repository)
        if let guide = partner.guide {
            validator.guide = try ImplementationGuide(contentsOf: URL(fileURLWithPath: guide, relativeTo: workspace.root))
        }
        validator.collectsSegments = true
        validator.keepsCompactResults = true
        // The original's place in the archive, taken before the documents are written so that each names
        // it (`envelope.sourceFile`); a rejection drops it with the rest of what was staged.
        let archived = staging.moveOriginal(file, identity: identity, to: workspace.archiveFolder(for: now))
        // What the acknowledgements need is taken from each transaction as it is validated (the X12
        // responses written to the staging folder), not kept in the validation's tree.
        validator.treeKeepsTransactions = false
        let acknowledgement = acknowledgementType(partner.acknowledgement)
        let responses = AcknowledgementResponses(type: acknowledgement,
                                                 path: staging.folder.appendingPathComponent("acknowledgement-responses").path)
        let delivery = InboundDelivery(partner: partner, ledger: ledger, staging: staging, workspace: workspace, logger: logger,
                                       archivedFile: workspace.relativePath(archived), receivedAt: PipelineStatus.timestamp(now.timeIntervalSince1970))
        let checked = try validator.validate(path: file.path, onTransaction: nil) { transaction in
            responses.take(transaction)
            delivery.take(transaction)
        }
        if let failure = delivery.failure { throw failure }
        // Interchanges without transactions are checked for duplicates too.
        for interchange in checked.interchanges { try delivery.checkDuplicate(interchange.controlNumber) }
        if let duplicate = delivery.duplicate {
            return try rejection(file, identity: identity, direction: .inbound,
                                 reason: "duplicate interchange \(duplicate) from \(partner.id)", status: .duplicate, staging: staging)
        }
        var summary = PipelineSummary()
        summary.documents = delivery.documents
        var outcome = FileOutcome(identity: identity, direction: .inbound, status: .archived, location: "",
                                  reason: checked.isValid ? nil : "some transactions have errors")
        outcome.acknowledgements = try receivedAcknowledgements(file, validation: checked, responses: responses, partner: partner.id,
                                                                now: now, logger: logger)
        // Acknowledgements as the partner's policy says, numbered in this file's commit.
        if let type = acknowledgement {
            var allocator = StagedAllocator(ledger: ledger)
            var generator = AcknowledgementGenerator(type: type)
            generator.acceptsWithErrors = responses.acceptsWithErrors
            generator.acknowledgesAcknowledgements = false
            for ack in try generator.acknowledgements(for: checked, responses: responses, date: now, allocator: &allocator) {
                let name = safeName("\(partner.id)-\(ack.kinds.joined(separator: "+"))-\(ack.controlNumber)") + ".edi"
                _ = try staging.stage(in: workspace.outbox.appendingPathComponent(partner.id), name: name) { try ack.write(to: $0) }
                summary.acknowledgements += 1
                logger.debug("acknowledgement staged", metadata: ["acknowledgement": "\(ack.controlNumber)",
                                                                  "interchange": "\(ack.inboundControlNumber)"])
            }
            outcome.controlNumbers = allocator.advances
        }
        // An interchange whose envelope is broken (truncated, bad trailer) is not remembered for duplicate
        // detection: the partner's corrected resend must go through.
        for interchange in checked.interchanges where !interchange.hasEnvelopeErrors {
            outcome.interchanges.append(InterchangeRecord(partner: partner.id, direction: .inbound, controlNumber: interchange.controlNumber,
                                                          acknowledgementExpected: nil, transactions: []))
        }
        outcome.spooledTransactions = delivery.transactions.spool
        outcome.location = archived.path
        summary.archived = 1
        return Processed(outcome: outcome, summary: summary)
    }

    func acknowledgementType(_ policy: AcknowledgementPolicy) -> AcknowledgementType? {
        switch policy {
        case .none: nil
        case .functional997: .auto
        case .implementation999: .implementation999
        case .ta1: .ta1
        case .contrl: .auto
        case .contrlAlways: .contrl
        }
    }
}

/// Takes each transaction as the validator completes it: checks its interchange for a duplicate
/// (once per control number), translates a valid one and stages its internal document.
final class InboundDelivery {
    let partner: PartnerProfile
    let ledger: any Ledger
    let staging: Staging
    let workspace: Workspace
    let logger: Logger
    /// Where the original will be archived, relative to the workspace root: each document's
    /// `envelope.sourceFile`.
    let archivedFile: String
    /// When the pipeline took the file (ISO 8601, UTC): each document's `envelope.receivedAt`.
    let receivedAt: String
    /// Every transaction taken, with the internal document staged for it: the ledger rows, spooled.
    let transactions: SpoolWriter<SpooledTransaction>
    private(set) var documents = 0
    /// The interchange control number found to be a duplicate (policy `reject`).
    private(set) var duplicate: String?
    /// A failure while staging, raised after the validating pass.
    private(set) var failure: (any Error)?
    /// The interchange control number checked last: transactions come interchange by interchange,
    /// and the ledger does not change during the pass, so checking again gives the same answer.
    private var lastChecked: String?

    init(partner: PartnerProfile, ledger: any Ledger, staging: Staging, workspace: Workspace, logger: Logger, archivedFile: String,
         receivedAt: String) {
        self.partner = partner
        self.archivedFile = archivedFile
        self.receivedAt = receivedAt
        self.ledger = ledger
        self.staging = staging
        self.workspace = workspace
        self.logger = logger
        transactions = SpoolWriter(path: staging.folder.appendingPathComponent("transactions").path)
    }

    func take(_ transaction: ValidatedTransaction) {
        guard failure == nil, duplicate == nil else { return }
        let envelope = transaction.envelope
        var logger = logger
        logger[metadataKey: "interchange"] = "\(envelope.interchangeControlNumber)"
        logger[metadataKey: "group"] = envelope.groupControlNumber.map { "\($0)" }
        logger[metadataKey: "transaction"] = "\(envelope.transactionControlNumber)"
        do {
            try checkDuplicate(envelope.interchangeControlNumber)
            guard duplicate == nil else { return }
            let result = transaction.result
            let output = try deliver(transaction, logger: logger)
            try transactions.append(SpooledTransaction(interchange: envelope.interchangeControlNumber, transaction: TransactionRecord(
                type: result.type, controlNumber: result.controlNumber, valid: result.isValid, output: output)))
        } catch {
            failure = error
        }
    }

    /// Translates a valid transaction and stages its internal document; returns the document's path.
    private func deliver(_ transaction: ValidatedTransaction, logger: Logger) throws -> String? {
        let envelope = transaction.envelope
        guard transaction.result.isValid else {
            logger.info("transaction has errors; not translated", metadata: ["type": "\(envelope.transactionType)"])
            return nil
        }
        guard InboundTranslator.documentType(syntax: envelope.syntax, transactionType: envelope.transactionType) != nil else {
            logger.debug("no internal document for this type", metadata: ["type": "\(envelope.transactionType)"])
            return nil
        }
        var document: InternalDocument
        do {
            document = try InboundTranslator.translate(transaction)
        } catch {
            logger.warning("not translated", metadata: ["type": "\(envelope.transactionType)", "error": "\(error)"])
            return nil
        }
        // The inbox file is moved to the archive in this file's commit: the document names it there.
        document.envelope?.sourceFile = archivedFile
        document.envelope?.receivedAt = receivedAt
        let name = safeName("\(partner.id)_\(document.businessKey ?? "document")_\(transaction.result.controlNumber)") + ".json"
        let target = try staging.stage(DocumentJSONWriter.encode(document, pretty: true),
                                       in: workspace.internalDocuments.appendingPathComponent(document.type.rawValue), name: name)
        documents += 1
        logger.debug("document staged", metadata: ["type": "\(document.type.rawValue)"])
        return target.path
    }

    /// Whether the partner sent this interchange control number before, within their window.
    func checkDuplicate(_ controlNumber: String) throws {
        guard controlNumber != lastChecked else { return }
        lastChecked = controlNumber
        guard try ledger.hasSeenInterchange(partner: partner.id, controlNumber: controlNumber,
                                            within: TimeInterval(partner.duplicateWindowHours * 3600)) else { return }
        logger.warning("duplicate interchange", metadata: ["interchange": "\(controlNumber)", "policy": "\(partner.duplicatePolicy)"])
        if partner.duplicatePolicy == "reject", duplicate == nil { duplicate = controlNumber }
    }
}
