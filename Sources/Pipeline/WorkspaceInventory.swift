import Foundation

/// What the folders of a workspace hold after a pass: archived originals, rejected files with the
/// reason of their report, internal documents per type, EDI per partner in the outbox, and files
/// still waiting. Read from the folders, so it shows what an operator would find there.
public struct WorkspaceInventory: Sendable, Codable {
    /// A file in `rejected/` and its `<name>.report.json`.
    public struct Rejection: Sendable, Codable, Hashable {
        /// The file's name in `rejected/`.
        public var name: String
        /// The report's reason.
        public var reason: String
        /// The first error finding or detail of the report, when it has one.
        public var firstFinding: String?
    }

    /// Originals under `archive/YYYY/MM/DD/`, relative to `archive/`.
    public var archived: [String] = []
    /// Files in `rejected/`.
    public var rejected: [Rejection] = []
    /// Internal documents per type folder of `internal/`.
    public var documents: [String: Int] = [:]
    /// EDI files per partner folder of `outbox/`.
    public var outbox: [String: [String]] = [:]
    /// Ready files still in `inbox/` or `outbound/` (relative to the root).
    public var waiting: [String] = []

    /// Reads the folders of a workspace.
    public init(workspace: Workspace) throws {
        archived = Self.files(below: workspace.archive)
        let rejectedNames = Self.files(below: workspace.rejected)
        for name in rejectedNames where !name.hasSuffix(".report.json") {
            var rejection = Rejection(name: name, reason: "no report", firstFinding: nil)
            let reportURL = workspace.rejected.appendingPathComponent(name + ".report.json")
            if let data = try? Data(contentsOf: reportURL),
               let report = try? JSONSerialization.jsonObject(with: data) as? [String: Any] {
                rejection.reason = report["reason"] as? String ?? "no reason"
                let lines = (report["findings"] as? [String] ?? []) + (report["details"] as? [String] ?? [])
                rejection.firstFinding = lines.first { $0.hasPrefix("error") } ?? lines.first
            }
            rejected.append(rejection)
        }
        for path in Self.files(below: workspace.internalDocuments) {
            let parts = path.split(separator: "/")
            if parts.count == 2 { documents[String(parts[0]), default: 0] += 1 }
        }
        for path in Self.files(below: workspace.outbox) {
            let parts = path.split(separator: "/")
            if parts.count == 2 { outbox[String(parts[0]), default: []].append(String(parts[1])) }
        }
        waiting = Self.files(below: workspace.inbox).map { "inbox/\($0)" } + Self.files(below: workspace.outbound).map { "outbound/\($0)" }
    }

    /// Whether a name is among the archived originals (in any day's folder).
    public func isArchived(_ name: String) -> Bool {
        archived.contains { ($0 as NSString).lastPathComponent == name }
    }

    /// Whether a name is in `rejected/`.
    public func isRejected(_ name: String) -> Bool {
        rejected.contains { $0.name == name }
    }

    /// Regular files below a folder, relative to it, sorted; hidden (temporary) names left out.
    static func files(below folder: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        var result: [String] = []
        for case let relative as String in enumerator {
            guard !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) else { continue }
            var info = stat()
            guard lstat(folder.appendingPathComponent(relative).path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { continue }
            result.append(relative)
        }
        return result.sorted()
    }
}

extension DemoWorkspace {
    /// What did not end as the demo expects: a sample from `inbox/` or `outbound/` that was not
    /// archived, a broken sample neither archived nor rejected, an input found twice or still waiting.
    public func unexpectedOutcomes(of inputs: [Input], in inventory: WorkspaceInventory) -> [String] {
        var problems: [String] = []
        for input in inputs {
            let archived = inventory.isArchived(input.name), rejected = inventory.isRejected(input.name)
            switch (archived, rejected) {
            case (true, true): problems.append("\(input.sample) is both archived and rejected")
            case (false, false): problems.append("\(input.sample) is neither archived nor rejected")
            case (false, true) where !input.isBroken:
                let reason = inventory.rejected.first { $0.name == input.name }?.reason ?? ""
                problems.append("\(input.sample) was rejected: \(reason)")
            default: break
            }
        }
        problems += inventory.waiting.map { "\($0) is still waiting" }
        return problems
    }
}
