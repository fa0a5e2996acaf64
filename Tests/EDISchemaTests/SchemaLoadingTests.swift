import Foundation
import Testing
import EDICore
@testable import EDISchema
import TestSupport

/// Loading the shipped schema files, broken schema files, and guides.
@Suite("Schema loading")
struct SchemaLoadingTests {
    typealias S = SchemaTestSupport

    /// Every `.xml` file below `Schemas/`.
    static let schemaFiles = Fixtures.files(in: SchemaTestSupport.schemasRoot, extensions: ["xml"])

    @Test("Schemas/ holds envelopes, dictionaries and transactions for both syntaxes")
    func shippedFilesExist() {
        let names = Self.schemaFiles.map { $0.path.replacingOccurrences(of: S.schemasRoot.path + "/", with: "") }
        for required in ["EDIFACT/envelope-3.xml", "EDIFACT/envelope-4.xml", "EDIFACT/CONTRL-3.xml", "EDIFACT/CONTRL-4.xml",
                         "EDIFACT/D96A/dictionary.xml", "EDIFACT/D96A/ORDERS.xml", "EDIFACT/D01B/ORDERS.xml"] {
            #expect(names.contains(required), "missing \(required)")
        }
        // The X12 definitions land from another engineer; when they are there, the envelopes are too.
        if names.contains(where: { $0.hasPrefix("X12/") }) {
            #expect(names.contains("X12/envelope-00401.xml"))
            #expect(names.contains("X12/envelope-00501.xml"))
        }
    }

    @Test("every schema file loads without error", arguments: SchemaLoadingTests.schemaFiles)
    func loadsSchemaFile(_ url: URL) throws {
        let repository = S.shippedRepository()
        let root = try XMLTree.parse(contentsOf: url)
        switch root.name {
        case "dictionary":
            let set = try repository.dictionary(at: url)
            #expect(!set.segments.isEmpty, "\(url.lastPathComponent) defines no segments")
            // Every segment of a dictionary resolves (its elements and composites are defined).
            for tag in set.segments.keys {
                _ = try set.segmentSpec(tag, overrides: [], file: url.path, line: 0)
            }
        case "transaction":
            let schema = try repository.loadTransaction(at: url)
            #expect(!schema.structure.isEmpty)
            let header = schema.syntax == .x12 ? "ST" : "UNH"
            let trailer = schema.syntax == .x12 ? "SE" : "UNT"
            #expect(schema.structure.first?.leadingTag == header, "\(url.path) starts with \(schema.structure.first?.leadingTag ?? "-")")
            #expect(schema.structure.last?.leadingTag == trailer, "\(url.path) ends with \(schema.structure.last?.leadingTag ?? "-")")
            #expect(url.lastPathComponent.hasPrefix(schema.id))
        case "envelope":
            let syntax: EDISyntax = url.path.contains("/X12/") ? .x12 : .edifact
            let version = url.deletingPathExtension().lastPathComponent.replacingOccurrences(of: "envelope-", with: "")
            let envelope = try #require(try repository.envelope(syntax: syntax, version: version))
            let expected = syntax == .x12 ? ["ISA", "GS", "ST", "SE", "GE", "IEA"] : ["UNB", "UNH", "UNT", "UNZ"]
            for tag in expected { #expect(envelope.segments[tag] != nil, "\(url.lastPathComponent) lacks \(tag)") }
        default:
            Issue.record("unexpected root <\(root.name)> in \(url.path)")
        }
    }

    @Test("the repository finds schemas by syntax, version and id")
    func findsByEnvelopeValues() throws {
        let repository = S.shippedRepository()
        let orders = try #require(try repository.transaction(syntax: .edifact, version: "D96A", id: "ORDERS"))
        #expect(orders.version == "D96A")
        #expect(orders.id == "ORDERS")
        let contrl = try #require(try repository.transaction(syntax: .edifact, version: "D3", id: "CONTRL"))
        #expect(contrl.id == "CONTRL")
        #expect(try repository.transaction(syntax: .edifact, version: "D93A", id: "ORDERS") == nil)
        #expect(try repository.transaction(syntax: .x12, version: "004010", id: "830") == nil)
    }

    // MARK: broken schema files

    @Test("malformed XML: a SchemaError naming the file and the line")
    func malformedXML() throws {
        let folder = try S.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = try S.write("""
            <?xml version="1.0" encoding="UTF-8"?>
            <transaction syntax="edifact" version="D96A" id="ORDERS" name="x">
              <structure>
                <segment ref="UNH" position="0010" usage="M" max="1"
              </structure>
            </transaction>

            """, to: "EDIFACT/D96A/ORDERS.xml", in: folder)
        let error = try #require(throws: SchemaError.self) { try SchemaRepository(root: folder).loadTransaction(at: url) }
        #expect(error.file == url.path)
        // The tag on line 4 is not closed; libxml2 notices at the '<' that starts line 5.
        #expect(error.line == 5, "\(error)")
        #expect(error.message.contains("not well-formed"))
        #expect(error.description.hasPrefix("\(url.path):5: "))
    }

    @Test("malformed XML: a mismatched end tag is reported on its line, in words")
    func mismatchedEndTag() throws {
        let folder = try S.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = try S.write("""
            <?xml version="1.0" encoding="UTF-8"?>
            <transaction syntax="edifact" version="D96A" id="ORDERS" name="x">
              <structure>
                <segment ref="UNH" position="0010" usage="M" max="1"/>
              </structur>
              <!-- a comment after the error -->
            </transaction>

            """, to: "ORDERS.xml", in: folder)
        let error = try #require(throws: SchemaError.self) { try XMLTree.parse(contentsOf: url) }
        #expect(error.line == 5, "\(error)")
        #expect(error.message.contains("end tag does not match"), "\(error)")
    }

    @Test("malformed XML: a stray ampersand in an attribute")
    func strayAmpersand() throws {
        let folder = try S.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = try S.write("""
            <?xml version="1.0" encoding="UTF-8"?>
            <dictionary syntax="x12" version="004010">
              <elements>
                <element id="93" name="Name & address" type="AN" minLength="1" maxLength="60"/>
              </elements>
            </dictionary>

            """, to: "dictionary.xml", in: folder)
        let error = try #require(throws: SchemaError.self) { try XMLTree.parse(contentsOf: url) }
        #expect(error.file == url.path)
        #expect(error.line == 4, "\(error)")
    }

    @Test("unknown data type: a SchemaError naming the dictionary file and the element's line")
    func unknownDataType() throws {
        let folder = try S.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try S.write("""
            <?xml version="1.0" encoding="UTF-8"?>
            <dictionary syntax="x12" version="004010">
              <elements>
                <element id="143" name="Transaction Set Identifier Code" type="XX" minLength="3" maxLength="3"/>
              </elements>
            </dictionary>

            """, to: "X12/004010/dictionary.xml", in: folder)
        let set = try S.write(X12RuleAndHierarchyTests.purchaseOrder, to: "X12/004010/850.xml", in: folder)
        let error = try #require(throws: SchemaError.self) { try SchemaRepository(root: folder).loadTransaction(at: set) }
        #expect(error.file == folder.appendingPathComponent("X12/004010/dictionary.xml").path)
        #expect(error.line == 4)
        #expect(error.message.contains("XX"))
    }

    @Test("undefined segment reference: a SchemaError naming the transaction file and the line")
    func undefinedSegment() throws {
        let (repository, folder) = try S.x12Repository([:])
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = try S.write("""
            <?xml version="1.0" encoding="UTF-8"?>
            <transaction syntax="x12" version="004010" id="850" name="x" functionalGroup="PO" dictionary="dictionary.xml">
              <structure>
                <segment ref="ST" position="010" usage="M" max="1"/>
                <segment ref="ZZQ" position="020" usage="M" max="1"/>
                <segment ref="SE" position="030" usage="M" max="1"/>
              </structure>
            </transaction>

            """, to: "X12/004010/850.xml", in: folder)
        let error = try #require(throws: SchemaError.self) { try repository.loadTransaction(at: url) }
        #expect(error.file == url.path)
        #expect(error.line == 5)
        #expect(error.message.contains("ZZQ"))
        // Through the lookup the validator uses, the same error.
        #expect(throws: SchemaError.self) { try repository.transaction(syntax: .x12, version: "004010", id: "850") }
    }

    @Test("bad usage and undefined element: SchemaErrors with lines")
    func badAttributes() throws {
        let (repository, folder) = try S.x12Repository([:])
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = try S.write("""
            <?xml version="1.0" encoding="UTF-8"?>
            <transaction syntax="x12" version="004010" id="850" name="x" dictionary="dictionary.xml">
              <structure>
                <segment ref="ST" position="010" usage="Q" max="1"/>
              </structure>
            </transaction>

            """, to: "X12/004010/850.xml", in: folder)
        let error = try #require(throws: SchemaError.self) { try repository.loadTransaction(at: url) }
        #expect(error.line == 4)
        #expect(error.message.contains("usage"))

        let other = try S.write("""
            <?xml version="1.0" encoding="UTF-8"?>
            <transaction syntax="x12" version="004010" id="810" name="x" dictionary="dictionary.xml">
              <segments>
                <segment id="BIG" name="Beginning Segment for Invoice">
                  <element ref="9999" position="1" usage="M"/>
                </segment>
              </segments>
              <structure>
                <segment ref="BIG" position="020" usage="M" max="1"/>
              </structure>
            </transaction>

            """, to: "X12/004010/810.xml", in: folder)
        let undefined = try #require(throws: SchemaError.self) { try repository.loadTransaction(at: other) }
        #expect(undefined.line == 5)
        #expect(undefined.message.contains("9999"))
    }

    @Test("a missing schema file is a SchemaError naming it, line 0")
    func missingFile() throws {
        let url = TestFiles.folder.appendingPathComponent("edikit-no-such-schema-\(UUID().uuidString).xml")
        let error = try #require(throws: SchemaError.self) { try S.shippedRepository().loadTransaction(at: url) }
        #expect(error.file == url.path)
        #expect(error.line == 0)
    }

    // MARK: guides

    static let guideFiles = Fixtures.files(in: SchemaTestSupport.samplesRoot.appendingPathComponent("guides"), extensions: ["xml"])

    @Test("the sample guides load and apply to their schemas", arguments: SchemaLoadingTests.guideFiles)
    func guideApplies(_ url: URL) throws {
        let guide = try ImplementationGuide(contentsOf: url)
        let repository = S.shippedRepository()
        let standard = try repository.transaction(syntax: guide.syntax, version: guide.version, id: guide.transaction)
        guard let standard else {
            // X12 schemas may still be landing from another engineer: nothing to apply the guide to yet.
            #expect(guide.syntax == .x12, "no \(guide.syntax) \(guide.version) \(guide.transaction) schema for \(url.lastPathComponent)")
            return
        }
        let narrowed = try guide.applied(to: standard)
        #expect(narrowed.guideName == guide.name)
        #expect(standard.guideName == nil)
        #expect(narrowed.structure.count == standard.structure.count)
        // The guide changed something: some segment or loop is now marked not used or mandatory.
        func usages(_ nodes: [StructureNode]) -> [Usage] {
            nodes.flatMap { node -> [Usage] in
                switch node {
                case .segment(let use): [use.usage]
                case .loop(let loop): [loop.usage] + usages(loop.children)
                }
            }
        }
        #expect(usages(narrowed.structure) != usages(standard.structure))
    }

    @Test("the Initech guide narrows ORDERS as it says")
    func initechGuideDetails() throws {
        let guide = try ImplementationGuide(contentsOf: S.samplesRoot.appendingPathComponent("guides/initech-ORDERS-D96A.xml"))
        #expect(guide.id == "initech-ORDERS-D96A")
        #expect(guide.syntax == .edifact && guide.version == "D96A" && guide.transaction == "ORDERS")
        let standard = try #require(try S.shippedRepository().transaction(syntax: .edifact, version: "D96A", id: "ORDERS"))
        let narrowed = try guide.applied(to: standard)
        let sg2 = try #require(Self.findLoop("SG2", in: narrowed.structure))
        #expect(sg2.usage == .mandatory && sg2.maxRepeat == 3)
        #expect(Self.findLoop("SG1", in: narrowed.structure)?.usage == .notUsed)
        #expect(Self.findLoop("SG28", in: narrowed.structure)?.usage == .mandatory)
        #expect(Self.findLoop("SG2", in: standard.structure)?.usage == .conditional)
    }

    static func findLoop(_ id: String, in nodes: [StructureNode]) -> LoopUse? {
        for node in nodes {
            if case .loop(let loop) = node {
                if loop.id == id { return loop }
                if let inner = findLoop(id, in: loop.children) { return inner }
            }
        }
        return nil
    }

    @Test("a bad guide path is a SchemaError naming the file")
    func badGuidePath() throws {
        let url = S.samplesRoot.appendingPathComponent("guides/no-such-guide.xml")
        let error = try #require(throws: SchemaError.self) { try ImplementationGuide(contentsOf: url) }
        #expect(error.file == url.path)
        #expect(error.message.contains("cannot read"))
    }

    @Test("a guide naming a segment the standard does not have is a SchemaError with its line")
    func guideWithUnknownPath() throws {
        let folder = try S.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = try S.write("""
            <?xml version="1.0" encoding="UTF-8"?>
            <guide id="bad" name="Bad guide" syntax="edifact" version="D96A" transaction="ORDERS">
              <segment path="BGM" position="0020" usage="M"/>
              <segment path="SG2/ZZZ" usage="N"/>
            </guide>

            """, to: "bad-guide.xml", in: folder)
        let guide = try ImplementationGuide(contentsOf: url)
        let standard = try #require(try S.shippedRepository().transaction(syntax: .edifact, version: "D96A", id: "ORDERS"))
        let error = try #require(throws: SchemaError.self) { try guide.applied(to: standard) }
        #expect(error.file == url.path)
        #expect(error.line == 4)
        #expect(error.message.contains("SG2/ZZZ"))
    }

    @Test("a guide for another message is refused")
    func guideForOtherMessage() throws {
        let guide = try ImplementationGuide(contentsOf: S.samplesRoot.appendingPathComponent("guides/initech-ORDERS-D96A.xml"))
        let invoice = try #require(try S.shippedRepository().transaction(syntax: .edifact, version: "D96A", id: "INVOIC"))
        #expect(throws: SchemaError.self) { try guide.applied(to: invoice) }
    }
}
