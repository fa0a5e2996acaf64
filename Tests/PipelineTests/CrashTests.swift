import EDICore
import Foundation
import Pipeline
import Testing
import TestSupport

/// The crash test: a few hundred files, `edikit watch` killed with SIGKILL at random (seeded)
/// moments and restarted, then run to the end. Every input must end in archive/ or rejected/
/// exactly once, every output be present exactly once, nothing staged or temporary be visible,
/// and the control numbers of what we sent be unique and gap-free per partner and level.
@Suite("edikit watch, killed and restarted", .serialized)
struct CrashTests {
    static let repository = Fixtures.repositoryRoot
    static let inboundTemplates = [
        "Samples/inbox/globex-850-004010-two-pos.edi", "Samples/inbox/globex-850-005010.edi",
        "Samples/inbox/globex-820-004010-remittance.edi", "Samples/inbox/initech-ORDERS-D96A-two-messages.edi",
        "Samples/inbox/initech-ORDERS-D01B.edi", "Samples/inbox/initech-REMADV-D96A.edi",
        "Samples/broken/850-unknown-partner-id.edi", "Samples/broken/850-missing-mandatory-beg.edi",
        "Samples/broken/850-wrong-se-segment-count.edi", "Samples/broken/ORDERS-D96A-truncated-mid-segment.edi",
    ]
    static let outboundTemplates = [
        ("globex", "x12/acme-810-004010-to-globex.edi.json"), ("globex", "x12/acme-855-004010-to-globex.edi.json"),
        ("globex", "x12/acme-856-004010-to-globex.edi.json"), ("initech", "edifact/acme-INVOIC-D96A-to-initech.edi.json"),
        ("initech", "edifact/acme-ORDRSP-D96A-to-initech.edi.json"), ("initech", "edifact/acme-DESADV-D96A-to-initech.edi.json"),
    ]

    /// One input file: where it goes and its bytes.
    struct Input {
        var folder: String
        var name: String
        var bytes: Data
        var template: Int
    }

    /// `copies` of every template, each inbound copy with its own interchange control number.
    static func inputs(copies: Int) throws -> [Input] {
        var result: [Input] = []
        var number = 0
        for copy in 0..<copies {
            for (index, path) in inboundTemplates.enumerated() {
                number += 1
                let bytes = try Data(contentsOf: repository.appendingPathComponent(path))
                let name = "\(copy)-" + (path as NSString).lastPathComponent
                result.append(Input(folder: "inbox", name: name, bytes: InterchangeNumbering.renumbered(bytes, to: 700_000_000 + number),
                                    template: index))
            }
            for (index, (partner, golden)) in outboundTemplates.enumerated() {
                let bytes = try Data(contentsOf: repository.appendingPathComponent("Tests/O2CTests/Golden/\(golden)"))
                result.append(Input(folder: "outbound/\(partner)", name: "\(copy)-" + (golden as NSString).lastPathComponent,
                                    bytes: bytes, template: inboundTemplates.count + index))
            }
        }
        return result
    }

    /// What one copy of every template gives, from an uninterrupted `--once` run.
    static func expectedPerCopy() throws -> [String: Int] {
        let sample = try SampleRoot()
        for input in try inputs(copies: 1) {
            try sample.drop(input.bytes, as: input.name, in: sample.root.appendingPathComponent(input.folder))
        }
        let log = sample.log
        defer { sample.remove() }
        let once = try WatchProcess(root: sample.root, arguments: ["--once"], log: log)
        once.process.waitUntilExit()
        return Self.outputCounts(sample)
    }

    /// Outputs by kind: internal documents per type, EDI per partner, originals archived and rejected.
    static func outputCounts(_ sample: SampleRoot) -> [String: Int] {
        var counts: [String: Int] = [:]
        for path in sample.files(sample.workspace.internalDocuments) { counts["internal/" + path.split(separator: "/")[0], default: 0] += 1 }
        for path in sample.files(sample.workspace.outbox) {
            let parts = path.split(separator: "/")
            let kind = parts[1].split(separator: "-").dropFirst().first.map(String.init) ?? "?"
            counts["outbox/\(parts[0])/\(kind)", default: 0] += 1
        }
        counts["archived"] = sample.files(sample.workspace.archive).count
        counts["rejected"] = sample.files(sample.workspace.rejected).filter { !$0.hasSuffix(".report.json") }.count
        counts["reports"] = sample.files(sample.workspace.rejected).filter { $0.hasSuffix(".report.json") }.count
        return counts
    }

    /// How many times the watchers writing to a log said they were watching.
    static func watchingLines(in log: URL) -> Int {
        ((try? String(contentsOf: log, encoding: .utf8)) ?? "").split(separator: "\n").filter { $0.contains(" watching") }.count
    }

    /// How many restarts logged that they renamed files committed before a stop (a kill after a commit).
    static func recoveryLines(in log: URL) -> Int {
        ((try? String(contentsOf: log, encoding: .utf8)) ?? "").split(separator: "\n")
            .filter { $0.contains("finished files committed before a stop") && !$0.contains("renamed=0") }.count
    }

    @Test func everyFileExactlyOnceAcrossKills() throws {
        let seed = UInt64(ProcessInfo.processInfo.environment["EDIKIT_CRASH_SEED"] ?? "") ?? 20261129
        let copies = Int(ProcessInfo.processInfo.environment["EDIKIT_CRASH_COPIES"] ?? "") ?? 20
        let kills = 6
        var random = SeededGenerator(seed: seed)
        let started = Date()
        let perCopy = try Self.expectedPerCopy()
        let sample = try SampleRoot()
        let log = sample.log
        defer { sample.remove() }
        let inputs = try Self.inputs(copies: copies).shuffled(using: &random)
        // Two thirds wait at the start; the rest arrive while a watcher runs.
        let early = inputs.prefix(inputs.count * 2 / 3), late = inputs.dropFirst(early.count)
        for input in early { try sample.drop(input.bytes, as: input.name, in: sample.root.appendingPathComponent(input.folder)) }

        // Random kills, and between them runs that kill themselves exactly before a commit, right
        // after one, and between the renames after one (EDIKIT_FAILPOINT).
        let failpoints = ["staged", "committed", "renaming"]
        var finishedAtKill: [Int] = []
        var renamesOwed = false
        for run in 0..<(kills + failpoints.count) {
            let failpoint = run % 3 == 1 ? failpoints[run / 3] : nil
            let environment = failpoint.map { ["EDIKIT_FAILPOINT": "\($0):\(Int.random(in: 2...6, using: &random))"] } ?? [:]
            let recoveriesBefore = Self.recoveryLines(in: log)
            let watcher = try WatchProcess(root: sample.root, environment: environment, log: log)
            if renamesOwed {
                // A kill after a commit left renames owed: let this restart log that it carried them out
                // before the random kill. Otherwise, on a loaded machine, the kill can land between its
                // renames and its log line, and the next restart finds nothing left to rename.
                _ = eventually(within: 90) { Self.recoveryLines(in: log) > recoveriesBefore }
            }
            renamesOwed = failpoint == "committed" || failpoint == "renaming"
            if run == 3 {
                for input in late { try sample.drop(input.bytes, as: input.name, in: sample.root.appendingPathComponent(input.folder)) }
            }
            if failpoint != nil {
                // Generous: on a loaded machine loading the schemas and reaching the n-th file can take long.
                _ = eventually(within: 90) { !watcher.process.isRunning }
            } else {
                usleep(UInt32.random(in: 100_000...800_000, using: &random))
            }
            watcher.stop(SIGKILL)
            finishedAtKill.append(sample.finished.count)
        }
        let watchingBefore = Self.watchingLines(in: log)
        let last = try WatchProcess(root: sample.root, log: log)
        let done = eventually(within: 120) { sample.finished.count >= inputs.count }
        // SIGTERM only once the last watcher has started watching (a stop during start-up is a different test).
        let watching = eventually(within: 60) { Self.watchingLines(in: log) > watchingBefore }
        let status = last.stop(SIGTERM)
        let elapsed = Date().timeIntervalSince(started)
        // Restarts that found renames still owed after a commit (the kill came between commit and rename).
        let recoveries = Self.recoveryLines(in: log)
        print("crash test: seed \(seed), \(inputs.count) files, \(finishedAtKill.count) kills, finished after each kill \(finishedAtKill), "
              + "\(recoveries) restarts renamed files committed before the kill, \(String(format: "%.1f", elapsed)) s")
        #expect(done, "seed \(seed): \(sample.finished.count) of \(inputs.count) finished")
        #expect(status == 0, "the last watcher ends cleanly on SIGTERM")
        #expect(watching, "the last watcher logged that it is watching")
        #expect(finishedAtKill.filter { $0 < inputs.count }.count >= 3, "at least three kills came while files were still waiting: \(finishedAtKill)")
        #expect(recoveries >= 2, "the kills after a commit left renames owed that a restart carried out")

        // Every input is in archive/ or rejected/ exactly once; nothing waits, nothing staged or temporary shows.
        #expect(sample.finished.sorted() == inputs.map(\.name).sorted(), "seed \(seed)")
        #expect(sample.files(sample.workspace.inbox, hidden: true).isEmpty)
        #expect(sample.files(sample.workspace.outbound, hidden: true).isEmpty)
        for folder in [sample.workspace.internalDocuments, sample.workspace.outbox, sample.workspace.archive, sample.workspace.rejected] {
            #expect(sample.files(folder, hidden: true) == sample.files(folder), "hidden or temporary files in \(folder.lastPathComponent)")
        }
        #expect(!FileManager.default.fileExists(atPath: sample.workspace.staging.path) || sample.files(sample.workspace.staging, hidden: true).isEmpty)

        // Every output exactly once: the counts of an uninterrupted run, times the copies.
        let expected = perCopy.mapValues { $0 * copies }
        #expect(Self.outputCounts(sample) == expected, "seed \(seed)")

        // Control numbers of everything we sent: unique and gap-free per partner and level.
        let numbers = try ControlNumbersSeen(outbox: sample.workspace.outbox)
        for (key, values) in numbers.byPartnerAndLevel {
            #expect(values.sorted() == Array(1...values.count), "\(key): \(values.sorted())")
        }
        #expect(!numbers.byPartnerAndLevel.isEmpty)

        // The ledger: one row per input, nothing owed, counters where the files say.
        let ledger = try SQLiteLedger(path: sample.workspace.ledger.path)
        #expect(try ledger.fileCounts().values.reduce(0, +) == inputs.count)
        #expect(try ledger.unfinishedFiles().isEmpty)
        for (key, values) in numbers.byPartnerAndLevel {
            #expect(try ledger.lastControlNumber(partner: key.partner, level: key.level) == values.count, "\(key)")
        }
    }
}

/// Rewrites the interchange control number of a sample (ISA13 and IEA02, or UNB 0020 and UNZ 0020).
enum InterchangeNumbering {
    static func renumbered(_ data: Data, to number: Int) -> Data {
        var text = String(decoding: data, as: UTF8.self)
        if text.hasPrefix("ISA") {
            let separator = text[text.index(text.startIndex, offsetBy: 3)]
            let digits = String(number)
            let padded = String(repeating: "0", count: max(0, 9 - digits.count)) + digits
            text = replacing(element: 13, of: "ISA", separator: separator, terminator: nil, in: text, with: padded)
            text = replacing(element: 2, of: "IEA", separator: separator, terminator: nil, in: text, with: padded)
        } else {
            var separator: Character = "+", terminator: Character = "'"
            if text.hasPrefix("UNA") {
                let characters = Array(text.prefix(9))
                separator = characters[4]
                terminator = characters[8]
            }
            text = replacing(element: 5, of: "UNB", separator: separator, terminator: terminator, in: text, with: "CRASH\(number)")
            text = replacing(element: 2, of: "UNZ", separator: separator, terminator: terminator, in: text, with: "CRASH\(number)")
        }
        return Data(text.utf8)
    }

    /// Replaces one element of the first segment with a tag (counted from the tag as 0).
    static func replacing(element position: Int, of tag: String, separator: Character, terminator: Character?,
                          in text: String, with value: String) -> String {
        guard let start = text.range(of: tag + String(separator)) else { return text }
        let end = text[start.lowerBound...].firstIndex { $0 == (terminator ?? "~") || (terminator == nil && $0.isNewline) }
            ?? text.endIndex
        var elements = text[start.lowerBound..<end].split(separator: separator, omittingEmptySubsequences: false).map(String.init)
        guard position < elements.count else { return text }
        elements[position] = value
        return text.replacingCharacters(in: start.lowerBound..<end, with: elements.joined(separator: String(separator)))
    }
}

/// Control numbers read back from the EDI in `outbox/<partner>/`: ISA13, GS06, ST02 or UNB 0020,
/// UNH 0062, keyed by the partner as the writers number them (the receiver's qualifier:id).
struct ControlNumbersSeen {
    struct Key: Hashable, CustomStringConvertible {
        var partner: String
        var level: ControlNumberLevel
        var description: String { "\(partner) \(level.rawValue)" }
    }

    var byPartnerAndLevel: [Key: [Int]] = [:]

    init(outbox: URL) throws {
        let manager = FileManager.default
        for partner in try manager.contentsOfDirectory(atPath: outbox.path) {
            let folder = outbox.appendingPathComponent(partner)
            for name in try manager.contentsOfDirectory(atPath: folder.path) {
                let inspection = FileInspection.inspect(path: folder.appendingPathComponent(name).path)
                for interchange in inspection.interchanges {
                    let key = interchange.receiver.description
                    byPartnerAndLevel[Key(partner: key, level: .interchange), default: []].append(Int(interchange.controlNumber) ?? -1)
                    for group in interchange.groups {
                        if !group.isImplicit, let number = group.controlNumber {
                            byPartnerAndLevel[Key(partner: key, level: .group), default: []].append(Int(number) ?? -1)
                        }
                        for transaction in group.transactions {
                            byPartnerAndLevel[Key(partner: key, level: .transaction), default: []].append(Int(transaction.controlNumber) ?? -1)
                        }
                    }
                }
            }
        }
    }
}
