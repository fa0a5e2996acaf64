import EDICore
import Foundation
import Testing

/// One tokenizer event, copied out of the buffer so that runs with different chunkings compare.
struct Token: Hashable, CustomStringConvertible {
    enum Kind: Hashable {
        case segment
        case issue(SyntaxIssue.Severity, SyntaxIssue.Code)
    }

    var kind: Kind
    /// Tag for a segment; message for an issue.
    var text: String
    /// Raw element bytes (release characters kept), for a segment.
    var elements: [[UInt8]]
    var position: EDIPosition
    var interchangeIndex: Int
    var delimiters: Delimiters?

    var description: String {
        switch kind {
        case .segment: "\(text) \(elements.count) elements @\(position)"
        case .issue(let severity, let code): "\(severity) \(code): \(text) @\(position)"
        }
    }

    var isSegment: Bool { kind == .segment }
    var code: SyntaxIssue.Code? {
        if case .issue(_, let code) = kind { return code }
        return nil
    }
}

/// A read segment kept beyond the tokenizer's next event, with the values a test asks about.
struct ReadSegment {
    var owned: OwnedSegment
    var interchangeIndex: Int
    var tag: String { owned.tag.description }
    var position: EDIPosition { owned.position }
    subscript(_ element: Int) -> String? { owned[element] }
}

/// The result of tokenizing an input completely.
struct Tokenized {
    var tokens: [Token] = []
    var segments: [ReadSegment] = []
    var issues: [SyntaxIssue] = []

    var errors: [SyntaxIssue] { issues.filter { $0.severity == .error } }
    var warnings: [SyntaxIssue] { issues.filter { $0.severity == .warning } }
    var tags: [String] { segments.map(\.tag) }
    func issues(_ code: SyntaxIssue.Code) -> [SyntaxIssue] { issues.filter { $0.code == code } }
}

/// Feeds `bytes` to a new tokenizer in chunks of the given sizes (cycled; empty = whole) and
/// collects every event, through ``SegmentTokenizer/nextEvent()`` or, with `batch`, through
/// ``SegmentTokenizer/readAvailable(segment:issue:)``. Fails the test instead of hanging when
/// the tokenizer stops advancing.
func tokenize(_ bytes: [UInt8], chunkSizes: [Int] = [], options: SegmentTokenizer.Options = .init(), batch: Bool = false,
              sourceLocation: SourceLocation = #_sourceLocation) -> Tokenized {
    let tokenizer = SegmentTokenizer(options: options)
    var result = Tokenized()
    var offset = 0
    var chunkIndex = 0
    var guardCount = 0
    let limit = bytes.count * 4 + 10_000
    func add(_ issue: SyntaxIssue) {
        result.issues.append(issue)
        result.tokens.append(Token(issue))
    }
    func add(_ segment: Segment) {
        result.tokens.append(Token(segment))
        result.segments.append(ReadSegment(owned: segment.copy(), interchangeIndex: segment.interchangeIndex))
    }
    func drain() -> Bool {
        if batch {
            guardCount += 1
            if guardCount > limit {
                Issue.record("tokenizer does not advance (hang?) at offset \(offset)", sourceLocation: sourceLocation)
                return false
            }
            return !tokenizer.readAvailable(segment: { add($0) }, issue: { add($0) }).isEnd
        }
        while true {
            guardCount += 1
            if guardCount > limit {
                Issue.record("tokenizer does not advance (hang?) at offset \(offset)", sourceLocation: sourceLocation)
                return false
            }
            switch tokenizer.nextEvent() {
            case .needMoreInput: return true
            case .endOfInput: return false
            case .issue(let issue): add(issue)
            case .segment(let segment): add(segment)
            }
        }
    }
    bytes.withUnsafeBytes { raw in
        while offset < raw.count {
            let size = chunkSizes.isEmpty ? raw.count : max(1, chunkSizes[chunkIndex % chunkSizes.count])
            chunkIndex += 1
            let end = min(raw.count, offset + size)
            tokenizer.append(UnsafeRawBufferPointer(rebasing: raw[offset..<end]))
            offset = end
            if !drain() { return }
        }
    }
    tokenizer.finish()
    _ = drain()
    return result
}

extension Token {
    /// A segment event: tag, raw element bytes, position, interchange and delimiters.
    init(_ segment: Segment) {
        var elements: [[UInt8]] = []
        if segment.elementCount > 0 {
            for position in 1...segment.elementCount { elements.append(Array(segment.element(position).bytes)) }
        }
        self.init(kind: .segment, text: segment.tag.description, elements: elements, position: segment.position,
                  interchangeIndex: segment.interchangeIndex, delimiters: segment.delimiters)
    }

    /// An issue event: severity, code, message and position.
    init(_ issue: SyntaxIssue) {
        self.init(kind: .issue(issue.severity, issue.code), text: issue.message, elements: [], position: issue.position,
                  interchangeIndex: 0, delimiters: nil)
    }
}

/// Reads through `EDIStreamReader` and `fill(from:)` (the file path: bytes read straight into
/// the tokenizer's buffer), with a small read chunk so the buffer is compacted and grown often.
func tokenizeWithReader(_ bytes: [UInt8], chunkSizes: [Int], readChunkSize: Int) throws -> [Token] {
    var options = SegmentTokenizer.Options()
    options.readChunkSize = readChunkSize
    let reader = EDIStreamReader(source: MemoryByteSource(bytes, chunkSizes: chunkSizes), options: options)
    var tokens: [Token] = []
    try reader.forEach { event in
        switch event {
        case .issue(let issue): tokens.append(Token(issue))
        case .segment(let segment): tokens.append(Token(segment))
        default: break
        }
    }
    return tokens
}

/// Tokenizes text (UTF-8 bytes).
func tokenize(_ text: String, chunkSizes: [Int] = [], options: SegmentTokenizer.Options = .init(),
              sourceLocation: SourceLocation = #_sourceLocation) -> Tokenized {
    tokenize(Array(text.utf8), chunkSizes: chunkSizes, options: options, sourceLocation: sourceLocation)
}

/// Tokenizes and outlines envelopes the way `edikit inspect` does: an error abandons the interchange.
func outline(_ bytes: [UInt8]) -> (interchanges: [InterchangeSummary], issues: [SyntaxIssue]) {
    let tokenizer = SegmentTokenizer()
    let outliner = EnvelopeOutliner()
    var issues: [SyntaxIssue] = []
    var last = EDIPosition()
    tokenizer.append(bytes)
    tokenizer.finish()
    loop: while true {
        switch tokenizer.nextEvent() {
        case .segment(let segment):
            last = segment.position
            issues += outliner.consume(segment)
        case .issue(let issue):
            issues.append(issue)
            if issue.abandonsInterchange { outliner.abandon(at: issue.position) }
        case .needMoreInput, .endOfInput:
            break loop
        }
    }
    issues += outliner.finish(at: last)
    return (outliner.interchanges, issues)
}

func outline(_ text: String) -> (interchanges: [InterchangeSummary], issues: [SyntaxIssue]) {
    outline(Array(text.utf8))
}

/// Builds a fixed-width X12 `ISA` header (106 bytes with its terminator).
func isaHeader(element: Character = "*", repetition: Character = "^", component: Character = ">",
               terminator: Character = "~", version: String = "00401", control: String = "000000001") -> String {
    let fields = ["00", "          ", "00", "          ", "ZZ", "SENDER         ", "ZZ", "RECEIVER       ",
                  "261129", "0930", String(repetition), version, control, "0", "P", String(component)]
    return "ISA" + fields.map { String(element) + $0 }.joined() + String(terminator)
}

/// A small, correct X12 interchange: one group, one 850 with `bodyCount` body segments.
func x12Interchange(element: Character = "*", repetition: Character = "^", component: Character = ">",
                    terminator: Character = "~", version: String = "00401", control: String = "000000001",
                    lineBreak: String = "\n") -> String {
    let e = String(element), t = String(terminator) + lineBreak
    var text = isaHeader(element: element, repetition: repetition, component: component, terminator: terminator,
                         version: version, control: control) + lineBreak
    text += ["GS", "PO", "SENDER", "RECEIVER", "20261129", "0930", "1", "X", "004010"].joined(separator: e) + t
    text += ["ST", "850", "0001"].joined(separator: e) + t
    text += ["BEG", "00", "SA", "PO-1", "", "20261129"].joined(separator: e) + t
    text += ["PO1", "1", "10", "EA", "9.95", "", "BP", "WIDGET"].joined(separator: e) + t
    text += ["SE", "4", "0001"].joined(separator: e) + t
    text += ["GE", "1", "1"].joined(separator: e) + t
    text += ["IEA", "1", control].joined(separator: e) + t
    return text
}

/// A small, correct EDIFACT interchange without `UNA`.
let edifactOrders = """
UNB+UNOC:3+SENDER:14+RECEIVER:14+261129:0930+42'
UNH+1+ORDERS:D:96A:UN'
BGM+220+PO-1+9'
DTM+137:20261129:102'
UNT+4+1'
UNZ+1+42'

"""

extension Array where Element == UInt8 {
    init(ascii text: String) { self = Array(text.utf8) }
}
