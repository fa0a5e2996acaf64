import EDICore
import EDISchema
import Foundation
import O2C
import Testing
import TestSupport
import X12

/// The 997/999 of a group with each transaction's AK2…AK5 written to bytes as it is built (what
/// the generator does, so a large group costs bytes, not segments) writes the same interchange as
/// the acknowledgement kept as segments, and the interchange writer refuses bytes written with
/// other delimiters.
@Suite("Written acknowledgement segments")
struct WrittenAcknowledgementTests {
    static let x12Cases = AcknowledgementGoldenTests.cases.filter { $0.hasPrefix("x12") }

    static func groups(_ name: String) throws -> [GroupValidation] {
        let input = AcknowledgementGoldenTests.folder.appendingPathComponent(name)
        let validation = try FileValidator(repository: AcknowledgementGoldenTests.repository).validate(path: input.path)
        return validation.interchanges.flatMap(\.groups).filter { !$0.transactions.isEmpty }
    }

    @Test("written and kept segments give the same interchange", arguments: x12Cases)
    func sameBytes(_ name: String) throws {
        let groups = try Self.groups(name)
        try #require(!groups.isEmpty, "\(name): no group with transactions")
        let settings = X12EnvelopeSettings(sender: EnvelopeParty(qualifier: "ZZ", id: "ACME"),
                                           receiver: EnvelopeParty(qualifier: "01", id: "804512378"))
        let builder = X12AcknowledgementBuilder()
        for kind in [X12AcknowledgementBuilder.Kind.functional997, .implementation999] {
            let kept = groups.map { builder.acknowledgement(of: $0, kind: kind) }
            let written = try groups.map {
                try builder.acknowledgement(of: $0, kind: kind, writingWith: settings.writtenDelimiters, lineStyle: settings.lineStyle)
            }
            #expect(written.allSatisfy { $0.writtenSegments[0]?.count ?? 0 >= $0.transactions.count })
            var first = InMemoryAllocator(start: 1)
            var second = InMemoryAllocator(start: 1)
            let writer = X12InterchangeWriter(settings: settings)
            let expected = try writer.write(kept, date: AcknowledgementGoldenTests.date, allocator: &first).bytes
            let produced = try writer.write(written, date: AcknowledgementGoldenTests.date, allocator: &second).bytes
            #expect(produced == expected, "\(name) \(kind.rawValue):\n\(String(decoding: produced, as: UTF8.self))")
        }
    }

    @Test("bytes written with other delimiters are refused")
    func otherDelimiters() throws {
        let groups = try Self.groups("x12-850-valid.edi")
        var delimiters = Delimiters.x12Common
        delimiters.element = UInt8(ascii: "|")
        let group = try X12AcknowledgementBuilder().acknowledgement(of: try #require(groups.first), kind: .functional997,
                                                                    writingWith: delimiters, lineStyle: .lf)
        var allocator = InMemoryAllocator(start: 1)
        let writer = X12InterchangeWriter(settings: X12EnvelopeSettings(sender: EnvelopeParty(qualifier: "ZZ", id: "ACME"),
                                                                        receiver: EnvelopeParty(qualifier: "ZZ", id: "GLOBEX")))
        #expect(throws: X12WriteError.self) { try writer.write([group], allocator: &allocator) }
    }
}
