import EDISchema
import Foundation

/// The part of `edikit translate` after validation: maps, encodes and writes batches of validated
/// transactions and records them in the report and the summary. With more than one job a batch
/// is handed to a serial queue, so the next transactions are validated while it is translated
/// (at most two batches wait or run there); with one job everything runs on the caller's thread.
/// Reports, summary and progress are touched only on that queue, or after ``drain()``.
final class TranslationRun: @unchecked Sendable {
    private let writer: TranslationWriter
    private var report: ReportWriter
    private var summary = TranslateSummary()
    private let progress: TranslateProgress
    private let printsFailures: Bool
    private let jobs: Int
    private let queue = DispatchQueue(label: "edikit.translate")
    private let freeSlots = DispatchSemaphore(value: 2)
    private var path = ""
    private var fileFailed = false

    init(writer: TranslationWriter, report: ReportWriter, progress: TranslateProgress, printsFailures: Bool, jobs: Int) {
        self.writer = writer
        self.report = report
        self.progress = progress
        self.printsFailures = printsFailures
        self.jobs = jobs
    }

    /// Starts a file's entry in the report; nothing may be in flight.
    func beginFile(_ path: String) throws {
        self.path = path
        fileFailed = false
        try report.beginFile(path)
    }

    /// Translates a batch now (one job) or on the queue, waiting while two batches are there.
    func submit(_ batch: [ValidatedTransaction]) {
        guard !batch.isEmpty else { return }
        guard jobs > 1 else { return translate(batch) }
        freeSlots.wait()
        queue.async {
            self.translate(batch)
            self.freeSlots.signal()
        }
    }

    /// Waits until every submitted batch is written and recorded.
    func drain() {
        if jobs > 1 { queue.sync {} }
    }

    /// Ends a file's entry: failed when a transaction or the file itself failed.
    func endFile(_ file: ReportFile) throws {
        var file = file
        if !file.findings.isEmpty { fileFailed = true }
        file.status = fileFailed ? "failed" : "ok"
        summary.files += 1
        summary.bytes += file.bytes
        if fileFailed { summary.failedFiles += 1 }
        try report.endFile(file)
        progress.fileDone(bytes: file.bytes)
    }

    /// Closes the report and returns the totals.
    func finish() throws -> TranslateSummary {
        progress.finish()
        summary.seconds = progress.elapsed
        summary.reportPath = report.finalPath
        try report.finish(summary)
        return summary
    }

    private func translate(_ batch: [ValidatedTransaction]) {
        for record in writer.translate(batch: batch, jobs: jobs) {
            summary.count(record)
            if record.status.isFailure {
                fileFailed = true
                if printsFailures {
                    let head = "\(path): \(record.type) \(record.controlNumber) \(record.status.rawValue)"
                    print(([head] + record.findings.map { "  " + $0.text }).joined(separator: "\n"))
                }
            }
            try? report.add(record)
        }
        progress.transactionsDone(batch.count, offsetInFile: batch.last?.segments.last?.position.byteOffset ?? 0)
    }
}
