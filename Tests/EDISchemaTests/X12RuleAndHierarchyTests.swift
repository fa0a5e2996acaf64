import Foundation
import Testing
import EDICore
@testable import EDISchema

/// Syntax rules and HL hierarchies, with small X12 schemas written to a temporary folder (the
/// D96A directory has no dependency notes on the segments ORDERS uses, so the rule fixture is X12).
///
/// Lines: ISA 1, GS 2, ST 3 (index 1): index `i` is line `i + 2`.
@Suite("X12 syntax rules and HL hierarchy (temporary schemas)")
struct X12RuleAndHierarchyTests {
    typealias S = SchemaTestSupport

    static let purchaseOrder = """
        <?xml version="1.0" encoding="UTF-8"?>
        <transaction syntax="x12" version="004010" id="850" name="Purchase Order (test subset)" functionalGroup="PO" dictionary="dictionary.xml">
          <structure>
            <segment ref="ST" position="010" usage="M" max="1"/>
            <segment ref="BEG" position="020" usage="M" max="1"/>
            <segment ref="REF" position="050" usage="O" max="unbounded"/>
            <segment ref="SE" position="030" usage="M" max="1"/>
          </structure>
        </transaction>

        """

    static let shipNotice = """
        <?xml version="1.0" encoding="UTF-8"?>
        <transaction syntax="x12" version="004010" id="856" name="Ship Notice (test subset)" functionalGroup="SH" dictionary="dictionary.xml">
          <hierarchy segment="HL" closed="true">
            <level code="S" name="Shipment" parents=""/>
            <level code="O" name="Order" parents="S"/>
            <level code="I" name="Item" parents="O"/>
          </hierarchy>
          <structure>
            <segment ref="ST" position="010" usage="M" max="1"/>
            <loop id="HL" usage="M" max="unbounded">
              <segment ref="HL" position="010" usage="M" max="1"/>
              <segment ref="REF" position="150" usage="O" max="unbounded"/>
            </loop>
            <segment ref="SE" position="020" usage="M" max="1"/>
          </structure>
        </transaction>

        """

    func validate(_ text: String) throws -> FileValidation {
        let (repository, folder) = try S.x12Repository(["850": Self.purchaseOrder, "856": Self.shipNotice])
        defer { try? FileManager.default.removeItem(at: folder) }
        return try S.validate(text, repository: repository)
    }

    @Test("a valid 850 with REF*DP*042 has no findings")
    func validPurchaseOrder() throws {
        let result = try validate(S.x12(set: "850", ["BEG*00*SA*4500012345**20261124~", "REF*DP*042~"]))
        #expect(result.allDiagnostics.isEmpty, "\(result.allDiagnostics)")
        #expect(result.transactions.first?.schemaVersion == "004010")
    }

    @Test("ELEM_RULE_REQUIRED: REF with neither REF02 nor REF03 breaks R0203")
    func requiredRuleBroken() throws {
        let result = try validate(S.x12(set: "850", ["BEG*00*SA*4500012345**20261124~", "REF*DP~"]))
        expectOnlyError(result, Expected(kind: .conditionalElementMissing, tag: "REF", index: 3, element: 2, line: 5))
        #expect(result.allDiagnostics.first?.message.contains("R0203") == true)
    }

    @Test("ELEM_INVALID_DATE: BEG05 20261131")
    func invalidDate() throws {
        let result = try validate(S.x12(set: "850", ["BEG*00*SA*4500012345**20261131~"]))
        expectOnlyError(result, Expected(kind: .invalidDate, tag: "BEG", index: 2, element: 5, line: 4))
    }

    @Test("ELEM_TOO_SHORT: BEG01 of one character (ID 2/2)")
    func elementTooShortX12() throws {
        let result = try validate(S.x12(set: "850", ["BEG*0*SA*4500012345**20261124~"]))
        expectOnlyError(result, Expected(kind: .elementTooShort, tag: "BEG", index: 2, element: 1, line: 4))
    }

    @Test("ELEM_TOO_MANY in X12: a trailing empty element beyond REF03 counts")
    func tooManyElementsX12() throws {
        let result = try validate(S.x12(set: "850", ["BEG*00*SA*4500012345**20261124~", "REF*DP*042**~"]))
        expectOnlyError(result, Expected(kind: .tooManyElements, tag: "REF", index: 3, element: 4, line: 5))
    }

    @Test("a well-formed S → O → I hierarchy has no findings")
    func validHierarchy() throws {
        let result = try validate(S.x12(set: "856", ["HL*1**S~", "HL*2*1*O~", "HL*3*2*I~", "HL*4*2*I~"], group: "SH"))
        #expect(result.allDiagnostics.isEmpty, "\(result.allDiagnostics)")
    }

    @Test("HL_INVALID: HL01 skips a number")
    func hierarchyNumbering() throws {
        let result = try validate(S.x12(set: "856", ["HL*1**S~", "HL*3*1*O~"], group: "SH"))
        expectOnlyError(result, Expected(kind: .hierarchyError, tag: "HL", index: 3, element: 1, line: 5))
    }

    @Test("HL_INVALID: HL02 names a parent that does not exist")
    func hierarchyUnknownParent() throws {
        let result = try validate(S.x12(set: "856", ["HL*1**S~", "HL*2*7*O~"], group: "SH"))
        expectOnlyError(result, Expected(kind: .hierarchyError, tag: "HL", index: 3, element: 2, line: 5))
    }

    @Test("HL_INVALID: an item directly under the shipment (I needs an O parent)")
    func hierarchyWrongParentLevel() throws {
        let result = try validate(S.x12(set: "856", ["HL*1**S~", "HL*2*1*I~"], group: "SH"))
        expectOnlyError(result, Expected(kind: .hierarchyError, tag: "HL", index: 3, element: 3, line: 5))
    }

    @Test("HL_INVALID: an order without a parent")
    func hierarchyMissingParent() throws {
        let result = try validate(S.x12(set: "856", ["HL*1**S~", "HL*2**O~"], group: "SH"))
        expectOnlyError(result, Expected(kind: .hierarchyError, tag: "HL", index: 3, element: 2, line: 5))
    }

    @Test("HL_INVALID: a level code the closed hierarchy does not have")
    func hierarchyUnknownLevel() throws {
        let result = try validate(S.x12(set: "856", ["HL*1**S~", "HL*2*1*Q~"], group: "SH"))
        expectOnlyError(result, Expected(kind: .hierarchyError, tag: "HL", index: 3, element: 3, line: 5))
    }

    @Test("SET_NO_SCHEMA for an X12 set without a schema file: no crash, one finding at ST")
    func x12SetWithoutSchema() throws {
        let result = try validate(S.x12(set: "830", ["BFR*00**1*DL*A*20261101*20261201*20261124~"], group: "PS"))
        expectOnlyError(result, Expected(kind: .transactionNotSupported, tag: "ST", index: 1, element: nil, line: 3))
        #expect(result.allDiagnostics.first?.message.contains("830 004010") == true)
    }
}
