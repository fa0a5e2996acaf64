#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Which envelope level a control number is for.
public enum ControlNumberLevel: String, Sendable, Hashable, Codable, CaseIterable {
    /// X12 `ISA13` / EDIFACT `UNB` 0020.
    case interchange
    /// X12 `GS06` / EDIFACT `UNG` 0048.
    case group
    /// X12 `ST02` / EDIFACT `UNH` 0062.
    case transaction
}

/// Hands out control numbers that are never reused. The pipeline supplies a durable one backed
/// by its ledger; the standalone commands use ``CounterFileAllocator``.
public protocol ControlNumberAllocator {
    /// The next number for a partner and level (1, 2, 3… per partner and level).
    mutating func next(_ level: ControlNumberLevel, partner: String) throws -> Int
}

/// A control-number failure: the counter file cannot be read or written.
public struct ControlNumberError: Error, Sendable, CustomStringConvertible {
    /// What failed.
    public var message: String
    public var description: String { message }
}

/// Control numbers kept in a small text file (`partner level last-number` per line), updated under
/// an exclusive `flock` and written to a temporary file that is renamed into place, so a number
/// is never handed out twice even when several commands run at once or one is killed.
public struct CounterFileAllocator: ControlNumberAllocator {
    /// The counter file.
    public let path: String

    /// Uses (and creates when needed) a counter file.
    public init(path: String) {
        self.path = path
    }

    public mutating func next(_ level: ControlNumberLevel, partner: String) throws -> Int {
        let lockPath = path + ".lock"
        let lock = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard lock >= 0 else { throw ControlNumberError(message: "cannot open \(lockPath): \(String(cString: strerror(errno)))") }
        defer { close(lock) }
        guard flock(lock, LOCK_EX) == 0 else { throw ControlNumberError(message: "cannot lock \(lockPath)") }
        defer { flock(lock, LOCK_UN) }
        var counters = try read()
        let key = "\(sanitized(partner)) \(level.rawValue)"
        let number = (counters[key] ?? 0) + 1
        counters[key] = number
        try write(counters)
        return number
    }

    private func sanitized(_ partner: String) -> String {
        String(partner.unicodeScalars.map { $0.properties.isWhitespace ? "_" : Character($0) })
    }

    private func read() throws -> [String: Int] {
        guard let file = fopen(path, "r") else { return [:] }
        defer { fclose(file) }
        var counters: [String: Int] = [:]
        var line: UnsafeMutablePointer<CChar>?
        var capacity = 0
        defer { free(line) }
        while getline(&line, &capacity, file) > 0, let line {
            let text = String(cString: line).split(separator: " ")
            guard text.count == 3, let number = Int(text[2].filter { !$0.isNewline }) else { continue }
            counters["\(text[0]) \(text[1])"] = number
        }
        return counters
    }

    private func write(_ counters: [String: Int]) throws {
        let temporary = path + ".tmp"
        guard let file = fopen(temporary, "w") else {
            throw ControlNumberError(message: "cannot write \(temporary): \(String(cString: strerror(errno)))")
        }
        for key in counters.keys.sorted() { fputs("\(key) \(counters[key]!)\n", file) }
        fflush(file)
        fsync(fileno(file))
        fclose(file)
        guard rename(temporary, path) == 0 else {
            throw ControlNumberError(message: "cannot replace \(path): \(String(cString: strerror(errno)))")
        }
    }
}

/// Control numbers from memory (tests and one-off runs): starts at a given number per level.
public struct InMemoryAllocator: ControlNumberAllocator {
    private var counters: [String: Int] = [:]
    private let start: Int

    /// Numbers start at `start` for each partner and level.
    public init(start: Int = 1) {
        self.start = start
    }

    public mutating func next(_ level: ControlNumberLevel, partner: String) throws -> Int {
        let key = "\(partner) \(level.rawValue)"
        let number = counters[key].map { $0 + 1 } ?? start
        counters[key] = number
        return number
    }
}
