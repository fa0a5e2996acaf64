import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Wakes the pipeline when files may have arrived in `inbox/` or `outbound/<partner>/`: inotify on
/// Linux (a file closed after writing, or renamed in; new partner folders under `outbound/`), or
/// plain waiting between scans where inotify is not available or polling was asked for.
final class FolderWatcher {
    /// Whether inotify is in use (false: polling).
    let usesNotifications: Bool
    private let workspace: Workspace
    private let descriptor: Int32
    private var folders: [Int32: String] = [:]
    private var watched: Set<String> = []
    /// Files named by a close-after-write or rename-in event since the last ``takeCompleted()``.
    private var completed: Set<String> = []

    /// Watches a workspace; `polling` forces scanning only.
    init(workspace: Workspace, polling: Bool) {
        self.workspace = workspace
        #if canImport(Glibc)
        descriptor = polling ? -1 : inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        #else
        descriptor = -1
        #endif
        usesNotifications = descriptor >= 0
        refreshFolders()
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// Adds watches for `inbox/`, `outbound/` and every partner folder in it not yet watched.
    func refreshFolders() {
        guard usesNotifications else { return }
        var paths = [workspace.inbox.path, workspace.outbound.path]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: workspace.outbound.path)) ?? [] where Workspace.isReady(name) {
            let path = workspace.outbound.appendingPathComponent(name).path
            if FileStatusInfo(path: path)?.isDirectory == true { paths.append(path) }
        }
        #if canImport(Glibc)
        for path in paths where !watched.contains(path) {
            let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_ONLYDIR)
            let wd = inotify_add_watch(descriptor, path, mask)
            guard wd >= 0 else { continue }
            folders[wd] = path
            watched.insert(path)
        }
        #endif
    }

    /// The files events said are complete since the last call.
    func takeCompleted() -> Set<String> {
        defer { completed = [] }
        return completed
    }

    /// Waits up to `timeout` seconds for an event (or the stop signal); reads what arrived.
    func wait(timeout: Double, stop: StopSignal) {
        var descriptors = [pollfd(fd: stop.readDescriptor, events: Int16(POLLIN), revents: 0)]
        if usesNotifications { descriptors.append(pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)) }
        let milliseconds = Int32(max(0, min(timeout, 3600)) * 1000)
        let ready = poll(&descriptors, nfds_t(descriptors.count), milliseconds)
        if ready > 0, usesNotifications, descriptors[1].revents & Int16(POLLIN) != 0 { readEvents() }
    }

    /// Drains the inotify queue: complete files are remembered, new partner folders get a watch.
    private func readEvents() {
        #if canImport(Glibc)
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        var newFolder = false
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            var offset = 0
            buffer.withUnsafeBytes { bytes in
                while offset + 16 <= count {
                    let wd = bytes.loadUnaligned(fromByteOffset: offset, as: Int32.self)
                    let mask = bytes.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
                    let length = Int(bytes.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
                    let nameBytes = bytes[(offset + 16)..<min(offset + 16 + length, count)].prefix { $0 != 0 }
                    let name = String(decoding: nameBytes, as: UTF8.self)
                    offset += 16 + length
                    guard let folder = folders[wd], !name.isEmpty else { continue }
                    if mask & UInt32(IN_ISDIR) != 0 {
                        newFolder = true
                    } else if mask & UInt32(IN_CLOSE_WRITE | IN_MOVED_TO) != 0 {
                        completed.insert(folder + "/" + name)
                    }
                }
            }
        }
        if newFolder { refreshFolders() }
        #endif
    }
}

/// Decides which waiting files to take: those an event said are complete, and those whose size
/// and modification time did not change between two scans (polling, missed events, files found
/// in a new partner folder).
struct ReadinessTracker {
    private var seen: [String: FileStatusInfo] = [:]

    /// The candidates to take now; `everything` takes all (the first scan at start-up).
    mutating func ready(_ candidates: [(URL, FileDirection)], completed: Set<String>,
                        everything: Bool) -> (ready: [(URL, FileDirection)], waiting: Int) {
        var ready: [(URL, FileDirection)] = []
        var next: [String: FileStatusInfo] = [:]
        for candidate in candidates {
            let path = candidate.0.path
            guard let info = FileStatusInfo(path: path) else { continue }
            if everything || completed.contains(path) || seen[path] == info {
                ready.append(candidate)
            } else {
                next[path] = info
            }
        }
        seen = next
        return (ready, next.count)
    }
}
