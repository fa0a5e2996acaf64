import Foundation
import Testing
import TestSupport
@testable import UNECEImport

/// The EDIFACT schemas under `Schemas/EDIFACT/<DIR>/` are the importer's output for the UNECE
/// directories in `../shared/reference/unece/` (or `$EDIKIT_SHARED/reference/unece/`). With `EDIKIT_REGENERATE_SCHEMAS=1` these tests
/// write them; otherwise they check that importing again gives the committed bytes.
@Suite struct ShippedSchemasTests {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// Found like the corpus (`$EDIKIT_SHARED` first), so the tests also run in a git worktree.
    static let referenceRoot = (Fixtures.sharedReference
        ?? repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/reference"))
        .appendingPathComponent("unece")
    static var regenerating: Bool { ProcessInfo.processInfo.environment["EDIKIT_REGENERATE_SCHEMAS"] == "1" }
    static var referenceAvailable: Bool { FileManager.default.fileExists(atPath: referenceRoot.path) }

    @Test(
        "Importing the UNECE directory reproduces the committed schemas",
        .enabled(if: referenceAvailable, "../shared/reference/unece is absent: cannot re-import the UNECE directories"),
        arguments: ["D96A", "D01B"])
    func committedSchemasMatch(directory: String) throws {
        let committed = Self.repositoryRoot.appendingPathComponent("Schemas/EDIFACT/\(directory)")
        let source = Self.referenceRoot.appendingPathComponent(directory)
        if Self.regenerating {
            let written = try UNECEImport.run(directory: source, messages: UNECEImport.shippedMessages, output: committed)
            #expect(written.count == UNECEImport.shippedMessages.count + 1)
            Issue.record("EDIKIT_REGENERATE_SCHEMAS=1: wrote \(written.count) files into \(committed.path); run again without it to check")
            return
        }
        let scratch = TestFiles.folder
            .appendingPathComponent("edikit-unece-\(directory)-\(ProcessInfo.processInfo.processIdentifier)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let written = try UNECEImport.run(directory: source, messages: UNECEImport.shippedMessages, output: scratch)
        for file in written {
            let expected = committed.appendingPathComponent(file.lastPathComponent)
            let fresh = try Data(contentsOf: file)
            let old = try? Data(contentsOf: expected)
            #expect(old == fresh, "\(expected.path) differs from a fresh import; regenerate with EDIKIT_REGENERATE_SCHEMAS=1")
        }
    }
}
