import Foundation
import Testing
import EDICore
@testable import EDISchema

/// EDIFACT dependency notes on a segment and on the components of a composite, and element
/// repetition (syntax version 4), with a small EDIFACT schema in a temporary folder.
///
/// Lines: UNA 1, UNB 2, UNH 3 (index 1), ZZA 4 (index 2), UNT 5, UNZ 6.
@Suite("EDIFACT dependency notes and repetitions (temporary schema)")
struct EdifactRuleTests {
    typealias S = SchemaTestSupport

    static let dictionary = """
        <?xml version="1.0" encoding="UTF-8"?>
        <dictionary syntax="edifact" version="D99Z">
          <elements>
            <element id="0062" name="Message reference number" type="an" minLength="1" maxLength="14"/>
            <element id="0065" name="Message type" type="an" minLength="1" maxLength="6"/>
            <element id="0052" name="Message version number" type="an" minLength="1" maxLength="3"/>
            <element id="0054" name="Message release number" type="an" minLength="1" maxLength="3"/>
            <element id="0051" name="Controlling agency" type="an" minLength="1" maxLength="2"/>
            <element id="0074" name="Number of segments in the message" type="n" minLength="1" maxLength="6"/>
            <element id="1001" name="Code" type="an" minLength="1" maxLength="3"/>
            <element id="1004" name="Number" type="an" minLength="1" maxLength="35"/>
            <element id="3036" name="Party name" type="an" minLength="1" maxLength="35"/>
          </elements>
          <composites>
            <composite id="S009" name="MESSAGE IDENTIFIER">
              <component ref="0065" position="1" usage="M"/>
              <component ref="0052" position="2" usage="M"/>
              <component ref="0054" position="3" usage="M"/>
              <component ref="0051" position="4" usage="M"/>
            </composite>
            <composite id="C999" name="TEST COMPOSITE">
              <component ref="1001" position="1" usage="C"/>
              <component ref="1004" position="2" usage="C"/>
              <component ref="3036" position="3" usage="C"/>
              <rule kind="D3" positions="1 2"/>
            </composite>
          </composites>
          <segments>
            <segment id="UNH" name="MESSAGE HEADER">
              <element ref="0062" position="1" usage="M"/>
              <composite ref="S009" position="2" usage="M"/>
            </segment>
            <segment id="UNT" name="MESSAGE TRAILER">
              <element ref="0074" position="1" usage="M"/>
              <element ref="0062" position="2" usage="M"/>
            </segment>
            <segment id="ZZA" name="TEST SEGMENT">
              <composite ref="C999" position="1" usage="C"/>
              <element ref="1004" position="2" usage="C"/>
              <element ref="3036" position="3" usage="C" repeat="2"/>
              <rule kind="D5" positions="2 3"/>
            </segment>
          </segments>
        </dictionary>

        """

    static let message = """
        <?xml version="1.0" encoding="UTF-8"?>
        <transaction syntax="edifact" version="D99Z" id="TESTMS" name="Test message" dictionary="dictionary.xml">
          <structure>
            <segment ref="UNH" position="0010" usage="M" max="1"/>
            <segment ref="ZZA" position="0020" usage="M" max="1"/>
            <segment ref="UNT" position="0030" usage="M" max="1"/>
          </structure>
        </transaction>

        """

    func validate(_ zza: String) throws -> FileValidation {
        let folder = try S.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try S.copyEnvelopes(into: folder)
        try S.write(Self.dictionary, to: "EDIFACT/D99Z/dictionary.xml", in: folder)
        try S.write(Self.message, to: "EDIFACT/D99Z/TESTMS.xml", in: folder)
        let text = ["UNA:+.?*'", "UNB+UNOC:4+SENDER+RECEIVER+20261124:0930+REF1'", "UNH+1+TESTMS:D:99Z:UN'", zza,
                    "UNT+3+1'", "UNZ+1+REF1'"].joined(separator: "\n") + "\n"
        return try S.validate(text, repository: SchemaRepository(root: folder))
    }

    @Test("a good segment has no findings")
    func good() throws {
        let result = try validate("ZZA+1::X+NUMBER+A*B'")
        #expect(result.allDiagnostics.isEmpty, "\(result.allDiagnostics.map(\.description))")
    }

    @Test("ELEM_RULE_REQUIRED: D5 — element 2 present, element 3 absent")
    func segmentRule() throws {
        let result = try validate("ZZA+1+NUMBER'")
        expectOnlyError(result, Expected(kind: .conditionalElementMissing, tag: "ZZA", index: 2, element: 3, line: 4))
        #expect(result.allDiagnostics.first?.message.contains("D5") == true)
    }

    @Test("ELEM_RULE_REQUIRED: D3 among the components — neither component 1 nor 2")
    func componentRule() throws {
        let result = try validate("ZZA+::NAME'")
        expectOnlyError(result, Expected(kind: .conditionalElementMissing, tag: "ZZA", index: 2, element: 1, line: 4))
    }

    @Test("ELEM_TOO_MANY_REPEATS: element 3 three times (twice allowed), syntax 4 repetition separator")
    func repetitions() throws {
        let result = try validate("ZZA+1+NUMBER+A*B*C'")
        expectOnlyError(result, Expected(kind: .tooManyRepetitions, tag: "ZZA", index: 2, element: 3, line: 4))
        #expect(result.allDiagnostics.first?.position.repetition == 3)
        #expect(result.allDiagnostics.first?.ack.contrl == "UCD 0085=16")
    }

    @Test("an error in a repetition carries its repetition number")
    func errorInRepetition() throws {
        let long = String(repeating: "X", count: 36)
        let result = try validate("ZZA+1+NUMBER+A*\(long)'")
        expectOnlyError(result, Expected(kind: .elementTooLong, tag: "ZZA", index: 2, element: 3, line: 4))
        #expect(result.allDiagnostics.first?.position.repetition == 2)
    }
}
