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
    /// Its segments, header to trailer (empty unless the validator collects them).
    public var segments: [OwnedSegment]
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
    /// every transaction, as acknowledgements need.
    public var keepsCompactResults = false
    /// Whether a transaction whose version has no schema is checked against the nearest shipped
    /// version that has one (``SchemaRepository/nearestVersion(syntax:version:id:)``), with a
    /// `SET_NO_SCHEMA` warning naming the stand-in instead of the error (`--nearest-schema`).
    public var fallsBackToNearestVersion = false
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
        var result = FileValidation(path: path)
        let reader = try EDIStreamReader(path: path)
        var handOff = TransactionHandOff(workers: workers > 0 && Self.fileSize(path) >= parallelMinimumBytes ? workers : 0,
                                         batchBytes: batchBytes)
        let outliner = EnvelopeOutliner(keepsInterchanges: false)
        outliner.keepsTransactionSummaries = false
        var context = EnvelopeContext()
        // The open transaction, kept in plain variables: an optional tuple would be copied per segment.
        var openValidator: TransactionValidator?
        /// Whether `openValidator` checks the open transaction's segments as they stream by (inline, or
        /// a transaction too large for a batch); otherwise they are copied into the batch for a worker.
        var openStreams = true
        /// Not inline: the open transaction's schema and where its segments start in the batch.
        var openPlan: ValidationPlan?
        var openEncoding = CharacterEncoding.utf8
        var openFirstSegment = 0
        var openResult = TransactionResult(type: "", controlNumber: "", schemaVersion: nil, diagnostics: [], segmentCount: 0,
                                           position: EDIPosition())
        var openHasSchema = false
        /// The version standing in for the open transaction's (``fallsBackToNearestVersion``), or nil.
        var openStandIn: String?
        var transactionOpen = false
        /// Body segments of the open transaction the outliner has not been told of yet.
        var uncountedSegments = 0
        var openSegments: [OwnedSegment] = []
        var openEnvelope: TransactionEnvelope?
        var lastLocation: (SegmentLocation, SegmentTag)?
        var lastPosition: EDIPosition { lastLocation.map { $0.0.position(tag: $0.1) } ?? EDIPosition() }
        var schemaCache: [String: (ValidationPlan?, standIn: String?)] = [:]
        var envelopeChecker = EnvelopeChecker(repository: repository)
        var tree = InterchangeTreeBuilder()
        var routed = 0
        /// Routes envelope findings added since the last call into the interchange tree.
        func routeNewEnvelopeFindings() {
            guard keepsResults else { return }
            while routed < result.envelopeDiagnostics.count {
                tree.route(result.envelopeDiagnostics[routed])
                routed += 1
            }
        }

        /// A segment of the open transaction: counted, kept when segments are collected, and validated
        /// now (inline) or copied into the batch for a worker.
        @inline(__always)
        func take(_ segment: Segment) {
            if collectsSegments { openSegments.append(segment.copy()) }
            openResult.segmentCount += 1
            guard openHasSchema else { return }
            if openStreams {
                openValidator!.consume(segment)
            } else if handOff.copy(segment) > largeTransactionBytes {
                streamOpenTransaction()
            }
        }

        /// The open transaction, grown past ``largeTransactionBytes`` in the batch, is validated on this
        /// thread instead, from its first segment on.
        func streamOpenTransaction() {
            guard let plan = openPlan else { return }
            var validator = TransactionValidator(plan: plan, encoding: openEncoding)
            handOff.batch.arena.forEachSegment(in: openFirstSegment..<handOff.nextSegmentIndex) { validator.consume($0) }
            handOff.batch.arena.removeSegments(from: openFirstSegment)
            openValidator = validator
            openStreams = true
        }

        /// Reports a closed transaction whose findings are all in: callbacks, results, the tree.
        func deliver(_ transaction: PendingTransaction) {
            var closed = transaction.merged()
            onTransaction?(closed)
            if let onValidatedTransaction, let envelope = transaction.envelope {
                onValidatedTransaction(ValidatedTransaction(result: closed, envelope: envelope, segments: transaction.segments))
            }
            guard keepsResults else { return }
            if keepsCompactResults, closed.isValid {
                closed.diagnostics = []
            } else {
                result.transactions.append(closed)
            }
            if let slot = transaction.treeSlot { tree.set(closed, at: slot) }
        }

        func closeTransaction(at position: EDIPosition, endedBy issue: SyntaxIssue? = nil) {
            guard transactionOpen else { return }
            var closed = PendingTransaction(result: openResult, envelope: openEnvelope, segments: openSegments, endedBy: issue,
                                            hasSchema: openHasSchema)
            // The tree gets its place now, in the group open now; the result is completed when delivered.
            if keepsResults { closed.treeSlot = tree.add(openResult, syntax: openEnvelope?.syntax ?? .x12) }
            var job: TransactionJob?
            if openHasSchema {
                let end = issue == nil ? position : nil
                if openStreams {
                    closed.schemaFindings = openValidator!.findings(endingAt: end, standIn: openStandIn, type: openResult.type)
                } else if let plan = openPlan {
                    job = TransactionJob(plan: plan, encoding: openEncoding, segments: openFirstSegment..<handOff.nextSegmentIndex,
                                         end: end, standIn: openStandIn, type: openResult.type)
                }
            }
            handOff.close(closed, job: job)
            while let ready = handOff.nextReady() { deliver(ready) }
            openSegments = []
            openValidator = nil
            openPlan = nil
            transactionOpen = false
        }

        do {
            // A loop rather than a closure: the per-file state below is then not captured, and its
            // accesses are checked at compile time instead of once per segment at run time.
            while case let event = try reader.next(), !event.isEnd {
                switch event {
                case .segment(let segment):
                    lastLocation = (segment.location, segment.tag)
                    let tag = segment.tag
                    if transactionOpen, !Self.isControlTag(tag) {
                        // The common case, a body segment of an open transaction: only the transaction sees it
                        // (the outliner, which would only count it, is told the count at the next control segment).
                        uncountedSegments += 1
                        take(segment)
                        continue
                    }
                    if uncountedSegments > 0 {
                        outliner.countTransactionSegments(uncountedSegments)
                        uncountedSegments = 0
                    }
                    let envelopeIssues = outliner.consume(segment)
                    context.observe(segment)
                    // An envelope segment ends any transaction still open (its trailer is missing, which
                    // the outliner reports); it is never a segment of the transaction.
                    if transactionOpen, Self.isEnvelopeTag(tag) { closeTransaction(at: segment.position) }
                    if keepsResults, Self.isEnvelopeTag(tag) {
                        // Findings of the previous interchange or group stay with it.
                        routeNewEnvelopeFindings()
                        tree.begin(segment, context: context)
                    }
                    if EnvelopeChecker.isChecked(tag) {
                        try envelopeChecker.check(segment, encoding: context.encoding, into: &result.envelopeDiagnostics)
                    }
                    if tag == "ST" || tag == "UNH" {
                        closeTransaction(at: segment.position)
                        let (plan, standIn) = try planFor(segment, context: context, cache: &schemaCache)
                        let schema = plan?.schema
                        var transaction = TransactionResult(
                            type: tag == "ST" ? segment[1] ?? "" : segment.element(2).component(1).string,
                            controlNumber: segment[tag == "ST" ? 2 : 1] ?? "", schemaVersion: schema?.version, diagnostics: [],
                            segmentCount: 0, position: segment.position)
                        if tag == "ST" {
                            transaction.versionDetail = segment[3]
                        } else {
                            let parts = segment.element(2).components.dropFirst().map(\.string)
                            transaction.versionDetail = parts.isEmpty ? nil : parts.joined(separator: ":")
                        }
                        if let standIn {
                            transaction.diagnostics.append(Diagnostic(.error, .transactionNotSupported,
                                "no schema for \(transaction.type) \(context.versionLabel(for: segment)); checked against \(transaction.type) \(standIn), the nearest shipped version (--nearest-schema), whose findings are warnings: codes, segments and elements differ between versions",
                                at: segment.position))
                        } else if schema == nil {
                            transaction.diagnostics.append(Diagnostic(.error, .transactionNotSupported,
                                "no schema for \(transaction.type) \(context.versionLabel(for: segment)); add Schemas/\(segment.syntax == .x12 ? "X12" : "EDIFACT")/\(context.version(for: segment))/\(transaction.type).xml or pass --schema",
                                at: segment.position))
                        }
                        openStreams = handOff.isInline
                        if openStreams {
                            openValidator = plan.map { TransactionValidator(plan: $0, encoding: context.encoding) }
                        } else {
                            openPlan = plan
                            openEncoding = context.encoding
                            openFirstSegment = handOff.nextSegmentIndex
                        }
                        openHasSchema = plan != nil
                        openStandIn = standIn
                        openResult = transaction
                        transactionOpen = true
                        if onValidatedTransaction != nil { openEnvelope = context.envelope(for: segment, path: path) }
                    }
                    if transactionOpen { take(segment) }
                    for issue in envelopeIssues {
                        let diagnostic = Diagnostic(envelopeIssue: issue)
                        if transactionOpen, [.transactionCountMismatch, .transactionControlMismatch].contains(diagnostic.kind) {
                            openResult.diagnostics.append(diagnostic)
                        } else {
                            result.envelopeDiagnostics.append(diagnostic)
                        }
                    }
                    if tag == "SE" || tag == "UNT" { closeTransaction(at: segment.position) }
                    if Self.isEnvelopeTag(tag) { routeNewEnvelopeFindings() }
                case .issue(let issue):
                    outliner.countTransactionSegments(uncountedSegments)
                    uncountedSegments = 0
                    if issue.abandonsInterchange {
                        closeTransaction(at: issue.position, endedBy: issue)
                        outliner.abandon(at: issue.position)
                    }
                    result.envelopeDiagnostics.append(Diagnostic(envelopeIssue: issue))
                    routeNewEnvelopeFindings()
                case .needMoreInput, .endOfInput:
                    break
                }
            }
        } catch {
            // What was closed before the failure is delivered, as when validating inline.
            handOff.finish()
            while let ready = handOff.nextReady() { deliver(ready) }
            throw error
        }
        closeTransaction(at: lastPosition)
        outliner.countTransactionSegments(uncountedSegments)
        handOff.finish()
        while let ready = handOff.nextReady() { deliver(ready) }
        for issue in outliner.finish(at: lastPosition) { result.envelopeDiagnostics.append(Diagnostic(envelopeIssue: issue)) }
        routeNewEnvelopeFindings()
        result.interchanges = tree.interchanges
        result.byteCount = reader.tokenizer.consumedByteCount
        return result
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
        switch tag {
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
    private func planFor(_ header: Segment, context: EnvelopeContext,
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
        let key = "\(header.syntax)/\(version)/\(id)"
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
