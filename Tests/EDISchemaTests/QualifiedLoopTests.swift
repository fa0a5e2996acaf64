import Foundation
import Testing
import EDICore
@testable import EDISchema

/// Sibling loops chosen by a qualifier in their trigger (N1 by N101), with the definitions in the
/// transaction file itself (they are merged over the dictionary's).
///
/// Lines: ISA 1, GS 2, ST 3 (index 1): index `i` is line `i + 2`.
@Suite("Loops chosen by qualifier (temporary schema)")
struct QualifiedLoopTests {
    typealias S = SchemaTestSupport

    static let set = """
        <?xml version="1.0" encoding="UTF-8"?>
        <transaction syntax="x12" version="004010" id="850" name="Purchase Order (qualified N1 loops)" functionalGroup="PO" dictionary="dictionary.xml">
          <elements>
            <element id="98" name="Entity Identifier Code" type="ID" minLength="2" maxLength="3"/>
            <element id="93" name="Name" type="AN" minLength="1" maxLength="60"/>
            <element id="166" name="Address Information" type="AN" minLength="1" maxLength="55"/>
            <element id="19" name="City Name" type="AN" minLength="2" maxLength="30"/>
          </elements>
          <segments>
            <segment id="N1" name="Name">
              <element ref="98" position="1" usage="M"/>
              <element ref="93" position="2" usage="O"/>
            </segment>
            <segment id="N3" name="Address Information">
              <element ref="166" position="1" usage="M"/>
            </segment>
            <segment id="N4" name="Geographic Location">
              <element ref="19" position="1" usage="O"/>
            </segment>
          </segments>
          <structure>
            <segment ref="ST" position="010" usage="M" max="1"/>
            <segment ref="BEG" position="020" usage="M" max="1"/>
            <loop id="N1-ST" usage="M" max="1" qualifierPosition="1" qualifierValues="ST">
              <segment ref="N1" position="310" usage="M" max="1"/>
              <segment ref="N3" position="330" usage="M" max="2"/>
            </loop>
            <loop id="N1-BT" usage="O" max="1" qualifierPosition="1" qualifierValues="BT BY">
              <segment ref="N1" position="310" usage="M" max="1"/>
              <segment ref="N4" position="340" usage="O" max="1"/>
            </loop>
            <segment ref="SE" position="030" usage="M" max="1"/>
          </structure>
        </transaction>

        """

    static let beg = "BEG*00*SA*4500012345**20261124~"

    func validate(_ body: [String]) throws -> FileValidation {
        let (repository, folder) = try S.x12Repository(["850": Self.set])
        defer { try? FileManager.default.removeItem(at: folder) }
        return try S.validate(S.x12(set: "850", [Self.beg] + body), repository: repository)
    }

    @Test("ST then BT (or BY) loops, each with its own segments")
    func valid() throws {
        for qualifier in ["BT", "BY"] {
            let result = try validate(["N1*ST*DC 042~", "N3*1 MAIN ST~", "N1*\(qualifier)*GLOBEX~", "N4*COLUMBUS~"])
            #expect(result.allDiagnostics.isEmpty, "\(result.allDiagnostics.map(\.description))")
        }
    }

    @Test("the loop path names the loop the qualifier chose")
    func loopPath() throws {
        let result = try validate(["N1*ST*DC 042~", "N3*1 MAIN ST~", "N1*BT~", "N4*C~"])
        // N4 01 is at least 2 long: the finding sits in loop N1-BT.
        let finding = try #require(result.allDiagnostics.first)
        #expect(finding.kind == .elementTooShort)
        #expect(finding.loopPath == "N1-BT")
        #expect(finding.position.segmentTag == "N4" && finding.position.segmentIndexInTransaction == 6 && finding.position.line == 8)
    }

    @Test("LOOP_TOO_MANY: two ST loops (max 1)")
    func secondShipTo() throws {
        let result = try validate(["N1*ST*DC 042~", "N3*1 MAIN ST~", "N1*ST*DC 057~", "N3*2 MAIN ST~"])
        expectOnlyError(result, Expected(kind: .loopOverMaximum, tag: "N1", index: 5, element: nil, line: 7))
    }

    @Test("SEG_MISSING: the mandatory ST loop is absent before the BT loop")
    func missingShipTo() throws {
        let result = try validate(["N1*BT*GLOBEX~"])
        expectOnlyError(result, Expected(kind: .mandatorySegmentMissing, tag: "N1", index: 3, element: nil, line: 5))
        #expect(result.allDiagnostics.first?.message.contains("N1-ST") == true)
    }

    @Test("SEG_MISSING: the ST loop without its mandatory N3, noticed at the BT loop")
    func missingAddress() throws {
        let result = try validate(["N1*ST*DC 042~", "N1*BT*GLOBEX~"])
        expectOnlyError(result, Expected(kind: .mandatorySegmentMissing, tag: "N1", index: 4, element: nil, line: 6))
        #expect(result.allDiagnostics.first?.message.contains("N3") == true)
    }

    @Test("SEG_OUT_OF_ORDER: the ST loop after the BT loop")
    func wrongOrder() throws {
        let result = try validate(["N1*ST*DC 042~", "N3*1 MAIN ST~", "N1*BT*GLOBEX~", "N1*ST*DC 057~"])
        expectOnlyError(result, Expected(kind: .segmentOutOfOrder, tag: "N1", index: 6, element: nil, line: 8))
    }

    @Test("an N1 whose qualifier no loop takes is not placed")
    func unknownQualifier() throws {
        let result = try validate(["N1*ST*DC 042~", "N3*1 MAIN ST~", "N1*ZZ*OTHER~"])
        expectOnlyError(result, Expected(kind: .segmentOutOfOrder, tag: "N1", index: 5, element: nil, line: 7))
    }
}
