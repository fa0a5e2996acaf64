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

    @Option(name: .long, help: "Transactions mapped at once (default: the number of cores); memory grows with it.")
    var jobs: Int?

    @OptionGroup var output: OutputOptions

    func run() throws {
        let repository = try SchemaLocation.repository(schemas)
        var validator = FileValidator(repository: repository)
        validator.collectsSegments = true
        validator.keepsResults = false
        do {
            if let guide { validator.guide = try ImplementationGuide(contentsOf: URL(fileURLWithPath: guide)) }
        } catch let error as SchemaError {
            throw ValidationError("\(error)")
        }
        let files = try expandInputs(inputs)
        let writer = try TranslationWriter(folder: out, compact: compact, durable: durable)
        let progress = TranslateProgress(totalFiles: files.count, totalBytes: files.reduce(0) { $0 + fileSize($1) },
                                         enabled: isatty(STDERR_FILENO) == 1)
        var report = try ReportWriter(folder: out)
        var summary = TranslateSummary()
        let jobCount = max(1, jobs ?? ProcessInfo.processInfo.activeProcessorCount)
        // Memory holds at most one batch of transactions; one transaction per batch without parallel jobs.
        let batchSize = jobCount > 1 ? 4 * jobCount : 1

        for path in files {
            var fileRecord = ReportFile(path: path)
            try report.beginFile(path)
            var fileFailed = false
            do {
                var batch: [ValidatedTransaction] = []
                func flush() {
                    for record in writer.translate(batch: batch, jobs: jobCount) {
                        summary.count(record)
                        if record.status.isFailure { fileFailed = true }
                        if output.format == .text, record.status.isFailure { printFailure(path: path, record) }
                        try? report.add(record)
                    }
                    progress.transactionsDone(batch.count, offsetInFile: batch.last?.segments.last?.position.byteOffset ?? 0)
                    batch.removeAll(keepingCapacity: true)
                }
                let validation = try validator.validate(path: path, onTransaction: nil) { transaction in
                    batch.append(transaction)
                    if batch.count >= batchSize { flush() }
                }
                flush()
                fileRecord.bytes = validation.byteCount
                fileRecord.findings = validation.envelopeDiagnostics.filter { $0.severity == .error }.map(ReportFinding.init)
            } catch let error as SchemaError {
                throw ValidationError("\(error)")
            } catch {
                fileRecord.findings.append(ReportFinding(message: "\(error)"))
                fileRecord.bytes = fileSize(path)
            }
            if !fileRecord.findings.isEmpty { fileFailed = true }
            fileRecord.status = fileFailed ? "failed" : "ok"
            summary.files += 1
            summary.bytes += fileRecord.bytes
            if fileFailed { summary.failedFiles += 1 }
            if output.format == .text, !fileRecord.findings.isEmpty {
                for finding in fileRecord.findings { print("\(path): \(finding.text)") }
            }
            try report.endFile(fileRecord)
            progress.fileDone(bytes: fileRecord.bytes)
        }
        progress.finish()
        summary.seconds = progress.elapsed
        summary.reportPath = report.finalPath
        try report.finish(summary)

        switch output.format {
        case .json: try printJSON(summary)
        case .text: print(summary.text)
        }
        if summary.failedFiles > 0 || summary.failedTransactions > 0 || summary.invalid > 0 { throw ExitCode(1) }
    }

    private func printFailure(path: String, _ record: ReportTransaction) {
        let head = "\(path): \(record.type) \(record.controlNumber) \(record.status.rawValue)"
        print(([head] + record.findings.map { "  " + $0.text }).joined(separator: "\n"))
    }

    private func fileSize(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
    }
}

/// Translates validated transactions and writes their documents atomically under the output folder.
final class TranslationWriter {
    let folder: String
    /// Indented JSON (the default) or compact.
    let pretty: Bool
    /// Whether each document is fsynced before its rename.
    let durable: Bool
    /// Names written in this run, so two transactions never share a file.
    private var usedNames: Set<String> = []
    private var temporaryCounter = 0
    private var createdDirectories: Set<String> = []

    init(folder: String, compact: Bool, durable: Bool = false) throws {
        self.folder = folder
        self.durable = durable
        pretty = !compact
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    /// A transaction mapped and encoded, not yet written: what ``prepare(_:pretty:)`` hands to ``commit(_:)``.
    struct Prepared {
        var record: ReportTransaction
        var documentType: InternalDocument.DocumentType?
        var partner = ""
        var json: Data?
    }

    /// Maps and writes one transaction; the record says what happened.
    func translate(_ transaction: ValidatedTransaction) -> ReportTransaction {
        commit(Self.prepare(transaction, pretty: pretty))
    }

    /// Maps one transaction and encodes its document: no shared state, so transactions can be
    /// prepared on several threads at once.
    static func prepare(_ transaction: ValidatedTransaction, pretty: Bool) -> Prepared {
        let envelope = transaction.envelope
        var prepared = Prepared(record: ReportTransaction(type: envelope.transactionType,
                                                          controlNumber: envelope.transactionControlNumber))
        guard let documentType = InboundTranslator.documentType(syntax: envelope.syntax,
                                                                transactionType: envelope.transactionType) else {
            prepared.record.status = .skipped
            prepared.record.findings = [ReportFinding(message: "no internal document for \(envelope.syntax) \(envelope.transactionType)")]
            return prepared
        }
        prepared.documentType = documentType
        prepared.record.documentType = documentType.rawValue
        guard transaction.result.isValid else {
            prepared.record.status = .invalid
            prepared.record.findings = transaction.result.diagnostics.filter { $0.severity == .error }.prefix(50)
                .map(ReportFinding.init)
            return prepared
        }
        do {
            let document = try InboundTranslator.translate(transaction)
            prepared.record.businessKey = document.businessKey
            prepared.partner = envelope.sender.id
            prepared.json = DocumentJSONWriter.encode(document, pretty: pretty)
        } catch {
            prepared.record.status = .failed
            prepared.record.findings = error.findings.map(ReportFinding.init)
        }
        return prepared
    }

    /// Names and writes a prepared document (in input order, so names are stable).
    func commit(_ prepared: Prepared) -> ReportTransaction {
        var record = prepared.record
        guard let json = prepared.json, let documentType = prepared.documentType else { return record }
        do {
            let relative = uniqueName(documentType: documentType, partner: prepared.partner, key: record.businessKey,
                                      controlNumber: record.controlNumber)
            try write(json, to: relative)
            record.output = relative
            record.status = .translated
        } catch {
            record.status = .failed
            record.findings = [ReportFinding(message: "could not write the document: \(error)")]
        }
        return record
    }

    /// Prepares a batch of transactions on all cores, then commits them in order.
    func translate(batch: [ValidatedTransaction], jobs: Int) -> [ReportTransaction] {
        guard jobs > 1, batch.count > 1 else { return batch.map(translate) }
        let slots = Slots<Prepared>(count: batch.count)
        defer {
            _ = slots.buffer.deinitialize()
            slots.buffer.deallocate()
        }
        let pretty = self.pretty
        DispatchQueue.concurrentPerform(iterations: batch.count) { index in
            slots.buffer[index] = Self.prepare(batch[index], pretty: pretty)  // each index written by one thread only
        }
        return slots.buffer.map { commit($0!) }
    }

    /// `<type>/<partner>_<key>_<control>.json`, each part sanitised, with `-2`, `-3`… on a repeat.
    func uniqueName(documentType: InternalDocument.DocumentType, partner: String, key: String?,
                    controlNumber: String) -> String {
        let stem = [partner, key ?? "nokey", controlNumber].map { Self.sanitize($0) }.joined(separator: "_")
        var name = "\(documentType.rawValue)/\(stem).json"
        var counter = 2
        while usedNames.contains(name) {
            name = "\(documentType.rawValue)/\(stem)-\(counter).json"
            counter += 1
        }
        usedNames.insert(name)
        return name
    }

    /// Keeps `[A-Za-z0-9._-]`, replaces anything else with `_`, never starts with a dot, at most 48 characters.
    static func sanitize(_ text: String) -> String {
        var bytes = Array(text.utf8.prefix(48)).map { byte -> UInt8 in
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."): byte
            default: UInt8(ascii: "_")
            }
        }
        if bytes.first == UInt8(ascii: ".") { bytes[0] = UInt8(ascii: "_") }
        return bytes.isEmpty ? "none" : String(decoding: bytes, as: UTF8.self)
    }

    /// Writes to a temporary name in the target folder, then renames over the target.
    func write(_ data: Data, to relative: String) throws {
        let target = (folder as NSString).appendingPathComponent(relative)
        let directory = (target as NSString).deletingLastPathComponent
        if !createdDirectories.contains(directory) {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            createdDirectories.insert(directory)
        }
        temporaryCounter += 1
        let temporary = (directory as NSString).appendingPathComponent(".tmp-\(getpid())-\(temporaryCounter)")
        try Self.atomicWrite(data, temporary: temporary, target: target, durable: durable)
    }

    /// Writes `data` completely to `temporary` (fsynced when `durable`), then renames it to `target`,
    /// so a reader sees either the old file or the whole new one.
    static func atomicWrite(_ data: Data, temporary: String, target: String, durable: Bool) throws {
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw POSIXFailure(operation: "open", path: temporary) }
        var failed = false
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written <= 0 { failed = true; return }
                offset += written
            }
        }
        if failed || (durable && fsync(descriptor) != 0) {
            close(descriptor)
            unlink(temporary)
            throw POSIXFailure(operation: "write", path: temporary)
        }
        close(descriptor)
        guard rename(temporary, target) == 0 else {
            unlink(temporary)
            throw POSIXFailure(operation: "rename", path: target)
        }
    }
}

/// One result slot per batch element, filled by the worker that prepares that element.
private struct Slots<Element>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Element?>

    init(count: Int) {
        buffer = .allocate(capacity: count)
        buffer.initialize(repeating: nil)
    }
}

/// A failed system call, with `errno`'s text.
struct POSIXFailure: Error, CustomStringConvertible {
    let operation: String
    let path: String
    let reason = String(cString: strerror(errno))
    var description: String { "\(operation) \(path): \(reason)" }
}


/// One finding in `report.json`: a validation or mapping problem and where it is.
struct ReportFinding: Encodable {
    struct Position: Encodable {
        var line: Int
        var column: Int
        var segmentIndex: Int
        var segmentTag: String?
        var element: Int?
        var component: Int?

        init(_ position: EDIPosition) {
            line = position.line
            column = position.column
            segmentIndex = position.segmentIndex
            segmentTag = position.segmentTag
            element = position.element
            component = position.component
        }
    }

    var code: String?
    var message: String
    var field: String?
    var position: Position?

    init(message: String) { self.message = message }

    init(_ diagnostic: Diagnostic) {
        code = diagnostic.code
        message = diagnostic.message
        position = Position(diagnostic.position)
    }

    init(_ finding: MappingFinding) {
        message = finding.message
        field = finding.field
        position = finding.position.map(Position.init)
    }

    var text: String {
        var parts = [message]
        if let field { parts.append("(\(field))") }
        if let position {
            parts.append("at line \(position.line), column \(position.column)"
                + (position.segmentTag.map { ", segment \($0)" } ?? "")
                + (position.element.map { ", element \($0)" } ?? ""))
        }
        return parts.joined(separator: " ")
    }
}

/// One transaction in `report.json`.
struct ReportTransaction: Encodable {
    enum Status: String, Encodable {
        /// Written to `output`.
        case translated
        /// Validation errors: not translated.
        case invalid
        /// Mapping or writing failed.
        case failed
        /// Not a business document (997, 999, CONTRL).
        case skipped

        var isFailure: Bool { self == .invalid || self == .failed }
    }

    var type: String
    var controlNumber: String
    var status: Status = .failed
    var documentType: String?
    var businessKey: String?
    /// Relative to the output folder.
    var output: String?
    var findings: [ReportFinding] = []

    init(type: String, controlNumber: String) {
        self.type = type
        self.controlNumber = controlNumber
    }
}

/// The file-level part of a report entry, written after its transactions.
struct ReportFile {
    var path: String
    var status = "ok"
    var bytes = 0
    var findings: [ReportFinding] = []
}

/// Totals of a run; the last part of `report.json` and what `--format json` prints.
struct TranslateSummary: Encodable {
    var files = 0
    var failedFiles = 0
    var transactions = 0
    var translated = 0
    var invalid = 0
    var failedTransactions = 0
    var skipped = 0
    var bytes = 0
    var seconds = 0.0
    var reportPath = ""

    mutating func count(_ record: ReportTransaction) {
        transactions += 1
        switch record.status {
        case .translated: translated += 1
        case .invalid: invalid += 1
        case .failed: failedTransactions += 1
        case .skipped: skipped += 1
        }
    }

    var text: String {
        let megabytes = Double(bytes) / 1_000_000
        let rate = seconds > 0 ? megabytes / seconds : 0
        var line = "\(translated) of \(transactions) transactions translated from \(files) files"
        line += String(format: " (%.1f MB in %.2f s, %.1f MB/s)", megabytes, seconds, rate)
        var problems: [String] = []
        if invalid > 0 { problems.append("\(invalid) invalid") }
        if failedTransactions > 0 { problems.append("\(failedTransactions) failed") }
        if skipped > 0 { problems.append("\(skipped) skipped (no business document)") }
        if failedFiles > 0 { problems.append("\(failedFiles) files with errors") }
        if !problems.isEmpty { line += "; " + problems.joined(separator: ", ") }
        return line + "\nreport: \(reportPath)"
    }
}

/// Streams `report.json` to a temporary file as the run goes (memory stays one transaction), then
/// renames it into place: `{"files": [{"path", "transactions": [...], "status", "bytes", "findings"}], "summary": {...}}`.
struct ReportWriter {
    let finalPath: String
    private let temporaryPath: String
    private let handle: FileHandle
    private let encoder: JSONEncoder
    private var firstFile = true
    private var firstTransaction = true

    init(folder: String) throws {
        finalPath = (folder as NSString).appendingPathComponent("report.json")
        temporaryPath = (folder as NSString).appendingPathComponent(".report.json.tmp-\(getpid())")
        guard FileManager.default.createFile(atPath: temporaryPath, contents: nil) else {
            throw POSIXFailure(operation: "create", path: temporaryPath)
        }
        handle = try FileHandle(forWritingTo: URL(fileURLWithPath: temporaryPath))
        encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        try handle.write(contentsOf: Data("{\"files\": [".utf8))
    }

    mutating func beginFile(_ path: String) throws {
        let separator = firstFile ? "\n" : ",\n"
        firstFile = false
        firstTransaction = true
        try handle.write(contentsOf: Data("\(separator){\"path\": ".utf8) + encoder.encode(path) + Data(", \"transactions\": [".utf8))
    }

    mutating func add(_ transaction: ReportTransaction) throws {
        try handle.write(contentsOf: Data((firstTransaction ? "\n  " : ",\n  ").utf8) + encoder.encode(transaction))
        firstTransaction = false
    }

    func endFile(_ file: ReportFile) throws {
        var tail = Data("], \"status\": ".utf8) + (try encoder.encode(file.status))
        tail += Data(", \"bytes\": \(file.bytes), \"findings\": ".utf8) + (try encoder.encode(file.findings)) + Data("}".utf8)
        try handle.write(contentsOf: tail)
    }

    func finish(_ summary: TranslateSummary) throws {
        try handle.write(contentsOf: Data("\n], \"summary\": ".utf8) + encoder.encode(summary) + Data("}\n".utf8))
        try handle.synchronize()
        try handle.close()
        guard rename(temporaryPath, finalPath) == 0 else { throw POSIXFailure(operation: "rename", path: finalPath) }
    }
}

/// Progress on a terminal (stderr): files, transactions, MB, MB/s and ETA, redrawn at most five
/// times a second; silent when stderr is not a terminal.
final class TranslateProgress {
    let totalFiles: Int
    let totalBytes: Int
    let enabled: Bool
    private let start = Date()
    private var lastDraw = Date.distantPast
    private var files = 0
    private var transactions = 0
    /// Bytes of the files done.
    private var bytes = 0
    /// How far into the current file the last transaction ended.
    private var offsetInFile = 0

    init(totalFiles: Int, totalBytes: Int, enabled: Bool) {
        self.totalFiles = totalFiles
        self.totalBytes = totalBytes
        self.enabled = enabled
    }

    var elapsed: Double { Date().timeIntervalSince(start) }

    func transactionsDone(_ count: Int, offsetInFile offset: Int) {
        guard count > 0 else { return }
        transactions += count
        offsetInFile = offset
        draw()
    }

    func fileDone(bytes fileBytes: Int) {
        files += 1
        bytes += fileBytes
        offsetInFile = 0
        draw()
    }

    func finish() {
        guard enabled else { return }
        draw(force: true)
        FileHandle.standardError.write(Data("\n".utf8))
    }

    private func draw(force: Bool = false) {
        guard enabled else { return }
        let now = Date()
        guard force || now.timeIntervalSince(lastDraw) >= 0.2 else { return }
        lastDraw = now
        let seconds = max(elapsed, 0.001)
        let done = bytes + offsetInFile
        let rate = Double(done) / 1_000_000 / seconds
        var line = String(format: "\rfiles %d/%d  transactions %d  %.1f MB  %.1f MB/s", files, totalFiles, transactions,
                          Double(done) / 1_000_000, rate)
        if done > 0, totalBytes > done {
            line += String(format: "  ETA %.0f s", Double(totalBytes - done) / (Double(done) / seconds))
        }
        FileHandle.standardError.write(Data((line + "\u{1B}[K").utf8))
    }
}
