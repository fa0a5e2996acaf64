import Foundation
import Testing
import TestSupport
@testable import UNECEImport

/// The writer on a small directory built in code: structure, dictionary content, determinism.
@Suite struct SchemaWriterTests {
    static var directory: UNECEDirectory {
        let an3 = UNECEDirectory.Representation(characterClass: .an, minLength: 1, maxLength: 3)
        var directory = UNECEDirectory(version: "D99Z")
        directory.elements = [
            "9001": .init(id: "9001", name: "First & only", representation: an3),
            "9002": .init(id: "9002", name: "Unused", representation: an3),
        ]
        directory.composites = ["C901": .init(id: "C901", name: "SAMPLE COMPOSITE", components: [
            .init(position: 1, id: "9001", name: "x", status: .mandatory, representation: an3),
        ], dependencyNotes: [.init(kind: "D1", positions: [1, 2])])]
        directory.segments = ["ZZA": .init(tag: "ZZA", name: "SAMPLE <A>", elements: [
            .init(position: 1, id: "C901", name: "x", status: .conditional, repeatCount: 3),
            .init(position: 2, id: "9001", name: "x", status: .mandatory,
                  representation: .init(characterClass: .an, minLength: 2, maxLength: 2)),
        ])]
        directory.codeLists = ["9001": [.init(value: "A", name: "\"Quoted\""), .init(value: "A", name: "Again")]]
        directory.messages = ["WIDGET": .init(id: "WIDGET", name: "Widget message", structure: [
            .segment(.init(position: "0010", tag: "UNH", name: "Message header", status: .mandatory, maxUse: 1)),
            .group(.init(number: 1, position: "0020", status: .conditional, maxUse: 10, children: [
                .segment(.init(position: "0030", tag: "ZZA", name: "Sample", status: .mandatory, maxUse: 1)),
            ])),
            .segment(.init(position: "0040", tag: "UNT", name: "Message trailer", status: .mandatory, maxUse: 1)),
        ])]
        return directory
    }

    @Test func transaction() throws {
        let xml = try UNECESchemaWriter(directory: Self.directory).transactionXML(for: "WIDGET")
        #expect(xml.contains(#"<transaction syntax="edifact" version="D99Z" id="WIDGET" name="Widget message" dictionary="dictionary.xml" source="UNECE D99Z">"#))
        #expect(xml.contains(#"<loop id="SG1" usage="C" max="10" name="Segment group 1">"#))
        #expect(xml.contains(#"    <segment ref="UNH" position="0010" usage="M" max="1" name="Message header"/>"#))
        #expect(xml.contains(#"      <segment ref="ZZA" position="0030" usage="M" max="1" name="Sample"/>"#))
    }

    @Test func dictionaryHasOnlyWhatTheMessageUses() {
        let xml = UNECESchemaWriter(directory: Self.directory).dictionaryXML(messages: ["WIDGET"])
        #expect(xml.contains(#"<element id="9001" name="First &amp; only" type="an" minLength="1" maxLength="3">"#))
        #expect(!xml.contains(#"id="9002""#))
        #expect(xml.contains(#"<codes closed="true" source="UNCL D99Z">"#))
        #expect(xml.contains(#"<code value="A">"Quoted"</code>"#))
        #expect(!xml.contains("Again"))
        #expect(xml.contains(#"<segment id="ZZA" name="SAMPLE &lt;A&gt;">"#))
        #expect(xml.contains(#"<composite ref="C901" position="1" usage="C" repeat="3"/>"#))
        #expect(xml.contains(#"<element ref="9001" position="2" usage="M" minLength="2" maxLength="2"/>"#))
        #expect(xml.contains(#"<rule kind="D1" positions="1 2"/>"#))
        #expect(xml.contains(#"<segment id="UNH" name="MESSAGE HEADER">"#))
        #expect(xml.contains(#"<composite id="S009" name="MESSAGE IDENTIFIER">"#))
    }

    @Test func outputIsDeterministic() throws {
        let folderA = TestFiles.folder.appendingPathComponent("edikit-writer-a-\(UUID().uuidString)")
        let folderB = TestFiles.folder.appendingPathComponent("edikit-writer-b-\(UUID().uuidString)")
        defer {
            try? FileManager.default.removeItem(at: folderA)
            try? FileManager.default.removeItem(at: folderB)
        }
        let first = try UNECESchemaWriter(directory: Self.directory).write(messages: ["WIDGET"], to: folderA)
        let second = try UNECESchemaWriter(directory: Self.directory).write(messages: ["WIDGET"], to: folderB)
        #expect(first.map(\.lastPathComponent) == ["WIDGET.xml", "dictionary.xml"])
        for (a, b) in zip(first, second) { #expect(try Data(contentsOf: a) == Data(contentsOf: b)) }
    }

    @Test func unknownMessageIsAnError() {
        #expect(throws: UNECEImportError.self) { try UNECESchemaWriter(directory: Self.directory).transactionXML(for: "NOPE") }
    }

    @Test func missingDirectoryFilesAreNamed() throws {
        let empty = TestFiles.folder.appendingPathComponent("edikit-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        do {
            _ = try UNECEImport.run(directory: empty, messages: ["ORDERS"], output: empty)
            Issue.record("expected an error")
        } catch let error as UNECEImportError {
            #expect(error.code == .missingFile)
            #expect(error.message.contains("segment directory"))
        }
    }
}
