// Translation throughput in a release build, without writing files: for each file, validation
// alone (segments collected, as `edikit translate` validates), then validation + typed model +
// internal document, then the same + compact JSON, then validation + compact JSON written straight
// from the segments where a direct writer handles the transaction (`DirectDocumentJSON`, as
// `edikit translate` does; the others through the internal document). Prints MB/s, CPU seconds,
// MB per CPU-second and documents per CPU-second (and, for the direct stage, how many were direct):
// `edikit-translate-bench [--schemas DIR] FILE…`
// (e.g. /tmp/bench/edifact_10M.edi from `python3 /work/shared/bench/gen_edifact.py 10M …`).
import BenchSupport
import EDISchema
import Foundation
import O2C
#if canImport(Glibc)
import Glibc
#endif

var arguments = Array(CommandLine.arguments.dropFirst())
var schemas = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("Schemas")
if let path = takeOption("--schemas", from: &arguments) { schemas = URL(fileURLWithPath: path) }
// `--stages validate,map,json,direct` (default: all four) runs only those passes, e.g. validation alone for callgrind.
let stageNames = takeOption("--stages", from: &arguments)?.split(separator: ",").map(String.init)
requireReadableFiles(arguments, usage: "usage: edikit-translate-bench [--schemas DIR] [--stages validate,map,json,direct] FILE…")

/// How far each pass goes after validating a transaction.
enum Stage: String, CaseIterable {
    case validate = "validate + collect"
    case map = "+ typed model + mapping"
    case json = "+ JSON"
    case direct = "+ direct JSON"

    /// The name `--stages` takes.
    var name: String { "\(self)" }
}

var validator = FileValidator(repository: SchemaRepository(root: schemas))
validator.keepsResults = false
validator.collectsSegments = true
for path in arguments {
    for stage in Stage.allCases where stageNames?.contains(stage.name) ?? true {
        var transactions = 0
        var documents = 0
        var failed = 0
        var jsonBytes = 0
        var direct = 0
        var json = DocumentJSONWriter(pretty: false, capacity: 1 << 20)
        let start = Date()
        let cpuStart = cpuSeconds()
        let result = try validator.validate(path: path, onTransaction: nil) { transaction in
            transactions += 1
            guard stage != .validate else { return }
            if stage == .direct {
                json.removeAll()
                if DirectDocumentJSON.append(transaction, to: &json) != nil {
                    direct += 1
                    documents += 1
                    jsonBytes += json.count
                    return
                }
            }
            guard let document = try? InboundTranslator.translate(transaction) else {
                failed += 1
                return
            }
            documents += 1
            if stage == .json { jsonBytes += DocumentJSONWriter.encodedBytes(document, pretty: false).count }
            if stage == .direct {
                json.removeAll()
                jsonBytes += json.append(document).count
            }
        }
        let seconds = Date().timeIntervalSince(start)
        let cpu = cpuSeconds() - cpuStart
        let megabytes = Double(result.byteCount) / 1_000_000
        print(String(format: "%@ %@: %.1f MB in %.2f s = %.1f MB/s wall, %.2f CPU s = %.1f MB per CPU-second, %d transactions, %d documents (%.0f per CPU-second), %d not mapped, %.1f MB JSON",
                     (path as NSString).lastPathComponent, stage.rawValue, megabytes, seconds, megabytes / seconds, cpu,
                     megabytes / cpu, transactions, documents, Double(documents) / cpu, failed, Double(jsonBytes) / 1_000_000)
              + (stage == .direct ? ", \(direct) written directly" : ""))
    }
}
