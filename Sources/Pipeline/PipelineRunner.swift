import EDICore
public import EDISchema
public import Foundation
import O2C

/// What one pass over the folders did.
public struct PipelineSummary: Sendable, Codable {
    /// Inbound files archived.
    public var archived = 0
    /// Inbound or outbound files rejected (with a report).
    public var rejected = 0
    /// Inbound files whose interchange was seen before.
    public var duplicates = 0
    /// Internal documents written.
    public var documents = 0
    /// Acknowledgements written.
    public var acknowledgements = 0
    /// Outbound interchanges written.
    public var outbound = 0
}

/// Processes what is in `inbox/` and `outbound/` once: validation with the partner's guide,
/// translation to `internal/<type>/`, acknowledgements to `outbox/<partner>/`, generation of
/// outbound EDI, the original archived or rejected with a report, everything in the ledger.
public struct PipelineRunner {
    /// The folders.
    public let workspace: Workspace
    /// `edikit.yaml`.
    public let configuration: Configuration
    /// The schemas.
    public let repository: SchemaRepository
    /// The ledger.
    public let ledger: any Ledger
    /// Logs one line per event (file, partner, control numbers).
    public var log: (String) -> Void = { _ in }

    /// Creates a runner.
    public init(workspace: Workspace, configuration: Configuration, repository: SchemaRepository, ledger: any Ledger) {
        self.workspace = workspace
        self.configuration = configuration
        self.repository = repository
        self.ledger = ledger
    }

    /// One pass over `outbound/`, then `inbox/`: what we send is recorded before the partners'
    /// acknowledgements that arrived in the same pass are read.
    public func runOnce(now: Date = Date()) throws -> PipelineSummary {
        var summary = PipelineSummary()
        for file in try readyFiles(in: workspace.outbound, recursive: true) { try processOutbound(file, now: now, summary: &summary) }
        for file in try readyFiles(in: workspace.inbox) { try processInbound(file, now: now, summary: &summary) }
        return summary
    }

    /// Regular files ready to take, oldest name first; symbolic links and special files are left alone.
    func readyFiles(in folder: URL, recursive: Bool = false) throws -> [URL] {
        var result: [URL] = []
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] where Workspace.isReady(name) {
            let url = folder.appendingPathComponent(name)
            var info = stat()
            guard lstat(url.path, &info) == 0 else { continue }
            if (info.st_mode & S_IFMT) == S_IFDIR, recursive {
                result += try readyFiles(in: url)
            } else if (info.st_mode & S_IFMT) == S_IFREG {
                result.append(url)
            }
        }
        return result.sorted { $0.path < $1.path }
    }

    // MARK: - Inbound

    private func processInbound(_ file: URL, now: Date, summary: inout PipelineSummary) throws {
        let size = (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
        let id = try ledger.recordFile(name: file.lastPathComponent, sha256: SHA256.file(file.path) ?? "", size: size, direction: .inbound)
        if size > configuration.maxFileBytes {
            return try reject(file, id: id, reason: "the file is \(size) bytes; the limit is \(configuration.maxFileBytes)",
                              findings: [], summary: &summary)
        }
        var validator = FileValidator(repository: repository)
        validator.collectsSegments = true
        var transactions: [ValidatedTransaction] = []
        let validation = try validator.validate(path: file.path, onTransaction: nil) { transactions.append($0) }
        guard let first = validation.interchanges.first, !first.sender.id.isEmpty else {
            return try reject(file, id: id, reason: "no interchange could be read", findings: validation.allDiagnostics, summary: &summary)
        }
        guard let partner = configuration.partner(syntax: first.syntax, sender: first.sender) else {
            return try reject(file, id: id, reason: "unknown partner \(first.sender) (\(first.syntax))", findings: [], summary: &summary)
        }
        for interchange in validation.interchanges
        where try ledger.hasSeenInterchange(partner: partner.id, controlNumber: interchange.controlNumber,
                                            within: TimeInterval(partner.duplicateWindowHours * 3600)) {
            log("file=\(file.lastPathComponent) partner=\(partner.id) interchange=\(interchange.controlNumber) duplicate")
            if partner.duplicatePolicy == "reject" {
                try reject(file, id: id, reason: "duplicate interchange \(interchange.controlNumber) from \(partner.id)", findings: [],
                           summary: &summary, status: .duplicate)
                summary.duplicates += 1
                return
            }
        }
        // Validate again with the partner's guide when it has one.
        var checked = validation
        var checkedTransactions = transactions
        if let guide = partner.guide {
            validator.guide = try ImplementationGuide(contentsOf: URL(fileURLWithPath: guide, relativeTo: workspace.root))
            checkedTransactions = []
            checked = try validator.validate(path: file.path, onTransaction: nil) { checkedTransactions.append($0) }
        }
        // Good transactions are delivered even when others in the file are bad.
        var outputs: [String: String] = [:]
        for transaction in checkedTransactions where transaction.result.isValid {
            guard let document = try? InboundTranslator.translate(transaction) else { continue }
            let name = safeName("\(partner.id)_\(document.businessKey ?? "document")_\(transaction.result.controlNumber)") + ".json"
            let folder = workspace.internalDocuments.appendingPathComponent(document.type.rawValue)
            let target = freePath(in: folder, name: name)
            try writeAtomically(DocumentJSONWriter.encode(document, pretty: true), to: target)
            outputs[transaction.result.controlNumber] = target.path
            summary.documents += 1
        }
        // Acknowledgements as the partner's policy says.
        if let type = acknowledgementType(partner.acknowledgement) {
            var allocator = LedgerAllocator(ledger: ledger)
            var generator = AcknowledgementGenerator(type: type)
            generator.acceptsWithErrors = false
            for ack in try generator.acknowledgements(for: checked, date: now, allocator: &allocator) {
                let name = safeName("\(partner.id)-\(ack.kinds.joined(separator: "+"))-\(ack.controlNumber)") + ".edi"
                try writeAtomically(Data(ack.bytes), to: freePath(in: workspace.outbox.appendingPathComponent(partner.id), name: name))
                summary.acknowledgements += 1
            }
        }
        // An interchange whose envelope is broken (truncated, bad trailer) is not remembered for duplicate
        // detection: the partner's corrected resend must go through.
        for interchange in checked.interchanges where !interchange.hasEnvelopeErrors {
            let interchangeID = try ledger.recordInterchange(fileID: id, partner: partner.id, direction: .inbound,
                                                             controlNumber: interchange.controlNumber, acknowledgementExpected: nil)
            for group in interchange.groups {
                for transaction in group.transactions {
                    try ledger.recordTransaction(interchangeID: interchangeID, type: transaction.type,
                                                 controlNumber: transaction.controlNumber, valid: transaction.isValid,
                                                 output: outputs[transaction.controlNumber])
                }
            }
        }
        let target = freePath(in: workspace.archiveFolder(for: now), name: safeName(file.lastPathComponent))
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.moveItem(at: file, to: target)
        try ledger.updateFile(id, status: .archived, location: target.path, reason: checked.isValid ? nil : "some transactions have errors")
        summary.archived += 1
        log("file=\(file.lastPathComponent) partner=\(partner.id) interchange=\(first.controlNumber) archived=\(target.path)")
    }

    private func acknowledgementType(_ policy: AcknowledgementPolicy) -> AcknowledgementType? {
        switch policy {
        case .none: nil
        case .functional997: .auto
        case .implementation999: .implementation999
        case .ta1: .ta1
        case .contrl: .auto
        }
    }

    // MARK: - Outbound

    private func processOutbound(_ file: URL, now: Date, summary: inout PipelineSummary) throws {
        let size = (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
        let id = try ledger.recordFile(name: file.lastPathComponent, sha256: SHA256.file(file.path) ?? "", size: size, direction: .outbound)
        // outbound/<partner>/<document>.json names the partner.
        let partnerID = file.deletingLastPathComponent().lastPathComponent
        guard let partner = configuration.partners[partnerID] else {
            return try reject(file, id: id, reason: "outbound documents go in outbound/<partner>/; no partner \"\(safeName(partnerID))\"",
                              findings: [], summary: &summary)
        }
        let document: InternalDocument
        do {
            document = try JSONDecoder().decode(InternalDocument.self, from: Data(contentsOf: file))
        } catch {
            return try reject(file, id: id, reason: "not an internal document: \(error)", findings: [], summary: &summary)
        }
        var allocator = LedgerAllocator(ledger: ledger)
        do {
            var profile = partner
            profile.guide = partner.guide.map { URL(fileURLWithPath: $0, relativeTo: workspace.root).path }
            let generated = try OutboundGenerator(configuration: configuration, repository: repository)
                .generate([document], for: profile, date: now, allocator: &allocator)
            let target = freePath(in: workspace.outbox.appendingPathComponent(partner.id),
                                  name: safeName("\(partner.id)-\(document.type.rawValue)-\(generated.interchangeControlNumber)") + ".edi")
            try writeAtomically(Data(generated.bytes), to: target)
            let deadline = partner.acknowledgementExpectedWithinHours.map { now.addingTimeInterval(TimeInterval($0 * 3600)) }
            let interchangeID = try ledger.recordInterchange(fileID: id, partner: partner.id, direction: .outbound,
                                                             controlNumber: generated.interchangeControlNumber,
                                                             acknowledgementExpected: deadline)
            for number in generated.transactionControlNumbers {
                try ledger.recordTransaction(interchangeID: interchangeID, type: document.type.rawValue, controlNumber: number,
                                             valid: true, output: target.path)
            }
            summary.outbound += 1
        } catch let error as GenerationError {
            return try reject(file, id: id, reason: "cannot generate EDI for \(partner.id)", findings: [], details: error.findings,
                              summary: &summary)
        }
        let archived = freePath(in: workspace.archiveFolder(for: now), name: safeName(file.lastPathComponent))
        try FileManager.default.createDirectory(at: archived.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.moveItem(at: file, to: archived)
        try ledger.updateFile(id, status: .archived, location: archived.path, reason: nil)
    }

    // MARK: - Rejection

    /// Moves a file to `rejected/` with `<name>.report.json` beside it.
    private func reject(_ file: URL, id: Int64, reason: String, findings: [Diagnostic], details: [String] = [],
                        summary: inout PipelineSummary, status: FileStatus = .rejected) throws {
        let target = freePath(in: workspace.rejected, name: safeName(file.lastPathComponent))
        try FileManager.default.createDirectory(at: workspace.rejected, withIntermediateDirectories: true)
        try FileManager.default.moveItem(at: file, to: target)
        let report = RejectionReport(file: file.lastPathComponent, reason: reason, details: details,
                                     findings: findings.filter { $0.severity == .error }.prefix(200).map(\.description))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try writeAtomically(try encoder.encode(report), to: URL(fileURLWithPath: target.path + ".report.json"))
        try ledger.updateFile(id, status: status, location: target.path, reason: reason)
        if status == .rejected { summary.rejected += 1 }
        log("file=\(file.lastPathComponent) rejected: \(reason)")
    }
}

/// `rejected/<name>.report.json`.
struct RejectionReport: Codable {
    var file: String
    var reason: String
    var details: [String]
    var findings: [String]
}
