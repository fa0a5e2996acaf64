import Foundation
import Testing
import EDICore
import EDISchema
import TestSupport
@testable import O2C

/// X12 mapping findings point at the value at fault, like validation findings: the segment, the
/// element, and the value's own line, column and byte offset (not its segment's start).
@Suite struct X12FindingPositionTests {
    @Test func purchaseOrderFindingsPointAtTheirValues() throws {
        var text = try String(contentsOf: Fixtures.repositoryRoot.appendingPathComponent("Samples/inbox/globex-850-005010.edi"),
                              encoding: .utf8)
        for (old, new) in [("BEG*00*SA*4500012400**20261125~", "BEG*00*SA*4500012400**20261131~"),
                           ("PO1*1*96*EA*12.5*PE*", "PO1*1*96*EA*12.X*PE*")] {
            try #require(text.contains(old))
            text = text.replacingOccurrences(of: old, with: new)
        }
        let transaction = try #require(try EDIFACTMappingTests.transactions(text: text).first)
        var findings: [MappingFinding] = []
        do {
            _ = try X12InboundMapper.map(transaction)
        } catch {
            findings = error.findings
        }
        #expect(findings.map(\.field) == ["BEG05", "PO104"], "\(findings)")
        let date = try #require(findings.first { $0.field == "BEG05" }?.position)
        #expect((date.segmentTag, date.element, date.line, date.column) == ("BEG", 5, 4, 23), "\(date)")
        let price = try #require(findings.first { $0.field == "PO104" }?.position)
        #expect((price.segmentTag, price.element, price.line, price.column) == ("PO1", 4, 18, 13), "\(price)")
        // The byte offset moves with the column: both count from the segment's start.
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let lineStart = lines.prefix(17).reduce(0) { $0 + $1.utf8.count + 1 }
        #expect(price.byteOffset == lineStart + 12)
        // Validation rejects both values too (DT and R types), at the very same positions.
        for position in [date, price] {
            let validated = transaction.result.diagnostics.filter { $0.position.segmentTag == position.segmentTag }.map(\.position)
            #expect(validated == [position], "validation: \(validated), mapping: \(position)")
        }
    }
}
