#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import EDICore

/// A sanity check for tokenizer changes: the events of a file must not depend on how it is split.

func readFile(_ path: String) -> [UInt8]? {
    guard let file = fopen(path, "rb") else { return nil }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
        let count = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
        if count == 0 { break }
        bytes.append(contentsOf: chunk[..<count])
    }
    return bytes
}

/// One line per event: segments with tag, element count, bytes and position; issues with code and position.
/// Read through `nextEvent()`, or with `batch` through `readAvailable(segment:issue:)`.
func eventSignatures(_ bytes: [UInt8], splits: [Int], batch: Bool = false) -> [String] {
    let tokenizer = SegmentTokenizer()
    var out: [String] = []
    var offset = 0
    var splitIndex = 0
    func signature(_ segment: Segment) -> String {
        let p = segment.position
        return "S \(segment.tag) \(segment.elementCount) \(p.byteOffset):\(p.line):\(p.column) #\(p.segmentIndex)/\(p.segmentIndexInTransaction) \(segment.rawText)"
    }
    func drain() {
        if batch {
            _ = tokenizer.readAvailable(segment: { out.append(signature($0)) }, issue: { out.append("I \($0)") })
            return
        }
        while true {
            switch tokenizer.nextEvent() {
            case .segment(let segment):
                out.append(signature(segment))
            case .issue(let issue):
                out.append("I \(issue)")
            case .needMoreInput, .endOfInput:
                return
            }
        }
    }
    bytes.withUnsafeBytes { raw in
        while offset < raw.count {
            var count = raw.count - offset
            if !splits.isEmpty {
                count = min(count, splits[splitIndex % splits.count])
                splitIndex += 1
            }
            tokenizer.append(UnsafeRawBufferPointer(rebasing: raw[offset..<offset + count]))
            offset += count
            drain()
        }
    }
    tokenizer.finish()
    drain()
    return out
}

/// A small seeded generator (SplitMix64), so a failing split can be replayed.
struct SplitMix64 {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

func verify(paths: [String]) throws -> Bool {
    var failures = 0
    var checked = 0
    for path in paths {
        guard let bytes = readFile(path) else {
            print("cannot read \(path)")
            failures += 1
            continue
        }
        let whole = eventSignatures(bytes, splits: [])
        var rng = SplitMix64(state: UInt64(bytes.count))
        var splitSets: [[Int]] = [[1], [2], [3], [7], [4096]]
        for _ in 0..<3 {
            splitSets.append((0..<64).map { _ in Int(rng.next() % 97) + 1 })
        }
        var runs: [(splits: [Int], batch: Bool)] = [([], true)]
        for splits in splitSets { runs += [(splits, false), (splits, true)] }
        for (splits, batch) in runs {
            let other = eventSignatures(bytes, splits: splits, batch: batch)
            if other != whole {
                failures += 1
                let index = zip(whole, other).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(whole.count, other.count)
                print("MISMATCH \(path) splits=\(splits.prefix(8))\(batch ? " in batches" : "") at event \(index)")
                print("  whole: \(index < whole.count ? whole[index] : "<end>")")
                print("  split: \(index < other.count ? other[index] : "<end>")")
                break
            }
        }
        checked += 1
    }
    print("verify: \(checked) files, \(failures) mismatches")
    return failures == 0
}
