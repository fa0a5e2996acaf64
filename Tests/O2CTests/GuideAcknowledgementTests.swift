import EDICore
import EDISchema
import Foundation
import O2C
import Testing
import TestSupport
import X12

/// What a partner's implementation guide finds (Samples/guides/globex-850-004010.xml) in the 999
/// and the 997: the 999 carries the implementation codes (IK304 I4, IK403 I6 and I10, IK502 I5),
/// the 997 the standard codes it has.
@Suite("Guide findings in 997 and 999")
struct GuideAcknowledgementTests {
    static let guideURL = Fixtures.repositoryRoot.appendingPathComponent("Samples/guides/globex-850-004010.xml")

    /// A Globex 850 with four guide violations: BEG02 RO (a standard code the guide leaves out),
    /// BEG04 sent (not used), TD5 sent (not used), CTT02 missing (the guide makes it mandatory).
    static let order = [
        "ISA*00*          *00*          *01*804512378      *ZZ*ACMESUPPLY     *261123*0815*U*00401*000000101*0*P*>~",
        "GS*PO*804512378*ACMESUPPLY*20261123*0815*101*X*004010~",
        "ST*850*0001~",
        "BEG*00*RO*4500012345*X1*20261123~",
        "CUR*BY*USD~",
        "REF*DP*042~",
        "REF*IA*77341~",
        "PER*BD*JANE DOE*TE*6145550142~",
        "DTM*002*20261204~",
        "DTM*001*20261211~",
        "TD5*B*2*UPSN~",
        "N1*ST*GLOBEX DC 042*92*042~",
        "N3*4800 COMMERCE PKWY~",
        "N4*COLUMBUS*OH*43219*US~",
        "N1*BT*GLOBEX RETAIL INC*92*0001~",
        "N3*100 MAIN ST~",
        "N4*CINCINNATI*OH*45202*US~",
        "PO1*1*48*EA*12.5*PE*UP*876543100015*VN*ACM-1001~",
        "PID*F****WIDGET BLUE 10PK~",
        "CTT*1~",
        "SE*19*0001~",
        "GE*1*101~",
        "IEA*1*000000101~",
    ].joined(separator: "\n") + "\n"

    static func group(_ text: String) throws -> GroupValidation {
        let file = TestFiles.folder.appendingPathComponent("edikit-guide-ack-\(UUID().uuidString).edi")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(text.utf8).write(to: file)
        let repository = SchemaRepository(root: Fixtures.repositoryRoot.appendingPathComponent("Schemas"))
        let guide = try ImplementationGuide(contentsOf: guideURL)
        let validation = try FileValidator(repository: repository, guide: guide).validate(path: file.path)
        return try #require(validation.interchanges.first?.groups.first)
    }

    /// The segments between AK2 and AK5/IK5, and the AK5/IK5, as text.
    static func response(_ group: GroupValidation, _ kind: X12AcknowledgementBuilder.Kind) -> [String] {
        X12AcknowledgementBuilder().transaction(for: group, kind: kind)
            .filter { ["AK3", "AK4", "AK5", "IK3", "IK4", "IK5", "CTX"].contains($0.tag) }
            .map { segment in
                ([segment.tag] + segment.elements.map { $0.map { $0.joined(separator: ">") }.joined(separator: "^") })
                    .joined(separator: "*")
            }
    }

    @Test("the 999 has the implementation codes, the 997 the standard ones")
    func implementationCodes() throws {
        let group = try Self.group(Self.order)
        let kinds = group.transactions.flatMap(\.diagnostics).filter { $0.severity == .error }.map(\.kind)
        #expect(Set(kinds) == [.codeNotUsedInGuide, .elementNotUsed, .segmentNotUsed, .mandatoryElementMissing], "\(kinds)")
        #expect(Self.response(group, .implementation999) == [
            "IK3*BEG*2**8", "IK4*2*92*I6*RO", "IK4*4*328*I10*X1",
            "IK3*TD5*9**I4",
            "IK3*CTT*18*CTT*8", "IK4*2*347*1*",
            "IK5*R*5*I5",
        ])
        #expect(Self.response(group, .functional997) == [
            "AK3*BEG*2**8", "AK4*2*92*7*RO", "AK4*4*328*10*X1",
            "AK3*TD5*9**2",
            "AK3*CTT*18*CTT*8", "AK4*2*347*1*",
            "AK5*R*5",
        ])
    }

    @Test("the 999 with implementation codes validates against the 005010 999")
    func implementationAcknowledgementValidates() throws {
        let ack = X12AcknowledgementBuilder().acknowledgement(of: try Self.group(Self.order), kind: .implementation999)
        let settings = X12EnvelopeSettings(sender: EnvelopeParty(qualifier: "ZZ", id: "ACMESUPPLY"),
                                           receiver: EnvelopeParty(qualifier: "01", id: "804512378"))
        var allocator = InMemoryAllocator(start: 1)
        let bytes = try X12InterchangeWriter(settings: settings).write([ack], date: AcknowledgementGoldenTests.date,
                                                                       allocator: &allocator).bytes
        let file = TestFiles.folder.appendingPathComponent("edikit-guide-999-\(UUID().uuidString).edi")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(bytes).write(to: file)
        let result = try FileValidator(repository: AcknowledgementGoldenTests.repository).validate(path: file.path)
        #expect(result.transactions.first?.type == "999")
        #expect(result.allDiagnostics.filter { $0.severity == .error }.isEmpty, "\(result.allDiagnostics.map(\.description))")
    }

    @Test("a 999 whose only findings are implementation codes says I5, not 5")
    func onlyImplementationErrors() throws {
        let order = Self.order.replacingOccurrences(of: "CTT*1~", with: "CTT*1*48~")
            .replacingOccurrences(of: "BEG*00*RO*4500012345*X1*", with: "BEG*00*RO*4500012345**")
        let group = try Self.group(order)
        #expect(Self.response(group, .implementation999) == ["IK3*BEG*2**8", "IK4*2*92*I6*RO", "IK3*TD5*9**I4", "IK5*R*I5"])
        #expect(Self.response(group, .functional997) == ["AK3*BEG*2**8", "AK4*2*92*7*RO", "AK3*TD5*9**2", "AK5*R*5"])
    }

    @Test("a code neither the guide nor the standard has stays an invalid code (7) in the 999")
    func invalidEverywhere() throws {
        let group = try Self.group(Self.order.replacingOccurrences(of: "BEG*00*RO*", with: "BEG*00*Q9*"))
        #expect(Self.response(group, .implementation999).contains("IK4*2*92*7*Q9"))
    }
}
