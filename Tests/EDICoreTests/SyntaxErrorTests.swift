@testable import EDICore
import Foundation
import Testing
import TestSupport

/// One test per tokenizer code EDI101–EDI303, asserting the code, the severity and the position.
@Suite struct SyntaxErrorTests {
    private func only(_ code: SyntaxIssue.Code, in result: Tokenized,
                      sourceLocation: SourceLocation = #_sourceLocation) throws -> SyntaxIssue {
        let found = result.issues(code)
        #expect(found.count == 1, "\(code): \(result.issues)", sourceLocation: sourceLocation)
        return try #require(found.first, sourceLocation: sourceLocation)
    }

    private func expect(_ position: EDIPosition, line: Int, column: Int, offset: Int? = nil, segment: Int? = nil,
                        tag: String? = nil, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(position.line == line, "line", sourceLocation: sourceLocation)
        #expect(position.column == column, "column", sourceLocation: sourceLocation)
        if let offset { #expect(position.byteOffset == offset, "byte offset", sourceLocation: sourceLocation) }
        if let segment { #expect(position.segmentIndex == segment, "segment index", sourceLocation: sourceLocation) }
        if let tag { #expect(position.segmentTag == tag, "tag", sourceLocation: sourceLocation) }
    }

    @Test func edi101GarbageBeforeHeaderThenResynchronises() throws {
        let text = "#garbage line\n@ more DISAGREE junk\n" + x12Interchange()
        let result = tokenize(text)
        let issue = try only(.noInterchangeHeader, in: result)
        #expect(issue.severity == .error)
        expect(issue.position, line: 1, column: 1, offset: 0, segment: 0)
        #expect(issue.message.contains("#garbage"))
        #expect(result.tags == ["ISA", "GS", "ST", "BEG", "PO1", "SE", "GE", "IEA"])
        expect(result.segments[0].position, line: 3, column: 1, offset: 35, segment: 1)
    }

    @Test func edi101Fixtures() throws {
        let fsa = tokenize(try Fixtures.bytes("malformed/x12_810_002040_edifabric_FSA_header.txt"))
        expect(try only(.noInterchangeHeader, in: fsa).position, line: 1, column: 1, offset: 0)
        #expect(fsa.segments.isEmpty)
        let noISA = tokenize(try Fixtures.bytes("malformed/x12_837_005010X222A1_imsweb_no_ISA.txt"))
        expect(try only(.noInterchangeHeader, in: noISA).position, line: 1, column: 1)
    }

    @Test func edi102TruncatedISA() throws {
        let result = tokenize("ISA*00*          *00*          *ZZ*SENDER")
        let issue = try only(.truncatedISA, in: result)
        #expect(issue.severity == .error)
        expect(issue.position, line: 1, column: 1, offset: 0, tag: "ISA")
        #expect(result.segments.isEmpty)
    }

    @Test func edi103ISANotFixedWidth() throws {
        let result = tokenize(try Fixtures.bytes("malformed/x12_837_005010X222A1_imsweb_short_ISA02.txt"))
        let issue = try only(.isaNotFixedWidth, in: result)
        #expect(issue.severity == .warning)
        expect(issue.position, line: 1, column: 1, offset: 0, tag: "ISA")
        #expect(result.errors.isEmpty)
        #expect(result.tags.last == "IEA")
    }

    @Test func edi104InvalidUNA() throws {
        let result = tokenize("UNA:::? 'UNB+UNOA:3+S+R+261129:0930+1'UNZ+0+1'")
        let issue = try only(.invalidUNA, in: result)
        #expect(issue.severity == .error)
        expect(issue.position, line: 1, column: 1, offset: 0, tag: "UNA")
        // Resynchronises at the UNB that follows (read with the defaults).
        #expect(result.tags == ["UNB", "UNZ"])
    }

    @Test func edi105AmbiguousDelimiters() throws {
        let result = tokenize(isaHeader(terminator: "*") + "GS*PO~")
        let issue = try only(.ambiguousDelimiters, in: result)
        #expect(issue.severity == .error)
        expect(issue.position, line: 1, column: 106, offset: 105, tag: "ISA")
        let letter = tokenize("ISAX00X")
        expect(try only(.ambiguousDelimiters, in: letter).position, line: 1, column: 4, offset: 3)
    }

    @Test func edi106TrailingData() throws {
        let result = tokenize(x12Interchange() + "trailing junk\n")
        let issue = try only(.trailingData, in: result)
        #expect(issue.severity == .error)
        expect(issue.position, line: 9, column: 1, segment: 8)
        #expect(result.tags.count == 8)
        let fixture = tokenize(try Fixtures.bytes("malformed/x12_810_002040_edifabric_garbage_trailer.txt"))
        #expect(try only(.trailingData, in: fixture).position.segmentIndex == fixture.segments.count)
    }

    @Test func edi201InvalidTag() throws {
        let text = "UNB+UNOA:3+S+R+261129:0930+1'\nUNH+1+X:D:96A:UN'\n1BC+1'\nUNT+3+1'\nUNZ+1+1'\n"
        let result = tokenize(text)
        let issue = try only(.invalidSegmentTag, in: result)
        #expect(issue.severity == .error)
        expect(issue.position, line: 3, column: 1, offset: 48, segment: 2)
        #expect(issue.message.contains("\"1BC\""))
        // The rest of the interchange is skipped.
        #expect(result.tags == ["UNB", "UNH"])
        let fixture = tokenize(try Fixtures.bytes("malformed/edifact_ORDERS_D96A_edifactls_bad_segment_tag.edi"))
        #expect(try only(.invalidSegmentTag, in: fixture).position.line > 1)
    }

    @Test func edi202MissingTerminator() throws {
        let text = x12Interchange().replacingOccurrences(of: "20261129~\nPO1", with: "20261129\nPO1")
        let result = tokenize(text)
        let issue = try only(.missingSegmentTerminator, in: result)
        #expect(issue.severity == .error)
        expect(issue.position, line: 4, column: 25, segment: 4, tag: "BEG")
        #expect(issue.position.segmentIndexInTransaction == 2)  // BEG, after ST
        #expect(issue.message == "segment terminator missing after segment 4 (BEG) at line 4, column 25")
        // The segment ends at the line break; reading goes on with the next line, in the same interchange.
        #expect(result.tags == ["ISA", "GS", "ST", "BEG", "PO1", "SE", "GE", "IEA"])
        let beg = try #require(result.segments.first { $0.tag == "BEG" })
        #expect(beg.owned.elementCount == 5 && beg[5] == "20261129")
        let po1 = try #require(result.segments.first { $0.tag == "PO1" })
        #expect(po1.position.line == 5 && po1.position.column == 1 && po1.position.segmentIndex == 5)
        #expect(po1.position.segmentIndexInTransaction == 3)
        // The envelope is complete: no trailer is reported missing, the SE count holds.
        #expect(outline(text).issues.map(\.code) == [.missingSegmentTerminator])
    }

    @Test func edi202ReadsOnAndTheNextInterchangeToo() throws {
        let broken = x12Interchange(control: "000000001").replacingOccurrences(of: "20261129~\nPO1", with: "20261129\nPO1")
        let result = tokenize(broken + x12Interchange(control: "000000002"))
        #expect(result.issues(.missingSegmentTerminator).count == 1)
        #expect(result.segments.filter { $0.interchangeIndex == 1 }.count == 8)
        #expect(result.segments.filter { $0.interchangeIndex == 2 }.count == 8)
        #expect(result.segments.last?.position.line == 16)
    }

    @Test func edi203TruncatedFile() throws {
        let text = x12Interchange()
        let cut = String(text[..<text.range(of: "PO1*1*10")!.upperBound])
        let result = tokenize(cut)
        let issue = try only(.unexpectedEndOfInput, in: result)
        #expect(issue.severity == .error)
        expect(issue.position, line: 5, column: 9, offset: cut.utf8.count, segment: 5, tag: "PO1")
        #expect(issue.position.segmentIndexInTransaction == 3)  // ST 1, BEG 2, PO1 3
        #expect(result.tags == ["ISA", "GS", "ST", "BEG"])
    }

    @Test func edi204SegmentTooLong() throws {
        var options = SegmentTokenizer.Options()
        options.maxSegmentLength = 50
        let text = x12Interchange().replacingOccurrences(of: "WIDGET", with: String(repeating: "W", count: 60))
        for chunks in [[], [1], [7, 3]] {
            let result = tokenize(text, chunkSizes: chunks, options: options)
            let issues = result.issues(.segmentTooLong)
            // The ISA header is read by its offsets, never measured against the limit.
            #expect(issues.count == 1, "chunks \(chunks): \(result.issues)")
            expect(try #require(issues.first).position, line: 5, column: 1, segment: 5, tag: "PO1")
            #expect(result.tags == ["ISA", "GS", "ST", "BEG"])
        }
    }

    @Test func edi205EmptySegment() throws {
        let result = tokenize("UNB+UNOA:3+S+R+261129:0930+1''UNH+1+X:D:96A:UN'UNT+2+1'UNZ+1+1'")
        let issue = try only(.emptySegment, in: result)
        #expect(issue.severity == .warning)
        expect(issue.position, line: 1, column: 30, offset: 29, segment: 1)
        #expect(result.tags == ["UNB", "UNH", "UNT", "UNZ"])
    }

    @Test func edi206DanglingRelease() throws {
        let text = "UNB+UNOA:3+S+R+261129:0930+1'UNH+1+X:D:96A:UN'FTX+AAI+++WHY?"
        let result = tokenize(text)
        let issue = try only(.danglingRelease, in: result)
        #expect(issue.severity == .error)
        expect(issue.position, line: 1, column: text.utf8.count, offset: text.utf8.count - 1, segment: 3, tag: "FTX")
    }

    @Test func edi207LastTerminatorMissing() throws {
        let text = String(edifactOrders.dropLast(2))
        let result = tokenize(text)
        let issue = try only(.lastTerminatorMissing, in: result)
        #expect(issue.severity == .warning)
        expect(issue.position, line: 6, column: 9, offset: text.utf8.count, tag: "UNZ")
        #expect(result.tags.last == "UNZ")
        #expect(result.segments.last?[2] == "42")
    }

    @Test func edi208WrappedLines() throws {
        let result = tokenize(try Fixtures.bytes("malformed/edifact_TESTMSG_D96A_edifactls_newline_in_element.edi"))
        let issue = try only(.wrappedLines, in: result)
        #expect(issue.severity == .warning)
        #expect(result.errors.isEmpty)
        let nad = try #require(result.segments.first { $0.tag == "NAD" })
        expect(issue.position, line: nad.position.line, column: 1, segment: nad.position.segmentIndex, tag: "NAD")
    }

    @Test func edi301EBCDIC() throws {
        var toEBCDIC = [UInt8](repeating: 0x3F, count: 256)
        for (ebcdic, latin1) in ebcdic037ToLatin1.enumerated().reversed() { toEBCDIC[Int(latin1)] = UInt8(ebcdic) }
        let ascii = Array(x12Interchange().utf8)
        let result = tokenize(ascii.map { toEBCDIC[Int($0)] })
        let issue = try only(.transcoded, in: result)
        #expect(issue.severity == .warning)
        expect(issue.position, line: 1, column: 1, offset: 0)
        let plain = tokenize(ascii)
        #expect(result.tokens.filter(\.isSegment) == plain.tokens)
    }

    @Test(arguments: [false, true])
    func edi301UTF16(bigEndian: Bool) throws {
        let text = "UNB+UNOW:4+S+R+20261129:0930+1'\nUNH+1+X:D:01B:UN'\nFTX+AAI+++Grüße €'\nUNT+3+1'\nUNZ+1+1'\n"
        var bytes: [UInt8] = bigEndian ? [0xFE, 0xFF] : []
        for unit in text.utf16 {
            bytes += bigEndian ? [UInt8(unit >> 8), UInt8(unit & 0xFF)] : [UInt8(unit & 0xFF), UInt8(unit >> 8)]
        }
        for chunks in [[], [1], [3, 5]] {
            let result = tokenize(bytes, chunkSizes: chunks)
            let issue = try only(.transcoded, in: result)
            expect(issue.position, line: 1, column: 1, offset: 0)
            #expect(result.tokens.filter(\.isSegment) == tokenize(text).tokens, "chunks \(chunks)")
            #expect(result.segments[2][4] == "Grüße €")
        }
    }

    @Test func edi302UnsupportedEncoding() throws {
        let result = tokenize([0x00, 0x00, 0xFE, 0xFF, 0x00, 0x00, 0x00, 0x55])
        let issue = try only(.unsupportedEncoding, in: result)
        #expect(issue.severity == .error)
        expect(issue.position, line: 1, column: 1, offset: 0)
        #expect(result.segments.isEmpty)
    }

    @Test func edi303ByteOrderMark() throws {
        let result = tokenize(try Fixtures.bytes("malformed/edifact_INVOIC_D00A_edifabric_BOM.txt"))
        let issue = try only(.byteOrderMark, in: result)
        #expect(issue.severity == .warning)
        expect(issue.position, line: 1, column: 1, offset: 0)
        expect(result.segments[0].position, line: 1, column: 4, offset: 3, segment: 1, tag: "UNB")
        #expect(result.errors.isEmpty)
    }
}
