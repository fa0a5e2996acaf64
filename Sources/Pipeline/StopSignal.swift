import Dispatch
import Foundation

/// A request to stop, from SIGTERM or SIGINT (or a test): the watcher finishes the file in hand,
/// then returns. Waiting for files wakes up at once when it is requested.
public final class StopSignal: @unchecked Sendable {
    private let lock = NSLock()
    private var requested = false
    private var sources: [any DispatchSourceSignal] = []
    /// Read end of a pipe that becomes readable once a stop is requested (for `poll`).
    let readDescriptor: Int32
    private let writeDescriptor: Int32

    /// A signal nobody has raised yet.
    public init() {
        var descriptors: [Int32] = [-1, -1]
        if pipe(&descriptors) == 0 {
            _ = fcntl(descriptors[0], F_SETFD, FD_CLOEXEC)
            _ = fcntl(descriptors[1], F_SETFD, FD_CLOEXEC)
        }
        readDescriptor = descriptors[0]
        writeDescriptor = descriptors[1]
    }

    deinit {
        for source in sources { source.cancel() }
        close(readDescriptor)
        close(writeDescriptor)
    }

    /// Whether a stop was requested.
    public var isRequested: Bool {
        lock.lock()
        defer { lock.unlock() }
        return requested
    }

    /// Requests a stop.
    public func request() {
        lock.lock()
        let first = !requested
        requested = true
        lock.unlock()
        if first {
            var byte: UInt8 = 1
            _ = write(writeDescriptor, &byte, 1)
        }
    }

    /// Turns SIGTERM and SIGINT into a stop request instead of ending the process at once; `onSignal`
    /// is told which one came.
    public func handleTerminationSignals(onSignal: @escaping @Sendable (Int32) -> Void = { _ in }) {
        for number in [SIGTERM, SIGINT] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [weak self] in
                onSignal(number)
                self?.request()
            }
            source.resume()
            sources.append(source)
        }
    }
}
