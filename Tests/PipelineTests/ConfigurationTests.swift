import EDICore
import Foundation
import Pipeline
import Testing
import TestSupport

/// `edikit.yaml`: the demo configuration loads; a wrong one is an error naming key and line.
@Suite("Configuration")
struct ConfigurationTests {
    static let demo = Fixtures.repositoryRoot.appendingPathComponent("Samples/edikit.yaml").path

    func write(_ text: String) throws -> String {
        let url = TestFiles.folder.appendingPathComponent("edikit-\(UUID().uuidString).yaml")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// Loading fails with a `ConfigurationError` naming the key and its line.
    func expectError(loading path: String, key: String, line: Int, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(sourceLocation: sourceLocation) {
            try Configuration.load(path: path)
        } throws: { error in
            guard let error = error as? ConfigurationError else { return false }
            return error.key == key && error.line == line
        }
    }

    @Test func demoConfigurationLoads() throws {
        let configuration = try Configuration.load(path: Self.demo)
        #expect(configuration.identity.x12 == EnvelopeParty(qualifier: "ZZ", id: "ACMESUPPLY"))
        let globex = try #require(configuration.partners["globex"])
        #expect(globex.syntax == .x12 && globex.party.id == "804512378" && globex.acknowledgement == .functional997)
        let initech = try #require(configuration.partners["initech"])
        #expect(initech.syntax == .edifact && initech.version == "D96A" && initech.associationCode == "EAN008")
        #expect(configuration.partner(syntax: .x12, sender: EnvelopeParty(qualifier: "01", id: "804512378"))?.id == "globex")
        #expect(configuration.partner(syntax: .x12, sender: EnvelopeParty(qualifier: "ZZ", id: "WAYNEENTRPRS")) == nil)
    }

    @Test func unknownKeyNamesKeyAndLine() throws {
        let path = try write("""
            identity:
              x12: { qualifier: ZZ, id: US }
            partners:
              p1:
                syntax: x12
                id: "1"
                acknowledgment: "997"
            """)
        defer { try? FileManager.default.removeItem(atPath: path) }
        expectError(loading: path, key: "partners.p1.acknowledgment", line: 7)
    }

    @Test func badValueNamesKeyAndLine() throws {
        let path = try write("""
            identity:
              edifact: { qualifier: "14", id: "1" }
            partners:
              p2:
                syntax: edifact
                id: "2"
                version: D99Z
            """)
        defer { try? FileManager.default.removeItem(atPath: path) }
        expectError(loading: path, key: "partners.p2.version", line: 7)
    }

    @Test func contrlAlwaysIsForEDIFACTPartners() throws {
        let edifact = try write("""
            identity:
              edifact: { qualifier: "14", id: "1" }
            partners:
              p4:
                syntax: edifact
                id: "4"
                acknowledgement: contrl-always
            """)
        defer { try? FileManager.default.removeItem(atPath: edifact) }
        #expect(try Configuration.load(path: edifact).partners["p4"]?.acknowledgement == .contrlAlways)
        let x12 = try write("""
            identity:
              x12: { qualifier: ZZ, id: US }
            partners:
              p5:
                syntax: x12
                id: "5"
                acknowledgement: contrl-always
            """)
        defer { try? FileManager.default.removeItem(atPath: x12) }
        expectError(loading: x12, key: "partners.p5.acknowledgement", line: 7)
    }

    @Test func missingIdentityForSyntax() throws {
        let path = try write("""
            partners:
              p3:
                syntax: x12
                id: "3"
            """)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: ConfigurationError.self) { try Configuration.load(path: path) }
    }
}
