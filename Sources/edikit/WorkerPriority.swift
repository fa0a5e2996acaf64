import Foundation

/// The scheduling priority of `translate`'s worker threads.
///
/// `translate` is a pipeline with one serial stage: the reading thread tokenizes every transaction
/// and keeps the envelope books before a worker can check and map it. With as many workers as cores,
/// the reading thread shares the cores with them and gets only its fair share of one, so it can fall
/// behind and the workers wait for it. Each worker therefore lowers its own priority by a few nice
/// levels: the reading thread keeps a core whenever it has work, and the workers take every cycle it
/// leaves.
enum WorkerPriority {
    /// Nice levels the workers run below the reading thread by default (measured: 2 to 5 all keep
    /// the reading thread fed; see docs/performance.md).
    static let defaultSteps: Int32 = 3

    /// Makes the calling thread `steps` nice levels lower in priority than it is now (at most 19).
    /// On Linux, where the nice value belongs to each thread; elsewhere nothing changes. Whether it
    /// changed.
    @discardableResult
    static func lowerCallingThread(by steps: Int32) -> Bool {
        #if os(Linux)
        guard steps > 0 else { return false }
        let which = __priority_which_t(PRIO_PROCESS.rawValue)
        errno = 0
        // `who` 0 with PRIO_PROCESS is the calling thread on Linux, not the whole process.
        let current = getpriority(which, 0)
        guard errno == 0 else { return false }
        return setpriority(which, 0, min(19, current + steps)) == 0
        #else
        return false
        #endif
    }
}
