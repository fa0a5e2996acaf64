import Foundation
import Testing
@testable import UNECEImport

/// Segment, composite and element specifications written for these tests in the UNTDID
/// layouts of D.96A (no repeat column) and D.01B (repeat column, wrapped names).
@Suite struct SpecificationParserTests {
    static func text(_ body: String) -> DirectoryText {
        DirectoryText(file: URL(fileURLWithPath: "/tmp/SPEC.99Z"), lines: body.components(separatedBy: "\n"))
    }

    static let segmentsOldLayout = """
    2.   Segment specifications

    ──────────────────────────────────────────────────────────────────────

          ZZA    FIRST SAMPLE

          Function: To test the parser. The text mentions 010 and C  an..3
                    but is only text.

    010   C901  SAMPLE COMPOSITE                               M  
          9001   First component                               M  an..3
          9002   Second component                              C  an..35

    020   9003  SAMPLE AMOUNT                                  C  n..18

    030 + 9004  SAMPLE FLAG                                    C  a1

    ──────────────────────────────────────────────────────────────────────

        X ZZB    SECOND SAMPLE

          Function: Another one.

          Note: Dependency note D5(010,020) and D3(010,020,030).

    010   9005  ONLY ELEMENT                                   M  an3
    """

    @Test func readsSegmentsInTheOldLayout() throws {
        let segments = try SpecificationParser.segments(Self.text(Self.segmentsOldLayout))
        let zza = try #require(segments["ZZA"])
        #expect(zza.name == "FIRST SAMPLE")
        #expect(zza.elements.map(\.id) == ["C901", "9003", "9004"])
        #expect(zza.elements[0].isComposite && zza.elements[0].status == .mandatory && zza.elements[0].representation == nil)
        #expect(zza.elements[1].representation == .init(characterClass: .n, minLength: 1, maxLength: 18))
        #expect(zza.elements[2].representation == .init(characterClass: .a, minLength: 1, maxLength: 1))
        let zzb = try #require(segments["ZZB"])
        #expect(zzb.elements.count == 1 && zzb.elements[0].representation?.description == "an3")
        #expect(zzb.dependencyNotes == [.init(kind: "D5", positions: [1, 2]), .init(kind: "D3", positions: [1, 2, 3])])
    }

    static let compositesNewLayout = """
    2.   Composite specifications

    ──────────────────────────────────────────────────────────────────────

           C901 SAMPLE COMPOSITE

           Desc: For the tests.

    010    9001  First component                           M      an..3
    020    9006  A component whose name is long enough to
                 wrap                                      C      an..17
    030 X  9002  Second component                          C      an..35
    """

    @Test func readsCompositesWithWrappedNames() throws {
        let composites = try SpecificationParser.composites(Self.text(Self.compositesNewLayout))
        let c901 = try #require(composites["C901"])
        #expect(c901.components.map(\.id) == ["9001", "9006", "9002"])
        #expect(c901.components[1].name == "A component whose name is long enough to wrap")
        #expect(c901.components[1].representation?.maxLength == 17)
        #expect(c901.components.map(\.position) == [1, 2, 3])
    }

    @Test func readsRepeatCountsOfTheNewLayout() throws {
        let text = Self.text("""
        ──────────────────────────────────────────────────────────────────────

               ZZC  THIRD SAMPLE

        010    C901 SAMPLE COMPOSITE                           C    5
               9001  First component                           M      an..3

        020    9003 SAMPLE AMOUNT                              M    1 n..18
        """)
        let zzc = try #require(try SpecificationParser.segments(text)["ZZC"])
        #expect(zzc.elements[0].repeatCount == 5 && zzc.elements[0].status == .conditional)
        #expect(zzc.elements[1].repeatCount == 1 && zzc.elements[1].representation?.description == "n..18")
    }

    @Test func positionsOutOfSequenceAreReported() {
        let broken = Self.segmentsOldLayout.replacingOccurrences(of: "030 + 9004", with: "040 + 9004")
        do {
            _ = try SpecificationParser.segments(Self.text(broken))
            Issue.record("expected an error")
        } catch let error as UNECEImportError {
            #expect(error.line == 16 && error.message.hasPrefix("position out of sequence"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func elementLineWithoutStatusIsReported() {
        let broken = Self.segmentsOldLayout.replacingOccurrences(of: "SAMPLE AMOUNT                                  C  n..18",
                                                                 with: "SAMPLE AMOUNT")
        #expect(throws: UNECEImportError.self) { try SpecificationParser.segments(Self.text(broken)) }
    }

    @Test func readsElements() throws {
        let text = Self.text("""
        ──────────────────────────────────────────────────────────────────────

             9001  First component                                       [C]

             Desc: For the tests.

             Repr: an..3

        ──────────────────────────────────────────────────────────────────────

        *    9003  Sample amount                                         [B]

             Desc: An amount.

             Repr: n..18

             Note: Not for real use.
        """)
        let elements = try ElementParser.parse(text)
        #expect(elements["9001"] == .init(id: "9001", name: "First component",
                                          representation: .init(characterClass: .an, minLength: 1, maxLength: 3)))
        #expect(elements["9003"]?.name == "Sample amount")
        #expect(elements["9003"]?.representation.description == "n..18")
    }

    @Test func elementWithoutRepresentationIsReported() {
        let text = Self.text("""
        ──────────────────────────────────────────────────────────────────────

           9001  First component

           Desc: For the tests.
        """)
        #expect(throws: UNECEImportError.self) { try ElementParser.parse(text) }
    }

    @Test(arguments: [
        ("an..35", "an", 1, 35), ("n3", "n", 3, 3), ("a..3", "a", 1, 3), ("a4", "a", 4, 4), ("n..18", "n", 1, 18),
    ])
    func representations(text: String, type: String, min: Int, max: Int) throws {
        let representation = try #require(UNECEDirectory.Representation(text))
        #expect(representation.characterClass.rawValue == type)
        #expect(representation.minLength == min && representation.maxLength == max)
        #expect(representation.description == text)
    }

    @Test(arguments: ["", "an", "an..", "x3", "an..0", "n3.5", "an..3x"])
    func badRepresentations(text: String) {
        #expect(UNECEDirectory.Representation(text) == nil)
    }
}
