import Foundation
import Testing
import EDICore
@testable import EDISchema
import TestSupport

/// Shared helpers of the EDISchema tests: the shipped schemas, temporary files, and small
/// EDIFACT/X12 interchanges built around a few segments.
enum SchemaTestSupport {
    /// `Schemas/` of this checkout.
    static let schemasRoot = Fixtures.repositoryRoot.appendingPathComponent("Schemas")
    /// `Samples/` of this checkout.
    static let samplesRoot = Fixtures.repositoryRoot.appendingPathComponent("Samples")
    /// The shipped schemas (one repository per test so caches don't leak between tests).
    static func shippedRepository() -> SchemaRepository { SchemaRepository(root: schemasRoot) }

    /// A fresh temporary folder.
    static func temporaryDirectory(_ name: String = #function) throws -> URL {
        let clean = name.filter { $0.isLetter || $0.isNumber }
        let url = TestFiles.folder
            .appendingPathComponent("edikit-schema-tests-\(clean)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes text to a file in a folder (creating the folders) and returns its URL.
    @discardableResult
    static func write(_ text: String, to relativePath: String, in folder: URL) throws -> URL {
        let url = folder.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        return url
    }

    /// Writes EDI text to a temporary file and validates it.
    static func validate(_ text: String, repository: SchemaRepository = shippedRepository(),
                         guide: ImplementationGuide? = nil, name: String = #function) throws -> FileValidation {
        let folder = try temporaryDirectory(name)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = try write(text, to: "input.edi", in: folder)
        return try FileValidator(repository: repository, guide: guide).validate(path: file.path)
    }

    // MARK: EDIFACT D96A ORDERS

    /// A valid D96A ORDERS body (between UNH and UNT). With UNA on line 1, UNB on line 2 and
    /// UNH on line 3, the segment at index `i` in the message is on line `i + 2`:
    /// UNH 1/3, BGM 2/4, DTM 3/5, NAD 4/6, LIN 5/7, QTY 6/8, UNS 7/9, CNT 8/10, UNT 9/11.
    static let ordersBody = [
        "BGM+220+PO-2026-0001+9'",
        "DTM+137:20261124:102'",
        "NAD+BY+4049876000000::9'",
        "LIN+1++0876543100015:EN'",
        "QTY+21:120'",
        "UNS+S'",
        "CNT+2:1'",
    ]

    /// A body that satisfies Samples/guides/initech-ORDERS-D96A.xml (the first order of
    /// Samples/inbox/initech-ORDERS-D96A-two-messages.edi with one line):
    /// UNH 1/3, BGM 2/4, DTM 3/5, DTM 4/6, NAD 5/7, NAD 6/8, NAD 7/9, CUX 8/10, LIN 9/11,
    /// QTY 10/12, PRI 11/13, UNS 12/14, CNT 13/15, UNT 14/16.
    static let initechBody = [
        "BGM+220+PO-2026-0481+9'",
        "DTM+137:20261124:102'",
        "DTM+2:20261208:102'",
        "NAD+BY+4049876000000::9'",
        "NAD+SU+0876543000001::9'",
        "NAD+DP+4049876001007::9'",
        "CUX+2:EUR:9'",
        "LIN+1++0876543100015:EN'",
        "QTY+21:120'",
        "PRI+AAA:11.40'",
        "UNS+S'",
        "CNT+2:1'",
    ]

    /// One EDIFACT interchange with one message: UNA, UNB, UNH, the body, UNT (counting
    /// correctly unless `unt` is given), UNZ; one segment per line.
    static func edifact(_ body: [String], unh: String = "UNH+1+ORDERS:D:96A:UN'", unt: String? = nil) -> String {
        let lines = ["UNA:+.? '", "UNB+UNOC:3+4049876000000:14+0876543000001:14+261124:0930+INI0000001'", unh]
            + body + [unt ?? "UNT+\(body.count + 2)+1'", "UNZ+1+INI0000001'"]
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: X12

    /// One X12 interchange (004010) with one transaction set: ISA line 1, GS line 2, ST line 3
    /// (index 1), so the segment at index `i` of the set is on line `i + 2`.
    static func x12(set: String, _ body: [String], version: String = "004010", group: String = "PO") -> String {
        let isa = "ISA*00*          *00*          *01*804512378      *ZZ*ACMESUPPLY     *261123*0815*U*00401*000000101*0*P*>~"
        let lines = [isa, "GS*\(group)*804512378*ACMESUPPLY*20261123*0815*101*X*\(version)~", "ST*\(set)*0001~"]
            + body + ["SE*\(body.count + 2)*0001~", "GE*1*101~", "IEA*1*000000101~"]
        return lines.joined(separator: "\n") + "\n"
    }

    /// A small X12 004010 dictionary for the temporary schemas of the rule and HL tests.
    static let x12Dictionary = """
        <?xml version="1.0" encoding="UTF-8"?>
        <dictionary syntax="x12" version="004010">
          <elements>
            <element id="143" name="Transaction Set Identifier Code" type="ID" minLength="3" maxLength="3"/>
            <element id="329" name="Transaction Set Control Number" type="AN" minLength="4" maxLength="9"/>
            <element id="96" name="Number of Included Segments" type="N0" minLength="1" maxLength="10"/>
            <element id="353" name="Transaction Set Purpose Code" type="ID" minLength="2" maxLength="2"/>
            <element id="92" name="Purchase Order Type Code" type="ID" minLength="2" maxLength="2"/>
            <element id="324" name="Purchase Order Number" type="AN" minLength="1" maxLength="22"/>
            <element id="373" name="Date" type="DT" minLength="8" maxLength="8"/>
            <element id="128" name="Reference Identification Qualifier" type="ID" minLength="2" maxLength="3"/>
            <element id="127" name="Reference Identification" type="AN" minLength="1" maxLength="30"/>
            <element id="352" name="Description" type="AN" minLength="1" maxLength="80"/>
            <element id="628" name="Hierarchical ID Number" type="AN" minLength="1" maxLength="12"/>
            <element id="734" name="Hierarchical Parent ID Number" type="AN" minLength="1" maxLength="12"/>
            <element id="735" name="Hierarchical Level Code" type="ID" minLength="1" maxLength="2"/>
          </elements>
          <segments>
            <segment id="ST" name="Transaction Set Header">
              <element ref="143" position="1" usage="M"/>
              <element ref="329" position="2" usage="M"/>
            </segment>
            <segment id="SE" name="Transaction Set Trailer">
              <element ref="96" position="1" usage="M"/>
              <element ref="329" position="2" usage="M"/>
            </segment>
            <segment id="BEG" name="Beginning Segment for Purchase Order">
              <element ref="353" position="1" usage="M"/>
              <element ref="92" position="2" usage="M"/>
              <element ref="324" position="3" usage="M"/>
              <element ref="373" position="5" usage="M"/>
            </segment>
            <segment id="REF" name="Reference Identification">
              <element ref="128" position="1" usage="M"/>
              <element ref="127" position="2" usage="C"/>
              <element ref="352" position="3" usage="C"/>
              <rule kind="R" positions="2 3"/>
            </segment>
            <segment id="HL" name="Hierarchical Level">
              <element ref="628" position="1" usage="M"/>
              <element ref="734" position="2" usage="O"/>
              <element ref="735" position="3" usage="M"/>
            </segment>
          </segments>
        </dictionary>

        """

    /// Copies the shipped envelope schemas (`X12/envelope-*.xml`, `EDIFACT/envelope-*.xml`) into a
    /// temporary schema folder, so its interchanges' envelope segments are checked as usual.
    static func copyEnvelopes(into folder: URL) throws {
        let manager = FileManager.default
        for syntax in ["X12", "EDIFACT"] {
            let source = schemasRoot.appendingPathComponent(syntax)
            let target = folder.appendingPathComponent(syntax)
            try manager.createDirectory(at: target, withIntermediateDirectories: true)
            for name in try manager.contentsOfDirectory(atPath: source.path) where name.hasPrefix("envelope-") {
                try manager.copyItem(at: source.appendingPathComponent(name), to: target.appendingPathComponent(name))
            }
        }
    }

    /// A temporary schema folder with the shipped envelopes, `X12/004010/dictionary.xml` and the given set files.
    static func x12Repository(_ sets: [String: String], name: String = #function) throws -> (SchemaRepository, URL) {
        let folder = try temporaryDirectory(name)
        try copyEnvelopes(into: folder)
        try write(x12Dictionary, to: "X12/004010/dictionary.xml", in: folder)
        for (id, text) in sets { try write(text, to: "X12/004010/\(id).xml", in: folder) }
        return (SchemaRepository(root: folder), folder)
    }
}

/// What a test expects of one finding.
struct Expected: CustomStringConvertible {
    var kind: DiagnosticKind
    var tag: String
    var index: Int
    var element: Int?
    var component: Int? = nil
    var line: Int
    /// The column of the caret (the offending element's or component's first byte), when asserted.
    var column: Int? = nil

    var description: String {
        "\(kind.rawValue) at \(tag) #\(index) element \(element.map(String.init) ?? "-") component \(component.map(String.init) ?? "-") line \(line)"
            + (column.map { " column \($0)" } ?? "")
    }

    func matches(_ diagnostic: Diagnostic) -> Bool {
        diagnostic.kind == kind && diagnostic.position.segmentTag == tag
            && diagnostic.position.segmentIndexInTransaction == index && diagnostic.position.element == element
            && diagnostic.position.component == component && diagnostic.position.line == line
            && (column == nil || diagnostic.position.column == column)
    }
}

/// Expects the file's findings to be exactly one error, as described (warnings are ignored).
func expectOnlyError(_ result: FileValidation, _ expected: Expected, sourceLocation: SourceLocation = #_sourceLocation) {
    let errors = result.allDiagnostics.filter { $0.severity == .error }
    #expect(errors.count == 1, "expected only \(expected); found \(errors.map(\.description))", sourceLocation: sourceLocation)
    expectFinding(result, expected, sourceLocation: sourceLocation)
}

/// Expects one of the file's findings to be as described.
func expectFinding(_ result: FileValidation, _ expected: Expected, sourceLocation: SourceLocation = #_sourceLocation) {
    let all = result.allDiagnostics
    #expect(all.contains(where: expected.matches), "expected \(expected); found \(all.map(\.description))",
            sourceLocation: sourceLocation)
}
