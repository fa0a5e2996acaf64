import EDICore
import EDISchema
import Foundation
import O2C
import Testing
import TestSupport

/// Generated 997s (004010) and 999s (005010X231A1) and TA1s must pass an independent validator:
/// pyx12's `x12valid` (`pip install pyx12`). pyx12's 997/999 maps are the HIPAA ones, whose AK101
/// and AK201 code lists hold healthcare groups only, so the inputs here are healthcare files (the
/// acknowledgement structure is the same for every group). Skipped when `x12valid` is not installed.
@Suite("Acknowledgements against pyx12")
struct Pyx12AcknowledgementTests {
    static let x12valid: String? = {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
            + ["/root/.pyenv/shims", "/usr/local/bin"]
        return paths.map { ($0 as NSString).appendingPathComponent("x12valid") }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    static let inputs = [
        "acks/x12-837-004010-for-pyx12.edi",
        "x12/x12_835_005010X221A1_badx12_multiple_claims.edi",
        "x12/x12_837_005010X222A1_imsweb_multiple_GS.txt",
        "x12/x12_837_005010X223A2_silvenga_pipe_elemsep_bang_component.edi",
        "x12/x12_837_005010_staedi_HL_nested_LF_terminator.edi",
    ]

    @Test("x12valid accepts every generated 997, 999 and TA1", .enabled(if: x12valid != nil, "pyx12's x12valid is not installed"),
          arguments: inputs)
    func pyx12Accepts(_ input: String) throws {
        let repository = SchemaRepository(root: Fixtures.repositoryRoot.appendingPathComponent("Schemas"))
        let validation = try FileValidator(repository: repository).validate(path: Fixtures.directory.appendingPathComponent(input).path)
        var allocator = InMemoryAllocator()
        let acks = try AcknowledgementGenerator().acknowledgements(for: validation, allocator: &allocator)
        #expect(!acks.isEmpty)
        for ack in acks {
            let file = TestFiles.folder.appendingPathComponent("edikit-pyx12-\(UUID().uuidString).x12")
            defer { try? FileManager.default.removeItem(at: file) }
            try Data(ack.bytes).write(to: file)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: try #require(Self.x12valid))
            process.arguments = [file.path]
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = pipe
            try process.run()
            let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(output.contains(": OK"), "\(input) → \(ack.kinds): x12valid says\n\(output)")
        }
    }
}
