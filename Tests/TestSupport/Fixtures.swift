public import Foundation

/// Locations of the repository's fixtures and of the shared corpus beside the repository.
public enum Fixtures {
    /// The repository root (found from this source file's path).
    public static let repositoryRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }()

    /// `Tests/Fixtures`.
    public static let directory = repositoryRoot.appendingPathComponent("Tests/Fixtures")

    /// `../shared` beside the repository, or `$EDIKIT_SHARED` (for a git worktree that sits elsewhere).
    static var sharedRoot: URL {
        if let path = ProcessInfo.processInfo.environment["EDIKIT_SHARED"] { return URL(fileURLWithPath: path) }
        return repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared")
    }

    /// `../shared/corpus`, or nil with the reason when it is absent.
    public static var sharedCorpus: URL? {
        let url = sharedRoot.appendingPathComponent("corpus")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    /// `../shared/reference`, when present.
    public static var sharedReference: URL? {
        let url = sharedRoot.appendingPathComponent("reference")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    /// The bytes of a fixture below `Tests/Fixtures`.
    public static func bytes(_ relativePath: String) throws -> [UInt8] {
        Array(try Data(contentsOf: directory.appendingPathComponent(relativePath)))
    }

    /// Every file below a folder, sorted, skipping hidden files and markdown/tsv notes.
    public static func files(in folder: URL, extensions: Set<String>? = nil) -> [URL] {
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey],
                                                              options: [.skipsHiddenFiles]) else { return [] }
        var result: [URL] = []
        for case let url as URL in enumerator {
            let isFile = (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) ?? false
            guard isFile else { continue }
            if ["md", "tsv"].contains(url.pathExtension) { continue }
            if let extensions, !extensions.contains(url.pathExtension) { continue }
            result.append(url)
        }
        return result.sorted { $0.path < $1.path }
    }
}

/// A seeded random generator (SplitMix64), so a failing random case can be replayed from its seed.
public struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    /// Seeds the generator; the seed is printed by tests that fail.
    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
