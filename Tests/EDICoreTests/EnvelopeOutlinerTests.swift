import EDICore
import Foundation
import Testing
import TestSupport

/// Envelope framing: counts of groups, transactions and segments, control numbers, EDI401–EDI405.
@Suite struct EnvelopeOutlinerTests {
    private func errors(_ issues: [SyntaxIssue]) -> [SyntaxIssue] { issues.filter { $0.severity == .error } }

    @Test func x12InterchangeSummary() throws {
        let (interchanges, issues) = outline(x12Interchange(version: "00501", control: "000000042"))
        #expect(issues.isEmpty)
        let interchange = try #require(interchanges.first)
        #expect(interchange.syntax == .x12)
        #expect(interchange.sender == EnvelopeParty(qualifier: "ZZ", id: "SENDER"))
        #expect(interchange.receiver == EnvelopeParty(qualifier: "ZZ", id: "RECEIVER"))
        #expect(interchange.controlNumber == "000000042")
        #expect(interchange.version == "00501")
        #expect(interchange.date == "261129" && interchange.time == "0930")
        #expect(!interchange.isTest)
        let group = try #require(interchange.groups.first)
        #expect(group.functionalId == "PO" && group.controlNumber == "1" && group.version == "004010")
        #expect(group.transactions.map(\.type) == ["850"])
        #expect(group.transactions[0].controlNumber == "0001")
        #expect(group.transactions[0].segmentCount == 4)
    }

    @Test func edifactInterchangeWithImplicitGroup() throws {
        let (interchanges, issues) = outline(edifactOrders)
        #expect(issues.isEmpty)
        let interchange = try #require(interchanges.first)
        #expect(interchange.syntax == .edifact)
        #expect(interchange.sender == EnvelopeParty(qualifier: "14", id: "SENDER"))
        #expect(interchange.version == "UNOC:3")
        #expect(interchange.controlNumber == "42")
        #expect(interchange.groups.count == 1 && interchange.groups[0].isImplicit)
        let message = try #require(interchange.groups[0].transactions.first)
        #expect(message.type == "ORDERS" && message.version == "D:96A:UN" && message.segmentCount == 4)
    }

    @Test func fixtureCounts() throws {
        // Per interchange: per group, the segment count of each transaction.
        let cases: [(String, [[[Int]]])] = [
            ("x12/x12_810_004010_staedi_simple810.edi", [[[32, 22]]]),
            ("x12/x12_855_004010_staedi_two_855_minimal.edi", [[[3, 3]]]),
            ("x12/x12_999_005010X231_pyx12_multi_GS_multi_ST.txt", [[[6, 6], [6, 6]]]),
            ("x12/x12_TA1_00501_staedi_interchange_ack.txt", [[]]),
        ]
        for (path, expected) in cases {
            let (interchanges, _) = outline(try Fixtures.bytes(path))
            let counts = interchanges.map { $0.groups.map { $0.transactions.map(\.segmentCount) } }
            #expect(counts == expected, "\(path)")
        }
    }

    @Test func fixtureEnvelopesAreConsistent() throws {
        for path in ["x12/x12_810+850_004010+003010_staedi_dual_groups.edi", "x12/x12_810_002040_edifabric_multiple_ISA.txt",
                     "x12/x12_835_005010X221A1_badx12_multiple_claims.edi", "x12/x12_850_004010VICS_nodex12_fat.edi",
                     "edifact/edifact_INVOIC_D00A_edifabric_UNG_group.txt", "edifact/edifact_BAPLIE_D95B_staedi.edi",
                     "edifact/edifact_INVOIC_D00A_edifabric_multiple_UNB.txt", "edifact/edifact_PNRGOV_IATA_staedi.edi"] {
            let (interchanges, issues) = outline(try Fixtures.bytes(path))
            #expect(errors(issues).isEmpty, "\(path): \(issues)")
            #expect(!interchanges.isEmpty, "\(path)")
        }
        let dual = outline(try Fixtures.bytes("x12/x12_810+850_004010+003010_staedi_dual_groups.edi")).interchanges
        #expect(dual[0].groups.map(\.functionalId) == ["IN", "PO"])
        #expect(dual[0].groups.map(\.version) == ["004010", "003010"])
        let ung = outline(try Fixtures.bytes("edifact/edifact_INVOIC_D00A_edifabric_UNG_group.txt")).interchanges
        #expect(ung[0].groups.count == 1 && !ung[0].groups[0].isImplicit)
        let ta1 = outline(try Fixtures.bytes("x12/x12_840+TA1_004010_oboe_TA1_then_GS.edi")).interchanges
        #expect(ta1[0].interchangeAcknowledgements == 1)
    }

    @Test func edi401MissingTrailer() throws {
        let text = x12Interchange().replacingOccurrences(of: "IEA*1*000000001~\n", with: "")
        let issues = errors(outline(text).issues)
        #expect(issues.map(\.code) == [.missingTrailer])
        #expect(issues[0].message == "interchange 000000001 has no IEA trailer")
        #expect(issues[0].position.segmentTag == "GE" && issues[0].position.line == 7)

        let noSE = x12Interchange().replacingOccurrences(of: "SE*4*0001~\n", with: "")
        let missingSE = errors(outline(noSE).issues)
        #expect(missingSE.map(\.code) == [.missingTrailer])
        #expect(missingSE[0].message.contains("850 0001 has no SE"))
        #expect(missingSE[0].position.segmentTag == "GE")

        let fixture = errors(outline(try Fixtures.bytes("malformed/edifact_INVOIC_D00A_edifabric_missing_UNE.txt")).issues)
        #expect(fixture.map(\.code) == [.missingTrailer])
        #expect(fixture.first?.message.contains("UNE") == true)
    }

    @Test func edi402TrailerWithoutHeader() throws {
        let text = isaHeader() + "\nGE*0*1~\nIEA*0*000000001~\n"
        let issues = errors(outline(text).issues)
        #expect(issues.map(\.code) == [.unexpectedTrailer])
        #expect(issues[0].message == "GE without GS")
        #expect(issues[0].position.line == 2 && issues[0].position.column == 1 && issues[0].position.segmentIndex == 2)
    }

    @Test func edi403ControlNumberMismatch() throws {
        let text = x12Interchange().replacingOccurrences(of: "IEA*1*000000001", with: "IEA*1*000000002")
        let issues = errors(outline(text).issues)
        #expect(issues.map(\.code) == [.controlNumberMismatch])
        let position = issues[0].position
        #expect(position.segmentTag == "IEA" && position.element == 2 && position.line == 8 && position.column == 7)
        // Leading zeros are kept: "00042" is not "42".
        let edifact = edifactOrders.replacingOccurrences(of: "UNZ+1+42", with: "UNZ+1+00042")
        #expect(errors(outline(edifact).issues).map(\.code) == [.controlNumberMismatch])

        let mendelson = errors(outline(try Fixtures.bytes("edifact/edifact_ORDERS_D93A_oboe_release_chars_mendelson.edi")).issues)
        #expect(mendelson.map(\.code).contains(.controlNumberMismatch))
        #expect(mendelson.first { $0.code == .controlNumberMismatch }?.position.segmentTag == "UNT")
    }

    @Test func edi404CountMismatch() throws {
        let text = x12Interchange().replacingOccurrences(of: "SE*4*0001", with: "SE*5*0001")
        let issues = errors(outline(text).issues)
        #expect(issues.map(\.code) == [.countMismatch])
        #expect(issues[0].message == "SE01 segment count is 5 but there are 4")
        let position = issues[0].position
        #expect(position.segmentTag == "SE" && position.element == 1 && position.line == 6 && position.column == 4)
        #expect(position.segmentIndexInTransaction == 4)

        // APERAK from pydifact: UNT says 8, the message has 7 segments.
        let aperak = errors(outline(try Fixtures.bytes("edifact/edifact_APERAK_D96A_pydifact_v4_rejected.edi")).issues)
        #expect(aperak.map(\.code) == [.countMismatch])
        #expect(aperak.first?.message == "UNT segment count is 8 but there are 7")

        let notANumber = errors(outline(edifactOrders.replacingOccurrences(of: "UNT+4+1", with: "UNT++1")).issues)
        #expect(notANumber.map(\.code) == [.countMismatch])
    }

    @Test func edi405SegmentOutsideEnvelope() throws {
        let text = x12Interchange().replacingOccurrences(of: "ST*850*0001~\n", with: "N1*BY*ACME~\nST*850*0001~\n")
        let issues = errors(outline(text).issues)
        #expect(issues.map(\.code) == [.segmentOutsideEnvelope])
        #expect(issues[0].position.segmentTag == "N1" && issues[0].position.line == 3)
        #expect(issues[0].position.segmentIndexInTransaction == 0)

        let fixture = errors(outline(try Fixtures.bytes("malformed/x12_270_005010X279A1_badx12_HL_before_ST.edi")).issues)
        #expect(fixture.filter { $0.code == .segmentOutsideEnvelope }.map(\.position.segmentTag) == ["HL", "NM1", "HL"])
    }

    @Test func edifactGroupsCountInUNZ() throws {
        let text = "UNB+UNOC:3+S+R+261129:0930+9'UNG+ORDERS+S+R+261129:0930+7+UN+D:96A'UNH+1+ORDERS:D:96A:UN'UNT+2+1'"
            + "UNH+2+ORDERS:D:96A:UN'UNT+2+2'UNE+2+7'UNZ+1+9'"
        let (interchanges, issues) = outline(text)
        #expect(issues.isEmpty, "\(issues)")
        #expect(interchanges[0].groups.count == 1)
        #expect(interchanges[0].groups[0].functionalId == "ORDERS" && interchanges[0].groups[0].controlNumber == "7")
        #expect(interchanges[0].groups[0].transactions.map(\.controlNumber) == ["1", "2"])
        let wrong = outline(text.replacingOccurrences(of: "UNZ+1+9", with: "UNZ+2+9")).issues
        #expect(wrong.map(\.code) == [.countMismatch])
    }

    @Test func edifactMessageMayHoldX12LookingTags() throws {
        // An IEA segment inside an EDIFACT message does not end the interchange.
        let (interchanges, issues) = outline(try Fixtures.bytes("malformed/edifact_CUSTOM_D97B_staedi_x12_like_segments.edi"))
        #expect(issues.isEmpty, "\(issues)")
        #expect(interchanges.first?.groups.first?.transactions.first?.segmentCount == 4)
    }
}
