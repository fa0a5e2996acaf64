import Foundation
import Testing
@testable import UNECEImport

/// Code lists written for these tests in the UNCL layouts of D.96A (codes right-aligned before
/// column 10) and D.01B (codes at column 5, names at column 11, notes inside entries).
@Suite struct CodeListParserTests {
    static func text(_ body: String) -> DirectoryText {
        DirectoryText(file: URL(fileURLWithPath: "/tmp/UNCL.99Z"), lines: body.components(separatedBy: "\n"))
    }

    @Test func oldLayout() throws {
        let lists = try CodeListParser.parse(Self.text("""
        ──────────────────────────────────────────────────────────────────────

        * 9001  First component

          Desc: For the tests, and this description is long enough
                to wrap onto a second line.

          Repr: an..3

                1 One
                     The first.
        +      12 Twelve with a name long enough that it wraps onto the
                  next line
                     Description of twelve.
        -       4 Removed
                     Deleted in this directory.
        #|  ZZZ   Mutually agreed
                     Self explanatory.

        ──────────────────────────────────────────────────────────────────────

          9002  Without codes

          Desc: Nothing here.

          Repr: an..35
        """))
        #expect(lists["9001"]?.map(\.value) == ["1", "12", "ZZZ"])
        #expect(lists["9001"]?[1].name == "Twelve with a name long enough that it wraps onto the next line")
        #expect(lists["9001"]?[2].name == "Mutually agreed")
        #expect(lists["9002"] == [])
    }

    @Test func newLayout() throws {
        let lists = try CodeListParser.parse(Self.text("""
        ──────────────────────────────────────────────────────────────────────

        *    9003  Sample code                                           [C]

             Desc: Code for the tests.

             Repr: an..3

        X    1     First
                      Description of the first.

                   Note:
                      1. Will be removed.

        +    AB    Second value with a name that is long enough to
                   wrap
                      Description.

             C     Third
                      Description.
        """))
        #expect(lists["9003"]?.map(\.value) == ["1", "AB", "C"])
        #expect(lists["9003"]?[1].name == "Second value with a name that is long enough to wrap")
    }

    @Test func cp437Decoding() {
        let bytes: [UInt8] = Array("A".utf8) + [0xC4, 0xBF, 0xB3, 0xC1, 0xD9, 0x82, 0x0D, 0x0A] + Array("B".utf8) + [0x1A]
        #expect(DirectoryText.decodeLines(bytes) == ["A─┐│┴┘é", "B"])
    }

    @Test func xmlEscaping() {
        #expect(XMLText.attribute("A&B <\"x\"> 'y'") == "A&amp;B &lt;&quot;x&quot;&gt; &apos;y&apos;")
        #expect(XMLText.content("a<b & c>d \"q\"") == "a&lt;b &amp; c&gt;d \"q\"")
        #expect(XMLText.content("bell\u{07}") == "bell ")
    }
}
