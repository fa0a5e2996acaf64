// libFuzzer entry point for the EDICore tokenizer, envelope outliner and segment writer.
// Compiled together with Sources/EDICore into one module by Fuzz/run.sh; see there.

/// What one read of the input gave: one line per event, and the segments as values.
struct ReadResult {
    var signatures: [String] = []
    var interchanges: [FuzzInterchange] = []
}

/// The segments of one interchange that was read without an error, ready to be written again.
struct FuzzInterchange {
    var syntax: EDISyntax
    var delimiters: Delimiters
    var segments: [OutgoingSegment] = []
    /// An error while reading it, or something the round trip cannot carry.
    var hadError = false
}

/// Tokenizes `bytes`, fed whole (`split == nil`) or in two chunks split at `split`, through
/// `nextEvent()` or, with `batch`, through `readAvailable(segment:issue:)`.
func read(_ bytes: UnsafeRawBufferPointer, split: Int?, outline: Bool, batch: Bool = false) -> ReadResult {
    let tokenizer = SegmentTokenizer()
    let outliner = EnvelopeOutliner(keepsInterchanges: false)
    var result = ReadResult()
    var lastPosition: EDIPosition?
    func take(_ segment: Segment) {
        let p = segment.position
        result.signatures.append("S \(segment.tag) \(segment.elementCount) \(p.byteOffset):\(p.line):\(p.column) #\(p.segmentIndex)/\(p.segmentIndexInTransaction) \(segment.rawText)")
        if outline {
            _ = outliner.consume(segment)
            lastPosition = segment.position
            record(segment, into: &result)
        }
    }
    func take(_ issue: SyntaxIssue) {
        result.signatures.append("I \(issue)")
        if outline, issue.severity == .error {
            if let lastPosition { outliner.abandon(at: lastPosition) }
            if !result.interchanges.isEmpty { result.interchanges[result.interchanges.count - 1].hadError = true }
        }
    }
    func drain() {
        if batch {
            _ = tokenizer.readAvailable(segment: { take($0) }, issue: { take($0) })
            return
        }
        while true {
            switch tokenizer.nextEvent() {
            case .segment(let segment): take(segment)
            case .issue(let issue): take(issue)
            case .needMoreInput, .endOfInput: return
            }
        }
    }
    if let split {
        tokenizer.append(UnsafeRawBufferPointer(rebasing: bytes[..<split]))
        drain()
        tokenizer.append(UnsafeRawBufferPointer(rebasing: bytes[split...]))
    } else {
        tokenizer.append(bytes)
    }
    drain()
    tokenizer.finish()
    drain()
    if outline, let lastPosition { _ = outliner.finish(at: lastPosition) }
    return result
}

/// Keeps a segment for the round trip; a new interchange starts at a new interchange index.
func record(_ segment: Segment, into result: inout ReadResult) {
    if result.interchanges.isEmpty || segment.interchangeIndex != result.interchanges.count {
        while result.interchanges.count < segment.interchangeIndex {
            result.interchanges.append(FuzzInterchange(syntax: segment.syntax, delimiters: segment.delimiters, hadError: true))
        }
        result.interchanges[segment.interchangeIndex - 1].hadError = false
    }
    var interchange = result.interchanges[segment.interchangeIndex - 1]
    interchange.delimiters = segment.delimiters
    interchange.syntax = segment.syntax
    // Any byte values go through (with keepsBytes, OutgoingSegment keeps the bytes its Strings
    // cannot carry).
    // UNA is written from the delimiters; values holding CR or LF cannot be written (the reader
    // takes line breaks inside a segment for wrapping).
    if segment.tag != "UNA", !segment.bytes.contains(0x0A), !segment.bytes.contains(0x0D) {
        interchange.segments.append(OutgoingSegment(segment, keepsBytes: true))
    } else if segment.tag == "ISA" || segment.tag == "UNB" {
        interchange.hadError = true
    }
    result.interchanges[segment.interchangeIndex - 1] = interchange
}

/// Writes segments with an interchange's delimiters (UNA first for EDIFACT), leaving out those
/// the writer refuses (the writer appends as it goes: each is tried on its own first).
func write(_ segments: [OutgoingSegment], like interchange: FuzzInterchange) -> (bytes: [UInt8], accepted: [OutgoingSegment]) {
    var writer = SegmentWriter(syntax: interchange.syntax, delimiters: interchange.delimiters)
    if interchange.syntax == .edifact { writer.writeServiceStringAdvice() }
    var accepted: [OutgoingSegment] = []
    for segment in segments {
        var probe = SegmentWriter(syntax: interchange.syntax, delimiters: interchange.delimiters)
        guard (try? probe.write(segment)) != nil else { continue }
        try! writer.write(segment)
        accepted.append(segment)
    }
    return (writer.output, accepted)
}

/// Writes an interchange with its own delimiters and reads it back: the segments the writer
/// accepts must come back with the same tags and values, and writing them again must give
/// the same bytes (whatever the byte values).
func roundTrip(_ interchange: FuzzInterchange) {
    let (bytes, accepted) = write(interchange.segments, like: interchange)
    guard !accepted.isEmpty else { return }
    let reread = bytes.withUnsafeBytes { read($0, split: nil, outline: true) }
    var segments: [OutgoingSegment] = []
    for other in reread.interchanges { segments.append(contentsOf: other.segments) }
    let rewritten = write(segments, like: interchange).bytes
    if rewritten != bytes {
        let index = zip(rewritten, bytes).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(rewritten.count, bytes.count)
        fatalError("""
            written again, the bytes differ at byte \(index) of \(bytes.count) (now \(rewritten.count))
            first:  \(bytes[max(0, index - 20)..<min(bytes.count, index + 20)].map { $0 })
            second: \(rewritten[max(0, index - 20)..<min(rewritten.count, index + 20)].map { $0 })
            """)
    }
    if segments != accepted {
        let index = zip(segments, accepted).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(segments.count, accepted.count)
        let text = String(decoding: bytes, as: UTF8.self)
        fatalError("""
            round trip differs at segment \(index) of \(accepted.count) (re-read \(segments.count))
            first read: \(index < accepted.count ? "\(accepted[index])" : "<end>")
            re-read:    \(index < segments.count ? "\(segments[index])" : "<end>")
            written: \(text.prefix(2000))
            """)
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data, size > 0 else { return 0 }
    let bytes = UnsafeRawBufferPointer(start: data, count: size)
    let whole = read(bytes, split: nil, outline: true)
    // A split point derived from the input: the same input always splits the same way.
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in bytes.prefix(64) { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
    let split = Int(hash % UInt64(size + 1))
    for (parts, how) in [(read(bytes, split: split, outline: false), "split"),
                         (read(bytes, split: split, outline: false, batch: true), "split, in batches"),
                         (read(bytes, split: nil, outline: false, batch: true), "whole, in one batch")]
    where parts.signatures != whole.signatures {
        let index = zip(parts.signatures, whole.signatures).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(parts.signatures.count, whole.signatures.count)
        fatalError("""
            read \(how) (split at \(split) of \(size)) gives other events, first at event \(index)
            whole: \(index < whole.signatures.count ? whole.signatures[index] : "<end>")
            \(how): \(index < parts.signatures.count ? parts.signatures[index] : "<end>")
            """)
    }
    for interchange in whole.interchanges where !interchange.hadError {
        roundTrip(interchange)
    }
    return 0
}
