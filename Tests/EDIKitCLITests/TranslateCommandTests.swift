import Foundation
import Testing
import TestSupport

/// End-to-end: `edikit translate` over the sample inbox and the broken samples: one document per
/// translated transaction under `DIR/<type>/`, `report.json` listing every file and transaction,
/// exit 1 when anything failed, and no temporary files left behind.
@Suite struct TranslateCommandTests {
    static func temporaryFolder() throws -> URL {
        let url = TestFiles.folder.appendingPathComponent("edikit-translate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func report(_ folder: URL) throws -> [String: Any] {
        let data = try Data(contentsOf: folder.appendingPathComponent("report.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    static func allFiles(_ folder: URL) -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        return (enumerator?.allObjects as? [String] ?? []).sorted()
    }

    /// Translates `input` into `work/out-<jobs>` with `--compact`, expecting success: the documents
    /// written (by relative path) and the report's file entries.
    static func translated(_ input: URL, jobs: String, in work: URL, _ more: [String] = []) throws -> (documents: [String: Data], files: [[String: Any]]) {
        let out = work.appendingPathComponent((["out", jobs] + more).joined(separator: "-"))
        let run = try InspectCommandTests.run(["translate", input.path, "--out", out.path, "--jobs", jobs, "--compact"] + more)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        var documents: [String: Data] = [:]
        for file in allFiles(out) where file.hasSuffix(".json") && file != "report.json" {
            documents[file] = try Data(contentsOf: out.appendingPathComponent(file))
        }
        return (documents, try #require(try report(out)["files"] as? [[String: Any]]))
    }

    @Test func inboxTranslatesWithAReportOfEveryFileAndTransaction() throws {
        let out = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let run = try InspectCommandTests.run(["translate", "Samples/inbox", "--out", out.path, "--format", "json"])
        let summary = try InspectCommandTests.json(run)
        #expect(summary["files"] as? Int == 8)
        #expect(summary["transactions"] as? Int == 10)
        #expect(summary["skipped"] as? Int == 2, "the 997 and the CONTRL carry no business document")

        let report = try Self.report(out)
        let files = try #require(report["files"] as? [[String: Any]])
        #expect(files.count == 8)
        var outputs: [String] = []
        for file in files {
            let transactions = try #require(file["transactions"] as? [[String: Any]])
            #expect(!transactions.isEmpty, "\(file["path"] ?? "")")
            for transaction in transactions {
                let status = try #require(transaction["status"] as? String)
                #expect(["translated", "failed", "invalid", "skipped"].contains(status))
                if status == "translated" {
                    let output = try #require(transaction["output"] as? String)
                    outputs.append(output)
                    #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(output).path))
                } else if status != "skipped" {
                    #expect(!((transaction["findings"] as? [Any]) ?? []).isEmpty)
                }
            }
        }
        // Every output name is sanitised and under its document type's folder.
        for output in outputs {
            let parts = output.split(separator: "/")
            #expect(parts.count == 2)
            #expect(["purchaseOrder", "orderAcknowledgement", "shipNotice", "invoice", "remittance"].contains(String(parts[0])))
            #expect(parts[1].allSatisfy { $0.isLetter || $0.isNumber || "._-".contains($0) })
            let document = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent(output)))
            #expect((document as? [String: Any])?["type"] as? String == String(parts[0]))
        }
        // EDIFACT orders and the remittance translate (the X12 mapper may still be missing).
        #expect(outputs.contains("purchaseOrder/4049876000000_PO-2026-0481_1.json"))
        #expect(outputs.contains("remittance/4049876000000_RA-2026-1130_1.json"))
        // Exit 0 only when nothing failed.
        let failed = (summary["failedTransactions"] as? Int ?? 0) + (summary["invalid"] as? Int ?? 0)
        #expect(run.status == (failed > 0 ? 1 : 0), "\(run.stderr)")
        #expect(!Self.allFiles(out).contains { $0.split(separator: "/").last?.hasPrefix(".") == true }, "temporary files left")
    }

    @Test func brokenFilesDoNotStopTheBatch() throws {
        let out = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let run = try InspectCommandTests.run(["translate", "Samples/broken", "Samples/inbox/initech-ORDERS-D01B.edi",
                                               "--out", out.path])
        #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("report:"))
        let report = try Self.report(out)
        let files = try #require(report["files"] as? [[String: Any]])
        #expect(files.count == 5)
        let last = try #require(files.last)
        #expect(last["status"] as? String == "ok")
        let transactions = try #require(last["transactions"] as? [[String: Any]])
        #expect(transactions.first?["status"] as? String == "translated")
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("purchaseOrder/4049876000000_PO-2026-0495_1.json").path))
        // The SE count mismatch is a validation error: invalid, with a finding and its position.
        let countFile = try #require(files.first { ($0["path"] as? String)?.contains("wrong-se-segment-count") == true })
        let invalid = try #require((countFile["transactions"] as? [[String: Any]])?.first)
        #expect(invalid["status"] as? String == "invalid")
        let finding = try #require((invalid["findings"] as? [[String: Any]])?.first)
        #expect(finding["position"] is [String: Any])
        let summary = try #require(report["summary"] as? [String: Any])
        #expect(summary["files"] as? Int == 5)
    }

    /// A mapping finding (D01B QTY 6060 is an..35, so validation lets `4O` through) is printed and
    /// reported with its segment, element and component, like a validation finding.
    @Test func mappingFindingNamesElementAndComponent() throws {
        let work = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let sample = try String(contentsOf: Fixtures.repositoryRoot.appendingPathComponent("Samples/inbox/initech-ORDERS-D01B.edi"),
                                encoding: .utf8)
        try #require(sample.contains("QTY+21:40'"))
        let input = work.appendingPathComponent("bad-quantity.edi")
        try Data(sample.replacingOccurrences(of: "QTY+21:40'", with: "QTY+21:4O'").utf8).write(to: input)
        let out = work.appendingPathComponent("out")
        let run = try InspectCommandTests.run(["translate", input.path, "--out", out.path])
        #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("\"4O\" is not a number (QTY 21 6060) at line 18, column 8, segment QTY, element 1, component 2"),
                "\(run.stdout)")
        let files = try #require(try Self.report(out)["files"] as? [[String: Any]])
        let transaction = try #require((files.first?["transactions"] as? [[String: Any]])?.first)
        #expect(transaction["status"] as? String == "failed")
        let position = try #require((transaction["findings"] as? [[String: Any]])?.first?["position"] as? [String: Any])
        #expect(position["segmentTag"] as? String == "QTY")
        #expect(position["element"] as? Int == 1)
        #expect(position["component"] as? Int == 2)
        #expect(position["column"] as? Int == 8)
    }

    @Test func namesAreSanitisedAndNeverReused() throws {
        let work = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        // The partner controls BEG03: a PO number that tries to climb out of the output folder.
        let sample = try String(contentsOf: Fixtures.repositoryRoot.appendingPathComponent("Samples/inbox/globex-850-005010.edi"),
                                encoding: .utf8)
        let hostile = sample.replacingOccurrences(of: "4500012400", with: "../../x/PO 1")
        #expect(hostile != sample)
        let input = work.appendingPathComponent("hostile.edi")
        try hostile.write(to: input, atomically: true, encoding: .utf8)
        let out = work.appendingPathComponent("out")
        // The same file twice: the second document must not overwrite the first.
        let run = try InspectCommandTests.run(["translate", input.path, input.path, "--out", out.path, "--format", "json"])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        let files = Self.allFiles(out).filter { $0.hasSuffix(".json") && $0 != "report.json" }
        #expect(files == ["purchaseOrder/804512378__._.._x_PO_1_0001-2.json", "purchaseOrder/804512378__._.._x_PO_1_0001.json"],
                "\(files)")
        for file in files {
            #expect(file.hasPrefix("purchaseOrder/"))
            #expect(!file.dropFirst("purchaseOrder/".count).contains("/"), "\(file)")
        }
        #expect(Set(files).count == 2)
        #expect(!FileManager.default.fileExists(atPath: work.appendingPathComponent("x").path))
    }

    /// A second run into the same folder replaces the first run's documents (no `-2`), while a name
    /// repeated within that run still gets `-2`: the folder tells the two apart by the files' times,
    /// keeping no list of names in memory.
    @Test func aLaterRunReplacesAnEarlierRunsDocuments() throws {
        let work = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let input = Fixtures.repositoryRoot.appendingPathComponent("Samples/inbox/globex-850-005010.edi").path
        let out = work.appendingPathComponent("out")
        let first = try InspectCommandTests.run(["translate", input, "--out", out.path, "--format", "json"])
        #expect(first.status == 0, "\(first.stdout)\(first.stderr)")
        let documents = Self.allFiles(out).filter { $0.hasSuffix(".json") && $0 != "report.json" }
        #expect(documents.count == 1, "\(documents)")
        let document = out.appendingPathComponent(documents[0])
        try Data("an earlier run's document".utf8).write(to: document)
        let second = try InspectCommandTests.run(["translate", input, input, "--out", out.path, "--format", "json"])
        #expect(second.status == 0, "\(second.stdout)\(second.stderr)")
        let after = Self.allFiles(out).filter { $0.hasSuffix(".json") && $0 != "report.json" }
        let repeated = documents[0].replacingOccurrences(of: ".json", with: "-2.json")
        #expect(after == [repeated, documents[0]].sorted(), "\(after)")
        let replaced = try String(contentsOf: document, encoding: .utf8)
        #expect(replaced.hasPrefix("{"), "the earlier run's file is replaced by the document")
        #expect(try Data(contentsOf: document) == Data(contentsOf: out.appendingPathComponent(repeated)))
        #expect(!Self.allFiles(out).contains { $0.contains(".tmp-") || $0.contains(".opened-") || $0.contains(".probe-") })
    }

    /// With several jobs, validation runs ahead of mapping and writing on other threads: the
    /// documents, their names and the report's entries must be exactly those of one job.
    @Test func parallelJobsWriteWhatOneJobWrites() throws {
        let work = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let sample = try String(contentsOf: Fixtures.repositoryRoot.appendingPathComponent("Samples/inbox/globex-850-005010.edi"),
                                encoding: .utf8)
        let lines = sample.split(separator: "\n").map(String.init)
        let body = lines.filter { !["ISA", "GS*", "GE*", "IEA"].contains(String($0.prefix(3))) }
        let count = 37
        var text = lines[0] + "\n" + lines[1] + "\n"
        for number in 1...count {
            let control = String(format: "%04d", number)
            // Every fifth PO number repeats, so names need their counters in input order.
            let po = "PO\(number % 5 == 0 ? 5 : number)"
            text += body.map { $0.replacingOccurrences(of: "0001~", with: "\(control)~")
                .replacingOccurrences(of: "4500012400", with: po) }.joined(separator: "\n") + "\n"
        }
        text += "GE*\(count)*104~\nIEA*1*000000104~\n"
        let input = work.appendingPathComponent("many.edi")
        try text.write(to: input, atomically: true, encoding: .utf8)
        var trees: [[String: Data]] = []
        var reports: [[[String: Any]]] = []
        // The workers' priority (below the reading thread's by default) changes nothing written.
        for (jobs, more) in [("1", []), ("2", []), ("4", []), ("2", ["--worker-nice", "0"]), ("2", ["--worker-nice", "19"])] {
            let (tree, files) = try Self.translated(input, jobs: jobs, in: work, more)
            trees.append(tree)
            reports.append(files)
        }
        #expect(trees[0].count == count)
        #expect(trees.allSatisfy { $0 == trees[0] })
        let entries = reports.map { ($0.first?["transactions"] as? [[String: Any]] ?? []).map { $0["output"] as? String ?? "" } }
        #expect(entries[0].count == count)
        #expect(entries.allSatisfy { $0 == entries[0] })
        for entry in reports[1].first?["transactions"] as? [[String: Any]] ?? [] {
            #expect(Set(entry.keys) == ["businessKey", "controlNumber", "documentType", "findings", "output", "status", "type"])
            #expect((entry["findings"] as? [Any])?.isEmpty == true)
            #expect(entry["status"] as? String == "translated")
        }
    }

    /// Transactions larger than a batch's byte threshold are handed over in batches of their own
    /// and limited by size while out (memory near one transaction's): what is written must still
    /// be what one job writes, in the same order.
    @Test func largeTransactionsWriteWhatOneJobWrites() throws {
        let work = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let sample = try String(contentsOf: Fixtures.repositoryRoot.appendingPathComponent("Samples/inbox/globex-850-005010.edi"),
                                encoding: .utf8)
        let lines = sample.split(separator: "\n").map(String.init)
        let heading = lines.filter { !["ISA", "GS*", "GE*", "IEA", "PO1", "PID", "CTT", "SE*"].contains(String($0.prefix(3))) }
        let lineGroup = lines.filter { ["PO1", "PID"].contains(String($0.prefix(3))) }
        // Small, large (~650 KB, over the 512 KB threshold), small, large, large, small.
        let lineCounts = [2, 8_000, 3, 8_000, 8_000, 2]
        var text = lines[0] + "\n" + lines[1] + "\n"
        for (index, lineCount) in lineCounts.enumerated() {
            let control = String(format: "%04d", index + 1)
            var segments = heading.map { $0.replacingOccurrences(of: "0001~", with: "\(control)~")
                .replacingOccurrences(of: "4500012400", with: "PO\(index + 1)") }
            for number in 1...lineCount {
                let group = lineGroup.count / 2 * 2
                let po1 = lineGroup[(number - 1) % (group / 2) * 2], pid = lineGroup[(number - 1) % (group / 2) * 2 + 1]
                segments.append("PO1*\(number)*" + po1.split(separator: "*", omittingEmptySubsequences: false).dropFirst(2).joined(separator: "*"))
                segments.append(pid)
            }
            let quantities = (1...lineCount).map { ($0 - 1) % 2 == 0 ? 96 : 24 }.reduce(0, +)
            segments.append("CTT*\(lineCount)*\(quantities)~")
            segments.append("SE*\(segments.count + 1)*\(control)~")
            text += segments.joined(separator: "\n") + "\n"
        }
        text += "GE*\(lineCounts.count)*104~\nIEA*1*000000104~\n"
        let input = work.appendingPathComponent("large.edi")
        try text.write(to: input, atomically: true, encoding: .utf8)
        #expect(text.utf8.count > 3 * (512 << 10))
        var trees: [[String: Data]] = []
        var outputs: [[String]] = []
        for jobs in ["1", "2"] {
            let (tree, files) = try Self.translated(input, jobs: jobs, in: work)
            trees.append(tree)
            outputs.append((files.first?["transactions"] as? [[String: Any]] ?? []).map { $0["output"] as? String ?? "" })
        }
        #expect(trees[0].count == lineCounts.count)
        #expect(trees[1] == trees[0])
        #expect(outputs[0].count == lineCounts.count)
        #expect(outputs[1] == outputs[0])
        let largest = try #require(trees[0].values.map(\.count).max())
        #expect(largest > 1_000_000, "a large order's document holds its 8,000 lines")
    }

    @Test func workerNiceOutOfRangeIsAUsageError() throws {
        let out = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let run = try InspectCommandTests.run(["translate", "Samples/inbox", "--out", out.path, "--worker-nice", "20"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("--worker-nice must be 0 to 19"))
    }

    @Test func missingInputIsAUsageError() throws {
        let out = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let run = try InspectCommandTests.run(["translate", "Samples/no-such-folder", "--out", out.path])
        #expect(run.status == 2)
        #expect(run.stderr.contains("no such file"))
    }
}
