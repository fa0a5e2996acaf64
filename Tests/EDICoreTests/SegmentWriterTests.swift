import EDICore
import Testing
import TestSupport

/// The writer: escaping, delimiter errors, line styles, `UNA`, trimming.
@Suite struct SegmentWriterTests {
    @Test func edifactValuesAreEscaped() throws {
        var writer = SegmentWriter(syntax: .edifact, delimiters: .edifactDefault)
        try writer.write(OutgoingSegment("FTX", ["AAI", "", "", "D'Or? 1+1:2"]))
        #expect(String(decoding: writer.output, as: UTF8.self) == "FTX+AAI+++D?'Or?? 1?+1?:2'")
    }

    @Test func x12ValueWithADelimiterIsAnError() throws {
        var writer = SegmentWriter(syntax: .x12, delimiters: .x12Common, lineStyle: .lf)
        #expect(throws: WriterError.self) { try writer.write(OutgoingSegment("N1", ["BY", "A*B"])) }
        do {
            try writer.write(OutgoingSegment("N1", ["BY", "BEST~BUY"]))
            Issue.record("no error")
        } catch {
            #expect(error.tag == "N1" && error.element == 2)
            #expect(error.description.contains("~"))
        }
        try writer.write(OutgoingSegment("N1", ["BY", "ACME"]))
        #expect(String(decoding: writer.output, as: UTF8.self) == "N1*BY*ACME~\n")
    }

    /// ISO 8859-1 bytes (UNOC) read with the default UTF-8 decoding are not UTF-8: a segment
    /// made with `keepsBytes` keeps them, so the writer gives them back; a writer of another
    /// encoding, or a segment without them, writes the Strings.
    @Test func isoLatin1ValuesComeBackByteForByte() throws {
        let bytes = try Fixtures.bytes("derived/edifact_ORDERS_D96A_UNOC_latin1.edi")
        let read = tokenize(bytes)
        #expect(read.issues.isEmpty, "\(read.issues)")
        var writer = SegmentWriter(syntax: .edifact, delimiters: .edifactDefault, lineStyle: .lf)
        writer.writeServiceStringAdvice()
        var nad: OutgoingSegment?
        for segment in read.segments where segment.tag != "UNA" {
            let outgoing = segment.owned.withSegment { OutgoingSegment($0, keepsBytes: true) }
            if segment.tag == "NAD" { nad = outgoing }
            try writer.write(outgoing)
        }
        #expect(writer.output == bytes + [0x0A])
        let street = try #require(nad)
        #expect(street.elements[4] == [["Straße"]])
        #expect(street.rawValues?[4] == [[[0x53, 0x74, 0x72, 0x61, 0xDF, 0x65]]])
        // A writer of another encoding encodes the Strings: ISO 8859-1 gives ß as DF again.
        var latin1 = SegmentWriter(syntax: .edifact, delimiters: .edifactDefault, characterEncoding: .latin1)
        try latin1.write(street)
        #expect(latin1.output.contains(0xDF))
        // Without keepsBytes, or once edited, the Strings are written: in UTF-8, ß is C3 9F.
        let plain = try #require(read.segments.first { $0.tag == "NAD" }).owned.withSegment { OutgoingSegment($0) }
        #expect(plain.rawValues == nil && plain == street)
        var plainWriter = SegmentWriter(syntax: .edifact, delimiters: .edifactDefault)
        try plainWriter.write(plain)
        #expect(String(decoding: plainWriter.output, as: UTF8.self) == "NAD+BY+++Bestellername+Straße+Stadt++23436+xx'")
        var edited = street
        edited.elements[0] = [["BY"]]
        #expect(edited.rawValues == nil)
        var utf8 = SegmentWriter(syntax: .edifact, delimiters: .edifactDefault)
        try utf8.write(edited)
        #expect(String(decoding: utf8.output, as: UTF8.self) == "NAD+BY+++Bestellername+Straße+Stadt++23436+xx'")
    }

    @Test func repetitionsAndComposites() throws {
        var writer = SegmentWriter(syntax: .x12, delimiters: .x12Common, lineStyle: .crlf)
        try writer.write(OutgoingSegment("HI", elements: [[["BK", "30000"]], [["BF", "4011"], ["BF", "4019"]]]))
        #expect(String(decoding: writer.output, as: UTF8.self) == "HI*BK>30000*BF>4011^BF>4019~\r\n")
        var noRepetition = SegmentWriter(syntax: .edifact, delimiters: .edifactDefault)
        #expect(throws: WriterError.self) { try noRepetition.write(OutgoingSegment("CTA", elements: [[["A"], ["B"]]])) }
    }

    @Test func trailingEmptyElementsAreTrimmedWhenAsked() throws {
        var writer = SegmentWriter(syntax: .edifact, delimiters: .edifactDefault, trimsTrailingEmptyElements: true)
        try writer.write(OutgoingSegment("RFF", elements: [[["VA", "123", ""]], [[""]], [[""]]]))
        #expect(String(decoding: writer.output, as: UTF8.self) == "RFF+VA:123'")
        #expect(writer.segmentCount == 1)
        _ = writer.takeOutput()
        #expect(writer.output.isEmpty && writer.segmentCount == 1)
    }

    @Test func serviceStringAdvice() throws {
        var pipe = Delimiters.edifactDefault
        pipe.element = UInt8(ascii: "|")
        pipe.repetition = UInt8(ascii: "*")
        var writer = SegmentWriter(syntax: .edifact, delimiters: pipe, lineStyle: .lf)
        #expect(writer.needsServiceStringAdvice)
        writer.writeServiceStringAdvice()
        #expect(String(decoding: writer.output, as: UTF8.self) == "UNA:|.?*'\n")
        #expect(!SegmentWriter(syntax: .edifact, delimiters: .edifactDefault).needsServiceStringAdvice)
    }

    @Test(arguments: [UInt64(1), 2, 3, 4, 5, 6, 7, 8])
    func seededEscapingRoundTrip(seed: UInt64) throws {
        // Random values over an alphabet rich in delimiters and release characters, written and read back.
        var generator = SeededGeneratorForWriter(seed: seed)
        let alphabet = Array("AB?:+'* .,\u{00E9}")
        var values: [String] = []
        for _ in 0..<20 {
            let length = Int.random(in: 0...12, using: &generator)
            values.append(String((0..<length).map { _ in alphabet.randomElement(using: &generator)! }))
        }
        var delimiters = Delimiters.edifactDefault
        delimiters.repetition = UInt8(ascii: "*")
        var writer = SegmentWriter(syntax: .edifact, delimiters: delimiters)
        writer.writeServiceStringAdvice()
        try writer.write(OutgoingSegment("UNB", elements: [[["UNOW", "4"]], [["S"]], [["R"]], [["20261129", "0930"]], [["1"]]]))
        try writer.write(OutgoingSegment("FTX", ["AAI"] + values))
        let read = tokenize(writer.output)
        #expect(read.errors.isEmpty, "seed \(seed)")
        let ftx = try #require(read.segments.first { $0.tag == "FTX" }, "seed \(seed)")
        for (index, value) in values.enumerated() {
            let element = ftx.owned.withSegment { String(decoding: $0.element(index + 2).unescaped, as: UTF8.self) }
            #expect(element == value, "seed \(seed), element \(index + 2)")
        }
    }
}

/// SplitMix64 again, local so the writer tests need nothing else.
private struct SeededGeneratorForWriter: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
