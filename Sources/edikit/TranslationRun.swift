import EDISchema
import Foundation
import O2C

/// The part of `edikit translate` after reading: checks, maps, encodes and writes batches of read
/// transactions and records them, and each file's entry, in the report and the summary in input
/// order.
///
/// With one job everything runs on the caller's thread as it is submitted. With `jobs` above one,
/// `jobs` worker threads take batches from a ``BatchQueue`` while the caller (the reading thread)
/// reads the next transactions: each worker checks and maps every transaction of its batch, encodes its
/// document and stages it (written, not yet named: ``DocumentFolder``), then hands the batch to
/// the ``TranslationRecorder`` and takes the next one, never waiting for another worker. Workers
/// run a few nice levels below the reading thread (``WorkerPriority``), the pipeline's one serial stage. The
/// recorder names and publishes the documents and reports them in input order (a repeated name's
/// `-2` goes to the later transaction), so the output is the same whatever the job count. At most
/// `2 × jobs + 12` batches (``extraBatchesOut``), and no more than ``bytesOut`` of source segments (unless a single batch is
/// larger), are out at once (queued, being translated, or waiting for an earlier one to be
/// recorded), so memory and open files stay bounded, also for files of very large transactions.
final class TranslationRun {
    /// Transactions per batch handed to a worker.
    static let batchSize = 8
    /// A batch is handed over early once its transactions' source segments reach this size.
    static let batchBytes = 512 << 10
    /// Source bytes that may be out at once in batches of more than one.
    static let bytesOut = 2 << 20
    /// Batches that may be out at once beyond two per job (queued, being translated, or translated
    /// and waiting for an earlier batch to be recorded). With only two per job, one slow batch held
    /// the reading thread back while the other workers, their batches done, found the queue empty.
    /// Each staged document holds an open file until it is recorded, so this stays a constant.
    static let extraBatchesOut = 12

    private let recorder: TranslationRecorder
    /// Translates on the calling thread (one job).
    private let inline: BatchTranslator?
    private let queue: BatchQueue<TranslationBatch>?
    /// Batches and bytes that may be out; taken by ``submit(_:sourceBytes:)``, given back when a batch is recorded.
    private let limit: InFlightLimit?
    private let stopped = DispatchGroup()
    /// Report events (file entries and batches) handed out so far.
    private var events = 0

    /// `workerNiceness`: nice levels the workers run below the calling (reading) thread
    /// (``WorkerPriority``).
    init(writer: TranslationWriter, report: ReportWriter, progress: TranslateProgress, printsFailures: Bool, jobs: Int,
         workerNiceness: Int32 = WorkerPriority.defaultSteps) {
        guard jobs > 1 else {
            recorder = TranslationRecorder(writer: writer, report: report, progress: progress,
                                           printsFailures: printsFailures, batchRecorded: {})
            inline = BatchTranslator(writer: writer, recorder: recorder)
            queue = nil
            limit = nil
            return
        }
        let limit = InFlightLimit(batches: 2 * jobs + Self.extraBatchesOut, bytes: Self.bytesOut)
        let queue = BatchQueue<TranslationBatch>(capacity: 4 * jobs)
        let recorder = TranslationRecorder(writer: writer, report: report, progress: progress,
                                           printsFailures: printsFailures, batchRecorded: { limit.release() })
        self.recorder = recorder
        self.limit = limit
        self.queue = queue
        inline = nil
        let stopped = stopped
        for index in 0..<jobs {
            stopped.enter()
            let worker = Thread {
                WorkerPriority.lowerCallingThread(by: workerNiceness)
                let translator = BatchTranslator(writer: writer, recorder: recorder)
                while let batch = queue.take() { translator.translate(batch) }
                stopped.leave()
            }
            worker.name = "edikit.translate.\(index)"
            worker.start()
        }
    }

    /// Starts a file's entry in the report.
    func beginFile(_ path: String) {
        recorder.record(.beginFile(path), at: nextEvent())
    }

    /// Translates a batch now (one job) or hands it to a worker, waiting while `2 × jobs + 12` batches,
    /// or ``bytesOut`` of source segments, are out. `sourceBytes`: the transactions' ``ValidatedTransaction/sourceByteCount`` summed (counted
    /// by the caller as it fills the batch; not needed with one job).
    func submit(_ transactions: [ValidatedTransaction], sourceBytes: Int) {
        guard !transactions.isEmpty else { return }
        let batch = TranslationBatch(event: nextEvent(), transactions: transactions)
        if let inline { return inline.translate(batch) }
        limit?.acquire(size: sourceBytes)
        queue?.put(batch)
    }

    /// Ends a file's entry (after its transactions' entries).
    func endFile(_ file: ReportFile) {
        recorder.record(.endFile(file), at: nextEvent())
    }

    /// Waits until every submitted batch is written and recorded, and stops the workers.
    func stop() {
        queue?.close()
        stopped.wait()
    }

    /// Stops the workers and closes the report; the totals.
    func finish() throws -> TranslateSummary {
        stop()
        return try recorder.finish()
    }

    private func nextEvent() -> Int {
        defer { events += 1 }
        return events
    }
}

extension ValidatedTransaction {
    /// The bytes its segments take in the file, header to trailer (0 when none were collected).
    var sourceByteCount: Int {
        guard let first = segmentStore.first, let last = segmentStore.last else { return 0 }
        return last.position.byteOffset + last.bytes.count - first.position.byteOffset
    }
}

/// Validated transactions handed to a worker, with their place among the report's events.
struct TranslationBatch: Sendable {
    let event: Int
    let transactions: [ValidatedTransaction]
}

/// What one thread does with a batch: check each transaction against its schema (the reading thread
/// left that to the workers), map it, encode its document into the thread's JSON buffer (kept from
/// document to document) and stage it, then hand the batch to the recorder.
/// One per thread.
final class BatchTranslator {
    let writer: TranslationWriter
    let recorder: TranslationRecorder
    private var json: DocumentJSONWriter

    init(writer: TranslationWriter, recorder: TranslationRecorder) {
        self.writer = writer
        self.recorder = recorder
        json = DocumentJSONWriter(pretty: writer.pretty, capacity: 1 << 16)
    }

    func translate(_ batch: TranslationBatch) {
        let prepared = batch.transactions.map { transaction in
            // The reading thread left the schema checks to this thread (defersSchemaChecks).
            var transaction = transaction
            transaction.completeSchemaChecks()
            json.removeAll()
            var prepared = TranslationWriter.prepare(transaction, json: &json, writesDirectly: writer.writesDirectly)
            writer.stage(&prepared, json: json)
            return prepared
        }
        let offset = batch.transactions.last?.segmentStore.last?.position.byteOffset ?? 0
        recorder.record(.transactions(prepared, offsetInFile: offset), at: batch.event)
    }
}
