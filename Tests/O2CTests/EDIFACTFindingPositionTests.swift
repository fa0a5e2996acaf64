import Foundation
import Testing
import EDICore
import EDISchema
import TestSupport
@testable import O2C

/// EDIFACT mapping findings name the data element and component of the value at fault, numbered and
/// placed like validation findings (`QTY+21:12O`: element 1, component 2, column 8). Each sample of
/// the five messages is changed in the test (a value that is not a number, a day that does not
/// exist, a required value or segment missing) and mapped; where validation also rejects the value
/// (a D96A numeric element), both findings must give the same position.
@Suite struct EDIFACTFindingPositionTests {
    /// The messages of a sample after text replacements (each must occur), validated with their segments.
    static func transactions(_ relativePath: String, _ replacements: [(String, String)]) throws -> [ValidatedTransaction] {
        var text = try String(contentsOf: Fixtures.repositoryRoot.appendingPathComponent(relativePath), encoding: .utf8)
        for (old, new) in replacements {
            try #require(text.contains(old), "\(old) not in \(relativePath)")
            text = text.replacingOccurrences(of: old, with: new)
        }
        return try EDIFACTMappingTests.transactions(text: text)
    }

    /// The mapping findings of a message (none when it maps).
    static func findings(_ transaction: ValidatedTransaction) -> [MappingFinding] {
        do {
            _ = try EDIFACTInboundMapper.map(transaction)
            return []
        } catch {
            return error.findings
        }
    }

    /// The finding of a field; records an issue when there is not exactly one.
    static func finding(_ field: String, in findings: [MappingFinding]) throws -> MappingFinding {
        let matching = findings.filter { $0.field == field }
        try #require(matching.count == 1, "\(field) in \(findings)")
        return matching[0]
    }

    /// Checks a finding's segment, element, component, line and column.
    static func expect(_ finding: MappingFinding, _ tag: String, element: Int?, component: Int?, line: Int, column: Int,
                       sourceLocation: SourceLocation = #_sourceLocation) {
        let position = finding.position
        #expect(position?.segmentTag == tag, "\(finding)", sourceLocation: sourceLocation)
        #expect(position?.element == element, "\(finding)", sourceLocation: sourceLocation)
        #expect(position?.component == component, "\(finding)", sourceLocation: sourceLocation)
        #expect(position?.line == line, "\(finding)", sourceLocation: sourceLocation)
        #expect(position?.column == column, "\(finding)", sourceLocation: sourceLocation)
    }

    /// Checks that validation found the same value at the very same position (every field).
    static func expectValidationAgrees(_ finding: MappingFinding, _ transaction: ValidatedTransaction,
                                       sourceLocation: SourceLocation = #_sourceLocation) {
        let diagnostics = transaction.result.diagnostics.filter { $0.position.segmentTag == finding.position?.segmentTag }
        #expect(diagnostics.map(\.position) == [finding.position].compactMap { $0 },
                "validation: \(diagnostics), mapping: \(finding)", sourceLocation: sourceLocation)
    }

    @Test func ordersD96A() throws {
        let transaction = try #require(try Self.transactions("Samples/inbox/initech-ORDERS-D96A-two-messages.edi", [
            ("BGM+220+PO-2026-0481+9'", "BGM+220++9'"),
            ("DTM+137:20261124:102'\nDTM+2:20261208", "DTM+137:20261131:102'\nDTM+2:20261208"),
            ("QTY+21:120'", "QTY+21:12O'"),
            ("PRI+AAA:11.40'\nLIN+2++0876543100022", "PRI+AAA:11.4X'\nLIN+2++0876543100022"),
            ("CNT+2:3'\nUNT+20+1'", "CNT+2:X'\nUNT+20+1'"),
        ]).first)
        let findings = Self.findings(transaction)
        #expect(findings.count == 5, "\(findings)")
        // In source order, as X12's: the mapper reads the DTM dates before the BGM number.
        #expect(findings.map(\.field) == ["BGM 1004", "DTM 137", "QTY 21 6060", "PRI AAA 5118", "CNT 2 6066"], "\(findings)")
        // D96A BGM 1004 is a simple data element: element 2, no component; where it would start.
        Self.expect(try Self.finding("BGM 1004", in: findings), "BGM", element: 2, component: nil, line: 4, column: 9)
        Self.expect(try Self.finding("DTM 137", in: findings), "DTM", element: 1, component: 2, line: 5, column: 9)
        let quantity = try Self.finding("QTY 21 6060", in: findings)
        Self.expect(quantity, "QTY", element: 1, component: 2, line: 12, column: 8)
        Self.expectValidationAgrees(quantity, transaction)
        let price = try Self.finding("PRI AAA 5118", in: findings)
        Self.expect(price, "PRI", element: 1, component: 2, line: 13, column: 9)
        Self.expectValidationAgrees(price, transaction)
        let lineCount = try Self.finding("CNT 2 6066", in: findings)
        Self.expect(lineCount, "CNT", element: 1, component: 2, line: 21, column: 7)
        Self.expectValidationAgrees(lineCount, transaction)
        #expect(quantity.description.hasSuffix("(QTY 21 6060) at segment QTY (#\(quantity.position?.segmentIndex ?? 0)), element 1, "
                                                + "component 2 at line 12, column 8"), "\(quantity)")
    }

    @Test func ordersD01B() throws {
        let transaction = try #require(try Self.transactions("Samples/inbox/initech-ORDERS-D01B.edi", [
            ("BGM+220+PO-2026-0495+9'", "BGM+220++9'"),
            ("LIN+1++0876543100039:EN'", "LIN+++0876543100039:EN'"),
            ("QTY+21:40'", "QTY+21:4O'"),
        ]).first)
        // D01B 6060 is an..35: only the mapping finds the quantity is not a number.
        #expect(!transaction.result.diagnostics.contains { $0.position.segmentTag == "QTY" })
        let findings = Self.findings(transaction)
        #expect(findings.count == 3, "\(findings)")
        // D01B BGM 1004 is component 1 of C106.
        Self.expect(try Self.finding("BGM 1004", in: findings), "BGM", element: 2, component: 1, line: 4, column: 9)
        Self.expect(try Self.finding("LIN 1082", in: findings), "LIN", element: 1, component: nil, line: 15, column: 5)
        Self.expect(try Self.finding("QTY 21 6060", in: findings), "QTY", element: 1, component: 2, line: 18, column: 8)
    }

    @Test func orderResponse() throws {
        let transaction = try #require(try Self.transactions("Samples/edi-outbound-examples/acme-ORDRSP-D96A-to-initech.edi", [
            ("RFF+ON:PO-2026-0481'", "RFF+ON'"),
            ("QTY+21:120'\nDTM+2:20261208:102'", "QTY+21:120'\nDTM+2:20261308:102'"),
        ]).first)
        let findings = Self.findings(transaction)
        #expect(findings.count == 2, "\(findings)")
        // A missing component points at the end of its element, as validation's do.
        Self.expect(try Self.finding("RFF ON 1154", in: findings), "RFF", element: 1, component: 2, line: 6, column: 7)
        Self.expect(try Self.finding("DTM 2", in: findings), "DTM", element: 1, component: 2, line: 12, column: 7)
    }

    @Test func despatchAdvice() throws {
        let transaction = try #require(try Self.transactions("Samples/edi-outbound-examples/acme-DESADV-D96A-to-initech.edi", [
            ("PAC+2++PX'", "PAC+2X++PX'"),
            ("DTM+11:20261205:102'", "DTM+11:20261232:102'"),
            ("QTY+12:60'\n", ""),
        ]).first)
        let findings = Self.findings(transaction)
        #expect(findings.count == 3, "\(findings)")
        let packages = try Self.finding("PAC 7224", in: findings)
        Self.expect(packages, "PAC", element: 1, component: nil, line: 13, column: 5)
        Self.expectValidationAgrees(packages, transaction)
        Self.expect(try Self.finding("DTM 11", in: findings), "DTM", element: 1, component: 2, line: 6, column: 8)
        // A missing segment is named at the segment it belongs to, like validation's missing segments.
        Self.expect(try Self.finding("QTY 12", in: findings), "LIN", element: nil, component: nil, line: 20, column: 1)
    }

    @Test func invoice() throws {
        let transaction = try #require(try Self.transactions("Samples/edi-outbound-examples/acme-INVOIC-D96A-to-initech.edi", [
            ("PAT+1++5:3:D:30'", "PAT+1++5:3:D:3O'"),
            ("PCD+12:2'", "PCD+12:2X'"),
            ("MOA+203:1368.00'", "MOA+203:1368.0O'"),
            ("PRI+AAA:7.95'\n", "PRI+AAA:7.95'\nTAX+7+VAT+++:::1X+S'\n"),
        ]).first)
        let findings = Self.findings(transaction)
        #expect(findings.count == 4, "\(findings)")
        let days = try Self.finding("PAT 2152", in: findings)
        Self.expect(days, "PAT", element: 3, component: 4, line: 14, column: 14)
        Self.expectValidationAgrees(days, transaction)
        // The percentage is named at its own PCD, not at the PAT of its group.
        let percent = try Self.finding("PCD 5482", in: findings)
        Self.expect(percent, "PCD", element: 1, component: 2, line: 16, column: 8)
        Self.expectValidationAgrees(percent, transaction)
        let amount = try Self.finding("MOA 203 5004", in: findings)
        Self.expect(amount, "MOA", element: 1, component: 2, line: 19, column: 9)
        Self.expectValidationAgrees(amount, transaction)
        // TAX C243 5278 (an..17, so only the mapping objects) is element 5, component 4.
        Self.expect(try Self.finding("TAX 5278", in: findings), "TAX", element: 5, component: 4, line: 29, column: 16)
    }

    @Test func remittance() throws {
        let transaction = try #require(try Self.transactions("Samples/inbox/initech-REMADV-D96A.edi", [
            ("DOC+380+91000011'", "DOC+380'"),
            ("MOA+12:2384.93'", "MOA+12:2384.9X'"),
            ("UNS+S'\nMOA+12:3501.18'\n", "UNS+S'\n"),
        ]).first)
        let findings = Self.findings(transaction)
        #expect(findings.count == 3, "\(findings)")
        Self.expect(try Self.finding("DOC 1004", in: findings), "DOC", element: 2, component: 1, line: 16, column: 8)
        let paid = try Self.finding("MOA 12 5004", in: findings)
        Self.expect(paid, "MOA", element: 1, component: 2, line: 13, column: 8)
        Self.expectValidationAgrees(paid, transaction)
        Self.expect(try Self.finding("MOA 12", in: findings), "BGM", element: nil, component: nil, line: 4, column: 1)
    }
}
