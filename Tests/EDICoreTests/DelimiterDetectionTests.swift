import EDICore
import Testing
import TestSupport

/// How delimiters are found: X12 `ISA` offsets, EDIFACT `UNA`, defaults, level B, syntax 4.
@Suite struct DelimiterDetectionTests {
    @Test(arguments: [
        ("*", "^", ">", "~"), ("|", "^", "!", "~"), ("~", "\\", "<", "|"), ("*", "U", ">", "~"),
        ("^", "!", ":", "\u{1D}"), ("*", "^", ">", "\n"), (">", "^", "+", "\r"),
    ] as [(Character, Character, Character, Character)])
    func x12DelimitersComeFromISA(element: Character, repetition: Character, component: Character, terminator: Character) {
        let text = x12Interchange(element: element, repetition: repetition, component: component, terminator: terminator,
                                  version: "00501", lineBreak: "")
        let result = tokenize(text)
        #expect(result.errors.isEmpty, "\(result.errors)")
        #expect(result.tags == ["ISA", "GS", "ST", "BEG", "PO1", "SE", "GE", "IEA"])
        let delimiters = result.segments[0].owned.delimiters
        #expect(delimiters.element == element.asciiValue)
        #expect(delimiters.component == component.asciiValue)
        #expect(delimiters.segment == terminator.asciiValue)
        #expect(delimiters.release == nil)
        // A letter in ISA11 is the "U" identifier of old versions, never a repetition separator.
        #expect(delimiters.repetition == (repetition.isLetter ? nil : repetition.asciiValue))
        #expect(result.segments[3][3] == "PO-1")
    }

    @Test(arguments: [("00401", false), ("00400", false), ("00204", false), ("00402", true), ("00501", true), ("00602", true)])
    func repetitionSeparatorOnlyFrom00402(version: String, repeats: Bool) {
        let result = tokenize(x12Interchange(version: version))
        #expect(result.errors.isEmpty)
        #expect(result.segments[0].owned.delimiters.repetition == (repeats ? UInt8(ascii: "^") : nil))
    }

    @Test func isaNotFixedWidthIsReadByElementSeparatorWithWarning() throws {
        // ISA06 and ISA08 unpadded: ISA16 is not at byte 104.
        let text = "ISA*00*          *00*          *ZZ*SENDER*ZZ*RECEIVER*261129*0930*^*00501*000000001*0*P*:~"
            + "GS*PO*S*R*20261129*0930*1*X*005010~ST*850*1~SE*2*1~GE*1*1~IEA*1*000000001~"
        let result = tokenize(text)
        #expect(result.errors.isEmpty)
        let warning = try #require(result.issues(.isaNotFixedWidth).first)
        #expect(warning.severity == .warning)
        #expect(warning.position.line == 1 && warning.position.column == 1 && warning.position.byteOffset == 0)
        #expect(warning.position.segmentTag == "ISA")
        #expect(result.segments[0].owned.delimiters.component == UInt8(ascii: ":"))
        #expect(result.segments[0][6] == "SENDER")
        #expect(result.tags.last == "IEA")
    }

    @Test func isaWithSpaceTerminatorAndBlankPaddedFields() {
        // The terminator byte (space) also pads ISA02/ISA04: the header still ends after ISA16.
        let text = isaHeader(terminator: " ") + "\r\nGS*PO*S*R*20261129*0930*1*X*004010 \r\n  ST*850*1 \r\nSE*2*1 GE*1*1 IEA*1*000000001 "
        let result = tokenize(text)
        #expect(result.errors.isEmpty, "\(result.errors)")
        #expect(result.tags == ["ISA", "GS", "ST", "SE", "GE", "IEA"])
        #expect(result.segments[0].owned.elementCount == 16)
        #expect(result.segments[0][2] == "          ")
    }

    @Test func isaWithMultiByteTerminator() {
        // U+2026 (E2 80 A6) as terminator: read by its first byte, continuation bytes skipped.
        let text = x12Interchange(terminator: "…", lineBreak: "\n")
        let result = tokenize(text)
        #expect(result.issues.isEmpty, "\(result.issues)")
        #expect(result.tags == ["ISA", "GS", "ST", "BEG", "PO1", "SE", "GE", "IEA"])
        #expect(result.segments[0].owned.delimiters.segment == 0xE2)
        #expect(result.segments[1].position.line == 2 && result.segments[1].position.column == 1)
    }

    @Test func edifactDefaultsWithoutUNA() {
        let result = tokenize(edifactOrders)
        #expect(result.issues.isEmpty)
        #expect(result.segments[0].owned.delimiters == .edifactDefault)
        #expect(result.segments[0].owned.components(1) == ["UNOC", "3"])
    }

    @Test func edifactDelimitersFromUNA() {
        let text = "UNA=|,#*\"UNB|UNOC=3|S|R|261129=0930|42\"UNH|1|ORDERS=D=96A=UN\"FTX|AAI|||A#|B*C#\"D\"UNT|3|1\"UNZ|1|42\""
        let result = tokenize(text)
        #expect(result.issues.isEmpty, "\(result.issues)")
        #expect(result.tags == ["UNA", "UNB", "UNH", "FTX", "UNT", "UNZ"])
        let delimiters = result.segments[1].owned.delimiters
        #expect(delimiters.component == UInt8(ascii: "="))
        #expect(delimiters.element == UInt8(ascii: "|"))
        #expect(delimiters.decimalMark == UInt8(ascii: ","))
        #expect(delimiters.release == UInt8(ascii: "#"))
        #expect(delimiters.repetition == UInt8(ascii: "*"))
        #expect(delimiters.segment == UInt8(ascii: "\""))
        #expect(result.segments[0].owned.elementCount == 0)
        result.segments[3].owned.withSegment { ftx in
            let repetitions = ftx.element(4).repetitions.map(\.string)
            #expect(repetitions == ["A|B", "C\"D"])
        }
    }

    @Test func edifactUNAWithSpaceMeansNoRepetitionOrRelease() {
        let result = tokenize("UNA:+.  'UNB+UNOA:3+S+R+261129:0930+1'UNZ+0+1'")
        #expect(result.issues.isEmpty)
        #expect(result.segments[1].owned.delimiters.release == nil)
        #expect(result.segments[1].owned.delimiters.repetition == nil)
    }

    @Test func edifactSyntaxVersion4UsesStarForRepetition() {
        let text = "UNB+UNOC:4+S+R+20261129:0930+7'UNH+1+ORDERS:D:01B:UN'CTA+IC+:A*:B'UNT+3+1'UNZ+1+7'"
        let result = tokenize(text)
        #expect(result.issues.isEmpty)
        #expect(result.segments[2].owned.delimiters.repetition == UInt8(ascii: "*"))
        result.segments[2].owned.withSegment { cta in
            #expect(cta.element(2).repetitions.count == 2)
            #expect(cta.element(2).repetitions[1].component(2).string == "B")
        }
        // Syntax 3 keeps '*' as data.
        let v3 = tokenize("UNB+UNOC:3+S+R+261129:0930+7'UNH+1+ORDERS:D:96A:UN'CTA+IC+:A*:B'UNT+3+1'UNZ+1+7'")
        #expect(v3.segments[2].owned.delimiters.repetition == nil)
        #expect(v3.segments[2].owned.components(2) == ["", "A*", "B"])
    }

    @Test func edifactLevelBInformationSeparators() {
        let text = "UNB\u{1D}UNOB\u{1F}3\u{1D}S\u{1D}R\u{1D}261129\u{1F}0930\u{1D}9\u{1C}UNH\u{1D}1\u{1D}ORDERS\u{1F}D\u{1F}96A\u{1F}UN\u{1C}"
            + "UNT\u{1D}2\u{1D}1\u{1C}UNZ\u{1D}1\u{1D}9\u{1C}"
        let result = tokenize(text)
        #expect(result.issues.isEmpty)
        #expect(result.tags == ["UNB", "UNH", "UNT", "UNZ"])
        #expect(result.segments[0].owned.delimiters == .edifactLevelB)
        #expect(result.segments[1].owned.components(2) == ["ORDERS", "D", "96A", "UN"])
        let (interchanges, issues) = outline(text)
        #expect(issues.isEmpty)
        #expect(interchanges.first?.controlNumber == "9")
    }

    @Test func fixtureDelimiters() throws {
        let cases: [(String, Delimiters)] = [
            ("x12/x12_840_00501_oboe_tilde_elem_pipe_seg_backslash_rep.txt",
             Delimiters(element: UInt8(ascii: "~"), component: UInt8(ascii: "<"), repetition: UInt8(ascii: "\\"),
                        segment: UInt8(ascii: "|"), release: nil)),
            ("x12/x12_837_005010X223A2_silvenga_pipe_elemsep_bang_component.edi",
             Delimiters(element: UInt8(ascii: "|"), component: UInt8(ascii: "!"), repetition: UInt8(ascii: ">"),
                        segment: UInt8(ascii: "~"), release: nil)),
            ("edifact/edifact_PNRGOV_IATA_staedi.edi",
             Delimiters(element: UInt8(ascii: "+"), component: UInt8(ascii: ":"), repetition: nil,
                        segment: UInt8(ascii: "'"), release: UInt8(ascii: "\\"))),
            ("edifact/edifact_INVOIC_D93A_staedi_UNA_decimal_comma.edi",
             Delimiters(element: UInt8(ascii: "+"), component: UInt8(ascii: ":"), repetition: nil,
                        segment: UInt8(ascii: "'"), release: UInt8(ascii: "?"), decimalMark: UInt8(ascii: ","))),
        ]
        for (path, expected) in cases {
            let result = tokenize(try Fixtures.bytes(path))
            #expect(result.segments.first?.owned.delimiters == expected, "\(path)")
        }
    }

    @Test func severalInterchangesWithTheirOwnDelimiters() {
        // X12 '*', EDIFACT with UNA '|', X12 '|' and CR LF, with white space, CR/LF and a BOM between them.
        let first = x12Interchange(control: "000000001", lineBreak: "")
        let second = "UNA:|.? 'UNB|UNOC:3|S|R|261129:0930|5'UNH|1|ORDERS:D:96A:UN'UNT|2|1'UNZ|1|5'"
        let third = x12Interchange(element: "|", component: "!", terminator: "~", control: "000000003", lineBreak: "\r\n")
        let text = first + "\r\n\n  \t" + second + "\n\u{FEFF}" + third + "\n\n"
        let result = tokenize(text)
        #expect(result.errors.isEmpty, "\(result.errors)")
        #expect(result.issues(.byteOrderMark).count == 1)
        let byInterchange = Dictionary(grouping: result.segments, by: \.interchangeIndex)
        #expect(byInterchange.keys.sorted() == [1, 2, 3])
        #expect(byInterchange[1]!.allSatisfy { $0.owned.delimiters.element == UInt8(ascii: "*") })
        #expect(byInterchange[2]!.allSatisfy { $0.owned.delimiters.element == UInt8(ascii: "|") && $0.owned.syntax == .edifact })
        #expect(byInterchange[3]!.allSatisfy { $0.owned.delimiters.component == UInt8(ascii: "!") })
        let (interchanges, issues) = outline(text)
        #expect(issues.filter { $0.severity == .error }.isEmpty)
        #expect(interchanges.map(\.controlNumber) == ["000000001", "5", "000000003"])
    }

    @Test func multipleInterchangeFixtures() throws {
        let x12 = outline(try Fixtures.bytes("x12/x12_810_002040_edifabric_multiple_ISA.txt"))
        #expect(x12.interchanges.count == 2)
        let edifact = tokenize(try Fixtures.bytes("edifact/edifact_INVOIC_D00A_edifabric_multiple_UNB.txt"))
        #expect(edifact.errors.isEmpty)
        let elementSeparators = Set(edifact.segments.map { "\($0.interchangeIndex):\($0.owned.delimiters.element)" })
        #expect(elementSeparators == ["1:\(UInt8(ascii: "+"))", "2:\(UInt8(ascii: "|"))"])
    }
}
