import Foundation

/// Points where the crash test makes the process kill itself, to land a `kill -9` exactly in the
/// windows that random kills rarely hit. Set by `EDIKIT_FAILPOINT=<point>:<n>`: the n-th time the
/// process reaches the point it sends itself SIGKILL. Unset, nothing happens.
enum Failpoint: String {
    /// A file's outputs are staged; its commit has not happened.
    case staged
    /// A file's commit is done; nothing is renamed yet.
    case committed
    /// The first rename after a commit is done; the others are not.
    case renaming

    private static let configured: (Failpoint, Int)? = {
        guard let value = ProcessInfo.processInfo.environment["EDIKIT_FAILPOINT"] else { return nil }
        let parts = value.split(separator: ":")
        guard parts.count == 2, let point = Failpoint(rawValue: String(parts[0])), let count = Int(parts[1]) else { return nil }
        return (point, count)
    }()
    private static let reached = Counter()

    /// Kills the process when this is the configured point, reached the configured number of times.
    func reach() {
        guard let (point, count) = Self.configured, point == self, Self.reached.increment() == count else { return }
        kill(getpid(), SIGKILL)
    }

    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0

        func increment() -> Int {
            lock.lock()
            defer { lock.unlock() }
            value += 1
            return value
        }
    }
}
