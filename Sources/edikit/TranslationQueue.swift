import Foundation

/// A first-in first-out queue between the reading thread and the translation workers, holding at
/// most `capacity` items: ``put(_:)`` waits while it is full, ``take()`` while it is empty.
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
        defer { condition.unlock() }
        while items.count >= capacity { condition.wait() }
        precondition(!isClosed, "put after close")
        items.append(item)
        condition.broadcast()
    }

    /// The oldest item, waiting while there is none; nil once the queue is closed and empty.
    func take() -> Item? {
        condition.lock()
        defer { condition.unlock() }
        while items.isEmpty, !isClosed { condition.wait() }
        guard !items.isEmpty else { return nil }
        condition.broadcast()
        return items.removeFirst()
    }

    /// No more items: workers finish what is queued, then ``take()`` returns nil.
    func close() {
        condition.lock()
        isClosed = true
        condition.broadcast()
        condition.unlock()
    }
}
