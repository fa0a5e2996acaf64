import Foundation
public import EDICore

/// What validating one file found.
public struct FileValidation: Sendable, Codable {
    /// The path.
    public var path: String
    /// Each transaction with its findings.
    public var transactions: [TransactionResult] = []
    /// Findings outside transactions: syntax, envelopes.
    public var envelopeDiagnostics: [Diagnostic] = []
    /// Bytes read.
    public var byteCount = 0
    /// The same findings by interchange and group, for acknowledgements (empty unless results are kept).
    public var interchanges: [InterchangeValidation] = []

    /// An empty result for a file.
    public init(path: String) {
        self.path = path
    }

    /// Whether nothing in the file is an error.
    public var isValid: Bool {
        !envelopeDiagnostics.contains { $0.severity == .error } && transactions.allSatisfy(\.isValid)
    }

    /// Every finding in file order (by byte offset; at the same offset, envelope ones first).
    public var allDiagnostics: [Diagnostic] {
        Self.inFileOrder(envelopeDiagnostics + transactions.flatMap(\.diagnostics))
    }

    /// Findings sorted by byte offset, keeping the order they were found in at equal offsets.
    static func inFileOrder(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.enumerated()
            .sorted { ($0.element.position.byteOffset, $0.offset) < ($1.element.position.byteOffset, $1.offset) }
            .map(\.element)
    }
}

/// One validated transaction: its findings, its envelope and (when collected) its segments.
public struct ValidatedTransaction: Sendable {
    /// The findings.
    public var result: TransactionResult
    /// Where it came from.
    public var envelope: TransactionEnvelope
    /// Its segments, header to trailer, in one store (empty unless the validator collects them):
    /// what crosses from the reading thread to a worker, with one retain for the whole transaction.
    public var segmentStore: TransactionSegments
    /// Its segments, header to trailer (empty unless the validator collects them), as owned segments
    /// made from ``segmentStore`` at each access: read it once and keep the array.
    public var segments: [OwnedSegment] {
        get { segmentStore.owned }
        set { segmentStore = TransactionSegments(newValue) }
    }
    /// Its functional group's index among all the file's groups, interchange after interchange, as in
    /// ``FileValidation/interchanges`` (an implicit group counts); nil unless results are kept.
    public var group: Int? = nil
    /// The schema checks the reading thread left to the taker (``FileValidator/defersSchemaChecks``);
    /// nil once ``completeSchemaChecks()`` has run them, or when there were none to leave.
    var pendingSchemaChecks: DeferredSchemaChecks? = nil

    /// Whether ``result`` still lacks the schema's findings (``completeSchemaChecks()`` adds them).
    public var hasPendingSchemaChecks: Bool { pendingSchemaChecks != nil }

    /// Runs the schema checks the reading thread left (``FileValidator/defersSchemaChecks``) over
    /// the transaction's segments, on the calling thread, and completes ``result`` with their
    /// findings: the same findings, in the same order, as when the reading thread ran them. Nothing
    /// to do otherwise.
    public mutating func completeSchemaChecks() {
        guard let checks = pendingSchemaChecks else { return }
        pendingSchemaChecks = nil
        var validator = TransactionValidator(plan: checks.plan, encoding: checks.encoding)
        segmentStore.forEachSegment { validator.consume($0) }
        let findings = validator.findings(endingAt: checks.end, standIn: checks.standIn, type: result.type)
        result = PendingTransaction.merging(result, schemaFindings: findings, endedBy: checks.endedBy, hasSchema: true)
    }
}

/// A transaction's schema checks left by the reading thread to whoever takes the transaction
/// (``FileValidator/defersSchemaChecks``): what ``ValidatedTransaction/completeSchemaChecks()`` needs.
struct DeferredSchemaChecks: Sendable {
    /// The schema chosen from the envelope (or the explicit one, or the guide's).
    let plan: ValidationPlan
    /// The interchange's character encoding.
    let encoding: CharacterEncoding
    /// Where the transaction ended (the end-of-transaction checks run there); nil when a syntax
    /// error cut it off.
    let end: EDIPosition?
    /// The version standing in for the transaction's own (`--nearest-schema`), or nil.
    let standIn: String?
    /// The syntax error that cut the transaction off before its trailer, if one did.
    let endedBy: SyntaxIssue?
}

/// Validates files: tokenizer → envelope outliner → per-transaction schema validation, in one
/// streaming pass with memory bounded by one transaction's findings.
public struct FileValidator {
    /// Where schemas come from.
    public let repository: SchemaRepository
    /// A partner guide to apply to the transactions it names.
    public var guide: ImplementationGuide?
    /// A schema to use for every transaction, instead of choosing by envelope.
    public var explicitSchema: TransactionSchema?
    /// Whether to keep the findings of each transaction (false for benchmarks: counts only).
    public var keepsResults = true
    /// Whether to copy each transaction's segments for ``validate(path:onTransaction:)``'s
    /// `onValidatedTransaction` (typed models are built from them); memory stays one transaction.
    public var collectsSegments = false
    /// Whether results stay compact for files of many transactions: a valid transaction keeps no
    /// findings (its warnings are dropped; acknowledgements answer errors only) and
    /// ``FileValidation/transactions`` lists only the invalid ones. The interchange tree still has
    /// every transaction, as acknowledgements need, unless ``treeKeepsTransactions`` is off.
    public var keepsCompactResults = false
    /// Whether the interchange tree (``FileValidation/interchanges``) lists each group's
    /// transactions. Off for a caller that collects what acknowledgements need as each transaction
    /// is handed over (``ValidatedTransaction/group`` says where it belongs): the tree then keeps
    /// interchanges, groups and envelope findings only, and memory does not grow with transactions.
    public var treeKeepsTransactions = true
    /// Whether a transaction whose version has no schema is checked against the nearest shipped
    /// version that has one (``SchemaRepository/nearestVersion(syntax:version:id:)``), with a
    /// `SET_NO_SCHEMA` warning naming the stand-in instead of the error (`--nearest-schema`).
    public var fallsBackToNearestVersion = false
    /// Whether each transaction's schema checks (structure, elements, codes, rules) are left to the
    /// taker of ``validate(path:onTransaction:onValidatedTransaction:)``'s validated transactions,
    /// which calls ``ValidatedTransaction/completeSchemaChecks()`` before it reads the result,
    /// possibly on another thread: the calling thread then only reads, keeps the envelope books and
    /// collects segments, the one serial stage of a pipeline that maps transactions on several
    /// threads (`edikit translate`). Needs ``collectsSegments``, and neither ``keepsResults`` nor an
    /// `onTransaction` callback (their results would lack the schema findings).
    public var defersSchemaChecks = false
    /// A transaction whose segments grow past this while its checks are deferred is checked by the
    /// calling thread after all, from its first segment on: in a file of very large transactions the
    /// calling thread then checks one while the taker maps the one before, instead of waiting.
    public var deferredChecksMaximumBytes = 256 << 10
    /// Worker threads that validate transactions against their schemas while the calling thread reads
    /// the file and keeps the envelope books (0: the calling thread validates each transaction as it
    /// streams by). Findings, their order and positions, results and callbacks are the same either
    /// way; callbacks run on the calling thread, in file order. See docs/validation.md.
    public var workers = 0
    /// Files smaller than this are validated on the calling thread whatever ``workers`` says: handing
    /// them over would cost more than it saves.
    public var parallelMinimumBytes = 1 << 20
    /// How many bytes of segments a batch handed to a worker holds (a transaction is never split, so
    /// a larger one makes a larger batch). At most two batches per worker are in flight.
    public var batchBytes = 256 << 10
    /// A transaction whose segments grow past this while they wait in a batch is validated on the
    /// calling thread instead (memory stays bounded whatever a transaction's size).
    public var largeTransactionBytes = 4 << 20

    /// Creates a validator.
    public init(repository: SchemaRepository, guide: ImplementationGuide? = nil, explicitSchema: TransactionSchema? = nil) {
        self.repository = repository
        self.guide = guide
        self.explicitSchema = explicitSchema
    }

    /// Validates a file; `onTransaction` sees each transaction's result as it completes.
    public func validate(path: String, onTransaction: ((TransactionResult) -> Void)? = nil) throws -> FileValidation {
        try validate(path: path, onTransaction: onTransaction, onValidatedTransaction: nil)
    }

    /// Validates a file; `onValidatedTransaction` gets each transaction with its envelope and, when
    /// ``collectsSegments`` is set, its segments.
    public func validate(path: String, onTransaction: ((TransactionResult) -> Void)?,
                         onValidatedTransaction: ((ValidatedTransaction) -> Void)?) throws -> FileValidation {
        precondition(!defersSchemaChecks || (collectsSegments && !keepsResults && onTransaction == nil && onValidatedTransaction != nil),
                      "deferred schema checks need collected segments, a validated-transaction callback and nothing else")
        let reader = try EDIStreamReader(path: path)
        var pass = FileValidationPass(validator: self, path: path,
                                      workers: workers > 0 && Self.fileSize(path) >= parallelMinimumBytes ? workers : 0,
                                      onTransaction: onTransaction, onValidatedTransaction: onValidatedTransaction)
        do {
            // The tokenizer's batch loop hands each segment to the closure without building an event;
            // the per-file state is one struct captured by non-escaping closures, so its accesses are
            // checked at compile time, not per segment at run time.
            try reader.forEachSegment({ try pass.consume(segment: $0) }, issue: { pass.consume(issue: $0) })
        } catch {
            pass.abandon()
            throw error
        }
        return pass.finish(byteCount: reader.tokenizer.consumedByteCount)
    }

    /// The size of a file in bytes (0 when it cannot be read: the reader reports why).
    static func fileSize(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
    }

    /// The findings of a stand-in schema (another version than the transaction's): warnings that say
    /// which schema found them, since the transaction's own version may differ there.
    static func asStandIn(_ diagnostics: [Diagnostic], _ standIn: String?, _ type: String) -> [Diagnostic] {
        guard let standIn else { return diagnostics }
        return diagnostics.map { diagnostic in
            var copy = diagnostic
            copy.severity = .warning
            copy.message = "by \(type) \(standIn): " + copy.message
            return copy
        }
    }

    /// Envelope segments and transaction headers and trailers: the tags the per-file bookkeeping acts on.
    @inline(__always)
    static func isControlTag(_ tag: SegmentTag) -> Bool {
        // Every control tag starts with G, I, S, T or U: one test settles most body segments.
        let first = UInt8(truncatingIfNeeded: tag.rawValue >> 16)
        guard first == UInt8(ascii: "S") || first == UInt8(ascii: "U") || first == UInt8(ascii: "I")
                || first == UInt8(ascii: "G") || first == UInt8(ascii: "T") else { return false }
        return switch tag {
        case "ST", "SE", "UNH", "UNT": true
        default: isEnvelopeTag(tag)
        }
    }

    /// Interchange and group headers and trailers of both syntaxes.
    static func isEnvelopeTag(_ tag: SegmentTag) -> Bool {
        switch tag {
        case "ISA", "IEA", "ISB", "ISE", "TA1", "GS", "GE", "UNA", "UNB", "UNZ", "UNG", "UNE": true
        default: false
        }
    }

    /// The compiled schema of a transaction (nil when none), and the version standing in for the
    /// envelope's when ``fallsBackToNearestVersion`` chose one.
    func planFor(_ header: Segment, context: EnvelopeContext,
                         cache: inout [String: (ValidationPlan?, standIn: String?)]) throws -> (ValidationPlan?, standIn: String?) {
        if let explicitSchema {
            if let cached = cache["explicit"] { return cached }
            let plan = ValidationPlan(explicitSchema,
                                      segmentIDs: repository.segmentIDs(syntax: explicitSchema.syntax, version: explicitSchema.version))
            cache["explicit"] = (plan, nil)
            return (plan, nil)
        }
        let id = header.tag == "ST" ? header[1] ?? "" : header.element(2).component(1).string
        let version = context.version(for: header)
        // `description` named: interpolating the enum itself looks up its conformances at run time.
        let key = header.syntax.description + "/" + version + "/" + id
        if let cached = cache[key] { return cached }
        var schema = try repository.transaction(syntax: header.syntax, version: version, id: id)
        var standIn: String?
        if schema == nil, fallsBackToNearestVersion,
           let nearest = repository.nearestVersion(syntax: header.syntax, version: version, id: id) {
            schema = try repository.transaction(syntax: header.syntax, version: nearest, id: id)
            standIn = schema == nil ? nil : nearest
        }
        let plan: ValidationPlan?
        if let guide, let standard = schema, guide.transaction == id, guide.syntax == header.syntax, guide.version == standard.version {
            let guided = try guide.applied(to: standard)
            plan = ValidationPlan(guided, segmentIDs: repository.segmentIDs(syntax: guided.syntax, version: guided.version))
        } else {
            // A standard schema is compiled once per repository, not once per file.
            plan = schema.map(repository.plan(for:))
        }
        cache[key] = (plan, standIn)
        return (plan, standIn)
    }
}

extension TransactionSchema {
    /// A schema with no structure, standing in when none was found.
    static func empty(_ syntax: EDISyntax) -> TransactionSchema {
        TransactionSchema(syntax: syntax, version: "", id: "", name: "", functionalGroup: nil, structure: [], hierarchy: nil,
                          knownTags: [], sourcePath: nil, guideName: nil)
    }
}

extension Diagnostic {
    /// A tokenizer or envelope issue as a finding, with the acknowledgement codes of its kind.
    init(envelopeIssue issue: SyntaxIssue) {
        let tag = issue.position.segmentTag ?? ""
        let kind: DiagnosticKind
        switch issue.code {
        case .controlNumberMismatch:
            kind = ["SE", "UNT"].contains(tag) ? .transactionControlMismatch : ["GE", "UNE"].contains(tag) ? .groupControlMismatch : .interchangeControlMismatch
        case .countMismatch:
            kind = ["SE", "UNT"].contains(tag) ? .transactionCountMismatch : ["GE", "UNE"].contains(tag) ? .groupCountMismatch : .interchangeCountMismatch
        case .missingTrailer:
            kind = issue.message.hasPrefix("transaction") ? .transactionTrailerMissing
                : issue.message.hasPrefix("group") ? .groupTrailerMissing : .interchangeTrailerMissing
        case .unexpectedTrailer, .segmentOutsideEnvelope:
            kind = .envelopeError
        default:
            kind = .syntaxError
        }
        self.init(issue.severity, kind, issue.message, at: issue.position)
        syntaxCode = issue.code.rawValue
    }
}
