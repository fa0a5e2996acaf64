import Foundation
import Logging

extension PipelineRunner {
    /// Runs until `stop` is requested: finishes what a stopped process left (``recover()``), takes
    /// everything already waiting, then every file that arrives in `inbox/` or
    /// `outbound/<partner>/` — once complete: closed after writing or renamed in (inotify), or with
    /// the same size and modification time on two scans `pollInterval` seconds apart. A stop
    /// request lets the file in hand finish.
    ///
    /// - Parameters:
    ///   - polling: scan only, even where inotify is available.
    ///   - pollInterval: seconds between scans while files are waiting to be complete (and between
    ///     all scans when polling).
    public func watch(stop: StopSignal, polling: Bool = false, pollInterval: Double = 2) throws -> PipelineSummary {
        try recover()
        let watcher = FolderWatcher(workspace: workspace, polling: polling)
        if !watcher.usesNotifications, !polling {
            logger.notice("inotify is not available; polling", metadata: ["interval": "\(pollInterval)"])
        }
        var tracker = ReadinessTracker()
        var summary = PipelineSummary()
        var firstScan = true
        while !stop.isRequested {
            watcher.refreshFolders()
            let (ready, waiting) = tracker.ready(try pendingFiles(), completed: watcher.takeCompleted(), everything: firstScan)
            for (file, direction) in ready {
                if stop.isRequested { break }
                summary.add(try process(file, direction: direction))
            }
            try finishPending()
            if firstScan {
                // What was waiting at start-up is done; from here on files are taken once complete.
                firstScan = false
                logger.info("watching", metadata: ["root": "\(workspace.root.path)",
                                                   "mode": "\(watcher.usesNotifications ? "inotify" : "polling")"])
            }
            if stop.isRequested { break }
            // Right after work, look again at once (events queued meanwhile); otherwise sleep until an
            // event, or until files still being written are due for their second look.
            let timeout = !ready.isEmpty ? 0 : (waiting > 0 || !watcher.usesNotifications ? pollInterval : 60)
            watcher.wait(timeout: timeout, stop: stop)
        }
        logger.info("stopped", metadata: ["archived": "\(summary.archived)", "rejected": "\(summary.rejected)",
                                          "outbound": "\(summary.outbound)"])
        return summary
    }
}
