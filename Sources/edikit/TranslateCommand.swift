import ArgumentParser
import EDICore
import EDISchema
import Foundation
import O2C

/// `edikit translate`: EDI files and folders in, one internal JSON document per transaction out,
/// with a machine-readable report of every file and transaction.
struct TranslateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "translate",
        abstract: "Translate EDI files into internal JSON documents (purchase orders, invoices, ...).",
        discussion: """
            Writes DIR/<document-type>/<partner>_<business key>_<control number>.json for each valid \
            transaction and DIR/report.json listing every file and transaction with its output or findings. \
            A bad file does not stop the batch. Exit 0 when everything translated, 1 when anything failed, \
            2 for usage or schema errors.
            """
    )

    @Argument(help: "EDI files or folders (searched recursively).")
    var inputs: [String]

    @Option(name: .long, help: "The output folder.")
    var out: String

    @Option(name: .long, help: "A partner implementation guide (XML overlay) to apply.")
    var guide: String?

    @Option(name: .long, help: "The Schemas folder (default: ./Schemas or the installation's).")
    var schemas: String?

    @Flag(name: .long, help: "Write compact JSON documents instead of indented ones.")
    var compact = false

    @Flag(name: .long, help: "Flush every document to disk (fsync) before renaming it into place: slower, survives a power cut.")
    var durable = false

    @Flag(name: .long, help: .hidden)
    var throughModel = false

    @Option(name: .long, help: "Transactions mapped at once (default: the number of cores); memory grows with it.")
    var jobs: Int?

    @Option(name: .long, help: "Nice levels the mapping threads run below the reading thread, so that reading, the one serial stage, keeps a core (default 3; 0: the same priority; Linux).")
    var workerNice: Int32 = WorkerPriority.defaultSteps

    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard (0...19).contains(workerNice) else { throw ValidationError("--worker-nice must be 0 to 19") }
    }

    func run() throws {
        let repository = try SchemaLocation.repository(schemas)
        var validator = FileValidator(repository: repository)
        validator.collectsSegments = true
        validator.keepsResults = false
        // This thread reads and keeps the envelope books; each transaction's schema checks run where
        // it is mapped (``BatchTranslator``), on the workers when there are several jobs.
        validator.defersSchemaChecks = true
        do {
            if let guide { validator.guide = try ImplementationGuide(contentsOf: URL(fileURLWithPath: guide)) }
        } catch let error as SchemaError {
            throw ValidationError("\(error)")
        }
        let files = try expandInputs(inputs)
        // `--through-model` (hidden) maps every transaction through its typed model and internal
        // document, also where a direct writer exists: the same bytes, for comparisons and benchmarks.
        let writer = try TranslationWriter(folder: out, compact: compact, durable: durable, writesDirectly: !throughModel)
        let progress = TranslateProgress(totalFiles: files.count, totalBytes: files.reduce(0) { $0 + fileSize($1) },
                                         enabled: isatty(STDERR_FILENO) == 1)
        let jobCount = max(1, jobs ?? ProcessInfo.processInfo.activeProcessorCount)
        // With more than one job, transactions are read on this thread while the batches before them
        // are checked, mapped, encoded and written on `jobCount` others (``TranslationRun``); with
        // one, each is translated as soon as it is read.
        let batchSize = jobCount > 1 ? TranslationRun.batchSize : 1
        let run = TranslationRun(writer: writer, report: try ReportWriter(folder: out), progress: progress,
                                 printsFailures: output.format == .text, jobs: jobCount, workerNiceness: workerNice)

        for path in files {
            var fileRecord = ReportFile(path: path)
            run.beginFile(path)
            var batch: [ValidatedTransaction] = []
            var batchBytes = 0
            batch.reserveCapacity(batchSize)
            do {
                let validation = try validator.validate(path: path, onTransaction: nil) { transaction in
                    batch.append(transaction)
                    if batchSize > 1 { batchBytes += transaction.sourceByteCount }
                    // Large transactions go out in smaller batches, so that they can be limited by size.
                    if batch.count >= batchSize || batchBytes >= TranslationRun.batchBytes {
                        run.submit(batch, sourceBytes: batchBytes)
                        batch.removeAll(keepingCapacity: true)
                        batchBytes = 0
                    }
                }
                run.submit(batch, sourceBytes: batchBytes)
                fileRecord.bytes = validation.byteCount
                fileRecord.findings = validation.envelopeDiagnostics.filter { $0.severity == .error }.map(ReportFinding.init)
            } catch let error as SchemaError {
                run.stop()
                throw ValidationError("\(error)")
            } catch {
                // The transactions validated before the file failed are translated all the same.
                run.submit(batch, sourceBytes: batchBytes)
                fileRecord.findings.append(ReportFinding(message: "\(error)"))
                fileRecord.bytes = fileSize(path)
            }
            run.endFile(fileRecord)
        }
        let summary = try run.finish()

        switch output.format {
        case .json: try printJSON(summary)
        case .text: print(summary.text)
        }
        if summary.failedFiles > 0 || summary.failedTransactions > 0 || summary.invalid > 0 { throw ExitCode(1) }
    }

    private func fileSize(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
    }
}
