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
        let file = TestFiles.folder.appendingPathComponent("edikit-out-\(UUID().uuidString).edi")
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

/// Every valid target sample in the fixtures: EDI → internal (the checked-in goldens) → EDI for a
/// partner of the same syntax and version → the output validates clean and reads back to the same
/// business document.
@Suite("EDI → internal → EDI")
struct RoundTripThroughGeneratorTests {
    static let root = Fixtures.repositoryRoot
    static let goldens: [String] = ["x12", "edifact"].flatMap { folder in
        ((try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("Tests/O2CTests/Golden/\(folder)").path)) ?? [])
            .filter { $0.hasSuffix(".json") }.sorted().map { "\(folder)/\($0)" }
    }

    @Test(arguments: goldens)
    func generatesValidEDIWithTheSameBusinessValues(_ golden: String) throws {
        let data = try Data(contentsOf: Self.root.appendingPathComponent("Tests/O2CTests/Golden/\(golden)"))
        // A golden holds one document, or an array when the sample carries several transactions.
        let documents: [InternalDocument]
        if let many = try? JSONDecoder().decode([InternalDocument].self, from: data) {
            documents = many
        } else {
            documents = [try JSONDecoder().decode(InternalDocument.self, from: data)]
        }
        let envelope = try #require(documents.first?.envelope)
        let isX12 = golden.hasPrefix("x12/")
        var version = isX12 ? "004010" : "D96A"
        if isX12, envelope.version.hasPrefix("005010") { version = "005010" }
        if !isX12, envelope.version.uppercased().contains("01B") { version = "D01B" }
        let yaml = """
            identity:
              x12: { qualifier: ZZ, id: ACMESUPPLY }
              edifact: { qualifier: "14", id: "0876543000001" }
            partners:
              partner:
                syntax: \(isX12 ? "x12" : "edifact")
                qualifier: "\(isX12 ? "01" : "14")"
                id: "123456789"
                version: \(isX12 ? "\"\(version)\"" : version)
            """
        let path = TestFiles.folder.appendingPathComponent("edikit-\(UUID().uuidString).yaml")
        try yaml.write(to: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: path) }
        let configuration = try Configuration.load(path: path.path)
        let repository = SchemaRepository(root: Self.root.appendingPathComponent("Schemas"))
        var allocator = InMemoryAllocator()
        // The generator validates its output against the full schema and throws on any error finding.
        let generated = try OutboundGenerator(configuration: configuration, repository: repository)
            .generate(documents, for: try #require(configuration.partners["partner"]), allocator: &allocator)
        let file = TestFiles.folder.appendingPathComponent("edikit-rt-\(UUID().uuidString).edi")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(generated.bytes).write(to: file)
        var validator = FileValidator(repository: repository)
        validator.collectsSegments = true
        var read: [InternalDocument] = []
        _ = try validator.validate(path: file.path, onTransaction: nil) { transaction in
            if let back = try? InboundTranslator.translate(transaction) { read.append(back) }
        }
        #expect(read.count == documents.count)
        func business(_ document: InternalDocument) throws -> String {
            var object = try #require(JSONSerialization.jsonObject(with: JSONEncoder().encode(document)) as? [String: Any])
            object["envelope"] = nil
            return String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
        }
        for (back, document) in zip(read, documents) {
            #expect(try business(back) == business(document), "\(golden): business values differ after EDI → internal → EDI")
        }
    }
}
