import EDICore
import EDISchema
import Foundation
import O2C

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
                + (position.element.map { ", element \($0)" } ?? "")
                + (position.component.map { ", component \($0)" } ?? ""))
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

extension ReportTransaction {
    /// Appends the entry as `JSONEncoder` with sorted keys writes it, when that needs no encoder:
    /// no findings and every string printable ASCII without quotes or backslashes (else false, and
    /// nothing is appended).
    func appendPlainJSON(to bytes: inout [UInt8]) -> Bool {
        guard findings.isEmpty, Self.isPlain(controlNumber), Self.isPlain(type), businessKey.map(Self.isPlain) ?? true,
              documentType.map(Self.isPlain) ?? true, output.map(Self.isPlain) ?? true else { return false }
        func field(_ key: StaticString, _ value: String, comma: Bool = true) {
            if comma { bytes.append(UInt8(ascii: ",")) }
            bytes.append(UInt8(ascii: "\""))
            key.withUTF8Buffer { bytes.append(contentsOf: $0) }
            bytes.append(contentsOf: #"":""#.utf8)
            bytes.append(contentsOf: value.utf8)
            bytes.append(UInt8(ascii: "\""))
        }
        // Keys in byte order; controlNumber is always there, so every later key starts with a comma.
        bytes.append(UInt8(ascii: "{"))
        if let businessKey {
            field("businessKey", businessKey, comma: false)
            bytes.append(UInt8(ascii: ","))
        }
        field("controlNumber", controlNumber, comma: false)
        if let documentType { field("documentType", documentType) }
        bytes.append(contentsOf: #","findings":[]"#.utf8)
        if let output { field("output", output) }
        field("status", status.rawValue)
        field("type", type)
        bytes.append(UInt8(ascii: "}"))
        return true
    }

    /// Whether `JSONEncoder` writes `value` as it is between quotes: printable ASCII without quotes
    /// or backslashes.
    private static func isPlain(_ value: String) -> Bool {
        func plain(_ byte: UInt8) -> Bool {
            byte >= 0x20 && byte < 0x7F && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\")
        }
        return value.utf8.withContiguousStorageIfAvailable { $0.allSatisfy(plain) } ?? value.utf8.allSatisfy(plain)
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
    /// Transaction entries not yet written (written in blocks of 64 KiB).
    private var pending: [UInt8] = []

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
        pending.append(contentsOf: (firstTransaction ? "\n  " : ",\n  ").utf8)
        firstTransaction = false
        if !transaction.appendPlainJSON(to: &pending) { pending.append(contentsOf: try encoder.encode(transaction)) }
        if pending.count >= 1 << 16 { try flush() }
    }

    /// Writes the entries collected since the last write.
    private mutating func flush() throws {
        guard !pending.isEmpty else { return }
        try handle.write(contentsOf: pending)
        pending.removeAll(keepingCapacity: true)
    }

    mutating func endFile(_ file: ReportFile) throws {
        try flush()
        var tail = Data("], \"status\": ".utf8) + (try encoder.encode(file.status))
        tail += Data(", \"bytes\": \(file.bytes), \"findings\": ".utf8) + (try encoder.encode(file.findings)) + Data("}".utf8)
        try handle.write(contentsOf: tail)
    }

    mutating func finish(_ summary: TranslateSummary) throws {
        try flush()
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
