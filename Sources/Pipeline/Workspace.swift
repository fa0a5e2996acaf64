public import Foundation

/// The folders of a running pipeline (docs/pipeline.md):
/// `inbox/ outbound/ internal/<type>/ outbox/<partner>/ archive/YYYY/MM/DD/ rejected/ edikit.db`.
public struct Workspace: Sendable {
    /// The root folder.
    public let root: URL

    /// A workspace at a root (taken as a folder, so paths in the configuration resolve inside it
    /// even before it exists).
    public init(root: URL) {
        self.root = URL(fileURLWithPath: root.path, isDirectory: true)
    }

    public var configuration: URL { root.appendingPathComponent("edikit.yaml") }
    public var inbox: URL { root.appendingPathComponent("inbox") }
    public var outbound: URL { root.appendingPathComponent("outbound") }
    public var internalDocuments: URL { root.appendingPathComponent("internal") }
    public var outbox: URL { root.appendingPathComponent("outbox") }
    public var archive: URL { root.appendingPathComponent("archive") }
    public var rejected: URL { root.appendingPathComponent("rejected") }
    public var ledger: URL { root.appendingPathComponent("edikit.db") }
    /// `.staging/`: outputs of files not yet committed (docs/pipeline.md, "Crash safety").
    public var staging: URL { root.appendingPathComponent(".staging") }
    /// `.edikit.lock`: held (flock) by the one process working on this root.
    public var lockFile: URL { root.appendingPathComponent(".edikit.lock") }

    /// A path under the root as the ledger keeps it (relative); other paths stay absolute.
    func relativePath(_ url: URL) -> String {
        let prefix = root.path.hasSuffix("/") ? root.path : root.path + "/"
        return url.path.hasPrefix(prefix) ? String(url.path.dropFirst(prefix.count)) : url.path
    }

    /// The absolute path of a path the ledger keeps.
    func absolutePath(_ path: String) -> String {
        path.hasPrefix("/") ? path : root.appendingPathComponent(path).path
    }

    /// Creates the folders, and a commented configuration when there is none.
    public func create(configurationTemplate: String) throws {
        for folder in [inbox, outbound, internalDocuments, outbox, archive, rejected] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        if !FileManager.default.fileExists(atPath: configuration.path) {
            try configurationTemplate.write(to: configuration, atomically: true, encoding: .utf8)
        }
    }

    /// `archive/YYYY/MM/DD/` for a date (UTC).
    public func archiveFolder(for date: Date) -> URL {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
        return archive.appendingPathComponent(String(parts.year!)).appendingPathComponent(two(parts.month!))
            .appendingPathComponent(two(parts.day!))
    }

    /// Whether a file name is one to wait for: hidden, temporary or partial files are not taken.
    public static func isReady(_ name: String) -> Bool {
        !(name.hasPrefix(".") || name.hasSuffix(".tmp") || name.hasSuffix(".part") || name.hasSuffix("~"))
    }
}

/// Writes a file under a temporary name in the same folder, flushes it, then renames it, so a
/// reader never sees half a file.
public func writeAtomically(_ data: Data, to url: URL) throws {
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
    guard FileManager.default.createFile(atPath: temporary.path, contents: data) else {
        throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: temporary.path])
    }
    let handle = try FileHandle(forWritingTo: temporary)
    try handle.synchronize()
    try handle.close()
    guard rename(temporary.path, url.path) == 0 else {
        throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
    }
}

/// A name built only from safe characters, never from untrusted text as it came.
public func safeName(_ text: String, limit: Int = 80) -> String {
    let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.")
    var name = String(text.map { allowed.contains($0) ? $0 : "_" }.prefix(limit))
    while name.hasPrefix(".") { name.removeFirst() }
    return name.isEmpty ? "file" : name
}

/// A path in a folder that does not exist yet and is not `excluding`: `name`, `name-2`, `name-3`…
/// With `counters`, the search starts where the last one for the same folder and name ended, so
/// thousands of outputs of one name cost one look-up each, not one per earlier output.
func freePath(in folder: URL, name: String, excluding: (String) -> Bool = { _ in false }, counters: NameCounters? = nil) -> URL {
    let base = (name as NSString).deletingPathExtension
    let ext = (name as NSString).pathExtension
    func candidate(_ counter: Int) -> URL {
        counter == 1 ? folder.appendingPathComponent(name)
            : folder.appendingPathComponent(ext.isEmpty ? "\(base)-\(counter)" : "\(base)-\(counter).\(ext)")
    }
    let key = folder.path + "/" + name
    var counter = counters?.last(key) ?? 1
    var url = candidate(counter)
    while excluding(url.path) || FileManager.default.fileExists(atPath: url.path) {
        counter += 1
        url = candidate(counter)
    }
    // Only names taken before are remembered: a process that writes millions of distinct names keeps none.
    if counter > 1 { counters?.record(key, counter) }
    return url
}

/// The last `-N` suffix given to each output name in a folder (``freePath(in:name:excluding:counters:)``).
final class NameCounters: @unchecked Sendable {
    private let lock = NSLock()
    private var counters: [String: Int] = [:]

    func last(_ key: String) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        return counters[key]
    }

    func record(_ key: String, _ counter: Int) {
        lock.lock()
        counters[key] = counter
        lock.unlock()
    }
}
