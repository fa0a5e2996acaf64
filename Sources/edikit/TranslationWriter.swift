import EDICore
import EDISchema
import Foundation
import O2C

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
