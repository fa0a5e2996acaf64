import Foundation
import Testing
import TestSupport

/// `edikit validate --jobs`: a file over the 1 MB threshold validated by worker threads prints the
/// same report, byte for byte, as on one thread, in JSON and in text, with the same exit code.
@Suite struct ValidateJobsTests {
    @Test func workersPrintWhatOneThreadPrints() throws {
        // About 1.5 MB: valid interchanges and ones with errors (missing BEG, wrong SE count, bad SE02).
        let names = ["x12-850-valid.edi", "x12-850-missing-BEG.edi", "x12-850-wrong-SE-count.edi", "x12-850-bad-SE-control.edi"]
        let interchanges = try names.map { try Fixtures.bytes("acks/\($0)") }
        var file: [UInt8] = []
        var index = 0
        while file.count < 1_500_000 {
            file += interchanges[index % interchanges.count]
            index += 1
        }
        let url = TestFiles.folder.appendingPathComponent("edikit-validate-jobs-\(UUID().uuidString).edi")
        try Data(file).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }

        for format in ["json", "text"] {
            let one = try InspectCommandTests.run(["validate", "--format", format, "--jobs", "1", url.path])
            let two = try InspectCommandTests.run(["validate", "--format", format, "--jobs", "2", url.path])
            #expect(one.status == 1, "\(one.stderr)")
            #expect(two.status == one.status, "\(two.stderr)")
            #expect(one.stdout.count > 100_000, "the report holds the findings of every interchange")
            #expect(two.stdout == one.stdout, "\(format): the reports differ")
        }
        let zero = try InspectCommandTests.run(["validate", "--jobs", "0", url.path])
        #expect(zero.status == 2, "\(zero.status) \(zero.stderr)")
    }
}
