import Foundation
import Testing
import EDICore
@testable import EDISchema

/// Envelope findings (trailers, counts and control numbers of groups and interchanges), and
/// edge cases of values and structure.
@Suite("Envelopes and edge cases")
struct EnvelopeAndEdgeTests {
    typealias S = SchemaTestSupport

    func x12Validate(_ text: String) throws -> FileValidation {
        let (repository, folder) = try S.x12Repository(["850": X12RuleAndHierarchyTests.purchaseOrder])
        defer { try? FileManager.default.removeItem(at: folder) }
        return try S.validate(text, repository: repository)
    }

    static let beg = "BEG*00*SA*4500012345**20261124~"

    /// The X12 interchange of `S.x12` with its trailer lines replaced.
    func x12(se: String = "SE*3*0001~", ge: String = "GE*1*101~", iea: String = "IEA*1*000000101~") -> String {
        S.x12(set: "850", [Self.beg])
            .replacingOccurrences(of: "SE*3*0001~", with: se)
            .replacingOccurrences(of: "GE*1*101~", with: ge)
            .replacingOccurrences(of: "IEA*1*000000101~", with: iea)
    }

    @Test("GROUP_COUNT_MISMATCH: GE01 says 2 sets, the group has 1")
    func groupCount() throws {
        let result = try x12Validate(x12(ge: "GE*2*101~"))
        expectOnlyError(result, Expected(kind: .groupCountMismatch, tag: "GE", index: 0, element: 1, line: 6))
        #expect(result.allDiagnostics.first?.ack.x12_997 == "AK905=5")
        #expect(result.allDiagnostics.first?.code == "GROUP_COUNT_MISMATCH")
    }

    @Test("GROUP_CONTROL_MISMATCH: GE02 102, GS06 101")
    func groupControl() throws {
        let result = try x12Validate(x12(ge: "GE*1*102~"))
        expectOnlyError(result, Expected(kind: .groupControlMismatch, tag: "GE", index: 0, element: 2, line: 6))
    }

    @Test("INTERCHANGE_COUNT_MISMATCH: IEA01 says 2 groups")
    func interchangeCount() throws {
        let result = try x12Validate(x12(iea: "IEA*2*000000101~"))
        expectOnlyError(result, Expected(kind: .interchangeCountMismatch, tag: "IEA", index: 0, element: 1, line: 7))
        #expect(result.allDiagnostics.first?.ack.x12_997 == "TA105=021")
    }

    @Test("INTERCHANGE_CONTROL_MISMATCH: IEA02 differs from ISA13")
    func interchangeControl() throws {
        let result = try x12Validate(x12(iea: "IEA*1*000000102~"))
        expectOnlyError(result, Expected(kind: .interchangeControlMismatch, tag: "IEA", index: 0, element: 2, line: 7))
    }

    @Test("SET_CONTROL_MISMATCH in X12: SE02 0002, ST02 0001")
    func x12SetControl() throws {
        let result = try x12Validate(x12(se: "SE*3*0002~"))
        expectOnlyError(result, Expected(kind: .transactionControlMismatch, tag: "SE", index: 3, element: 2, line: 5))
    }

    @Test("SET_TRAILER_MISSING: no SE before GE; GE is not taken for a segment of the set")
    func missingSE() throws {
        let text = x12().replacingOccurrences(of: "SE*3*0001~\n", with: "")
        let result = try x12Validate(text)
        #expect(result.allDiagnostics.contains { $0.kind == .transactionTrailerMissing }, "\(result.allDiagnostics.map(\.description))")
        #expect(!result.allDiagnostics.contains { $0.kind == .segmentNotInTransaction }, "\(result.allDiagnostics.map(\.description))")
        #expect(result.transactions.count == 1)
    }

    @Test("UNZ count and reference: INTERCHANGE_COUNT_MISMATCH and INTERCHANGE_CONTROL_MISMATCH")
    func edifactInterchange() throws {
        let count = try S.validate(S.edifact(S.ordersBody).replacingOccurrences(of: "UNZ+1+", with: "UNZ+3+"))
        expectOnlyError(count, Expected(kind: .interchangeCountMismatch, tag: "UNZ", index: 0, element: 1, line: 12))
        let control = try S.validate(S.edifact(S.ordersBody).replacingOccurrences(of: "UNZ+1+INI0000001", with: "UNZ+1+INI0000002"))
        expectOnlyError(control, Expected(kind: .interchangeControlMismatch, tag: "UNZ", index: 0, element: 2, line: 12))
    }

    @Test("SET_TRAILER_MISSING in EDIFACT: no UNT before UNZ")
    func missingUNT() throws {
        let text = S.edifact(S.ordersBody).replacingOccurrences(of: "UNT+9+1'\n", with: "")
        let result = try S.validate(text)
        #expect(result.allDiagnostics.contains { $0.kind == .transactionTrailerMissing }, "\(result.allDiagnostics.map(\.description))")
        #expect(!result.allDiagnostics.contains { $0.kind == .segmentNotInTransaction }, "\(result.allDiagnostics.map(\.description))")
    }

    @Test("SEG_MISSING at the trailer: UNS left out is reported at UNT")
    func missingBeforeTrailer() throws {
        var body = S.ordersBody
        body.remove(at: 5)  // UNS; CNT is index 7, UNT index 8 (line 10)
        let result = try S.validate(S.edifact(body))
        // UNS (0090) sits before CNT, so CNT is where it is found missing.
        expectOnlyError(result, Expected(kind: .mandatorySegmentMissing, tag: "CNT", index: 7, element: nil, line: 9))
        #expect(result.allDiagnostics.first?.message.contains("UNS") == true)
    }

    @Test("two messages: indexes restart at each UNH")
    func secondMessagePositions() throws {
        let first = S.edifact(S.ordersBody).split(separator: "\n").dropLast()  // without UNZ
        var second = S.ordersBody
        second[1] = "DTM+137:2026112:102:X'"  // too many components in the second message's DTM (index 3)
        let lines = Array(first) + ["UNH+2+ORDERS:D:96A:UN'"] + second.map { Substring($0) } + ["UNT+9+2'", "UNZ+2+INI0000001'"]
        let result = try S.validate(lines.joined(separator: "\n") + "\n")
        #expect(result.transactions.count == 2)
        #expect(result.transactions[0].diagnostics.isEmpty)
        // UNH of the second message is line 12; its DTM (index 3) is line 14.
        expectOnlyError(result, Expected(kind: .tooManyComponents, tag: "DTM", index: 3, element: 1, component: 4, line: 14))
    }

    @Test("release characters: an escaped + counts as one character")
    func releaseCharacter() throws {
        let number = String(repeating: "A", count: 33) + "?+B"  // 35 characters once unescaped
        var body = S.ordersBody
        body[0] = "BGM+220+\(number)+9'"
        #expect(try S.validate(S.edifact(body)).allDiagnostics.isEmpty)
        body[0] = "BGM+220+\(number)C+9'"  // 36
        let result = try S.validate(S.edifact(body))
        expectOnlyError(result, Expected(kind: .elementTooLong, tag: "BGM", index: 2, element: 2, line: 4))
    }

    @Test("EDIFACT numbers: decimal comma, sign and the length counted in digits")
    func edifactNumbers() throws {
        var body = S.ordersBody
        body[4] = "QTY+21:-1234567890.12345'"  // n..15: 15 digits, a sign and a mark (UNA says ".")
        #expect(try S.validate(S.edifact(body)).allDiagnostics.isEmpty)
        body[4] = "QTY+21:1234567890123456'"  // 16 digits
        let result = try S.validate(S.edifact(body))
        expectOnlyError(result, Expected(kind: .elementTooLong, tag: "QTY", index: 6, element: 1, component: 2, line: 8))
    }

    @Test("trailing empty elements and components in EDIFACT are not extra ones")
    func trailingEmpty() throws {
        var body = S.ordersBody
        body[5] = "UNS+S+'"
        body[2] = "NAD+BY+4049876000000::9:'"
        #expect(try S.validate(S.edifact(body)).allDiagnostics.isEmpty)
    }

    @Test("an explicit schema is used for every transaction")
    func explicitSchema() throws {
        let repository = S.shippedRepository()
        let schema = try #require(try repository.transaction(syntax: .edifact, version: "D96A", id: "ORDERS"))
        let folder = try S.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        // UNH says D93A, for which no schema exists; --schema D96A/ORDERS.xml validates it anyway.
        let file = try S.write(S.edifact(S.ordersBody, unh: "UNH+1+ORDERS:D:93A:UN'"), to: "in.edi", in: folder)
        let result = try FileValidator(repository: repository, explicitSchema: schema).validate(path: file.path)
        #expect(result.allDiagnostics.isEmpty, "\(result.allDiagnostics.map(\.description))")
        #expect(result.transactions.first?.schemaVersion == "D96A")
    }

    @Test("onTransaction sees each transaction; keepsResults false keeps none")
    func streamingCallback() throws {
        let folder = try S.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = S.samplesRoot.appendingPathComponent("inbox/initech-ORDERS-D96A-two-messages.edi").path
        var validator = FileValidator(repository: S.shippedRepository())
        validator.keepsResults = false
        var seen: [String] = []
        let result = try validator.validate(path: path) { seen.append($0.controlNumber) }
        #expect(seen == ["1", "2"])
        #expect(result.transactions.isEmpty)
        #expect(result.byteCount > 0)
    }
}

/// Element kinds that need a type or rule the D96A ORDERS segments do not have: a small X12
/// schema with a time, an exclusion rule and a repeating element.
@Suite("X12 value types, exclusion and repetition (temporary schema)")
struct X12ValueTests {
    typealias S = SchemaTestSupport

    static let dictionary = """
        <?xml version="1.0" encoding="UTF-8"?>
        <dictionary syntax="x12" version="005010">
          <elements>
            <element id="143" name="Transaction Set Identifier Code" type="ID" minLength="3" maxLength="3"/>
            <element id="329" name="Transaction Set Control Number" type="AN" minLength="4" maxLength="9"/>
            <element id="96" name="Number of Included Segments" type="N0" minLength="1" maxLength="10"/>
            <element id="1705" name="Implementation Convention Reference" type="AN" minLength="1" maxLength="35"/>
            <element id="373" name="Date" type="DT" minLength="8" maxLength="8"/>
            <element id="337" name="Time" type="TM" minLength="4" maxLength="8"/>
            <element id="782" name="Monetary Amount" type="R" minLength="1" maxLength="18"/>
            <element id="380" name="Quantity" type="R" minLength="1" maxLength="15"/>
            <element id="1271" name="Industry Code" type="AN" minLength="1" maxLength="30"/>
          </elements>
          <segments>
            <segment id="ST" name="Transaction Set Header">
              <element ref="143" position="1" usage="M"/>
              <element ref="329" position="2" usage="M"/>
              <element ref="1705" position="3" usage="O"/>
            </segment>
            <segment id="SE" name="Transaction Set Trailer">
              <element ref="96" position="1" usage="M"/>
              <element ref="329" position="2" usage="M"/>
            </segment>
            <segment id="ZZA" name="Test Segment">
              <element ref="373" position="1" usage="M"/>
              <element ref="337" position="2" usage="O"/>
              <element ref="782" position="3" usage="C"/>
              <element ref="380" position="4" usage="C"/>
              <element ref="1271" position="5" usage="O" repeat="2"/>
              <rule kind="E" positions="3 4"/>
            </segment>
          </segments>
        </dictionary>

        """

    static let set = """
        <?xml version="1.0" encoding="UTF-8"?>
        <transaction syntax="x12" version="005010" id="999" name="Test set" dictionary="dictionary.xml">
          <structure>
            <segment ref="ST" position="0100" usage="M" max="1"/>
            <segment ref="ZZA" position="0200" usage="M" max="1"/>
            <segment ref="SE" position="0300" usage="M" max="1"/>
          </structure>
        </transaction>

        """

    func validate(_ zza: String) throws -> FileValidation {
        let folder = try S.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try S.copyEnvelopes(into: folder)
        try S.write(Self.dictionary, to: "X12/005010/dictionary.xml", in: folder)
        try S.write(Self.set, to: "X12/005010/999.xml", in: folder)
        let isa = "ISA*00*          *00*          *01*804512378      *ZZ*ACMESUPPLY     *261123*0815*^*00501*000000101*0*P*>~"
        let text = [isa, "GS*FA*804512378*ACMESUPPLY*20261123*0815*101*X*005010~", "ST*999*0001*005010~", zza,
                    "SE*3*0001~", "GE*1*101~", "IEA*1*000000101~"].joined(separator: "\n") + "\n"
        return try S.validate(text, repository: SchemaRepository(root: folder))
    }

    @Test("a good segment has no findings")
    func good() throws {
        let result = try validate("ZZA*20261124*0815*12.50**A^B~")
        #expect(result.allDiagnostics.isEmpty, "\(result.allDiagnostics.map(\.description))")
    }

    @Test("ELEM_INVALID_TIME: 2460")
    func invalidTime() throws {
        let result = try validate("ZZA*20261124*2460~")
        expectOnlyError(result, Expected(kind: .invalidTime, tag: "ZZA", index: 2, element: 2, line: 4))
    }

    @Test("ELEM_INVALID_DATE: February 29 of a common year")
    func invalidDate() throws {
        let result = try validate("ZZA*20270229~")
        expectOnlyError(result, Expected(kind: .invalidDate, tag: "ZZA", index: 2, element: 1, line: 4))
    }

    @Test("ELEM_INVALID_CHAR: R with two decimal points")
    func invalidDecimal() throws {
        let result = try validate("ZZA*20261124**1.2.3~")
        expectOnlyError(result, Expected(kind: .invalidCharacter, tag: "ZZA", index: 2, element: 3, line: 4))
    }

    @Test("ELEM_RULE_EXCLUSION: E0304, both present")
    func exclusion() throws {
        let result = try validate("ZZA*20261124**12.50*3~")
        expectOnlyError(result, Expected(kind: .exclusionViolated, tag: "ZZA", index: 2, element: 3, line: 4))
    }

    @Test("ELEM_TOO_MANY_REPEATS: three repetitions of an element allowed twice")
    func tooManyRepeats() throws {
        let result = try validate("ZZA*20261124****A^B^C~")
        expectOnlyError(result, Expected(kind: .tooManyRepetitions, tag: "ZZA", index: 2, element: 5, line: 4))
        #expect(result.allDiagnostics.first?.position.repetition == 3)
        #expect(result.allDiagnostics.first?.ack.x12_999 == "IK403=12")
    }
}

@Suite("Finding order")
struct FindingOrderTests {
    typealias S = SchemaTestSupport

    @Test("findings come in file order, the UNT count finding last")
    func fileOrder() throws {
        var body = S.ordersBody
        body[0] = "BGM+220+PO-2026-0001+ZZZ'"  // line 4
        body[4] = "QTY+21:12A'"  // line 8
        let result = try S.validate(S.edifact(body, unt: "UNT+10+1'"))  // line 11
        #expect(result.allDiagnostics.map(\.position.line) == [4, 8, 11])
        #expect(result.transactions.first?.diagnostics.map(\.kind) == [.invalidCode, .invalidCharacter, .transactionCountMismatch])
    }

    @Test("an interchange finding sits after the transaction findings before it")
    func envelopeFindingInOrder() throws {
        var body = S.ordersBody
        body[0] = "BGM+220+PO-2026-0001+ZZZ'"  // line 4
        let text = S.edifact(body).replacingOccurrences(of: "UNZ+1+", with: "UNZ+2+")  // line 12
        let result = try S.validate(text)
        #expect(result.allDiagnostics.map(\.kind) == [.invalidCode, .interchangeCountMismatch])
    }
}

/// The envelope segments' own elements against Schemas/*/envelope-*.xml.
@Suite("Envelope elements")
struct EnvelopeElementTests {
    typealias S = SchemaTestSupport

    func validate(_ text: String, envelopes: Bool = true) throws -> FileValidation {
        let (repository, folder) = try S.x12Repository(["850": X12RuleAndHierarchyTests.purchaseOrder])
        defer { try? FileManager.default.removeItem(at: folder) }
        if !envelopes { try FileManager.default.removeItem(at: folder.appendingPathComponent("X12/envelope-00401.xml")) }
        return try S.validate(text, repository: repository)
    }

    @Test("an impossible GS04 date is reported on GS, outside the transaction")
    func groupDate() throws {
        let text = S.x12(set: "850", [EnvelopeAndEdgeTests.beg]).replacingOccurrences(of: "*20261123*0815*101*", with: "*20261131*0815*101*")
        let result = try validate(text)
        let finding = try #require(result.envelopeDiagnostics.first { $0.severity == .error }, "\(result.allDiagnostics.map(\.description))")
        #expect(finding.position.segmentTag == "GS")
        #expect(finding.position.element == 4)
        #expect(finding.position.line == 2)
        #expect(result.transactions.first?.isValid == true)
        // An envelope finding is acknowledged at the interchange level (TA1 / UCI), not in AK4 of a set,
        // and still prints the element check's code.
        #expect(finding.kind == .envelopeError)
        #expect(finding.code == "ELEM_INVALID_DATE")
        #expect(finding.ack.x12_997 == "TA105=024")
        #expect(finding.ack.contrl == "UCI 0085=18")
    }

    @Test("no envelope schema for the ISA12 version: one warning, the file still valid")
    func noEnvelopeSchema() throws {
        let result = try validate(S.x12(set: "850", [EnvelopeAndEdgeTests.beg]), envelopes: false)
        #expect(result.isValid)
        let warnings = result.allDiagnostics.filter { $0.severity == .warning }
        #expect(warnings.count == 1, "\(result.allDiagnostics.map(\.description))")
        #expect(warnings.first?.kind == .envelopeError)
        #expect(warnings.first?.position.segmentTag == "ISA")
    }

    @Test("the shipped EDIFACT envelopes accept the sample interchanges' UNB and UNZ")
    func edifactEnvelope() throws {
        let result = try S.validate(S.edifact(S.ordersBody))
        #expect(result.envelopeDiagnostics.isEmpty, "\(result.envelopeDiagnostics.map(\.description))")
    }
}

/// A transaction cut short by a syntax error keeps the findings of the segments read before it.
@Suite("Cut-short transactions")
struct CutShortTests {
    typealias S = SchemaTestSupport

    @Test("a file truncated after a bad BGM: the invalid code, EDI203 and SET_TRAILER_MISSING")
    func findingsBeforeTruncation() throws {
        var body = S.ordersBody
        body[0] = "BGM+220+PO-2026-0001+ZZZ'"  // line 4
        let full = S.edifact(body)
        let cut = String(full[..<full.range(of: "LIN+1++08765")!.upperBound])  // ends inside LIN, line 7
        let result = try S.validate(cut)
        let kinds = result.allDiagnostics.map(\.kind)
        #expect(kinds.contains(.invalidCode), "\(result.allDiagnostics.map(\.description))")
        #expect(kinds.contains(.transactionTrailerMissing), "\(kinds)")
        #expect(result.allDiagnostics.contains { $0.code == "EDI203" && $0.position.line == 7 })
        expectFinding(result, Expected(kind: .invalidCode, tag: "BGM", index: 2, element: 3, line: 4))
    }
}

/// A missing segment terminator (EDI202) ends the segment at the line break; the transaction
/// and the interchange go on, so the rest is validated and no trailer is reported missing.
@Suite("Missing terminator")
struct MissingTerminatorTests {
    typealias S = SchemaTestSupport

    @Test("an EDIFACT DTM without terminator: EDI202, the message read to its UNT, its count holds")
    func readsOnToTheTrailer() throws {
        var body = S.ordersBody
        body[1] = "DTM+137:20261124:102"  // line 5: no terminator before the line break
        body[4] = "QTY+21:ABC'"  // line 8, after the break: still validated
        let result = try S.validate(S.edifact(body))
        let codes = result.allDiagnostics.filter { $0.severity == .error }.map(\.code)
        #expect(codes.contains("EDI202"), "\(codes)")
        #expect(result.allDiagnostics.contains { $0.code == "EDI202" && $0.position.line == 5 })
        #expect(!result.allDiagnostics.contains { $0.kind == .transactionTrailerMissing || $0.kind == .interchangeTrailerMissing },
                "\(result.allDiagnostics.map(\.description))")
        #expect(!result.allDiagnostics.contains { $0.kind == .transactionCountMismatch })
        #expect(result.transactions.count == 1)
        #expect(result.transactions.first?.segmentCount == body.count + 2)
        #expect(result.allDiagnostics.contains { $0.kind == .invalidCharacter && $0.position.line == 8 },
                "\(result.allDiagnostics.map(\.description))")
    }
}
