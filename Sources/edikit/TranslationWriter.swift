import EDICore
import EDISchema
import Foundation
import O2C

/// Translates validated transactions and writes their documents atomically under the output folder:
/// ``prepare(_:json:)`` maps and encodes, ``stage(_:json:)`` writes the document where no reader
/// sees it (both on any thread), ``publish(_:)`` names it, in input order.
///
/// `@unchecked Sendable`: `documentFolders` is read and written only with `lock` held; ``publish(_:)``
/// is called by one thread at a time, in input order (``TranslationRecorder``).
final class TranslationWriter: @unchecked Sendable {
    let folder: String
    /// Indented JSON (the default) or compact.
    let pretty: Bool
    /// Whether each document is fsynced before it is named.
    let durable: Bool
    /// Whether documents are written straight from their segments where a direct writer exists
    /// (``DirectDocumentJSON``; the same bytes); false maps every one through the internal document.
    let writesDirectly: Bool
    private let lock = NSLock()
    /// The document-type folders written to so far, each opened once.
    private var documentFolders: [String: DocumentFolder] = [:]

    init(folder: String, compact: Bool, durable: Bool = false, writesDirectly: Bool = true) throws {
        self.folder = folder
        self.durable = durable
        self.writesDirectly = writesDirectly
        pretty = !compact
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    /// A transaction mapped and encoded (``prepare(_:json:)``), then staged (``stage(_:json:)``),
    /// then published (``publish(_:)``).
    struct Prepared: Sendable {
        var record: ReportTransaction
        var documentType: InternalDocument.DocumentType?
        var partner = ""
        /// Whether it has a document to name (mapped without error).
        var isMapped = false
        /// Where its JSON is in the thread's buffer, until it is staged.
        var json: Range<Int>?
        /// The document written, not yet named.
        var staged: (folder: DocumentFolder, document: DocumentFolder.StagedDocument)?
        /// Why it could not be staged.
        var stagingFailure: ReportFinding?
    }

    /// Maps one transaction and appends its document's JSON to `json` (the calling thread's): no
    /// shared state, so transactions can be prepared on several threads at once.
    static func prepare(_ transaction: ValidatedTransaction, json: inout DocumentJSONWriter,
                        writesDirectly: Bool) -> Prepared {
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
        // Straight from the segments where a direct writer handles the transaction, else through
        // the internal document (which reports what is wrong).
        let written: DirectDocumentJSON.Written
        if writesDirectly, let direct = DirectDocumentJSON.append(transaction, to: &json) {
            written = direct
        } else {
            do {
                let document = try InboundTranslator.translate(transaction)
                written = DirectDocumentJSON.Written(range: json.append(document), businessKey: document.businessKey)
            } catch {
                prepared.record.status = .failed
                prepared.record.findings = error.findings.map(ReportFinding.init)
                return prepared
            }
        }
        prepared.record.businessKey = written.businessKey
        prepared.partner = envelope.sender.id
        prepared.json = written.range
        prepared.isMapped = true
        return prepared
    }

    /// Writes a prepared document, its JSON in `json`, where no reader sees it yet. Any thread.
    func stage(_ prepared: inout Prepared, json: borrowing DocumentJSONWriter) {
        guard let range = prepared.json, let documentType = prepared.documentType else { return }
        prepared.json = nil
        do {
            let folder = try documentFolder(documentType.rawValue)
            let document = try json.withBytes(in: range) { try folder.stage($0, durable: durable) }
            prepared.staged = (folder, document)
        } catch {
            prepared.stagingFailure = ReportFinding(message: "could not write the document: \(error)")
        }
    }

    /// Names a staged document and gives it that name; called in input order, so a repeated name's
    /// `-2` goes to the later transaction. The record says what happened.
    func publish(_ prepared: Prepared) -> ReportTransaction {
        var record = prepared.record
        guard prepared.isMapped, prepared.documentType != nil else { return record }
        guard let (folder, document) = prepared.staged else {
            record.status = .failed
            record.findings = [prepared.stagingFailure ?? ReportFinding(message: "could not write the document")]
            return record
        }
        do {
            let file = try folder.publish(document, stem: Self.fileStem(partner: prepared.partner, key: record.businessKey,
                                                                        controlNumber: record.controlNumber))
            record.output = "\(folder.name)/\(file)"
            record.status = .translated
        } catch {
            record.status = .failed
            record.findings = [ReportFinding(message: "could not write the document: \(error)")]
        }
        return record
    }

    /// Drops a staged document that will not be published (the run stopped).
    func discard(_ prepared: Prepared) {
        if let (folder, document) = prepared.staged { folder.discard(document) }
    }

    /// `<partner>_<key>_<control>`, each part sanitised: the document's name without `.json` (the
    /// folder adds `-2`, `-3`… when this run already wrote it).
    static func fileStem(partner: String, key: String?, controlNumber: String) -> String {
        var stem = sanitize(partner)
        stem.reserveCapacity(stem.utf8.count + 2 + (key?.utf8.count ?? 5) + controlNumber.utf8.count + 7)
        stem += "_"
        stem += sanitize(key ?? "nokey")
        stem += "_"
        stem += sanitize(controlNumber)
        return stem
    }

    /// Keeps `[A-Za-z0-9._-]`, replaces anything else with `_`, never starts with a dot, at most 48
    /// characters. A part that is already so (nearly every one) is returned as it is.
    static func sanitize(_ text: String) -> String {
        if isSafeFileNamePart(text) { return text }
        var bytes = Array(text.utf8.prefix(48)).map { isSafeInFileName($0) ? $0 : UInt8(ascii: "_") }
        if bytes.first == UInt8(ascii: ".") { bytes[0] = UInt8(ascii: "_") }
        return bytes.isEmpty ? "none" : String(decoding: bytes, as: UTF8.self)
    }

    /// Whether `sanitize` keeps `text` as it is: 1 to 48 allowed bytes, not starting with a dot.
    private static func isSafeFileNamePart(_ text: String) -> Bool {
        let utf8 = text.utf8
        guard let first = utf8.first, first != UInt8(ascii: "."), utf8.count <= 48 else { return false }
        return utf8.withContiguousStorageIfAvailable { $0.allSatisfy(isSafeInFileName) } ?? utf8.allSatisfy(isSafeInFileName)
    }

    @inline(__always) private static func isSafeInFileName(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."): true
        default: false
        }
    }

    /// The folder of a document type, created and opened the first time.
    private func documentFolder(_ name: String) throws -> DocumentFolder {
        try lock.withLock {
            if let opened = documentFolders[name] { return opened }
            let opened = try DocumentFolder(parent: folder, name: name)
            documentFolders[name] = opened
            return opened
        }
    }
}

/// A failed system call, with `errno`'s text.
struct POSIXFailure: Error, CustomStringConvertible {
    let operation: String
    let path: String
    let reason = String(cString: strerror(errno))
    var description: String { "\(operation) \(path): \(reason)" }
}
