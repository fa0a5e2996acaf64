import EDISchema
import Foundation
import O2C

/// The part of `edikit translate` after validation: maps, encodes and writes batches of validated
/// transactions and records them, and each file's entry, in the report and the summary in input
/// order.
///
/// With one job everything runs on the caller's thread as it is submitted. With `jobs` above one,
/// `jobs` worker threads take batches from a ``BatchQueue`` while the caller (the reading thread)
/// validates the next transactions: each worker maps and encodes its batch, waits for its turn to
/// name the documents (names depend on the documents before them, see ``NamingTurn``), writes
/// them, and hands the records to the ``TranslationRecorder``, which reports them in input order.
/// At most `2 × jobs` batches are queued or being translated, so memory stays flat.
final class TranslationRun {
    /// Transactions per batch handed to a worker.
    static let batchSize = 8

    private let writer: TranslationWriter
    private let recorder: TranslationRecorder
    private let turn = NamingTurn()
    private let queue: BatchQueue<TranslationBatch>?
    private let workers: [Thread]
    private let stopped = DispatchGroup()
    /// Translates on the calling thread (one job).
    private let inline: BatchTranslator
    /// Report events (file entries and batches) and batches handed out so far.
    private var events = 0
    private var batches = 0

    init(writer: TranslationWriter, recorder: TranslationRecorder, jobs: Int) {
        self.writer = writer
        self.recorder = recorder
        inline = BatchTranslator(writer: writer, recorder: recorder, turn: turn)
        guard jobs > 1 else {
            queue = nil
            workers = []
            return
        }
        let queue = BatchQueue<TranslationBatch>(capacity: jobs)
        self.queue = queue
        let turn = turn, stopped = stopped
        workers = (0..<jobs).map { index in
            stopped.enter()
            let thread = Thread {
                let translator = BatchTranslator(writer: writer, recorder: recorder, turn: turn)
                while let batch = queue.take() { translator.translate(batch) }
                stopped.leave()
            }
            thread.name = "edikit.translate.\(index)"
            return thread
        }
        for worker in workers { worker.start() }
    }

    /// Starts a file's entry in the report.
    func beginFile(_ path: String) {
        recorder.record(.beginFile(path), at: nextEvent())
    }

    /// Translates a batch now (one job) or hands it to a worker, waiting while `jobs` batches are
    /// queued.
    func submit(_ transactions: [ValidatedTransaction]) {
        guard !transactions.isEmpty else { return }
        let batch = TranslationBatch(event: nextEvent(), naming: batches, transactions: transactions)
        batches += 1
        if let queue {
            queue.put(batch)
        } else {
            inline.translate(batch)
        }
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

/// Validated transactions handed to a worker, with their place in the input.
struct TranslationBatch: Sendable {
    /// Its number among the run's report events.
    let event: Int
    /// Its number among the run's batches: names are given in this order.
    let naming: Int
    let transactions: [ValidatedTransaction]
}

/// What one thread does with a batch: map every transaction and encode its document into the
/// thread's JSON buffer (kept from batch to batch), name the documents in turn, write them, and
/// record the results. One per thread.
final class BatchTranslator {
    let writer: TranslationWriter
    let recorder: TranslationRecorder
    let turn: NamingTurn
    /// The batch's documents, one after the other.
    private var json: DocumentJSONWriter

    init(writer: TranslationWriter, recorder: TranslationRecorder, turn: NamingTurn) {
        self.writer = writer
        self.recorder = recorder
        self.turn = turn
        json = DocumentJSONWriter(pretty: writer.pretty, capacity: 1 << 18)
    }

    func translate(_ batch: TranslationBatch) {
        json.removeAll()
        var prepared = batch.transactions.map { TranslationWriter.prepare($0, json: &json) }
        turn.wait(for: batch.naming)
        for index in prepared.indices { writer.name(&prepared[index]) }
        turn.pass()
        let records = prepared.map { writer.write($0, json: json) }
        let offset = batch.transactions.last?.segments.last?.position.byteOffset ?? 0
        recorder.record(.transactions(records, offsetInFile: offset), at: batch.event)
    }
}
