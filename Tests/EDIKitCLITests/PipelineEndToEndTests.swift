import Foundation
import Testing
import TestSupport

/// End-to-end: the real `edikit` process on a temporary root. `edikit init`, the demo
/// configuration, the Samples files of every type and syntax in `inbox/` and `outbound/`, then
/// `edikit watch ROOT --once`: internal documents, acknowledgements, outbound EDI and archive
/// entries come out; an unknown partner, a duplicate interchange, a file that is not EDI and an
/// invalid outbound document each end in `rejected/` with a report that says why; a temporary
/// name and a symbolic link in `inbox/` are left alone. Expected values are read from the source
/// segments with `SegmentReader`, not from EDIKit.
@Suite("edikit watch, end to end")
struct PipelineEndToEndTests {
    typealias CLI = InspectCommandTests
    static let samples = Fixtures.repositoryRoot.appendingPathComponent("Samples")
    let manager = FileManager.default

    /// A workspace made by `edikit init`, with the demo configuration and its guides.
    func initialisedRoot() throws -> URL {
        let root = TestFiles.folder.appendingPathComponent("edikit-e2e-\(UUID().uuidString)")
        let run = try CLI.run(["init", root.path])
        #expect(run.status == 0, "\(run.stderr)")
        for folder in ["inbox", "outbound", "internal", "outbox", "archive", "rejected"] {
            var isDirectory: ObjCBool = false
            #expect(manager.fileExists(atPath: root.appendingPathComponent(folder).path, isDirectory: &isDirectory) && isDirectory.boolValue,
                    "edikit init made no \(folder)/")
        }
        #expect(try String(contentsOf: root.appendingPathComponent("edikit.yaml"), encoding: .utf8).contains("partners:"))
        let configuration = try String(contentsOf: Self.samples.appendingPathComponent("edikit.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "Samples/guides/", with: "guides/")
        try configuration.write(to: root.appendingPathComponent("edikit.yaml"), atomically: true, encoding: .utf8)
        try manager.copyItem(at: Self.samples.appendingPathComponent("guides"), to: root.appendingPathComponent("guides"))
        return root
    }

    func sampleFiles(_ folder: String, suffix: String) throws -> [URL] {
        let url = Self.samples.appendingPathComponent(folder)
        return try manager.contentsOfDirectory(atPath: url.path).filter { $0.hasSuffix(suffix) }.sorted().map { url.appendingPathComponent($0) }
    }

    /// Regular files below a folder, relative to it; hidden names are reported too (there must be none).
    func files(_ folder: URL) -> [String] {
        (manager.enumerator(atPath: folder.path)?.allObjects as? [String] ?? []).filter { path in
            var isDirectory: ObjCBool = false
            return manager.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &isDirectory) && !isDirectory.boolValue
        }.sorted()
    }

    func report(_ root: URL, _ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: root.appendingPathComponent("rejected/\(name).report.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// `archive/YYYY/MM/DD` of a date in UTC.
    func archiveDay(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "archive/%04d/%02d/%02d", parts.year!, parts.month!, parts.day!)
    }

    @Test func samplesOfEveryTypeEndWhereTheyShould() throws {
        let root = try initialisedRoot()
        defer { try? manager.removeItem(at: root) }
        let inbox = root.appendingPathComponent("inbox")
        let inboundSamples = try sampleFiles("inbox", suffix: ".edi") + sampleFiles("broken", suffix: ".edi")
        for url in inboundSamples { try manager.copyItem(at: url, to: inbox.appendingPathComponent(url.lastPathComponent)) }
        var outboundNames: [String] = []
        for (folder, partner) in [("outbound/globex", "globex"), ("outbound/initech", "initech"), ("broken-outbound/globex", "globex")] {
            let target = root.appendingPathComponent("outbound/\(partner)")
            try manager.createDirectory(at: target, withIntermediateDirectories: true)
            for url in try sampleFiles(folder, suffix: ".json") {
                try manager.copyItem(at: url, to: target.appendingPathComponent(url.lastPathComponent))
                outboundNames.append(url.lastPathComponent)
            }
        }
        #expect(outboundNames.count == 7)
        // A file that is not EDI, a name still being written, and a symbolic link to a file outside the inbox.
        try Data("Dear ACME, please find our order attached.\n".utf8).write(to: inbox.appendingPathComponent("not-edi.edi"))
        let temporary = inbox.appendingPathComponent("x.tmp")
        try manager.copyItem(at: Self.samples.appendingPathComponent("inbox/globex-850-005010.edi"), to: temporary)
        let outside = root.appendingPathComponent("outside-globex-850.edi")
        try manager.copyItem(at: Self.samples.appendingPathComponent("inbox/globex-850-005010.edi"), to: outside)
        try manager.createSymbolicLink(at: inbox.appendingPathComponent("link.edi"), withDestinationURL: outside)

        let before = Date()
        let run = try CLI.run(["watch", root.path, "--once", "--format", "json"])
        let days = Set([archiveDay(before), archiveDay(Date())])
        #expect(run.status == 1, "rejections make exit 1: \(run.stdout)\(run.stderr)")
        let summary = try CLI.json(run)

        // Left alone: the temporary name and the link (and the file it points to).
        #expect(files(inbox) == ["link.edi", "x.tmp"])
        #expect(try manager.destinationOfSymbolicLink(atPath: inbox.appendingPathComponent("link.edi").path) == outside.path)
        #expect(try Data(contentsOf: temporary) == Data(contentsOf: Self.samples.appendingPathComponent("inbox/globex-850-005010.edi")))
        #expect(manager.fileExists(atPath: outside.path))
        #expect(files(root.appendingPathComponent("outbound")).isEmpty)

        // Every other input is archived or rejected, once; no temporary file is left anywhere.
        let archived = files(root.appendingPathComponent("archive"))
        let rejected = files(root.appendingPathComponent("rejected")).filter { !$0.hasSuffix(".report.json") }
        let inputs = inboundSamples.map(\.lastPathComponent) + outboundNames + ["not-edi.edi"]
        #expect((archived.map { ($0 as NSString).lastPathComponent } + rejected).sorted() == inputs.sorted())
        for path in archived { #expect(days.contains("archive/" + (path as NSString).deletingLastPathComponent), "\(path)") }
        for folder in ["archive", "rejected", "internal", "outbox"] {
            #expect(!files(root.appendingPathComponent(folder)).contains { ($0 as NSString).lastPathComponent.hasPrefix(".") },
                    "temporary files left in \(folder)/")
        }

        // Rejected, each with a report that says why.
        #expect(rejected.sorted() == ["850-unknown-partner-id.edi", "invoice-ACM-INV-100019-without-date.json", "not-edi.edi"])
        #expect((try report(root, "850-unknown-partner-id.edi")["reason"] as? String)?.contains("unknown partner") == true)
        #expect((try report(root, "850-unknown-partner-id.edi")["reason"] as? String)?.contains("WAYNEENTRPRS") == true)
        #expect((try report(root, "not-edi.edi")["reason"] as? String)?.contains("no interchange") == true)
        let invalid = try report(root, "invoice-ACM-INV-100019-without-date.json")
        #expect((invalid["reason"] as? String)?.contains("globex") == true)
        #expect((invalid["details"] as? [String] ?? []).contains { $0.contains("BIG01") }, "\(invalid)")
        #expect(summary["rejected"] as? Int == 3)

        try checkInternalDocuments(root, inboundSamples: inboundSamples)
        try checkAcknowledgements(root, inboundSamples: inboundSamples)
        try checkOutboundEDI(root)
        #expect(summary["outbound"] as? Int == 6)

        // The same interchange again, under another name, in a second run: a duplicate, rejected and kept.
        try manager.copyItem(at: Self.samples.appendingPathComponent("inbox/globex-850-004010-two-pos.edi"),
                             to: inbox.appendingPathComponent("globex-850-resent.edi"))
        let again = try CLI.run(["watch", root.path, "--once", "--format", "json"])
        #expect(again.status == 1, "\(again.stdout)\(again.stderr)")
        let isa13 = SegmentReader.element(SegmentReader.first("ISA", in: try SegmentReader.segments(
            Self.samples.appendingPathComponent("inbox/globex-850-004010-two-pos.edi"))), 13)
        let duplicate = try report(root, "globex-850-resent.edi")
        #expect((duplicate["reason"] as? String)?.contains("duplicate interchange \(isa13)") == true, "\(duplicate)")
        #expect(files(root.appendingPathComponent("internal/purchaseOrder")).count == 6, "a duplicate is not translated again")
    }

    /// `edikit demo` (the README's first command) makes its workspace from Samples/, runs a pass and exits 0 when every
    /// sample ended as expected; it replaces its own earlier workspace but refuses a folder it did not make.
    @Test func demoRunsOnAFreshWorkspace() throws {
        let root = TestFiles.folder.appendingPathComponent("edikit-demo-\(UUID().uuidString)")
        defer { try? manager.removeItem(at: root) }
        for _ in 0..<2 {
            let run = try CLI.run(["demo", "--root", root.path, "--format", "json"])
            #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
            let report = try CLI.json(run)
            #expect((report["unexpected"] as? [String]) == [])
            let inputs = try #require(report["inputs"] as? [[String: Any]])
            #expect(inputs.count == 19)
            let summary = try #require(report["summary"] as? [String: Any])
            #expect(summary["outbound"] as? Int == 6)
            #expect(summary["documents"] as? Int == 8)
            #expect(files(root.appendingPathComponent("archive")).count == 17, "the second run starts afresh")
            let rejected = try #require((report["inventory"] as? [String: Any])?["rejected"] as? [[String: Any]])
            #expect(Set(rejected.compactMap { $0["name"] as? String }) == ["850-unknown-partner-id.edi", "invoice-ACM-INV-100019-without-date.json"])
        }
        let text = try CLI.run(["demo", "--root", root.path])
        #expect(text.status == 0)
        #expect(text.stdout.contains("unknown partner"))
        #expect(text.stdout.contains("As expected"))

        let other = TestFiles.folder.appendingPathComponent("edikit-not-demo-\(UUID().uuidString)")
        defer { try? manager.removeItem(at: other) }
        try manager.createDirectory(at: other, withIntermediateDirectories: true)
        try Data("keep me".utf8).write(to: other.appendingPathComponent("notes.txt"))
        let refused = try CLI.run(["demo", "--root", other.path])
        #expect(refused.status == 2, "\(refused.stdout)\(refused.stderr)")
        #expect(manager.fileExists(atPath: other.appendingPathComponent("notes.txt").path))
    }

    /// One purchase order per 850/ORDERS transaction of the valid samples, numbered as BEG03 / BGM 1004 say,
    /// and one remittance per 820/REMADV (TRN02 / BGM 1004); none from the broken files.
    func checkInternalDocuments(_ root: URL, inboundSamples: [URL]) throws {
        var expected: [String: Set<String>] = [:]
        for url in inboundSamples where url.deletingLastPathComponent().lastPathComponent == "inbox" {
            var type: String?
            for segment in try SegmentReader.segments(url) {
                switch segment.first {
                case "ST": type = SegmentReader.element(segment, 1)
                case "UNH": type = SegmentReader.element(segment, 2).split(separator: ":").first.map(String.init)
                case "BEG" where type == "850": expected["purchaseOrder", default: []].insert(SegmentReader.element(segment, 3))
                case "TRN" where type == "820": expected["remittance", default: []].insert(SegmentReader.element(segment, 2))
                case "BGM" where type == "ORDERS": expected["purchaseOrder", default: []].insert(SegmentReader.element(segment, 2))
                case "BGM" where type == "REMADV": expected["remittance", default: []].insert(SegmentReader.element(segment, 2))
                default: break
                }
            }
        }
        #expect(expected["purchaseOrder"]?.count == 6)
        #expect(expected["remittance"]?.count == 2)
        let internalFolder = root.appendingPathComponent("internal")
        #expect(Set(files(internalFolder).map { String($0.split(separator: "/")[0]) }) == ["purchaseOrder", "remittance"])
        for (type, numbers) in expected {
            var found: [String] = []
            for name in files(internalFolder.appendingPathComponent(type)) {
                let data = try Data(contentsOf: internalFolder.appendingPathComponent("\(type)/\(name)"))
                let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
                #expect(document["type"] as? String == type)
                found.append(try #require(document["number"] as? String))
            }
            #expect(found.sorted() == numbers.sorted(), "\(type)")
        }
    }

    /// globex (policy 997): per X12 group of a PO or RA, an acknowledgement naming GS01 and GS06, a 997 for 004010 and a 999 for
    /// 005010, accepting the valid ones and rejecting the broken ones; none for their 997. initech (policy CONTRL): a CONTRL
    /// rejecting the truncated interchange.
    func checkAcknowledgements(_ root: URL, inboundSamples: [URL]) throws {
        var acknowledged: [String: (type: String, status: String)] = [:]
        let globex = root.appendingPathComponent("outbox/globex")
        for name in files(globex) {
            let segments = try SegmentReader.segments(globex.appendingPathComponent(name))
            let type = SegmentReader.element(SegmentReader.first("ST", in: segments), 1)
            guard type == "997" || type == "999" else { continue }
            #expect(SegmentReader.element(SegmentReader.first("ISA", in: segments), 8).trimmingCharacters(in: .whitespaces) == "804512378")
            let ak1 = SegmentReader.first("AK1", in: segments)
            let key = SegmentReader.element(ak1, 1) + "*" + SegmentReader.element(ak1, 2)
            #expect(acknowledged[key] == nil, "two acknowledgements for group \(key)")
            acknowledged[key] = (type, SegmentReader.element(SegmentReader.first("AK9", in: segments), 1))
        }
        for url in inboundSamples {
            let segments = try SegmentReader.segments(url)
            guard SegmentReader.element(SegmentReader.first("ISA", in: segments), 6).trimmingCharacters(in: .whitespaces) == "804512378",
                  let gs = SegmentReader.first("GS", in: segments), SegmentReader.element(gs, 1) != "FA" else { continue }
            let ack = acknowledged[SegmentReader.element(gs, 1) + "*" + SegmentReader.element(gs, 6)]
            #expect(ack?.type == (SegmentReader.element(gs, 8).hasPrefix("005010") ? "999" : "997"), "\(url.lastPathComponent)")
            let isBroken = url.deletingLastPathComponent().lastPathComponent == "broken"
            #expect(ack?.status == (isBroken ? "R" : "A"), "\(url.lastPathComponent)")
        }
        #expect(acknowledged.count == 5, "two broken 850s, two valid 850s, one 820: \(acknowledged.keys.sorted())")

        let initech = root.appendingPathComponent("outbox/initech")
        let truncated = SegmentReader.element(SegmentReader.first("UNB", in: try SegmentReader.segments(
            Self.samples.appendingPathComponent("broken/ORDERS-D96A-truncated-mid-segment.edi"))), 5)
        let controls = try files(initech).map { try SegmentReader.segments(initech.appendingPathComponent($0)) }
            .filter { SegmentReader.element(SegmentReader.first("UNH", in: $0), 2).hasPrefix("CONTRL") }
        let uci = controls.compactMap { SegmentReader.first("UCI", in: $0) }.first { SegmentReader.element($0, 1) == truncated }
        #expect(SegmentReader.element(uci, 4) == "4", "the truncated interchange is rejected (0083 = 4): \(uci ?? [])")
    }

    /// The six outbound documents as EDI in the partners' outboxes, addressed to them, with their business numbers.
    func checkOutboundEDI(_ root: URL) throws {
        var types: [String: [String]] = [:]
        for partner in ["globex", "initech"] {
            let folder = root.appendingPathComponent("outbox/\(partner)")
            for name in files(folder) {
                let segments = try SegmentReader.segments(folder.appendingPathComponent(name))
                if let st = SegmentReader.first("ST", in: segments), !["997", "999"].contains(SegmentReader.element(st, 1)) {
                    types[partner, default: []].append(SegmentReader.element(st, 1))
                    #expect(SegmentReader.element(SegmentReader.first("ISA", in: segments), 8).trimmingCharacters(in: .whitespaces) == "804512378")
                    if let big = SegmentReader.first("BIG", in: segments) { #expect(SegmentReader.element(big, 2) == "ACM-INV-100017") }
                    if let bak = SegmentReader.first("BAK", in: segments) { #expect(SegmentReader.element(bak, 3) == "4500012345") }
                }
                if let unh = SegmentReader.first("UNH", in: segments), !SegmentReader.element(unh, 2).hasPrefix("CONTRL") {
                    types[partner, default: []].append(String(SegmentReader.element(unh, 2).prefix { $0 != ":" }))
                    #expect(SegmentReader.element(SegmentReader.first("UNB", in: segments), 3) == "4049876000000:14")
                    if SegmentReader.element(unh, 2).hasPrefix("INVOIC") {
                        #expect(SegmentReader.element(SegmentReader.first("BGM", in: segments), 2) == "91000017")
                    }
                }
            }
        }
        #expect(types["globex"]?.sorted() == ["810", "855", "856"])
        #expect(types["initech"]?.sorted() == ["DESADV", "INVOIC", "ORDRSP"])
    }
}
