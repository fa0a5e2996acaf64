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
    /// The document-type folders written to so far, each opened once.
    private var documentFolders: [String: DocumentFolder] = [:]

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
        var json: [UInt8]?
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
            prepared.json = DocumentJSONWriter.encodedBytes(document, pretty: pretty)
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
            let file = uniqueFileName(documentType: documentType, partner: prepared.partner, key: record.businessKey,
                                      controlNumber: record.controlNumber)
            try write(json, folder: documentType.rawValue, file: file)
            record.output = "\(documentType.rawValue)/\(file)"
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

    /// `<partner>_<key>_<control>.json` in the folder `<type>`, each part sanitised, with `-2`,
    /// `-3`… on a repeat.
    func uniqueFileName(documentType: InternalDocument.DocumentType, partner: String, key: String?,
                        controlNumber: String) -> String {
        let stem = [partner, key ?? "nokey", controlNumber].map { Self.sanitize($0) }.joined(separator: "_")
        var name = "\(stem).json"
        var counter = 2
        while !usedNames.insert("\(documentType.rawValue)/\(name)").inserted {
            name = "\(stem)-\(counter).json"
            counter += 1
        }
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

    /// Writes a document under its folder (see ``DocumentFolder``), which is opened once.
    func write(_ json: [UInt8], folder name: String, file: String) throws {
        let documentFolder: DocumentFolder
        if let opened = documentFolders[name] {
            documentFolder = opened
        } else {
            documentFolder = try DocumentFolder(parent: self.folder, name: name)
            documentFolders[name] = documentFolder
        }
        try documentFolder.write(json, to: file, durable: durable)
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
