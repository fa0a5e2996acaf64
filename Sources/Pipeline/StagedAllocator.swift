public import EDICore

/// Control numbers for one file, allocated optimistically as the ledger's `last + 1, + 2…` and
/// made durable only by the file's commit (``Ledger/commit(_:)`` moves `last` in the same
/// transaction as the file's outcome). A process killed before the commit leaves no gap; one
/// killed after it reuses nothing.
public struct StagedAllocator: ControlNumberAllocator {
    /// The ledger read from.
    public let ledger: any Ledger
    private var counters: [Key: ControlNumberAdvance] = [:]
    private var order: [Key] = []

    private struct Key: Hashable {
        var partner: String
        var level: ControlNumberLevel
    }

    /// Allocates from a ledger.
    public init(ledger: any Ledger) {
        self.ledger = ledger
    }

    public mutating func next(_ level: ControlNumberLevel, partner: String) throws -> Int {
        let key = Key(partner: partner, level: level)
        if counters[key] == nil {
            let last = try ledger.lastControlNumber(partner: partner, level: level)
            counters[key] = ControlNumberAdvance(partner: partner, level: level, from: last, to: last)
            order.append(key)
        }
        counters[key]!.to += 1
        return counters[key]!.to
    }

    /// The numbers used, for the commit.
    public var advances: [ControlNumberAdvance] {
        order.compactMap { counters[$0] }.filter { $0.to > $0.from }
    }
}
