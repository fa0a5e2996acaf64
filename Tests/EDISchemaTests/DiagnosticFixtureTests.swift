import Foundation
import Testing
import EDICore
@testable import EDISchema

/// One small inline fixture per diagnostic kind, against the shipped EDIFACT D96A ORDERS schema
/// (Schemas/EDIFACT/D96A/ORDERS.xml). Each test changes one segment of a valid message and
/// asserts code, segment tag, segment index in the message, element, component and line.
///
/// Line numbers: UNA is line 1, UNB line 2, UNH line 3 (index 1), so index `i` is line `i + 2`.
@Suite("Diagnostics: one fixture per kind (EDIFACT D96A ORDERS)")
struct DiagnosticFixtureTests {
    typealias S = SchemaTestSupport

    func body(replacing index: Int, with segment: String) -> [String] {
        var body = S.ordersBody
        body[index - 2] = segment
        return body
    }

    func body(inserting segments: [String], at index: Int) -> [String] {
        var body = S.ordersBody
        body.insert(contentsOf: segments, at: index - 2)
        return body
    }

    @Test("the base message is valid")
    func baseMessageIsValid() throws {
        let result = try S.validate(S.edifact(S.ordersBody))
        #expect(result.allDiagnostics.isEmpty, "\(result.allDiagnostics)")
        #expect(result.transactions.count == 1)
        #expect(result.transactions.first?.schemaVersion == "D96A")
        #expect(result.transactions.first?.segmentCount == 9)
    }

    @Test("SEG_MISSING: the mandatory BGM left out, reported at the next segment (DTM)")
    func mandatorySegmentMissing() throws {
        var body = S.ordersBody
        body.removeFirst()
        let result = try S.validate(S.edifact(body))
        expectOnlyError(result, Expected(kind: .mandatorySegmentMissing, tag: "DTM", index: 2, element: nil, line: 4))
        #expect(result.allDiagnostics.first?.message.contains("BGM") == true)
    }

    @Test("SEG_NOT_IN_SET: BUS is an EDIFACT segment but not part of ORDERS")
    func segmentNotInTransaction() throws {
        let result = try S.validate(S.edifact(body(inserting: ["BUS+1'"], at: 3)))
        expectOnlyError(result, Expected(kind: .segmentNotInTransaction, tag: "BUS", index: 3, element: nil, line: 5))
    }

    @Test("SEG_OUT_OF_ORDER: a DTM after the NAD group (DTM belongs before it)")
    func segmentOutOfOrder() throws {
        let result = try S.validate(S.edifact(body(inserting: ["DTM+2:20261208:102'"], at: 5)))
        expectOnlyError(result, Expected(kind: .segmentOutOfOrder, tag: "DTM", index: 5, element: nil, line: 7))
    }

    @Test("SEG_TOO_MANY: BGM twice (max 1)")
    func segmentOverMaximum() throws {
        let result = try S.validate(S.edifact(body(inserting: ["BGM+220+PO-2026-0002+9'"], at: 3)))
        expectOnlyError(result, Expected(kind: .segmentOverMaximum, tag: "BGM", index: 3, element: nil, line: 5))
    }

    @Test("LOOP_TOO_MANY: SG7 (CUX) six times (max 5)")
    func loopOverMaximum() throws {
        let result = try S.validate(S.edifact(body(inserting: Array(repeating: "CUX+2:EUR:9'", count: 6), at: 5)))
        expectOnlyError(result, Expected(kind: .loopOverMaximum, tag: "CUX", index: 10, element: nil, line: 12))
    }

    @Test("ELEM_MISSING: NAD without the mandatory party qualifier 3035")
    func mandatoryElementMissing() throws {
        let result = try S.validate(S.edifact(body(replacing: 4, with: "NAD++4049876000000::9'")))
        expectOnlyError(result, Expected(kind: .mandatoryElementMissing, tag: "NAD", index: 4, element: 1, line: 6))
    }

    @Test("ELEM_MISSING in a composite: QTY without the mandatory quantity 6060")
    func mandatoryComponentMissing() throws {
        let result = try S.validate(S.edifact(body(replacing: 6, with: "QTY+21'")))
        expectOnlyError(result, Expected(kind: .mandatoryElementMissing, tag: "QTY", index: 6, element: 1, component: 2, line: 8))
    }

    @Test("ELEM_TOO_LONG: a 36-character document number (1004 is an..35)")
    func elementTooLong() throws {
        let number = String(repeating: "9", count: 36)
        let result = try S.validate(S.edifact(body(replacing: 2, with: "BGM+220+\(number)+9'")))
        expectOnlyError(result, Expected(kind: .elementTooLong, tag: "BGM", index: 2, element: 2, line: 4))
        #expect(result.allDiagnostics.first?.badValue == number)
    }

    @Test("ELEM_INVALID_CHAR: a letter in the numeric quantity 6060")
    func invalidCharacter() throws {
        let result = try S.validate(S.edifact(body(replacing: 6, with: "QTY+21:12A'")))
        expectOnlyError(result, Expected(kind: .invalidCharacter, tag: "QTY", index: 6, element: 1, component: 2, line: 8))
    }

    @Test("ELEM_INVALID_CHAR: a digit in the alphabetic section identification 0081")
    func invalidCharacterAlphabetic() throws {
        let result = try S.validate(S.edifact(body(replacing: 7, with: "UNS+1'")))
        // 0081 is `a1` with the closed list D/S: a digit is both a bad character and a bad code;
        // the type check comes first and stops there.
        expectOnlyError(result, Expected(kind: .invalidCharacter, tag: "UNS", index: 7, element: 1, line: 9))
    }

    @Test("ELEM_INVALID_CODE: message function 1225 ZZZ is not in the closed UNCL list")
    func invalidCode() throws {
        let result = try S.validate(S.edifact(body(replacing: 2, with: "BGM+220+PO-2026-0001+ZZZ'")))
        expectOnlyError(result, Expected(kind: .invalidCode, tag: "BGM", index: 2, element: 3, line: 4))
        #expect(result.allDiagnostics.first?.elementReference == "1225")
        #expect(result.allDiagnostics.first?.badValue == "ZZZ")
    }

    @Test("ELEM_TOO_MANY: UNS with a second element (UNS has one)")
    func tooManyElements() throws {
        let result = try S.validate(S.edifact(body(replacing: 7, with: "UNS+S+X'")))
        expectOnlyError(result, Expected(kind: .tooManyElements, tag: "UNS", index: 7, element: 2, line: 9))
    }

    @Test("ELEM_TOO_MANY_COMPONENTS: a fourth component in DTM C507 (three defined)")
    func tooManyComponents() throws {
        let result = try S.validate(S.edifact(body(replacing: 3, with: "DTM+137:20261124:102:X'")))
        expectOnlyError(result, Expected(kind: .tooManyComponents, tag: "DTM", index: 3, element: 1, component: 4, line: 5))
    }

    @Test("ELEM_TOO_MANY_COMPONENTS: components in the simple element 1004")
    func componentsInSimpleElement() throws {
        let result = try S.validate(S.edifact(body(replacing: 2, with: "BGM+220+PO-2026-0001:X+9'")))
        expectOnlyError(result, Expected(kind: .tooManyComponents, tag: "BGM", index: 2, element: 2, component: 2, line: 4))
    }

    // ELEM_TOO_SHORT: every element the D96A ORDERS segments use has minimum length 1 (the fixed
    // lengths n3/n4 of the directory belong to DGS, which ORDERS does not use), so the standard
    // alone cannot produce it; GuideDiagnosticTests triggers it with the Initech guide's 13-digit GLN.

    @Test("SET_NO_SCHEMA: an ORDERS of directory D93A, for which no schema is shipped")
    func transactionNotSupported() throws {
        let result = try S.validate(S.edifact(S.ordersBody, unh: "UNH+1+ORDERS:D:93A:UN'"))
        expectOnlyError(result, Expected(kind: .transactionNotSupported, tag: "UNH", index: 1, element: nil, line: 3))
        let transaction = try #require(result.transactions.first)
        #expect(transaction.schemaVersion == nil)
        #expect(transaction.type == "ORDERS")
        #expect(transaction.diagnostics.first?.message.contains("D93A") == true)
    }

    @Test("SET_NO_SCHEMA: an unknown message type in a known directory")
    func unknownMessageType() throws {
        let result = try S.validate(S.edifact(S.ordersBody, unh: "UNH+1+ZZZZZZ:D:96A:UN'"))
        expectOnlyError(result, Expected(kind: .transactionNotSupported, tag: "UNH", index: 1, element: nil, line: 3))
    }

    @Test("SET_COUNT_MISMATCH: UNT 0074 says 99, the message has 9 segments")
    func transactionCountMismatch() throws {
        let result = try S.validate(S.edifact(S.ordersBody, unt: "UNT+99+1'"))
        expectOnlyError(result, Expected(kind: .transactionCountMismatch, tag: "UNT", index: 9, element: 1, line: 11))
        #expect(result.transactions.first?.diagnostics.contains { $0.kind == .transactionCountMismatch } == true)
    }

    @Test("SET_CONTROL_MISMATCH: UNT 0062 is 2, UNH 0062 is 1")
    func transactionControlMismatch() throws {
        let result = try S.validate(S.edifact(S.ordersBody, unt: "UNT+9+2'"))
        expectOnlyError(result, Expected(kind: .transactionControlMismatch, tag: "UNT", index: 9, element: 2, line: 11))
        #expect(result.transactions.first?.diagnostics.contains { $0.kind == .transactionControlMismatch } == true)
    }

    @Test("findings carry their acknowledgement codes")
    func findingsCarryAckCodes() throws {
        let result = try S.validate(S.edifact(body(replacing: 2, with: "BGM+220+PO-2026-0001+ZZZ'")))
        let finding = try #require(result.allDiagnostics.first)
        #expect(finding.ack.x12_997 == "AK403=7")
        #expect(finding.ack.x12_999 == "IK403=7")
        #expect(finding.ack.contrl == "UCD 0085=12")
    }
}

/// The Initech implementation guide (Samples/guides/initech-ORDERS-D96A.xml) narrows ORDERS:
/// findings that only the guide produces.
///
/// Lines: UNH 1/3, BGM 2/4, DTM 3/5, DTM 4/6, NAD 5/7, NAD 6/8, NAD 7/9, CUX 8/10, LIN 9/11,
/// QTY 10/12, PRI 11/13, UNS 12/14, CNT 13/15, UNT 14/16 (index/line).
@Suite("Diagnostics from the Initech ORDERS guide")
struct GuideDiagnosticTests {
    typealias S = SchemaTestSupport
    static let unh = "UNH+1+ORDERS:D:96A:UN:EAN008'"

    func guide() throws -> ImplementationGuide {
        try ImplementationGuide(contentsOf: S.samplesRoot.appendingPathComponent("guides/initech-ORDERS-D96A.xml"))
    }

    func validate(_ body: [String]) throws -> FileValidation {
        try S.validate(S.edifact(body, unh: Self.unh), guide: guide())
    }

    func body(replacing index: Int, with segment: String) -> [String] {
        var body = S.initechBody
        body[index - 2] = segment
        return body
    }

    @Test("the base message meets the guide")
    func baseMessageMeetsGuide() throws {
        let result = try validate(S.initechBody)
        #expect(result.allDiagnostics.isEmpty, "\(result.allDiagnostics)")
    }

    @Test("ELEM_NOT_USED: BGM 4343 has a value; the guide marks it not used")
    func elementNotUsed() throws {
        let result = try validate(body(replacing: 2, with: "BGM+220+PO-2026-0481+9+AB'"))
        expectOnlyError(result, Expected(kind: .elementNotUsed, tag: "BGM", index: 2, element: 4, line: 4))
    }

    @Test("ELEM_NOT_USED on a component: QTY 6411 (1.3) is not used")
    func componentNotUsed() throws {
        let result = try validate(body(replacing: 10, with: "QTY+21:120:PCE'"))
        expectOnlyError(result, Expected(kind: .elementNotUsed, tag: "QTY", index: 10, element: 1, component: 3, line: 12))
    }

    @Test("SEG_NOT_USED: IMD in the heading; the guide marks it not used")
    func segmentNotUsed() throws {
        var body = S.initechBody
        body.insert("IMD+F'", at: 3)  // after the two DTMs: index 5, line 7
        let result = try validate(body)
        expectOnlyError(result, Expected(kind: .segmentNotUsed, tag: "IMD", index: 5, element: nil, line: 7))
    }

    @Test("SEG_NOT_USED for a loop: SG1 (RFF) is not used")
    func loopNotUsed() throws {
        var body = S.initechBody
        body.insert("RFF+CT:K-17'", at: 3)  // after the two DTMs: index 5, line 7
        let result = try validate(body)
        expectOnlyError(result, Expected(kind: .segmentNotUsed, tag: "RFF", index: 5, element: nil, line: 7))
    }

    @Test("ELEM_CODE_NOT_USED: BGM 1001 221, a UNCL code; the guide allows only 220")
    func codeNotUsedByGuide() throws {
        let result = try validate(body(replacing: 2, with: "BGM+221+PO-2026-0481+9'"))
        expectOnlyError(result, Expected(kind: .codeNotUsedInGuide, tag: "BGM", index: 2, element: 1, component: 1, line: 4))
        #expect(result.allDiagnostics.first?.ack.x12_999 == "IK403=I6")
        // A value that is no UNCL 1001 code either is an invalid code.
        let invalid = try validate(body(replacing: 2, with: "BGM+ZZZ+PO-2026-0481+9'"))
        expectOnlyError(invalid, Expected(kind: .invalidCode, tag: "BGM", index: 2, element: 1, component: 1, line: 4))
        // 221 is a good UNCL 1001 code: the standard alone accepts it.
        let standard = try S.validate(S.edifact(body(replacing: 2, with: "BGM+221+PO-2026-0481+9'"), unh: Self.unh))
        #expect(!standard.allDiagnostics.contains { $0.severity == .error }, "\(standard.allDiagnostics)")
    }

    @Test("ELEM_TOO_SHORT: a 12-digit GLN where the guide wants 13 digits")
    func elementTooShortByGuide() throws {
        let result = try validate(body(replacing: 5, with: "NAD+BY+404987600000::9'"))
        expectOnlyError(result, Expected(kind: .elementTooShort, tag: "NAD", index: 5, element: 2, component: 1, line: 7))
    }

    @Test("SEG_MISSING: the guide makes SG7 (CUX) mandatory")
    func mandatoryLoopByGuide() throws {
        var body = S.initechBody
        body.remove(at: 6)  // CUX; LIN becomes index 8, line 10
        let result = try validate(body)
        expectOnlyError(result, Expected(kind: .mandatorySegmentMissing, tag: "LIN", index: 8, element: nil, line: 10))
    }

    @Test("LOOP_TOO_MANY: a fourth NAD; the guide allows SG2 three times")
    func loopOverMaximumByGuide() throws {
        var body = S.initechBody
        body.insert("NAD+IV+4049876000000::9'", at: 6)  // index 8, line 10
        let result = try validate(body)
        expectFinding(result, Expected(kind: .loopOverMaximum, tag: "NAD", index: 8, element: nil, line: 10))
    }
}

/// More structure cases against D96A ORDERS: order inside segment group 25 and its nested
/// groups, and a mandatory composite left out.
@Suite("Structure inside segment groups (EDIFACT D96A ORDERS)")
struct SegmentGroupStructureTests {
    typealias S = SchemaTestSupport

    /// The base body with the LIN group (index 5, line 7) replaced.
    func body(lineItem: [String]) -> [String] {
        var body = S.ordersBody
        body.replaceSubrange(3...4, with: lineItem)
        return body
    }

    @Test("a full line item: LIN PIA QTY, SG28 PRI, a second LIN")
    func validLineItems() throws {
        let result = try S.validate(S.edifact(body(lineItem: [
            "LIN+1++0876543100015:EN'", "PIA+1+ACM-1001:SA'", "QTY+21:120'", "PRI+AAA:11.40'",
            "LIN+2++0876543100022:EN'", "QTY+21:60'",
        ])))
        #expect(result.allDiagnostics.isEmpty, "\(result.allDiagnostics.map(\.description))")
    }

    @Test("SEG_OUT_OF_ORDER: PIA after QTY in SG25")
    func outOfOrderInGroup() throws {
        let result = try S.validate(S.edifact(body(lineItem: ["LIN+1++0876543100015:EN'", "QTY+21:120'", "PIA+1+ACM-1001:SA'"])))
        expectOnlyError(result, Expected(kind: .segmentOutOfOrder, tag: "PIA", index: 7, element: nil, line: 9))
        #expect(result.allDiagnostics.first?.loopPath == "SG25")
    }

    @Test("SEG_OUT_OF_ORDER: QTY after the nested SG28 (PRI) of the same line")
    func backIntoParentGroup() throws {
        let result = try S.validate(S.edifact(body(lineItem: ["LIN+1++0876543100015:EN'", "PRI+AAA:11.40'", "QTY+21:120'"])))
        expectOnlyError(result, Expected(kind: .segmentOutOfOrder, tag: "QTY", index: 7, element: nil, line: 9))
    }

    @Test("SEG_OUT_OF_ORDER: a LIN after UNS")
    func lineAfterSummary() throws {
        var body = S.ordersBody
        body.insert("LIN+2++0876543100022:EN'", at: 6)  // after UNS: index 8, line 10
        let result = try S.validate(S.edifact(body))
        expectOnlyError(result, Expected(kind: .segmentOutOfOrder, tag: "LIN", index: 8, element: nil, line: 10))
    }

    @Test("SEG_TOO_MANY inside a group: QTY eleven times in one line (max 10)")
    func tooManyInGroup() throws {
        let result = try S.validate(S.edifact(body(lineItem: ["LIN+1++0876543100015:EN'"] + Array(repeating: "QTY+21:1'", count: 11))))
        expectOnlyError(result, Expected(kind: .segmentOverMaximum, tag: "QTY", index: 16, element: nil, line: 18))
        #expect(result.allDiagnostics.first?.loopPath == "SG25")
    }

    @Test("ELEM_MISSING: DTM without its mandatory composite C507")
    func mandatoryCompositeMissing() throws {
        var body = S.ordersBody
        body[1] = "DTM'"
        let result = try S.validate(S.edifact(body))
        expectOnlyError(result, Expected(kind: .mandatoryElementMissing, tag: "DTM", index: 3, element: 1, line: 5))
    }
}
