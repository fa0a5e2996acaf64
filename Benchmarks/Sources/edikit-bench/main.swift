#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import BenchSupport
import EDICore

/// `edikit-bench tokenize|tokenize-events|outline|outline-lean|verify FILE [--chunk BYTES]`
///
/// - `tokenize`: EDIStreamReader.forEachSegment over FileByteSource (a batch per read chunk);
///   touches every segment's tag and element count.
/// - `tokenize-events`: the same through EDIStreamReader.next(), one TokenizerEvent per segment.
/// - `outline`: the same, and every segment goes through an EnvelopeOutliner (keepsInterchanges=false).
/// - `outline-lean`: as `outline`, with keepsTransactionSummaries=false as well (memory bounded
///   by the segment, not by the transactions of one interchange).
/// - `verify`: reads FILE whole, byte by byte and in seeded random splits, through nextEvent() and
///   in batches (readAvailable), and checks the events agree.
///
/// Prints MB/s (10^6 bytes), segments/s, elapsed seconds, peak RSS, and CPU seconds with MB per CPU second.

struct Usage: Error, CustomStringConvertible {
    var description: String {
        "usage: edikit-bench tokenize|tokenize-events|outline|outline-lean|verify FILE… [--chunk BYTES]"
    }
}

func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

/// Peak resident set size in bytes (ru_maxrss is KiB on Linux, bytes on Darwin).
func peakRSS() -> Int {
    var usage = rusage()
    #if canImport(Glibc)
    getrusage(RUSAGE_SELF.rawValue, &usage)
    #else
    getrusage(RUSAGE_SELF, &usage)
    #endif
    #if canImport(Darwin)
    return Int(usage.ru_maxrss)
    #else
    return Int(usage.ru_maxrss) * 1024
    #endif
}

func fileSize(_ path: String) -> Int {
    var info = stat()
    return stat(path, &info) == 0 ? Int(info.st_size) : 0
}

struct Tally {
    var segments = 0
    var elements = 0
    var tagHash: UInt64 = 0
    var issues = 0
    var envelopeIssues = 0
}

/// `tokenize`: the batch API, no event per segment.
func runBatch(path: String, options: SegmentTokenizer.Options) throws -> Tally {
    let reader = try EDIStreamReader(path: path, options: options)
    var tally = Tally()
    try reader.forEachSegment({ segment in
        tally.segments &+= 1
        tally.elements &+= segment.elementCount
        tally.tagHash = (tally.tagHash &* 31) &+ UInt64(segment.tag.rawValue)
    }, issue: { _ in tally.issues &+= 1 })
    return tally
}

func run(path: String, outline: Bool, lean: Bool, options: SegmentTokenizer.Options) throws -> Tally {
    let reader = try EDIStreamReader(path: path, options: options)
    var tally = Tally()
    let outliner = EnvelopeOutliner(keepsInterchanges: false)
    if lean { outliner.keepsTransactionSummaries = false }
    var lastPosition: EDIPosition?
    while true {
        let event = try reader.next()
        switch event {
        case .segment(let segment):
            tally.segments &+= 1
            tally.elements &+= segment.elementCount
            tally.tagHash = (tally.tagHash &* 31) &+ UInt64(segment.tag.rawValue)
            if outline {
                tally.envelopeIssues &+= outliner.consume(segment).count
                lastPosition = segment.position
            }
        case .issue(let issue):
            tally.issues &+= 1
            if outline, issue.severity == .error, let position = lastPosition { outliner.abandon(at: position) }
        case .endOfInput:
            if outline, let position = lastPosition { tally.envelopeIssues &+= outliner.finish(at: position).count }
            return tally
        case .needMoreInput:
            continue
        }
    }
}

func benchmark(mode: String, path: String, chunk: Int?) throws {
    var options = SegmentTokenizer.Options()
    if let chunk { options.readChunkSize = chunk }
    let size = fileSize(path)
    let start = now()
    let cpuStart = cpuSeconds()
    let tally = mode == "tokenize" ? try runBatch(path: path, options: options)
        : try run(path: path, outline: mode.hasPrefix("outline"), lean: mode == "outline-lean", options: options)
    let elapsed = now() - start
    let cpu = cpuSeconds() - cpuStart
    let mb = Double(size) / 1e6
    print("mode=\(mode) file=\(path) bytes=\(size)")
    print("segments=\(tally.segments) elements=\(tally.elements) issues=\(tally.issues) envelope_issues=\(tally.envelopeIssues) tag_hash=\(tally.tagHash)")
    print("elapsed_s=\(format(elapsed, 3)) MB/s=\(format(mb / elapsed, 1)) segments/s=\(format(Double(tally.segments) / elapsed, 0)) peak_rss_MB=\(format(Double(peakRSS()) / 1e6, 1)) cpu_s=\(format(cpu, 3)) MB/cpu_s=\(format(mb / cpu, 1))")
}

func format(_ value: Double, _ decimals: Int) -> String {
    var factor = 1.0
    for _ in 0..<decimals { factor *= 10 }
    let rounded = (value * factor).rounded() / factor
    return decimals == 0 ? String(Int(rounded)) : String(rounded)
}

let arguments = Array(CommandLine.arguments.dropFirst())
do {
    guard arguments.count >= 2 else { throw Usage() }
    var chunk: Int?
    if let index = arguments.firstIndex(of: "--chunk"), index + 1 < arguments.count {
        guard let value = Int(arguments[index + 1]), value > 0 else { throw Usage() }
        chunk = value
    }
    switch arguments[0] {
    case "tokenize", "tokenize-events", "outline", "outline-lean":
        try benchmark(mode: arguments[0], path: arguments[1], chunk: chunk)
    case "verify":
        exit(try verify(paths: Array(arguments.dropFirst()).filter { !$0.hasPrefix("--") && Int($0) == nil }) ? 0 : 1)
    default:
        throw Usage()
    }
} catch {
    let message = "edikit-bench: \(error)\n"
    _ = message.withCString { write(2, $0, strlen($0)) }
    exit(2)
}
