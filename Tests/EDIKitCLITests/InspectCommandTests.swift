import Foundation
import Testing
import TestSupport

/// End-to-end: runs the built `edikit` binary on fixtures and checks its JSON, its exit codes, and
/// its text output against a snapshot (re-recorded with `EDIKIT_RECORD_SNAPSHOTS=1`).
@Suite struct InspectCommandTests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The `edikit` executable built beside this test bundle (or `EDIKIT_BINARY`).
    static let binary: URL? = EDIKitExecutable.url

    static func run(_ arguments: [String]) throws -> Run {
        let binary = try #require(Self.binary, "edikit binary not found beside the tests; build it (swift build) or set EDIKIT_BINARY")
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = Fixtures.repositoryRoot
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                   stderr: String(decoding: stderr, as: UTF8.self))
    }

    static func json(_ run: Run) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8))
        return try #require(object as? [String: Any], "not a JSON object: \(run.stdout.prefix(200))")
    }

    @Test func jsonKeysForX12AndEDIFACT() throws {
        let run = try Self.run(["inspect", "--format", "json", "Tests/Fixtures/x12/x12_810_004010_staedi_simple810.edi",
                                "Tests/Fixtures/edifact/edifact_INVOIC_D00A_edifabric_UNG_group.txt"])
        #expect(run.status == 0, "\(run.stderr)")
        let files = try #require(try Self.json(run)["files"] as? [[String: Any]])
        #expect(files.count == 2)
        for file in files {
            #expect((file["errors"] as? [Any])?.isEmpty == true, "\(file["errors"] ?? "")")
            #expect(file["warnings"] is [Any])
            let interchanges = try #require(file["interchanges"] as? [[String: Any]])
            #expect(interchanges.count == 1)
            let interchange = interchanges[0]
            for key in ["syntax", "sender", "receiver", "controlNumber", "version", "delimiters", "groups"] {
                #expect(interchange[key] != nil, "interchange.\(key)")
            }
            let groups = try #require(interchange["groups"] as? [[String: Any]])
            for group in groups {
                for key in ["functionalId", "controlNumber", "version", "transactions"] {
                    #expect(group[key] != nil, "group.\(key)")
                }
                for transaction in try #require(group["transactions"] as? [[String: Any]]) {
                    for key in ["type", "controlNumber", "segmentCount"] {
                        #expect(transaction[key] != nil, "transaction.\(key)")
                    }
                }
            }
        }
        let x12 = try #require((files[0]["interchanges"] as? [[String: Any]])?.first)
        #expect(x12["syntax"] as? String == "x12")
        #expect(x12["controlNumber"] as? String == "000000020")
        #expect(x12["version"] as? String == "00401")
        #expect((x12["sender"] as? [String: Any])?["id"] as? String == "SENDERISA")
        #expect((x12["sender"] as? [String: Any])?["qualifier"] as? String == "ZZ")
        #expect((x12["delimiters"] as? [String: String]) == ["element": "*", "component": ">", "segment": "~"])
        let group = try #require((x12["groups"] as? [[String: Any]])?.first)
        #expect(group["functionalId"] as? String == "IN")
        #expect(group["version"] as? String == "004010")
        let transactions = try #require(group["transactions"] as? [[String: Any]])
        #expect(transactions.map { $0["controlNumber"] as? String } == ["000000001", "000000002"])
        #expect(transactions.map { $0["segmentCount"] as? Int } == [32, 22])
        #expect(transactions.map { $0["type"] as? String } == ["810", "810"])

        let edifact = try #require((files[1]["interchanges"] as? [[String: Any]])?.first)
        #expect(edifact["syntax"] as? String == "edifact")
        let ung = try #require((edifact["groups"] as? [[String: Any]])?.first)
        #expect(ung["functionalId"] as? String == "1")  // synthetic UNG+1+2+3+4:44+5…
        #expect(ung["controlNumber"] as? String == "5")
        #expect((ung["transactions"] as? [[String: Any]])?.first?["type"] as? String == "INVOIC")
    }

    @Test func errorsExitWithOneAndCarryCodeMessagePosition() throws {
        let run = try Self.run(["inspect", "--format", "json", "Tests/Fixtures/malformed/x12_810_002040_edifabric_missing_IEA.txt",
                                "Tests/Fixtures/malformed/edifact_INVOIC_D00A_edifabric_BOM.txt"])
        #expect(run.status == 1, "\(run.stderr)")
        let files = try #require(try Self.json(run)["files"] as? [[String: Any]])
        let errors = try #require(files[0]["errors"] as? [[String: Any]])
        let error = try #require(errors.first)
        #expect(error["code"] as? String == "EDI401")
        #expect((error["message"] as? String)?.contains("IEA") == true)
        let position = try #require(error["position"] as? [String: Any])
        #expect(position["line"] as? Int == 48)
        #expect(position["column"] as? Int == 1)
        let warnings = try #require(files[1]["warnings"] as? [[String: Any]])
        #expect(warnings.first?["code"] as? String == "EDI303")
        #expect((warnings.first?["position"] as? [String: Any])?["byteOffset"] as? Int == 0)
        #expect(warnings.first?["message"] is String)
    }

    @Test func usageErrorsExitWithTwo() throws {
        let unknownFlag = try Self.run(["inspect", "--no-such-flag", "Tests/Fixtures/x12/x12_810_002040_edifabric_valid.txt"])
        #expect(unknownFlag.status == 2)
        #expect(unknownFlag.stderr.contains("--no-such-flag"))
        let missingFile = try Self.run(["inspect", "Tests/Fixtures/no-such-file.edi"])
        #expect(missingFile.status == 2)
        let badFormat = try Self.run(["inspect", "--format", "yaml", "Tests/Fixtures/x12/x12_810_002040_edifabric_valid.txt"])
        #expect(badFormat.status == 2)
    }

    @Test func cleanFileExitsWithZero() throws {
        let run = try Self.run(["inspect", "Tests/Fixtures/x12/x12_855_004010_staedi_two_855_minimal.edi"])
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty)
    }

    @Test(arguments: [
        ("x12_855_two_minimal.txt", ["inspect", "Tests/Fixtures/x12/x12_855_004010_staedi_two_855_minimal.edi"]),
        ("edifact_missing_UNZ.txt", ["inspect", "Tests/Fixtures/malformed/edifact_INVOIC_D00A_edifabric_missing_UNZ.txt"]),
    ])
    func textOutputMatchesSnapshot(name: String, arguments: [String]) throws {
        let run = try Self.run(arguments)
        let snapshot = Fixtures.repositoryRoot.appendingPathComponent("Tests/EDIKitCLITests/Snapshots/\(name)")
        if ProcessInfo.processInfo.environment["EDIKIT_RECORD_SNAPSHOTS"] == "1" {
            try FileManager.default.createDirectory(at: snapshot.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(run.stdout.utf8).write(to: snapshot)
            Issue.record("recorded snapshot \(snapshot.path); run again without EDIKIT_RECORD_SNAPSHOTS to compare")
            return
        }
        let expected = try String(contentsOf: snapshot, encoding: .utf8)
        #expect(run.stdout == expected,
                "edikit \(arguments.joined(separator: " ")) differs from Snapshots/\(name) (re-record with EDIKIT_RECORD_SNAPSHOTS=1)")
    }
}
