import Dispatch
import EDICore

/// One transaction of a ``TransactionBatch``: the compiled schema that checks it and which of the
/// batch's segments are its own.
struct TransactionJob: Sendable {
    /// The schema chosen from the envelope (or the explicit one, or the guide's).
    let plan: ValidationPlan
    /// The interchange's character encoding (UNB syntax identifier).
    let encoding: CharacterEncoding
    /// The transaction's segments in the batch's arena, header to trailer or to the last one read.
    let segments: Range<Int>
    /// Where the transaction ended (its trailer, or the envelope segment that closed it): the
    /// end-of-transaction structure checks run there. Nil when a syntax error cut it off.
    let end: EDIPosition?
    /// The version standing in for the transaction's own (`--nearest-schema`), or nil.
    let standIn: String?
    /// `850`, `ORDERS`: named in a stand-in's findings.
    let type: String
}

/// Transactions whose envelope context is known, with their segments copied into one arena, ready
/// to be validated on another thread: everything a worker reads is in here.
struct TransactionBatch: Sendable {
    var arena: SegmentArena
    var jobs: [TransactionJob] = []
    /// For each job, the reader's number of its transaction (``TransactionHandOff``).
    var transactionIDs: [Int] = []

    init(byteCapacity: Int) {
        arena = SegmentArena(byteCapacity: byteCapacity)
    }

    /// Empties the batch for the next run, keeping its memory.
    mutating func removeAll() {
        arena.removeAll()
        jobs.removeAll(keepingCapacity: true)
        transactionIDs.removeAll(keepingCapacity: true)
    }

    /// The schema findings of each job, in job order.
    func validate() -> [[Diagnostic]] {
        jobs.map { job in
            var validator = TransactionValidator(plan: job.plan, encoding: job.encoding)
            arena.forEachSegment(in: job.segments) { validator.consume($0) }
            return validator.findings(endingAt: job.end, standIn: job.standIn, type: job.type)
        }
    }
}

extension TransactionValidator {
    /// What the transaction's schema found, as the file reports it: at a trailer, with the
    /// end-of-transaction checks (``finish(at:)``); cut off by a syntax error (`end` nil), only what
    /// the segments read before it showed. A stand-in schema's findings become warnings that name it.
    mutating func findings(endingAt end: EDIPosition?, standIn: String?, type: String) -> [Diagnostic] {
        let found = end.map { finish(at: $0) } ?? diagnostics
        return FileValidator.asStandIn(found, standIn, type)
    }
}

/// Validates batches on worker threads, in order: batch `n` goes to serial queue `n % workers`, and
/// the reader takes results back oldest first. At most `limit` batches are queued or running, which
/// bounds memory whatever the file's size.
final class TransactionBatchWorkers {
    /// A batch handed to a worker, and where its findings come back.
    ///
    /// `@unchecked Sendable`: `findings` and `batch` are written once, by the worker, before it
    /// signals `done`, and read by the reader only after it has waited on `done`; the semaphore
    /// orders the writes before the reads, and nothing else touches them.
    private final class Slot: @unchecked Sendable {
        let transactionIDs: [Int]
        let done = DispatchSemaphore(value: 0)
        var findings: [[Diagnostic]] = []
        /// The batch, handed back so that the reader can fill it again (its memory is reused).
        var batch: TransactionBatch?

        init(transactionIDs: [Int]) {
            self.transactionIDs = transactionIDs
        }
    }

    private let queues: [DispatchQueue]
    private let limit: Int
    /// Oldest first; never more than `limit`.
    private var inFlight: [Slot] = []
    private var submitted = 0

    /// `workers` threads (at least one); at most `limit` batches in flight.
    init(workers: Int, limit: Int) {
        queues = (0..<max(1, workers)).map { DispatchQueue(label: "edikit.validate.worker\($0)") }
        self.limit = max(1, limit)
    }

    /// Whether a batch can be handed over without first taking one back.
    var hasRoom: Bool { inFlight.count < limit }

    /// Whether batches are still out.
    var isBusy: Bool { !inFlight.isEmpty }

    /// Hands a batch to the next worker; the caller makes room first (``hasRoom``).
    func submit(_ batch: TransactionBatch) {
        precondition(hasRoom, "too many batches in flight")
        let slot = Slot(transactionIDs: batch.transactionIDs)
        inFlight.append(slot)
        queues[submitted % queues.count].async {
            slot.findings = batch.validate()
            slot.batch = batch
            slot.done.signal()
        }
        submitted += 1
    }

    /// The oldest batch's findings with the reader's transaction numbers and the batch itself to fill
    /// again, waiting for them when
    /// `waits`; nil when nothing is in flight, or it is not done and `waits` is false.
    func takeOldest(waits: Bool) -> (transactionIDs: [Int], findings: [[Diagnostic]], batch: TransactionBatch?)? {
        guard let slot = inFlight.first else { return nil }
        if waits {
            slot.done.wait()
        } else if slot.done.wait(timeout: .now()) == .timedOut {
            return nil
        }
        inFlight.removeFirst()
        defer { slot.batch = nil }
        return (slot.transactionIDs, slot.findings, slot.batch)
    }
}
