public import Foundation

/// The README's demo: a fresh pipeline workspace made from `Samples/` — the demo configuration
/// and partner guides, every partner file of `Samples/inbox` and `Samples/broken` dropped into
/// `inbox/`, every document of `Samples/outbound/<partner>` and `Samples/broken-outbound/<partner>`
/// into `outbound/<partner>/` — ready for one pass of the pipeline.
public struct DemoWorkspace: Sendable {
    /// One file dropped into the workspace.
    public struct Input: Sendable, Codable, Hashable {
        /// Where it came from, relative to the samples folder (`inbox/globex-850-005010.edi`).
        public var sample: String
        /// Its name in the workspace.
        public var name: String
        /// `inbox` or `outbound/<partner>`.
        public var folder: String
        /// From `Samples/broken`: a rejection is what it is there for.
        public var isBroken: Bool
    }

    /// A failure to make the workspace: the samples are missing, or the root holds something else.
    public struct SetUpError: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// The file that marks a folder as a demo workspace, which the next demo may remove.
    public static let marker = ".edikit-demo"

    /// The `Samples` folder.
    public let samples: URL
    /// The workspace to create.
    public let workspace: Workspace

    /// A demo workspace at a root, made from a samples folder.
    public init(samples: URL, root: URL) {
        self.samples = samples
        workspace = Workspace(root: root)
    }

    /// Removes the previous demo at the root (only a folder this demo made, or an empty one), then
    /// creates the folders, the configuration with its guides, and drops the inputs in. Each input
    /// is copied under a hidden name and renamed, as a partner's upload would be.
    public func create() throws -> [Input] {
        let manager = FileManager.default
        guard manager.fileExists(atPath: samples.appendingPathComponent("edikit.yaml").path) else {
            throw SetUpError(description: "no edikit.yaml in \(samples.path): run from the EDIKit folder or pass the Samples folder")
        }
        try removePreviousDemo()
        let configuration = try String(contentsOf: samples.appendingPathComponent("edikit.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "Samples/guides/", with: "guides/")
        try workspace.create(configurationTemplate: configuration)
        try Data().write(to: workspace.root.appendingPathComponent(Self.marker))
        try copyFolder("guides", to: workspace.root.appendingPathComponent("guides"))

        var inputs: [Input] = []
        for (folder, broken) in [("inbox", false), ("broken", true)] {
            for name in try files(in: folder) where !name.hasSuffix(".md") {
                try drop("\(folder)/\(name)", into: workspace.inbox, name: name)
                inputs.append(Input(sample: "\(folder)/\(name)", name: name, folder: "inbox", isBroken: broken))
            }
        }
        for (folder, broken) in [("outbound", false), ("broken-outbound", true)] {
            for partner in try files(in: folder, folders: true) {
                for name in try files(in: "\(folder)/\(partner)") where name.hasSuffix(".json") {
                    try drop("\(folder)/\(partner)/\(name)", into: workspace.outbound.appendingPathComponent(partner), name: name)
                    inputs.append(Input(sample: "\(folder)/\(partner)/\(name)", name: name, folder: "outbound/\(partner)", isBroken: broken))
                }
            }
        }
        return inputs
    }

    private func removePreviousDemo() throws {
        let manager = FileManager.default
        let root = workspace.root
        guard manager.fileExists(atPath: root.path) else { return }
        let contents = try manager.contentsOfDirectory(atPath: root.path)
        if contents.isEmpty { return }
        guard contents.contains(Self.marker) else {
            throw SetUpError(description: "\(root.path) exists and is not a demo workspace (no \(Self.marker)); choose another root")
        }
        // Not while an `edikit watch` works on it.
        let lock: WorkspaceLock
        do {
            lock = try WorkspaceLock(workspace)
        } catch let error as WorkspaceBusyError {
            throw SetUpError(description: "\(error)")
        }
        try withExtendedLifetime(lock) { try manager.removeItem(at: root) }
    }

    /// Names in a folder of the samples, sorted: regular files, or sub-folders with `folders`.
    private func files(in folder: String, folders: Bool = false) throws -> [String] {
        let url = samples.appendingPathComponent(folder)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: url.path) else { return [] }
        return names.filter { name in
            var isDirectory: ObjCBool = false
            guard !name.hasPrefix("."),
                  FileManager.default.fileExists(atPath: url.appendingPathComponent(name).path, isDirectory: &isDirectory) else { return false }
            return isDirectory.boolValue == folders
        }.sorted()
    }

    private func copyFolder(_ folder: String, to target: URL) throws {
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        for name in try files(in: folder) {
            try FileManager.default.copyItem(at: samples.appendingPathComponent("\(folder)/\(name)"), to: target.appendingPathComponent(name))
        }
    }

    private func drop(_ sample: String, into folder: URL, name: String) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let hidden = folder.appendingPathComponent(".\(name).part")
        try FileManager.default.copyItem(at: samples.appendingPathComponent(sample), to: hidden)
        guard rename(hidden.path, folder.appendingPathComponent(name).path) == 0 else {
            throw SetUpError(description: "cannot rename \(hidden.path) into place")
        }
    }
}
