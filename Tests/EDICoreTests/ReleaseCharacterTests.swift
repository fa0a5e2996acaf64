import EDICore
import Foundation
import Testing
import TestSupport

/// The EDIFACT release character `?`: `??`, released delimiters, a released terminator at the end of a segment.
@Suite struct ReleaseCharacterTests {
    private func segment(_ tag: String, in result: Tokenized, _ occurrence: Int = 0) throws -> ReadSegment {
        try #require(result.segments.filter { $0.tag == tag }.dropFirst(occurrence).first, "no \(tag) #\(occurrence)")
    }

    @Test func doubledReleaseIsOneQuestionMark() throws {
        let result = tokenize("UNB+UNOA:3+S+R+261129:0930+1'UNH+1+X:D:96A:UN'FTX+AAI??+++Is it ??here?? Yes'UNT+3+1'UNZ+1+1'")
        #expect(result.issues.isEmpty)
        let ftx = try segment("FTX", in: result)
        #expect(ftx[1] == "AAI?")
        #expect(ftx[4] == "Is it ?here? Yes")
        #expect(ftx.owned.elementCount == 4)
    }

    @Test func releasedElementAndComponentSeparatorsAreData() throws {
        let result = tokenize("UNB+UNOA:3+S+R+261129:0930+1'UNH+1+X:D:96A:UN'NAD+IV+1++A?+B?:C:D'UNT+3+1'UNZ+1+1'")
        let nad = try segment("NAD", in: result)
        #expect(nad.owned.elementCount == 4)
        #expect(nad.owned.components(4) == ["A+B:C", "D"])
        nad.owned.withSegment { view in
            #expect(view.element(4).bytes.count == 9)
            #expect(view.element(4).length == 7)
            #expect(view.element(4).isComposite)
            #expect(view.element(4).unescaped == Array("A+B:C:D".utf8))
        }
    }

    @Test func releasedTerminatorInsideAndAtTheEndOfASegment() throws {
        let result = tokenize("UNB+UNOA:3+S+R+261129:0930+1'UNH+1+X:D:96A:UN'NAD+SE+1+D?'Or+DE?''UNT+3+1'UNZ+1+1'")
        #expect(result.issues.isEmpty)
        #expect(result.tags == ["UNB", "UNH", "NAD", "UNT", "UNZ"])
        let nad = try segment("NAD", in: result)
        #expect(nad[3] == "D'Or")
        #expect(nad[4] == "DE'")
    }

    @Test func tripleReleaseBeforeTerminator() throws {
        // "???'" is a literal '?' then a literal '''.
        let result = tokenize("UNB+UNOA:3+S+R+261129:0930+1'UNH+1+X:D:96A:UN'IFT+3+NO ???' MORE'UNT+3+1'UNZ+1+1'")
        let ift = try segment("IFT", in: result)
        #expect(ift[2] == "NO ?' MORE")
        #expect(result.tags.count == 5)
    }

    @Test func releaseCharacterSplitAcrossChunks() throws {
        let text = "UNB+UNOA:3+S+R+261129:0930+1'UNH+1+X:D:96A:UN'NAD+SE+1+D?'Or+DE?''UNT+3+1'UNZ+1+1'"
        let whole = tokenize(text)
        let releaseOffset = Array(text.utf8).firstIndex(of: UInt8(ascii: "?"))!
        // A chunk boundary right after each '?' must not change anything.
        let split = tokenize(text, chunkSizes: [releaseOffset + 1, 1, 1000])
        #expect(whole.tokens == split.tokens)
    }

    @Test func releaseBeforeANonDelimiterIsKeptAsData() throws {
        // Strictly an unnecessary escape: '?.' reads as '.'.
        let result = tokenize("UNB+UNOA:3+S+R+261129:0930+1'UNH+1+X:D:96A:UN'FTX+AAI+++Dr?. med?.'UNT+3+1'UNZ+1+1'")
        let ftx = try segment("FTX", in: result)
        #expect(ftx[4] == "Dr. med.")
    }

    @Test func x12HasNoReleaseCharacter() throws {
        let result = tokenize(x12Interchange().replacingOccurrences(of: "PO-1", with: "PO?1"))
        let beg = try segment("BEG", in: result)
        #expect(beg[3] == "PO?1")
        #expect(beg.owned.delimiters.release == nil)
    }

    @Test func releaseFixtures() throws {
        let segterm = tokenize(try Fixtures.bytes("edifact/edifact_INVOIC_D00A_edifabric_escaped_segterm.txt"))
        #expect(segterm.errors.isEmpty)
        let nad = try #require(segterm.segments.first { $0.tag == "NAD" && $0[1] == "SE" })
        #expect(nad.owned.components(3) == ["Schoenstrasse D'Or7", "81543", "Munich"])
        #expect(nad[9] == "DE'")

        let release = tokenize(try Fixtures.bytes("edifact/edifact_INVOIC_D00A_edifabric_escaped_release.txt"))
        let ftx = try segment("FTX", in: release)
        #expect(ftx[1] == "AAI?")
        #expect(ftx[4] == "Free text Free ?text Free text")

        let repetition = tokenize(try Fixtures.bytes("edifact/edifact_INVOIC_D00A_edifabric_escaped_repetition.txt"))
        let com = try segment("COM", in: repetition)
        #expect(com.owned.components(1) == ["1", "2*3:4"])

        let mendelson = tokenize(try Fixtures.bytes("edifact/edifact_ORDERS_D93A_oboe_release_chars_mendelson.edi"))
        let supplier = try #require(mendelson.segments.first { $0.tag == "NAD" && $0[1] == "SU" })
        #expect(supplier[4] == "'company??")
        let invoicee = try #require(mendelson.segments.first { $0.tag == "NAD" && $0[1] == "IV" })
        #expect(invoicee[5] == "Bran? : + ' Str. 38")
    }
}
