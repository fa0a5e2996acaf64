import Foundation

/// A first-in first-out queue between the reading thread and the translation workers, holding at
/// most `capacity` items: ``put(_:)`` waits while it is full, ``take()`` while it is empty.
///
/// One thread puts. Since takers wait only on an empty queue and the putter only on a full one,
/// never both at once, each wake-up goes to one thread of the right kind; and a putter that found
/// the queue full is woken only once it has drained to half, so that it puts several items per
/// wake-up instead of sleeping again after each one (a context switch pair per item).
///
/// `@unchecked Sendable`: `items` and `isClosed` are read and written only with `condition` locked.
final class BatchQueue<Item: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private let capacity: Int
    /// Oldest first; never more than `capacity` (a handful), so removing the first is cheap.
    private var items: [Item] = []
    private var isClosed = false

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// Adds an item, waiting while the queue is full.
    func put(_ item: Item) {
        condition.lock()
        while items.count >= capacity { condition.wait() }
        precondition(!isClosed, "put after close")
        items.append(item)
        condition.unlock()
        // Only takers can be waiting (the queue is not full): one is enough for one item. Woken after
        // the unlock, it does not find the lock still held by this thread.
        condition.signal()
    }

    /// The oldest item, waiting while there is none; nil once the queue is closed and empty.
    func take() -> Item? {
        condition.lock()
        while items.isEmpty, !isClosed { condition.wait() }
        guard !items.isEmpty else {
            condition.unlock()
            return nil
        }
        let item = items.removeFirst()
        let wakesPutter = items.count <= capacity / 2
        condition.unlock()
        // Only the putter can be waiting (the queue was not empty); it is woken at half.
        if wakesPutter { condition.signal() }
        return item
    }

    /// No more items: workers finish what is queued, then ``take()`` returns nil.
    func close() {
        condition.lock()
        isClosed = true
        condition.broadcast()
        condition.unlock()
    }
}

/// What may be out at once between the reading thread and the recorder: at most `batches` batches,
/// and no more than `bytes` of source segments unless only one batch is out (so a file of very
/// large transactions keeps about one out at a time, and memory stays near one transaction's).
/// Batches are recorded in the order they were let out, so ``release()`` frees the oldest.
///
/// `@unchecked Sendable`: every stored property is read and written only with `condition` locked.
final class InFlightLimit: @unchecked Sendable {
    private let condition = NSCondition()
    private let batches: Int
    private let bytes: Int
    /// Source bytes of the batches out, oldest first, from `oldest` on.
    private var sizes: [Int] = []
    private var oldest = 0
    private var total = 0

    init(batches: Int, bytes: Int) {
        self.batches = max(1, batches)
        self.bytes = bytes
    }

    /// Waits until a batch of `size` source bytes may go out, and counts it out.
    func acquire(size: Int) {
        condition.lock()
        defer { condition.unlock() }
        while sizes.count - oldest >= batches || (total > 0 && total + size > bytes) { condition.wait() }
        if oldest > 64, oldest * 2 > sizes.count {
            sizes.removeFirst(oldest)
            oldest = 0
        }
        sizes.append(size)
        total += size
    }

    /// The oldest batch out is recorded.
    func release() {
        condition.lock()
        defer { condition.unlock() }
        guard oldest < sizes.count else { return }
        total -= sizes[oldest]
        oldest += 1
        condition.broadcast()
    }
}
