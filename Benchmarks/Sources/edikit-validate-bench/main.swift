// Validates files against the full schemas in a release build and prints MB/s, transactions/s
// CPU seconds, MB per CPU-second and peak RSS:
// `edikit-validate-bench [--schemas DIR] [--workers N] FILE…`; `--workers` is FileValidator.workers
// (0: validate on the reading thread; default: the number of cores).
import BenchSupport
import EDISchema
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Peak resident set size of this process in MB (VmHWM).
func peakRSSMegabytes() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        let kilobytes = line.split(separator: " ").compactMap { Double($0) }.first ?? 0
        return kilobytes / 1024
    }
    return 0
}

var arguments = Array(CommandLine.arguments.dropFirst())
var schemas = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("Schemas")
if let path = takeOption("--schemas", from: &arguments) { schemas = URL(fileURLWithPath: path) }
var workers = ProcessInfo.processInfo.activeProcessorCount
if let value = takeOption("--workers", from: &arguments), let count = Int(value) { workers = count }
requireReadableFiles(arguments, usage: "usage: edikit-validate-bench [--schemas DIR] [--workers N] FILE…")

/// CPU seconds of the calling thread so far: with workers, the reading thread's share (tokenizer,
/// envelopes, copying into batches); wall time on idle cores is at least this.
func threadCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

var validator = FileValidator(repository: SchemaRepository(root: schemas))
validator.keepsResults = false
validator.workers = workers
for path in arguments {
    var transactions = 0
    var invalid = 0
    var findings = 0
    let start = Date()
    let cpuStart = cpuSeconds()
    let threadStart = threadCPUSeconds()
    let result = try validator.validate(path: path) { transaction in
        transactions += 1
        if !transaction.isValid { invalid += 1 }
        findings += transaction.diagnostics.count
    }
    let seconds = Date().timeIntervalSince(start)
    let cpu = cpuSeconds() - cpuStart
    let readingCPU = threadCPUSeconds() - threadStart
    let megabytes = Double(result.byteCount) / 1_000_000
    print(String(format: "validate %@ (%d workers): %.1f MB in %.3f s = %.1f MB/s wall, %.3f CPU s = %.1f MB per CPU-second (reading thread %.3f CPU s), %d transactions (%.0f/s), %d invalid, %d findings, peak RSS %.1f MB",
                 (path as NSString).lastPathComponent, workers, megabytes, seconds, megabytes / seconds, cpu, megabytes / cpu, readingCPU, transactions,
                 Double(transactions) / seconds, invalid, findings + result.envelopeDiagnostics.count, peakRSSMegabytes()))
}
