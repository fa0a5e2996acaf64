import EDICore
import EDISchema
import Foundation
import O2C
import Testing
import TestSupport

/// Acknowledgements built from what ``AcknowledgementResponses`` takes of each transaction as it is
/// validated (the tree keeps no transaction, the X12 responses go to a file) are byte for byte the
/// acknowledgements built from the full interchange tree, for every acknowledgement fixture, every
/// acknowledgement type and with or without accepting errors.
@Suite("Streamed acknowledgements")
struct StreamedAcknowledgementTests {
    static let types: [AcknowledgementType] = AcknowledgementType.allCases

    /// What the generator writes for a file, each acknowledgement written whole as a file would get it.
    static func produce(_ input: URL, type: AcknowledgementType, acceptsWithErrors: Bool,
                        streamed: Bool) throws -> [(kinds: [String], bytes: [UInt8])] {
        var validator = FileValidator(repository: AcknowledgementGoldenTests.repository)
        validator.keepsCompactResults = streamed
        validator.treeKeepsTransactions = !streamed
        let folder = TestFiles.folder.appendingPathComponent("edikit-streamed-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let responses = AcknowledgementResponses(type: type, acceptsWithErrors: acceptsWithErrors,
                                                 path: folder.appendingPathComponent("responses").path)
        let validation = try validator.validate(path: input.path, onTransaction: nil) { responses.take($0) }
        var generator = AcknowledgementGenerator(type: type)
        generator.acceptsWithErrors = acceptsWithErrors
        var allocator = InMemoryAllocator(start: 1)
        let acks = try generator.acknowledgements(for: validation, responses: streamed ? responses : nil,
                                                  date: AcknowledgementGoldenTests.date, allocator: &allocator)
        return try acks.map { ack in
            let file = folder.appendingPathComponent("ack-\(ack.controlNumber)")
            let descriptor = open(file.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            try #require(descriptor >= 0)
            defer { close(descriptor) }
            try ack.write(to: descriptor)
            #expect(streamed || ack.insertions.isEmpty)
            return (ack.kinds, try [UInt8](Data(contentsOf: file)))
        }
    }

    @Test("the same acknowledgements as from the full tree", arguments: AcknowledgementGoldenTests.cases)
    func sameBytes(_ name: String) throws {
        try Self.compare(AcknowledgementGoldenTests.folder.appendingPathComponent(name))
    }

    /// Every fixture in one file: interchanges of both syntaxes after one another, so that groups are
    /// counted across interchanges (the valid ones come first: a broken envelope may swallow what follows).
    @Test("the same acknowledgements for several interchanges of both syntaxes in one file")
    func concatenated() throws {
        let names = AcknowledgementGoldenTests.cases.sorted { ($0.contains("valid") ? 0 : 1, $0) < ($1.contains("valid") ? 0 : 1, $1) }
        var bytes = Data()
        for name in names { bytes.append(try Data(contentsOf: AcknowledgementGoldenTests.folder.appendingPathComponent(name))) }
        let file = TestFiles.folder.appendingPathComponent("edikit-all-\(UUID().uuidString).edi")
        defer { try? FileManager.default.removeItem(at: file) }
        try bytes.write(to: file)
        try Self.compare(file)
    }

    /// The EDIFACT fixtures of the corpus (not TRADACOMS), with UNA, UNG, several UNB, release
    /// characters and syntax version 4 (repetition separator).
    static let edifactFixtures: [URL] = Fixtures.files(in: Fixtures.directory.appendingPathComponent("edifact"))
        .filter { $0.lastPathComponent.hasPrefix("edifact_") }.sorted { $0.lastPathComponent < $1.lastPathComponent }

    /// The CONTRL from the message responses written as each message was validated is the CONTRL
    /// built at the end from the full tree.
    @Test("the same CONTRL for every EDIFACT fixture", arguments: edifactFixtures.map(\.lastPathComponent))
    func sameContrl(_ name: String) throws {
        try Self.compare(Fixtures.directory.appendingPathComponent("edifact").appendingPathComponent(name), types: [.contrl, .auto])
    }

    /// Every EDIFACT fixture in one file: groups counted across interchanges of different delimiters.
    @Test("the same CONTRL for all EDIFACT fixtures in one file")
    func concatenatedEDIFACT() throws {
        #expect(Self.edifactFixtures.count > 10)
        var bytes = Data()
        for file in Self.edifactFixtures {
            bytes.append(try Data(contentsOf: file))
        }
        let file = TestFiles.folder.appendingPathComponent("edikit-edifact-\(UUID().uuidString).edi")
        defer { try? FileManager.default.removeItem(at: file) }
        try bytes.write(to: file)
        try Self.compare(file, types: [.contrl, .auto])
    }

    static func compare(_ input: URL, types: [AcknowledgementType] = types) throws {
        let name = input.lastPathComponent
        var compared = 0
        for type in types {
            for acceptsWithErrors in [false, true] {
                let expected = try produce(input, type: type, acceptsWithErrors: acceptsWithErrors, streamed: false)
                let produced = try produce(input, type: type, acceptsWithErrors: acceptsWithErrors, streamed: true)
                #expect(produced.map(\.kinds) == expected.map(\.kinds), "\(name) \(type)")
                #expect(produced.map(\.bytes) == expected.map(\.bytes),
                        "\(name) \(type) \(acceptsWithErrors):\n\(String(decoding: produced.flatMap(\.bytes), as: UTF8.self))")
                compared += expected.count
            }
        }
        #expect(compared > 0, "\(name): no acknowledgement of any type")
    }

    @Test("the X12 responses are in the file, not in the acknowledgement's bytes")
    func responsesInFile() throws {
        let input = AcknowledgementGoldenTests.folder.appendingPathComponent("x12-850-valid.edi")
        var validator = FileValidator(repository: AcknowledgementGoldenTests.repository)
        validator.treeKeepsTransactions = false
        let path = TestFiles.folder.appendingPathComponent("edikit-responses-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let responses = AcknowledgementResponses(type: .functional997, path: path)
        let validation = try validator.validate(path: input.path, onTransaction: nil) { responses.take($0) }
        let groups = validation.interchanges.flatMap(\.groups)
        #expect(groups.count == 1 && groups[0].transactions.isEmpty)
        #expect(responses.transactionCount(ofGroup: 0) == 2)
        var allocator = InMemoryAllocator(start: 1)
        let acks = try AcknowledgementGenerator(type: .functional997).acknowledgements(for: validation, responses: responses,
                                                                                        date: AcknowledgementGoldenTests.date,
                                                                                        allocator: &allocator)
        let ack = try #require(acks.first)
        #expect(ack.insertions.count == 1)
        #expect(!String(decoding: ack.bytes, as: UTF8.self).contains("AK2"))
        let inserted = try #require(ack.insertions.first)
        let file = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(String(decoding: file[inserted.range], as: UTF8.self).hasPrefix("AK2*850*"))
    }

    @Test("the EDIFACT message responses are in the file, not in the CONTRL's bytes")
    func contrlResponsesInFile() throws {
        let input = AcknowledgementGoldenTests.folder.appendingPathComponent("edifact-ORDERS-bad-code.edi")
        var validator = FileValidator(repository: AcknowledgementGoldenTests.repository)
        validator.treeKeepsTransactions = false
        let path = TestFiles.folder.appendingPathComponent("edikit-responses-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let responses = AcknowledgementResponses(type: .contrl, path: path)
        let validation = try validator.validate(path: input.path, onTransaction: nil) { responses.take($0) }
        var allocator = InMemoryAllocator(start: 1)
        let acks = try AcknowledgementGenerator(type: .contrl).acknowledgements(for: validation, responses: responses,
                                                                                 date: AcknowledgementGoldenTests.date, allocator: &allocator)
        let ack = try #require(acks.first)
        #expect(ack.insertions.count == validation.interchanges.flatMap(\.groups).count)
        let text = String(decoding: ack.bytes, as: UTF8.self)
        #expect(text.contains("UCI+") && !text.contains("UCM+"))
        let inserted = try #require(ack.insertions.first)
        let file = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(String(decoding: file[inserted.range], as: UTF8.self).hasPrefix("UCM+"))
    }
}
