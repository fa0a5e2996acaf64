import EDICore
import Foundation
import Testing
import TestSupport

/// Line breaks: after terminators (ignored), as terminators (LF, CR LF), and inside segments (wrapped files).
@Suite struct LineHandlingTests {
    @Test(arguments: ["", "\n", "\r\n", "\r", "\n\n", "  \r\n"])
    func lineBreaksAfterTerminatorsAreIgnored(lineBreak: String) {
        let result = tokenize(x12Interchange(lineBreak: lineBreak))
        #expect(result.issues.isEmpty, "\(result.issues)")
        #expect(result.tags == ["ISA", "GS", "ST", "BEG", "PO1", "SE", "GE", "IEA"])
        #expect(result.segments[3][3] == "PO-1")
        #expect(result.segments[6][2] == "1")
    }

    @Test func lfAsTerminator() {
        let result = tokenize(x12Interchange(terminator: "\n", lineBreak: ""))
        #expect(result.issues.isEmpty)
        #expect(result.segments[0].owned.delimiters.segment == 0x0A)
        #expect(result.segments.map(\.position.line) == Array(1...8))
        #expect(result.segments.allSatisfy { $0.position.column == 1 })
    }

    @Test func crlfAsTerminator() {
        // The byte after ISA16 is CR: it is the terminator, and the LF after it a line break.
        let result = tokenize(x12Interchange(terminator: "\r", lineBreak: "\n"))
        #expect(result.issues.isEmpty, "\(result.issues)")
        #expect(result.segments[0].owned.delimiters.segment == 0x0D)
        #expect(result.segments.map(\.position.line) == Array(1...8))
        #expect(result.segments[7][2] == "000000001")
    }

    @Test func edifactWithCRLFAfterEveryTerminator() {
        let result = tokenize(edifactOrders.replacingOccurrences(of: "\n", with: "\r\n"))
        #expect(result.issues.isEmpty)
        #expect(result.tags == ["UNB", "UNH", "BGM", "DTM", "UNT", "UNZ"])
        #expect(result.segments[5].position.line == 6)
    }

    @Test func lfTerminatorFixtures() throws {
        for path in ["x12/x12_810_002040_edifabric_LF_segterm.txt", "x12/x12_837_005010_staedi_HL_nested_LF_terminator.edi",
                     "malformed/x12_850_004010_nodex12_3_LF_segterm.edi"] {
            let result = tokenize(try Fixtures.bytes(path))
            #expect(result.errors.isEmpty, "\(path): \(result.errors)")
            #expect(result.segments.first?.owned.delimiters.segment == 0x0A, "\(path)")
            #expect(result.tags.last == "IEA", "\(path)")
        }
    }

    @Test func indentedSegmentsWithLFTerminator() throws {
        let result = tokenize(try Fixtures.bytes("malformed/x12_837_005010X222_staedi_indented_no_terminator.edi"))
        #expect(result.errors.isEmpty)
        #expect(result.segments.first?.owned.delimiters.repetition == UInt8(ascii: "`"))
        #expect(result.tags.last == "IEA")
    }

    @Test func wrappedX12IsReadWithOneWarning() throws {
        let result = tokenize(try Fixtures.bytes("malformed/x12_210_004010_staedi_wrapped_80char.edi"))
        #expect(result.errors.isEmpty)
        let warnings = result.issues(.wrappedLines)
        #expect(warnings.count == 1)
        // The ISA itself is wrapped after ISA10's "022".
        #expect(warnings.first?.position.line == 1)
        #expect(warnings.first?.position.column == 1)
        #expect(result.segments[0][10] == "0224")
        #expect(result.segments[0].owned.delimiters.component == UInt8(ascii: ">"))
        #expect(result.tags.last == "IEA")
        let n4 = try #require(result.segments.first { $0.tag == "N4" })
        #expect(n4[1] == "WILKESBORO")
    }

    @Test func wrappedEDIFACTIsReadWithOneWarning() throws {
        for path in ["malformed/edifact_INVOIC_D97B_staedi_wrapped.edi", "malformed/edifact_INVOIC_D97B_staedi_wrapped_UNA.edi"] {
            let result = tokenize(try Fixtures.bytes(path))
            #expect(result.errors.isEmpty, "\(path)")
            #expect(result.issues(.wrappedLines).count == 1, "\(path)")
            #expect(result.tags.last == "UNZ", "\(path)")
            let (_, issues) = outline(try Fixtures.bytes(path))
            #expect(issues.filter { $0.severity == .error }.isEmpty, "\(path): \(issues)")
        }
        let wrapped = tokenize(try Fixtures.bytes("malformed/edifact_INVOIC_D97B_staedi_wrapped.edi"))
        #expect(wrapped.segments[0][5] == "00000000000778")
        #expect(wrapped.issues(.wrappedLines).first?.position.line == 1)
    }

    /// A hard-wrapped X12 file whose line break falls inside the tag or BIN01 of a `BIN`
    /// segment: it is still `BIN`, and its binary data (delimiters included) is skipped.
    @Test(arguments: ["B\nIN*8*", "BI\r\nN*8*", "BIN*\n8*", "BIN*8\n*"])
    func binaryTagOrLengthWrappedAcrossLines(start: String) throws {
        let text = x12Interchange(lineBreak: "").replacingOccurrences(of: "PO1*", with: start + "AB~CD*EF~PO1*")
        for chunks in [[], [1], [7, 3]] {
            let result = tokenize(Array(text.utf8), chunkSizes: chunks)
            #expect(result.errors.isEmpty, "\(result.errors)")
            #expect(result.tags == ["ISA", "GS", "ST", "BEG", "BIN", "PO1", "SE", "GE", "IEA"])
            let binary = result.segments[4]
            #expect(binary.owned.elementCount == 2)
            #expect(binary[1] == "8" && binary[2] == "AB~CD*EF")
            #expect(result.issues(.wrappedLines).count == 1)
        }
    }

    @Test func wrappedWarningPosition() throws {
        let text = "UNB+UNOA:3+S+R+261129:0930+1'\nUNH+1+ORDERS:D:96A:UN'\nFTX+AAI+++LONG TE\nXT'\nUNT+3+1'\nUNZ+1+1'\n"
        let result = tokenize(text)
        #expect(result.errors.isEmpty)
        let warning = try #require(result.issues(.wrappedLines).first)
        #expect(warning.position.line == 3)
        #expect(warning.position.column == 1)
        #expect(warning.position.byteOffset == text.utf8.count - "FTX+AAI+++LONG TE\nXT'\nUNT+3+1'\nUNZ+1+1'\n".utf8.count)
        #expect(result.segments[2][4] == "LONG TEXT")
        #expect(result.segments[3].position.line == 5)
    }

    @Test func lineAndColumnCountCRLFAndLoneCR() {
        let text = "UNB+UNOA:3+S+R+261129:0930+1'\r\nUNH+1+X:D:96A:UN'\rBGM+220'\nUNT+3+1'UNZ+1+1'"
        let result = tokenize(text)
        #expect(result.segments.map(\.position.line) == [1, 2, 3, 4, 4])
        #expect(result.segments.map(\.position.column) == [1, 1, 1, 1, 9])
    }
}
