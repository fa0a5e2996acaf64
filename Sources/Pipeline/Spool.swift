import Foundation

/// Appends records to a file of the staging folder, one JSON line each, so what a file of many
/// transactions produces is not held in memory until its commit copies it into the ledger
/// (docs/pipeline.md, "Crash safety"). The spool needs no flush: the commit reads it back.
final class SpoolWriter<Record: Codable & Sendable> {
    /// The spool file.
    let path: String
    /// How many records are appended.
    private(set) var count = 0
    private var descriptor: Int32 = -1
    private let encoder = JSONEncoder()

    /// A spool at `path`, created with the first record.
    init(path: String) {
        self.path = path
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// Appends one record.
    func append(_ record: Record) throws {
        if descriptor < 0 {
            descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_APPEND | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
        }
        var line = try encoder.encode(record)
        line.append(0x0A)
        try writeAll(line, to: descriptor, path: path)
        count += 1
    }

    /// Forgets the records (the file is truncated by the next ``append(_:)``).
    func reset() {
        if descriptor >= 0 { close(descriptor) }
        descriptor = -1
        count = 0
    }

    /// The records for reading, nil when there are none.
    var spool: Spool<Record>? { count == 0 ? nil : Spool(path: path) }
}

/// Records a ``SpoolWriter`` appended, read back one line at a time.
public struct Spool<Record: Codable & Sendable>: Sendable {
    /// The spool file.
    public var path: String

    /// Calls `body` with each record in the order appended.
    public func forEach(_ body: (Record) throws -> Void) throws {
        guard let stream = fopen(path, "r") else { throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: path]) }
        defer { fclose(stream) }
        let decoder = JSONDecoder()
        var line: UnsafeMutablePointer<CChar>?
        defer { free(line) }
        var capacity = 0
        while true {
            let length = getline(&line, &capacity, stream)
            guard length > 0, let line else { break }
            try body(try decoder.decode(Record.self, from: Data(bytes: line, count: length)))
        }
    }
}

/// A transaction of an inbound file as its ledger row, spooled until the file's commit.
public struct SpooledTransaction: Sendable, Codable {
    /// ISA13 / UNB 0020 of its interchange.
    public var interchange: String
    /// The row.
    public var transaction: TransactionRecord
}
