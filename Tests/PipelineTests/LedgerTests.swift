import EDICore
import Foundation
import Pipeline
import Testing
import TestSupport

/// The SQLite ledger: files and interchanges recorded, duplicates found, control numbers
/// allocated durably and never reused, also across reopenings and concurrent allocators.
@Suite("Ledger")
struct LedgerTests {
    func temporaryPath() -> String {
        TestFiles.folder.appendingPathComponent("edikit-ledger-\(UUID().uuidString).db").path
    }

    @Test func filesInterchangesAndDuplicates() throws {
        let ledger = try SQLiteLedger(path: temporaryPath())
        let file = try ledger.recordFile(name: "po.edi", sha256: "abc", size: 10, direction: .inbound)
        #expect(try !ledger.hasSeenInterchange(partner: "globex", controlNumber: "000000101", within: 3600))
        let interchange = try ledger.recordInterchange(fileID: file, partner: "globex", direction: .inbound, controlNumber: "000000101",
                                                       acknowledgementExpected: nil)
        try ledger.recordTransaction(interchangeID: interchange, type: "850", controlNumber: "0001", valid: true, output: "po.json")
        try ledger.updateFile(file, status: .archived, location: "archive/2026/11/29/po.edi", reason: nil)
        #expect(try ledger.hasSeenInterchange(partner: "globex", controlNumber: "000000101", within: 3600))
        #expect(try !ledger.hasSeenInterchange(partner: "initech", controlNumber: "000000101", within: 3600))
        #expect(try ledger.fileCounts() == ["archived": 1])
    }

    @Test func controlNumbersAreNeverReused() throws {
        let path = temporaryPath()
        var numbers: [Int] = []
        do {
            var allocator = LedgerAllocator(ledger: try SQLiteLedger(path: path))
            for _ in 0..<5 { numbers.append(try allocator.next(.interchange, partner: "globex")) }
        }
        // Reopened: numbering goes on where it stopped.
        var again = LedgerAllocator(ledger: try SQLiteLedger(path: path))
        numbers.append(try again.next(.interchange, partner: "globex"))
        #expect(numbers == [1, 2, 3, 4, 5, 6])
        #expect(try again.next(.interchange, partner: "initech") == 1)
        #expect(try again.next(.group, partner: "globex") == 1)
    }

    @Test func concurrentAllocatorsGetDistinctNumbers() async throws {
        let path = temporaryPath()
        _ = try SQLiteLedger(path: path)
        let results = try await withThrowingTaskGroup(of: [Int].self) { group in
            for _ in 0..<4 {
                group.addTask {
                    var allocator = LedgerAllocator(ledger: try SQLiteLedger(path: path))
                    return try (0..<25).map { _ in try allocator.next(.transaction, partner: "globex") }
                }
            }
            var all: [Int] = []
            for try await numbers in group { all += numbers }
            return all
        }
        #expect(results.count == 100)
        #expect(Set(results).count == 100)
        #expect(results.sorted() == Array(1...100))
    }
}
