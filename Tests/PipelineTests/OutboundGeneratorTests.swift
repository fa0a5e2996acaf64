import EDICore
import EDISchema
import Foundation
import O2C
import Pipeline
import Testing
import TestSupport

/// Internal documents → EDI for each partner of the demo configuration: the output validates
/// (the generator checks it), reads back to the same business documents, and carries counts and
/// control numbers from the allocator.
@Suite("Outbound generator")
struct OutboundGeneratorTests {
    static let root = Fixtures.repositoryRoot
    static let repository = SchemaRepository(root: root.appendingPathComponent("Schemas"))

    static func documents(_ folder: String, prefix: String) throws -> [InternalDocument] {
        let url = root.appendingPathComponent("Tests/O2CTests/Golden/\(folder)")
        return try FileManager.default.contentsOfDirectory(atPath: url.path).filter { $0.hasPrefix(prefix) }.sorted().map {
            try JSONDecoder().decode(InternalDocument.self, from: Data(contentsOf: url.appendingPathComponent($0)))
        }
    }

    func roundTrip(_ documents: [InternalDocument], partner: String) throws -> [InternalDocument] {
        let configuration = try Configuration.load(path: Self.root.appendingPathComponent("Samples/edikit.yaml").path)
        // Guides are given relative to the repository root in the demo configuration.
        var profile = try #require(configuration.partners[partner])
        profile.guide = profile.guide.map { Self.root.appendingPathComponent($0).path }
        var allocator = InMemoryAllocator()
        let generated = try OutboundGenerator(configuration: configuration, repository: Self.repository)
            .generate(documents, for: profile, allocator: &allocator)
        #expect(generated.transactionControlNumbers.count == documents.count)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("edikit-out-\(UUID().uuidString).edi")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(generated.bytes).write(to: file)
        var validator = FileValidator(repository: Self.repository)
        validator.collectsSegments = true
        var read: [InternalDocument] = []
        _ = try validator.validate(path: file.path, onTransaction: nil) { transaction in
            if let document = try? InboundTranslator.translate(transaction) { read.append(document) }
        }
        return read
    }

    /// Business content without the envelope (which names the new interchange).
    func business(_ document: InternalDocument) throws -> String {
        var object = try #require(JSONSerialization.jsonObject(with: JSONEncoder().encode(document)) as? [String: Any])
        object["envelope"] = nil
        return String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
    }

    @Test func x12DocumentsForGlobex() throws {
        let documents = try Self.documents("x12", prefix: "acme-")
        #expect(documents.count == 3)
        let read = try roundTrip(documents, partner: "globex")
        #expect(try read.map(business) == documents.map(business))
    }

    @Test func edifactDocumentsForInitech() throws {
        let documents = try Self.documents("edifact", prefix: "acme-")
        #expect(documents.count == 3)
        let read = try roundTrip(documents, partner: "initech")
        #expect(try read.map(business) == documents.map(business))
    }
}
