import EDICore

/// A transaction the reading thread has closed: what the reading thread found (no schema, SE/UNT
/// count and control number), where its result goes, and, once known, what its schema found.
struct PendingTransaction {
    /// The result with the reading thread's findings.
    var result: TransactionResult
    /// Its envelope, when the caller asked for validated transactions.
    var envelope: TransactionEnvelope?
    /// Its segments, when the validator collects them.
    var segments: TransactionSegments
    /// Its place in the interchange tree, when results are kept.
    var treeSlot: InterchangeTreeBuilder.Slot?
    /// The syntax error that cut it off before its trailer, if one did.
    var endedBy: SyntaxIssue?
    /// Whether a schema checks it.
    var hasSchema: Bool
    /// What the schema found (``TransactionValidator/findings(endingAt:standIn:type:)``); nil while
    /// a worker still has it.
    var schemaFindings: [Diagnostic]?
    /// The schema checks left to the taker (``FileValidator/defersSchemaChecks``).
    var deferredChecks: DeferredSchemaChecks?

    /// Whether everything about it is known, or left to the taker.
    var isReady: Bool { !hasSchema || schemaFindings != nil || deferredChecks != nil }

    /// The transaction's result with every finding, in the order one thread finds them.
    func merged() -> TransactionResult {
        Self.merging(result, schemaFindings: schemaFindings, endedBy: endedBy, hasSchema: hasSchema)
    }

    /// `result` (the reading thread's findings) with the schema's findings and, when a syntax error
    /// cut the transaction off, the finding that says so, in the order one thread finds them.
    static func merging(_ result: TransactionResult, schemaFindings: [Diagnostic]?, endedBy: SyntaxIssue?,
                        hasSchema: Bool) -> TransactionResult {
        var merged = result
        if let issue = endedBy {
            // A syntax error ended the transaction: what it lacks after that point is not the partner's
            // structure problem, so say it was cut off instead of listing every missing segment; the
            // findings of the segments read before the error stand.
            merged.diagnostics.append(contentsOf: schemaFindings ?? [])
            merged.diagnostics.append(Diagnostic(.error, .transactionTrailerMissing,
                "the transaction ends at a syntax error [\(issue.code)] before its trailer", at: issue.position))
        } else if hasSchema {
            merged.diagnostics.append(contentsOf: schemaFindings ?? [])
            // The SE/UNT count and control findings were added when the trailer arrived, before the
            // schema findings of earlier segments: keep the transaction's findings in file order.
            merged.diagnostics = FileValidation.inFileOrder(merged.diagnostics)
        }
        return merged
    }
}

/// Between the reading thread and the workers: collects the segments of transactions that have a
/// schema into a batch, hands a full batch (``FileValidator/batchBytes``) to the workers, and gives
/// the closed transactions back in file order once their schema findings are in. Without workers
/// (inline) the reading thread validates each transaction as it streams by, and a transaction is
/// ready as soon as it closes.
struct TransactionHandOff {
    /// Nil: validate inline.
    let workers: TransactionBatchWorkers?
    /// The batch the reading thread is filling.
    var batch: TransactionBatch
    private let batchBytes: Int
    /// Closed transactions not yet given back; the one with number `firstID` first.
    private var pending: [PendingTransaction?] = []
    private var head = 0
    private var firstID = 0
    /// Batches the workers are done with, to be filled again.
    private var spares: [TransactionBatch] = []

    /// Inline when `workers` is 0; otherwise that many worker threads, at most two batches each in flight.
    init(workers: Int, batchBytes: Int) {
        self.workers = workers > 0 ? TransactionBatchWorkers(workers: workers, limit: 2 * workers) : nil
        self.batchBytes = batchBytes
        batch = TransactionBatch(byteCapacity: workers > 0 ? batchBytes + batchBytes / 4 : 0)
    }

    /// Whether the reading thread validates each transaction itself.
    var isInline: Bool { workers == nil }

    /// The arena index the next segment copied into the batch gets.
    var nextSegmentIndex: Int { batch.arena.count }

    /// Copies a segment of the open transaction into the batch; returns the bytes the batch holds.
    @inline(__always)
    mutating func copy(_ segment: Segment) -> Int {
        batch.arena.append(segment)
        return batch.arena.byteCount
    }

    /// Takes a closed transaction; `job` (not inline) says which of the batch's segments its schema checks.
    mutating func close(_ transaction: PendingTransaction, job: TransactionJob?) {
        let id = firstID + pending.count
        pending.append(transaction)
        guard let job else { return }
        batch.jobs.append(job)
        batch.transactionIDs.append(id)
        if batch.arena.byteCount >= batchBytes { handOver() }
    }

    /// The next closed transaction in file order whose findings are all in, or nil.
    mutating func nextReady() -> PendingTransaction? {
        guard head < pending.count, pending[head]?.isReady == true else { return nil }
        let transaction = pending[head].take()
        head += 1
        if head == pending.count || head >= 1024 {
            pending.removeFirst(head)
            firstID += head
            head = 0
        }
        return transaction
    }

    /// Hands over the batch being filled and waits for every batch in flight.
    mutating func finish() {
        guard let workers else { return }
        handOver()
        while let done = workers.takeOldest(waits: true) { receive(done) }
    }

    private mutating func handOver() {
        guard let workers, !batch.jobs.isEmpty else { return }
        while !workers.hasRoom, let done = workers.takeOldest(waits: true) { receive(done) }
        workers.submit(batch)
        if var spare = spares.popLast() {
            spare.removeAll()
            batch = spare
        } else {
            batch = TransactionBatch(byteCapacity: batchBytes + batchBytes / 4)
        }
        while let done = workers.takeOldest(waits: false) { receive(done) }
    }

    private mutating func receive(_ done: (transactionIDs: [Int], findings: [[Diagnostic]], batch: TransactionBatch?)) {
        for (id, findings) in zip(done.transactionIDs, done.findings) {
            pending[id - firstID]?.schemaFindings = findings
        }
        if let batch = done.batch { spares.append(batch) }
    }
}
