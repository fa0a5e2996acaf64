import EDICore

/// The per-file state of ``FileValidator/validate(path:onTransaction:onValidatedTransaction:)`` and
/// the steps of its pass, as one struct with mutating methods: its stored properties are then
/// accessed through `inout self`, checked for exclusivity at compile time, where local variables
/// captured by local functions were checked at run time (a `swift_beginAccess` per access, several
/// per segment).
struct FileValidationPass {
    let validator: FileValidator
    let path: String
    let onTransaction: ((TransactionResult) -> Void)?
    let onValidatedTransaction: ((ValidatedTransaction) -> Void)?
    var result: FileValidation
    var handOff: TransactionHandOff
    let outliner: EnvelopeOutliner
    var context = EnvelopeContext()
    // The open transaction, kept in plain properties: an optional tuple would be copied per segment.
    var openValidator: TransactionValidator?
    /// Whether `openValidator` checks the open transaction's segments as they stream by (inline, or
    /// a transaction too large for a batch); otherwise they are copied into the batch for a worker.
    var openStreams = true
    /// Not inline, or its checks deferred: the open transaction's schema, and (not inline) where its
    /// segments start in the batch.
    var openPlan: ValidationPlan?
    var openEncoding = CharacterEncoding.utf8
    var openFirstSegment = 0
    var openResult = TransactionResult(type: "", controlNumber: "", schemaVersion: nil, diagnostics: [], segmentCount: 0,
                                       position: EDIPosition())
    var openHasSchema = false
    /// Whether the open transaction's checks are still left to the taker (``FileValidator/defersSchemaChecks``):
    /// until its segments grow past ``FileValidator/deferredChecksMaximumBytes``.
    var openDefers = false
    /// Whether the open transaction's segments are checked by its schema here (inline or by this
    /// validator's workers), rather than not at all or by the taker.
    var openChecksSegments: Bool { openHasSchema && !openDefers }
    /// The version standing in for the open transaction's (``FileValidator/fallsBackToNearestVersion``), or nil.
    var openStandIn: String?
    var transactionOpen = false
    /// Body segments of the open transaction the outliner has not been told of yet.
    var uncountedSegments = 0
    /// The open transaction's segments when collected and not in the batch (inline, no schema, or
    /// streamed), reused from transaction to transaction; frozen into owned segments at its close.
    var collected = SegmentArena()
    var openEnvelope: TransactionEnvelope?
    var lastLocation: (SegmentLocation, SegmentTag)?
    var schemaCache: [String: (ValidationPlan?, standIn: String?)] = [:]
    var envelopeChecker: EnvelopeChecker
    var tree = InterchangeTreeBuilder()
    var routed = 0

    init(validator: FileValidator, path: String, workers: Int, onTransaction: ((TransactionResult) -> Void)?,
         onValidatedTransaction: ((ValidatedTransaction) -> Void)?) {
        self.validator = validator
        self.path = path
        self.onTransaction = onTransaction
        self.onValidatedTransaction = onValidatedTransaction
        result = FileValidation(path: path)
        handOff = TransactionHandOff(workers: workers, batchBytes: validator.batchBytes)
        outliner = EnvelopeOutliner(keepsInterchanges: false)
        outliner.keepsTransactionSummaries = false
        envelopeChecker = EnvelopeChecker(repository: validator.repository)
        tree.keepsTransactions = validator.treeKeepsTransactions
    }

    var lastPosition: EDIPosition { lastLocation.map { $0.0.position(tag: $0.1) } ?? EDIPosition() }

    /// Routes envelope findings added since the last call into the interchange tree.
    mutating func routeNewEnvelopeFindings() {
        guard validator.keepsResults else { return }
        while routed < result.envelopeDiagnostics.count {
            tree.route(result.envelopeDiagnostics[routed])
            routed += 1
        }
    }

    /// A segment of the open transaction: counted, kept when segments are collected, and validated
    /// now (inline) or copied into the batch for a worker (where a collected one is then kept too).
    @inline(__always)
    mutating func take(_ segment: Segment) {
        openResult.segmentCount += 1
        guard openChecksSegments else {
            collect(segment)
            if openDefers, collected.byteCount > validator.deferredChecksMaximumBytes { checkOpenTransactionHere() }
            return
        }
        if openStreams {
            collect(segment)
            openValidator!.consume(segment)
        } else if handOff.copy(segment) > validator.largeTransactionBytes {
            streamOpenTransaction()
        }
    }

    @inline(__always)
    mutating func collect(_ segment: Segment) {
        if validator.collectsSegments { collected.append(segment) }
    }

    /// Whether the open transaction's segments are in the batch rather than in `collected`.
    var openSegmentsInBatch: Bool { openChecksSegments && !openStreams }

    /// The open transaction's segments frozen into one store, when collected (one object for the
    /// whole transaction: the worker makes owned segments or views from it).
    mutating func freezeOpenSegments() -> TransactionSegments {
        guard validator.collectsSegments else { return TransactionSegments() }
        if openSegmentsInBatch { return handOff.batch.arena.transactionSegments(in: openFirstSegment..<handOff.nextSegmentIndex) }
        let owned = collected.transactionSegments(in: 0..<collected.count)
        // Memory is kept for the next transaction, unless this one was large: then it is let go.
        if collected.byteCount > validator.largeTransactionBytes { collected = SegmentArena() } else { collected.removeAll() }
        return owned
    }

    /// The open transaction, grown past ``FileValidator/largeTransactionBytes`` in the batch, is
    /// validated on this thread instead, from its first segment on.
    mutating func streamOpenTransaction() {
        guard let plan = openPlan else { return }
        var validator = TransactionValidator(plan: plan, encoding: openEncoding)
        do {
            // A copy of the batch's arena (its arrays shared, not copied), read while `collected` grows.
            let batch = handOff.batch.arena
            batch.forEachSegment(in: openFirstSegment..<handOff.nextSegmentIndex) { segment in
                validator.consume(segment)
                collect(segment)
            }
        }
        handOff.batch.arena.removeSegments(from: openFirstSegment)
        openValidator = validator
        openStreams = true
    }

    /// The open transaction, its checks deferred, has grown past ``FileValidator/deferredChecksMaximumBytes``:
    /// it is checked on this thread after all, from its first segment on, as it streams by.
    mutating func checkOpenTransactionHere() {
        guard let plan = openPlan else { return }
        var checker = TransactionValidator(plan: plan, encoding: openEncoding)
        collected.forEachSegment(in: 0..<collected.count) { checker.consume($0) }
        openValidator = checker
        openDefers = false
        openStreams = true
    }

    /// Reports a closed transaction whose findings are all in: callbacks, results, the tree.
    mutating func deliver(_ transaction: PendingTransaction) {
        var closed = transaction.merged()
        onTransaction?(closed)
        if let onValidatedTransaction, let envelope = transaction.envelope {
            var validated = ValidatedTransaction(result: closed, envelope: envelope, segmentStore: transaction.segments,
                                                 group: transaction.treeSlot?.ordinal)
            if let checks = transaction.deferredChecks {
                // The taker merges the schema's findings in (keepsResults is off: nothing below needs them).
                validated.result = transaction.result
                validated.pendingSchemaChecks = checks
            }
            onValidatedTransaction(validated)
        }
        guard validator.keepsResults else { return }
        if validator.keepsCompactResults, closed.isValid {
            closed.diagnostics = []
        } else {
            result.transactions.append(closed)
        }
        if let slot = transaction.treeSlot { tree.set(closed, at: slot) }
    }

    /// Delivers every closed transaction whose findings are in, in file order.
    mutating func deliverReady() {
        while let ready = handOff.nextReady() { deliver(ready) }
    }

    mutating func closeTransaction(at position: EDIPosition, endedBy issue: SyntaxIssue? = nil) {
        guard transactionOpen else { return }
        var closed = PendingTransaction(result: openResult, envelope: openEnvelope, segments: freezeOpenSegments(), endedBy: issue,
                                        hasSchema: openHasSchema)
        // The tree gets its place now, in the group open now; the result is completed when delivered.
        if validator.keepsResults { closed.treeSlot = tree.add(openResult, syntax: openEnvelope?.syntax ?? .x12) }
        var job: TransactionJob?
        if openHasSchema {
            let end = issue == nil ? position : nil
            if openDefers, let plan = openPlan {
                closed.deferredChecks = DeferredSchemaChecks(plan: plan, encoding: openEncoding, end: end, standIn: openStandIn,
                                                             endedBy: issue)
            } else if openStreams {
                closed.schemaFindings = openValidator!.findings(endingAt: end, standIn: openStandIn, type: openResult.type)
            } else if let plan = openPlan {
                job = TransactionJob(plan: plan, encoding: openEncoding, segments: openFirstSegment..<handOff.nextSegmentIndex,
                                     end: end, standIn: openStandIn, type: openResult.type)
            }
        }
        handOff.close(closed, job: job)
        deliverReady()
        openValidator = nil
        openPlan = nil
        transactionOpen = false
    }

    /// Takes the next segment of the reader.
    @inline(__always)
    mutating func consume(segment: Segment) throws {
        lastLocation = (segment.location, segment.tag)
        if transactionOpen, !FileValidator.isControlTag(segment.tag) {
            // The common case, a body segment of an open transaction: only the transaction sees it
            // (the outliner, which would only count it, is told the count at the next control segment).
            uncountedSegments += 1
            take(segment)
            return
        }
        try consumeControl(segment)
    }

    /// Takes a warning or error of the reader.
    mutating func consume(issue: SyntaxIssue) {
        outliner.countTransactionSegments(uncountedSegments)
        uncountedSegments = 0
        if issue.abandonsInterchange {
            closeTransaction(at: issue.position, endedBy: issue)
            outliner.abandon(at: issue.position)
        }
        result.envelopeDiagnostics.append(Diagnostic(envelopeIssue: issue))
        routeNewEnvelopeFindings()
    }

    /// An envelope segment, a transaction header or trailer, or a segment outside a transaction.
    mutating func consumeControl(_ segment: Segment) throws {
        let tag = segment.tag
        if uncountedSegments > 0 {
            outliner.countTransactionSegments(uncountedSegments)
            uncountedSegments = 0
        }
        let envelopeIssues = outliner.consume(segment)
        context.observe(segment)
        // An envelope segment ends any transaction still open (its trailer is missing, which
        // the outliner reports); it is never a segment of the transaction.
        if transactionOpen, FileValidator.isEnvelopeTag(tag) { closeTransaction(at: segment.position) }
        if validator.keepsResults, FileValidator.isEnvelopeTag(tag) {
            // Findings of the previous interchange or group stay with it.
            routeNewEnvelopeFindings()
            tree.begin(segment, context: context)
        }
        if EnvelopeChecker.isChecked(tag) {
            try envelopeChecker.check(segment, encoding: context.encoding, into: &result.envelopeDiagnostics)
        }
        if tag == "ST" || tag == "UNH" {
            closeTransaction(at: segment.position)
            try openTransaction(segment)
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
        if FileValidator.isEnvelopeTag(tag) { routeNewEnvelopeFindings() }
    }

    /// A transaction header (ST or UNH): chooses the schema and opens the transaction.
    mutating func openTransaction(_ segment: Segment) throws {
        let tag = segment.tag
        let (plan, standIn) = try validator.planFor(segment, context: context, cache: &schemaCache)
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
        if openStreams, !validator.defersSchemaChecks {
            openValidator = plan.map { TransactionValidator(plan: $0, encoding: context.encoding) }
        } else {
            openPlan = plan
            openEncoding = context.encoding
            openFirstSegment = handOff.nextSegmentIndex
        }
        openHasSchema = plan != nil
        openDefers = openHasSchema && validator.defersSchemaChecks
        openStandIn = standIn
        openResult = transaction
        transactionOpen = true
        if onValidatedTransaction != nil { openEnvelope = context.envelope(for: segment, path: path) }
    }

    /// The reader failed: what was closed before the failure is delivered, as when validating inline.
    mutating func abandon() {
        handOff.finish()
        deliverReady()
    }

    /// The end of the file: the open transaction and the envelopes are closed, and the result is complete.
    mutating func finish(byteCount: Int) -> FileValidation {
        closeTransaction(at: lastPosition)
        outliner.countTransactionSegments(uncountedSegments)
        handOff.finish()
        deliverReady()
        for issue in outliner.finish(at: lastPosition) { result.envelopeDiagnostics.append(Diagnostic(envelopeIssue: issue)) }
        routeNewEnvelopeFindings()
        result.interchanges = tree.interchanges
        result.byteCount = byteCount
        return result
    }
}
