import Foundation
import Testing
@testable import UNECEImport

/// Segment tables written for these tests in the UNTDID layout (not UNECE text).
@Suite struct MessageParserTests {
    static func text(_ body: String, file: String = "TEST_D.99Z") -> DirectoryText {
        DirectoryText(file: URL(fileURLWithPath: "/tmp/\(file)"), lines: body.components(separatedBy: "\n"))
    }

    static let sample = """
                                  UN/EDIFACT

                    UNITED NATIONS STANDARD MESSAGE (UNSM)

                           Widget   request message

    4.3.1  Segment table

    Pos    Tag Name                                      S   R

               HEADER SECTION

    0010   UNH Message header                            M   1     
    0020   AAA First test segment                        M   1     

    0030       ───── Segment group 1  ────────────────── C   9───────────┐
    0040   BBB Second test segment                       M   1           │
    0050 + CCC Third test segment                        C   2           │
                                                                         │
    0060 *     ───── Segment group 2  ────────────────── M   99─────────┐│
    0070   DDD Fourth test segment                       M   1          ││
                                                                        ││
    0080       ───── Segment group 3  ────────────────── C   5─────────┐││
    0090 X EEE Fifth test segment                        M   1         │││
    0100   FFF Sixth test segment                        C   3─────────┴┴┘

               SUMMARY SECTION

    0110   UNS Section control                           M   1     
    0120       ───── Segment group 4  ────────────────── C   200000──────┐
    0130   GGG Seventh test segment                      M   1───────────┘
    0140   UNT Message trailer                           M   1     

    Annex text that is not part of the table.
    """

    @Test func readsTitleAndNestedGroups() throws {
        let message = try MessageParser.parse(Self.text(Self.sample), id: "WIDGET")
        #expect(message.name == "Widget request message")
        #expect(message.segmentTags == ["UNH", "AAA", "BBB", "CCC", "DDD", "EEE", "FFF", "UNS", "GGG", "UNT"])
        guard message.structure.count == 6, case .group(let group1) = message.structure[2] else {
            Issue.record("top level is \(message.structure)")
            return
        }
        #expect(group1.id == "SG1" && group1.position == "0030" && group1.status == .conditional && group1.maxUse == 9)
        #expect(group1.children.count == 3)
        guard case .group(let group2) = group1.children[2], case .group(let group3) = group2.children[1] else {
            Issue.record("SG2/SG3 not nested in SG1: \(group1.children)")
            return
        }
        #expect(group2.id == "SG2" && group2.status == .mandatory && group2.maxUse == 99)
        #expect(group3.id == "SG3" && group3.children.count == 2)
        if case .segment(let fff) = group3.children[1] {
            #expect(fff.tag == "FFF" && fff.position == "0100" && fff.maxUse == 3 && fff.status == .conditional)
        }
        if case .group(let group4) = message.structure[4] {
            #expect(group4.maxUse == 200000 && group4.children.count == 1)
        } else {
            Issue.record("SG4 missing")
        }
        if case .segment(let last) = message.structure[5] { #expect(last.tag == "UNT") }
    }

    @Test func changeIndicatorsAreNotPartOfTheTag() throws {
        let entry = try #require(MessageParser.parseEntry("0090 X EEE Fifth test segment                        M   1         │││"))
        guard case .segment(let tag, let name) = entry.kind else { Issue.record("not a segment"); return }
        #expect(tag == "EEE" && name == "Fifth test segment" && entry.closes == 0)
    }

    @Test func closingMarksCount() throws {
        let entry = try #require(MessageParser.parseEntry("0100   FFF Sixth test segment                        C   3─────────┴┴┘"))
        #expect(entry.closes == 3 && entry.maxUse == 3)
    }

    @Test func unknownLineNamesFileAndLine() {
        let broken = Self.sample.replacingOccurrences(of: "0050 + CCC Third test segment                        C   2",
                                                      with: "0050 + CCC Third test segment")
        do {
            _ = try MessageParser.parse(Self.text(broken), id: "WIDGET")
            Issue.record("expected an error")
        } catch let error as UNECEImportError {
            #expect(error.code == .unparseable)
            #expect(error.file == "/tmp/TEST_D.99Z")
            #expect(error.line == 18)
            #expect(error.description.hasPrefix("/tmp/TEST_D.99Z:18: not a segment table line"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func tableWithoutUNTIsAnError() {
        let cut = Self.sample.components(separatedBy: "\n").prefix(25).joined(separator: "\n")
        #expect(throws: UNECEImportError.self) { try MessageParser.parse(Self.text(cut), id: "WIDGET") }
    }

    @Test func closingMoreGroupsThanOpenIsAnError() {
        let broken = Self.sample.replacingOccurrences(of: "M   1───────────┘", with: "M   1──────────┴┘")
        #expect(throws: UNECEImportError.self) { try MessageParser.parse(Self.text(broken), id: "WIDGET") }
    }
}
