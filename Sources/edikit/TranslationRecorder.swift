import Foundation

/// Names and publishes the documents of a translate run (``TranslationWriter/publish(_:)``) and puts
/// what happened into `report.json`, the summary, the progress line and (text output) the failure
/// lines, in input order whatever order the workers finish in: each event carries its number, and
/// an event waits in `pending` until every event before it is recorded. The thread that hands over
/// the next event in order records it and every waiting one it unblocks, including those handed over
/// while it records; the others return at once.
///
/// `@unchecked Sendable`: `pending`, `next` and `isRecording` are read and written only with `lock`
/// held; the rest only by the one thread recording (``record(_:at:)``, between setting and clearing
/// `isRecording` under the lock) or, once every event is recorded, by ``finish()`` with `lock` held.
final class TranslationRecorder: @unchecked Sendable {
    /// One thing to record.
    enum Event {
        /// A file's entry begins.
        case beginFile(String)
        /// A batch's transactions, staged; `offsetInFile` is where its last one ended (for the progress line).
        case transactions([TranslationWriter.Prepared], offsetInFile: Int)
        /// A file's entry ends, after its transactions.
        case endFile(ReportFile)
    }

    private let lock = NSLock()
    private let writer: TranslationWriter
    private var report: ReportWriter
    private let progress: TranslateProgress
    /// Whether failures are printed (text output).
    private let printsFailures: Bool
    /// Called after each batch is recorded (its documents are no longer held).
    private let batchRecorded: @Sendable () -> Void
    private var summary = TranslateSummary()
    /// Events that arrived before an earlier one, by number.
    private var pending: [Int: Event] = [:]
    private var next = 0
    /// Whether a thread is recording events (outside the lock).
    private var isRecording = false
    private var path = ""
    private var fileFailed = false
    /// The first error writing the report; ``finish()`` throws it.
    private var failure: (any Error)?

    init(writer: TranslationWriter, report: ReportWriter, progress: TranslateProgress, printsFailures: Bool,
         batchRecorded: @escaping @Sendable () -> Void) {
        self.writer = writer
        self.batchRecorded = batchRecorded
        self.report = report
        self.progress = progress
        self.printsFailures = printsFailures
    }

    /// Records `event`, numbered `number` in input order, and any waiting events it unblocks.
    ///
    /// One thread at a time records (`isRecording`), outside the lock: a thread whose event arrives
    /// meanwhile leaves it in `pending` and returns at once, instead of sleeping on the lock while
    /// documents are published, and the recording thread takes it up before it stops.
    func record(_ event: Event, at number: Int) {
        lock.lock()
        pending[number] = event
        guard !isRecording else {
            lock.unlock()
            return
        }
        isRecording = true
        while let ready = pending.removeValue(forKey: next) {
            next += 1
            lock.unlock()
            apply(ready)
            lock.lock()
        }
        isRecording = false
        lock.unlock()
    }

    /// Closes the report once every event is recorded; the totals.
    func finish() throws -> TranslateSummary {
        lock.lock()
        defer { lock.unlock() }
        precondition(pending.isEmpty, "events missing before \(next)")
        if let failure { throw failure }
        progress.finish()
        summary.seconds = progress.elapsed
        summary.reportPath = report.finalPath
        try report.finish(summary)
        return summary
    }

    private func apply(_ event: Event) {
        do {
            switch event {
            case .beginFile(let path):
                self.path = path
                fileFailed = false
                try report.beginFile(path)
            case .transactions(let batch, let offset):
                defer { batchRecorded() }
                // Every staged document is published (its open file closed) before the report can fail.
                let records = batch.map(writer.publish)
                for record in records { try add(record) }
                progress.transactionsDone(batch.count, offsetInFile: offset)
            case .endFile(let file):
                try end(file)
            }
        } catch {
            if failure == nil { failure = error }
        }
    }

    private func add(_ record: ReportTransaction) throws {
        summary.count(record)
        if record.status.isFailure {
            fileFailed = true
            if printsFailures {
                let head = "\(path): \(record.type) \(record.controlNumber) \(record.status.rawValue)"
                print(([head] + record.findings.map { "  " + $0.text }).joined(separator: "\n"))
            }
        }
        try report.add(record)
    }

    /// A file's entry ends: failed when a transaction or the file itself failed.
    private func end(_ file: ReportFile) throws {
        var file = file
        if printsFailures {
            for finding in file.findings { print("\(file.path): \(finding.text)") }
        }
        if !file.findings.isEmpty { fileFailed = true }
        file.status = fileFailed ? "failed" : "ok"
        summary.files += 1
        summary.bytes += file.bytes
        if fileFailed { summary.failedFiles += 1 }
        try report.endFile(file)
        progress.fileDone(bytes: file.bytes)
    }
}
