import Foundation
import Testing
import EDICore
import EDISchema
import EDIFACT
import TestSupport

/// Reading sample and fixture files into messages, and writing typed models back to bytes.
enum EDIFACTTestSupport {
    static let samples = Fixtures.repositoryRoot.appendingPathComponent("Samples")
    static let repository = SchemaRepository(root: Fixtures.repositoryRoot.appendingPathComponent("Schemas"))

    /// Every message of a file with its findings and segments.
    static func messages(_ url: URL) throws -> [ValidatedTransaction] {
        var validator = FileValidator(repository: repository)
        validator.collectsSegments = true
        var result: [ValidatedTransaction] = []
        _ = try validator.validate(path: url.path, onTransaction: nil) { result.append($0) }
        return result
    }

    static func sample(_ name: String) throws -> [ValidatedTransaction] {
        try messages(samples.appendingPathComponent(name))
    }

    static func fixture(_ name: String) throws -> [ValidatedTransaction] {
        try messages(Fixtures.directory.appendingPathComponent("edifact/\(name)"))
    }

    /// Writes segments as one interchange (UNA, UNB, segments, UNZ) and reads its messages back.
    static func reread(_ segments: [OutgoingSegment]) throws -> [ValidatedTransaction] {
        var writer = SegmentWriter(syntax: .edifact, delimiters: .edifactDefault, lineStyle: .lf)
        writer.writeServiceStringAdvice()
        try writer.write(OutgoingSegment("UNB", elements: [[["UNOC", "3"]], [["SENDER", "14"]], [["RECEIVER", "14"]],
                                                           [["261201", "1200"]], [["REF1"]]]))
        for segment in segments { try writer.write(segment) }
        try writer.write(OutgoingSegment("UNZ", ["1", "REF1"]))
        let url = TestFiles.folder.appendingPathComponent("edifact-reread-\(UUID().uuidString).edi")
        try Data(writer.output).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        return try messages(url)
    }

    /// The text of a sample's lines between UNH and UNT of its first message, as written.
    static func text(_ segments: [OutgoingSegment]) throws -> String {
        var writer = SegmentWriter(syntax: .edifact, delimiters: .edifactDefault, lineStyle: .lf)
        for segment in segments { try writer.write(segment) }
        return String(decoding: writer.output, as: UTF8.self)
    }
}
