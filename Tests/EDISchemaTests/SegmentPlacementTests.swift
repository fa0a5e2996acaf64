import Foundation
import Testing
import EDICore
@testable import EDISchema

/// A segment with no place ahead is one of four findings (997 AK304 1, 2, 6, 7): not a segment of
/// the version at all, a segment whose place in an open loop is already behind, a segment the set
/// uses only in loops that are not open here, or a real segment the set does not use. One fixture
/// per code in each syntax, against the shipped schemas, asserting code, position and ack codes.
@Suite("Diagnostics: unrecognized, unexpected, out-of-order and not-in-set segments")
struct SegmentPlacementTests {
    typealias S = SchemaTestSupport

    /// A valid 004010 850: BEG 2/4, REF 3/5, N1 4/6, N3 5/7, PO1 6/8, CTT 7/9 (index/line).
    static let poBody = ["BEG*00*SA*PO-1**20261123~", "REF*DP*038~", "N1*ST*ACME DC*92*0001~", "N3*1 MAIN ST~",
                         "PO1*1*10*EA*9.5**VP*ABC~", "CTT*1~"]

    func po(inserting segment: String, at index: Int) -> String {
        var body = Self.poBody
        body.insert(segment, at: index - 2)
        return S.x12(set: "850", body)
    }

    func orders(inserting segment: String, at index: Int) -> String {
        var body = S.ordersBody
        body.insert(segment, at: index - 2)
        return S.edifact(body)
    }

    @Test("the base 850 is valid")
    func basePurchaseOrderIsValid() throws {
        let result = try S.validate(S.x12(set: "850", Self.poBody))
        #expect(result.allDiagnostics.isEmpty, "\(result.allDiagnostics)")
    }

    @Test("SEG_UNRECOGNIZED (AK304=1): ZZZ is no X12 004010 segment")
    func unrecognizedX12() throws {
        let result = try S.validate(po(inserting: "ZZZ*1~", at: 7))
        expectOnlyError(result, Expected(kind: .unrecognizedSegment, tag: "ZZZ", index: 7, element: nil, line: 9, column: 1))
        let finding = try #require(result.allDiagnostics.first)
        #expect(finding.ack == AcknowledgementCodes(x12_997: "AK304=1", x12_999: "IK304=1", contrl: "UCS 0085=14"))
        #expect(finding.loopPath == "PO1")
    }

    @Test("SEG_NOT_IN_SET (AK304=6): CLM is an X12 segment (837) but not part of the 850")
    func notInSetX12() throws {
        let result = try S.validate(po(inserting: "CLM*1~", at: 7))
        expectOnlyError(result, Expected(kind: .segmentNotInTransaction, tag: "CLM", index: 7, element: nil, line: 9, column: 1))
        #expect(result.allDiagnostics.first?.ack.x12_997 == "AK304=6")
    }

    @Test("SEG_OUT_OF_ORDER (AK304=7): CUR (040) after REF (050) at the top level")
    func outOfOrderX12() throws {
        let result = try S.validate(po(inserting: "CUR*BY*USD~", at: 4))
        expectOnlyError(result, Expected(kind: .segmentOutOfOrder, tag: "CUR", index: 4, element: nil, line: 6, column: 1))
        #expect(result.allDiagnostics.first?.ack.x12_997 == "AK304=7")
        #expect(result.allDiagnostics.first?.message.contains("position 040") == true)
    }

    @Test("SEG_UNEXPECTED (AK304=2): N3 at the top level, where no N1 loop is open")
    func unexpectedX12() throws {
        let result = try S.validate(po(inserting: "N3*2 SIDE ST~", at: 4))
        expectOnlyError(result, Expected(kind: .unexpectedSegment, tag: "N3", index: 4, element: nil, line: 6, column: 1))
        let finding = try #require(result.allDiagnostics.first)
        #expect(finding.ack.x12_997 == "AK304=2")
        #expect(finding.ack.x12_999 == "IK304=2")
        #expect(finding.message.contains("loop N1"))
    }

    @Test("SEG_OUT_OF_ORDER from an enclosing level: a heading DTM inside the N1 loop")
    func outOfOrderFromEnclosingLevel() throws {
        // DTM (150) belongs to the heading before the N1 loop (310); inside the N1 loop it has no place.
        let result = try S.validate(po(inserting: "DTM*002*20261201~", at: 6))
        expectOnlyError(result, Expected(kind: .segmentOutOfOrder, tag: "DTM", index: 6, element: nil, line: 8))
        #expect(result.allDiagnostics.first?.loopPath == "N1")
    }

    @Test("SEG_UNRECOGNIZED (UCS 0085=14): BGL is no EDIFACT D96A segment")
    func unrecognizedEdifact() throws {
        let result = try S.validate(orders(inserting: "BGL+220'", at: 3))
        expectOnlyError(result, Expected(kind: .unrecognizedSegment, tag: "BGL", index: 3, element: nil, line: 5, column: 1))
        #expect(result.allDiagnostics.first?.ack.contrl == "UCS 0085=14")
    }

    @Test("SEG_UNEXPECTED (UCS 0085=15): PIA, a segment of the LIN group SG25, right after BGM")
    func unexpectedEdifact() throws {
        let result = try S.validate(orders(inserting: "PIA+1+123:SA'", at: 3))
        expectOnlyError(result, Expected(kind: .unexpectedSegment, tag: "PIA", index: 3, element: nil, line: 5, column: 1))
        #expect(result.allDiagnostics.first?.message.contains("SG25") == true)
    }

    @Test("the caret of a component finding points at the component, not its element")
    func componentCaret() throws {
        // QTY+21:12A' — component 2 starts at column 8 (Q=1, +=4, 2=5, 1=6, :=7).
        var body = S.ordersBody
        body[4] = "QTY+21:12A'"
        let result = try S.validate(S.edifact(body))
        expectOnlyError(result, Expected(kind: .invalidCharacter, tag: "QTY", index: 6, element: 1, component: 2, line: 8, column: 8))
        // A missing mandatory component: where it would start (the end of the element).
        body[4] = "QTY+21'"
        let missing = try S.validate(S.edifact(body))
        expectOnlyError(missing, Expected(kind: .mandatoryElementMissing, tag: "QTY", index: 6, element: 1, component: 2, line: 8, column: 7))
        // An empty component between separators: its own place.
        body[2] = "NAD+BY+::9'"
        body[4] = "QTY+21:12'"
        let empty = try S.validate(S.edifact(body))
        expectOnlyError(empty, Expected(kind: .mandatoryElementMissing, tag: "NAD", index: 4, element: 2, component: 1, line: 6, column: 8))
        // One component too many: the extra component.
        body[2] = "NAD+BY+4049876000000::9'"
        body[1] = "DTM+137:20261124:102:X'"
        let extra = try S.validate(S.edifact(body))
        expectOnlyError(extra, Expected(kind: .tooManyComponents, tag: "DTM", index: 3, element: 1, component: 4, line: 5, column: 22))
    }

    @Test("the caret of an X12 component finding points at the component")
    func x12ComponentCaret() throws {
        // PO4*1*12*EA***CT>A~ : PO406 (R, simple) holds components; the second starts at column 18.
        var body = Self.poBody
        body.insert("PO4*1*12*EA***CT>A~", at: 5)
        let result = try S.validate(S.x12(set: "850", body))
        expectFinding(result, Expected(kind: .tooManyComponents, tag: "PO4", index: 7, element: 6, component: 2, line: 9, column: 18))
        expectFinding(result, Expected(kind: .invalidCharacter, tag: "PO4", index: 7, element: 6, line: 9, column: 15))
    }
}
