import CEDIScan

/// What the tokenizer has to say next.
public enum TokenizerEvent {
    /// A segment; valid until the next call to ``SegmentTokenizer/nextEvent()``.
    case segment(Segment)
    /// A warning, or an error after which the tokenizer resynchronises at the next interchange header.
    indirect case issue(SyntaxIssue)
    /// More bytes are needed: ``SegmentTokenizer/append(_:)`` or ``SegmentTokenizer/fill(from:)``,
    /// or ``SegmentTokenizer/finish()`` at the end of input.
    case needMoreInput
    /// All input has been read.
    case endOfInput
}

/// The streaming tokenizer for X12 and EDIFACT: bytes in, segments out.
///
/// A step function in the manner of swift-nio's decoders: feed bytes in any chunking, ask for
/// the next event, and get the same segments whatever the chunking. Memory is bounded by the
/// longest segment (plus one read chunk), not by the file. Delimiters are found in each
/// interchange's `ISA` or `UNA`/`UNB` header, so one stream may hold several interchanges with
/// different delimiters. Segments are views into the tokenizer's buffer: element ranges are
/// recorded as offsets, and nothing is allocated per element.
public final class SegmentTokenizer {
    /// Limits and tolerances.
    public struct Options: Sendable {
        /// A segment longer than this is an error (its terminator is probably missing).
        public var maxSegmentLength: Int = 1 << 20
        /// Bytes read from a source at a time.
        public var readChunkSize: Int = 1 << 18

        /// Default options.
        public init() {}
    }

    enum State {
        /// Between interchanges: skipping white space, looking for `ISA`, `UNA` or `UNB`.
        case seekingInterchange
        /// After an error: discarding bytes up to the next interchange header.
        case resynchronising
        /// Inside an interchange.
        case inInterchange
        /// Everything has been read.
        case done
    }

    let options: Options

    // Buffer: bytes [readIndex, writeIndex) are unconsumed; buffer[0] is stream offset `bufferBase`.
    var buffer: UnsafeMutablePointer<UInt8>
    var capacity: Int
    var readIndex = 0
    var writeIndex = 0
    var bufferBase = 0
    var isFinished = false

    // The segment being scanned: starts at readIndex, scanned up to scanIndex.
    var scanIndex = 0
    var marks: UnsafeMutablePointer<Int32>
    var markCapacity = 256
    var markCount = 0
    var segmentHasRelease = false
    var segmentHasLineBreak = false
    var segmentStartLine = LineCounter()

    // Block classification of the buffer (Sources/CEDIScan): one bit per byte, set for the
    // bytes the scan stops at; valid for buffer indexes [classifiedStart, classifiedEnd).
    var delimiterBits: UnsafeMutablePointer<UInt64>
    var classifiedStart = Int.max
    var classifiedEnd = 0
    var scanSet = edi_scan_set()

    let table = ByteClassTable()
    var state = State.seekingInterchange
    var line = LineCounter()

    // The interchange in force.
    var syntax = EDISyntax.x12
    var delimiters = Delimiters.x12Common
    /// The terminator is CR or LF (it counts as a line break).
    var terminatorIsLineBreak = false
    var interchangeIndex = 0
    var segmentIndex = 0
    var transactionSegmentIndex = 0
    var terminatorsFollowedByLineBreak = 0
    var terminatorsNotFollowedByLineBreak = 0
    var warnedWrapped = false
    var unaSeen = false
    var atInterchangeStart = false
    /// Stream offset of the header's terminator (`ISA` after `ISA16`, `UNA` at its ninth byte),
    /// known from the header itself, so a terminator byte inside a header field does not end it.
    var headerTerminatorOffset: Int?
    /// The byte before the one looked at while resynchronising (nil: at a boundary).
    var resyncPreviousByte: UInt8?
    var resetTransactionIndexAfterThis = false
    var lastSegmentEnded = false
    /// Whether a line break followed the last terminator (kept across chunks).
    var lineBreakSinceTerminator = false
    var pendingIssues: [SyntaxIssue] = []
    var pendingIssueIndex = 0
    /// `pendingIssues.count`, kept apart so the per-event check does not touch the array.
    var pendingIssueCount = 0

    // Encoding of the stream, decided from its first bytes.
    var encoding: StreamEncoding?
    var transcoder: StreamTranscoder?
    var transcodeScratch: [UInt8] = []

    /// Creates a tokenizer.
    public init(options: Options = Options()) {
        self.options = options
        capacity = max(options.readChunkSize * 2, 4096)
        buffer = Self.allocateBuffer(capacity: capacity)
        delimiterBits = .allocate(capacity: Self.bitWords(capacity: capacity))
        marks = .allocate(capacity: markCapacity)
    }

    deinit {
        buffer.deallocate()
        delimiterBits.deallocate()
        marks.deallocate()
        table.deallocate()
    }

    /// A buffer with 64 bytes to spare after `capacity`: classification reads whole 64-byte blocks.
    private static func allocateBuffer(capacity: Int) -> UnsafeMutablePointer<UInt8> {
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity + 64)
        (buffer + capacity).initialize(repeating: 0, count: 64)
        return buffer
    }

    private static func bitWords(capacity: Int) -> Int {
        capacity / 64 + 2
    }

    /// The delimiters of the interchange being read.
    public var currentDelimiters: Delimiters { delimiters }

    /// The syntax of the interchange being read.
    public var currentSyntax: EDISyntax { syntax }

    /// Bytes consumed so far (the stream offset of the next unread byte).
    public var consumedByteCount: Int { bufferBase + readIndex }

    // MARK: - Input

    /// Appends a chunk of input. Any chunking gives the same events.
    public func append(_ bytes: UnsafeRawBufferPointer) {
        precondition(!isFinished, "append after finish()")
        guard !bytes.isEmpty else { return }
        if transcoder != nil {
            transcodeScratch.removeAll(keepingCapacity: true)
            transcoder!.transcode(bytes, into: &transcodeScratch)
            transcodeScratch.withUnsafeBytes { copyIn($0) }
        } else {
            copyIn(bytes)
        }
    }

    /// Appends bytes from an array.
    public func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { append($0) }
    }

    /// Says that no more input will come.
    public func finish() {
        isFinished = true
    }

    /// Reads the next chunk of a source straight into the buffer; calls ``finish()`` at its end.
    /// - Returns: false when the source is exhausted.
    @discardableResult
    public func fill<Source: ByteSource>(from source: inout Source) throws -> Bool {
        if isFinished { return false }
        if transcoder != nil || encoding == nil {
            var chunk = [UInt8](repeating: 0, count: options.readChunkSize)
            let count = try chunk.withUnsafeMutableBytes { try source.read(into: $0) }
            if count == 0 {
                finish()
                return false
            }
            chunk.withUnsafeBytes { append(UnsafeRawBufferPointer(rebasing: $0[..<count])) }
            return true
        }
        reserveFreeSpace(options.readChunkSize)
        let free = UnsafeMutableRawBufferPointer(start: buffer + writeIndex, count: capacity - writeIndex)
        let count = try source.read(into: free)
        if count == 0 {
            finish()
            return false
        }
        writeIndex += count
        return true
    }

    private func copyIn(_ bytes: UnsafeRawBufferPointer) {
        reserveFreeSpace(bytes.count)
        UnsafeMutableRawPointer(buffer + writeIndex).copyMemory(from: bytes.baseAddress!, byteCount: bytes.count)
        writeIndex += bytes.count
    }

    /// Makes room for `count` more bytes: moves unconsumed bytes to the front, grows when needed.
    private func reserveFreeSpace(_ count: Int) {
        if capacity - writeIndex >= count { return }
        let live = writeIndex - readIndex
        invalidateClassification()
        if readIndex > 0 {
            if live > 0 { (buffer).update(from: buffer + readIndex, count: live) }
            bufferBase += readIndex
            scanIndex -= readIndex
            writeIndex = live
            readIndex = 0
        }
        if capacity - writeIndex < count {
            var newCapacity = capacity * 2
            while newCapacity - writeIndex < count { newCapacity *= 2 }
            let grown = Self.allocateBuffer(capacity: newCapacity)
            grown.update(from: buffer, count: writeIndex)
            buffer.deallocate()
            buffer = grown
            capacity = newCapacity
            delimiterBits.deallocate()
            delimiterBits = .allocate(capacity: Self.bitWords(capacity: newCapacity))
        }
    }

    // MARK: - Events

    /// The next event. Call until it returns ``TokenizerEvent/needMoreInput`` (then feed more)
    /// or ``TokenizerEvent/endOfInput``.
    public func nextEvent() -> TokenizerEvent {
        // The common case first: a segment inside an interchange, no issue waiting.
        if pendingIssueIndex == pendingIssueCount, state == .inInterchange, let event = readSegment() {
            return event
        }
        return nextEventSlowly()
    }

    private func nextEventSlowly() -> TokenizerEvent {
        if pendingIssueIndex < pendingIssueCount {
            let issue = pendingIssues[pendingIssueIndex]
            pendingIssueIndex += 1
            if pendingIssueIndex == pendingIssueCount {
                pendingIssues.removeAll(keepingCapacity: true)
                pendingIssueIndex = 0
                pendingIssueCount = 0
            }
            return .issue(issue)
        }
        while true {
            switch state {
            case .done:
                return .endOfInput
            case .seekingInterchange:
                if let event = seekInterchange() { return event }
            case .resynchronising:
                if let event = resynchronise() { return event }
            case .inInterchange:
                if let event = readSegment() { return event }
            }
            if pendingIssueIndex < pendingIssueCount { return nextEventSlowly() }
        }
    }

    func report(_ severity: SyntaxIssue.Severity, _ code: SyntaxIssue.Code, _ message: String, at position: EDIPosition) {
        pendingIssues.append(SyntaxIssue(severity, code, message, at: position))
        pendingIssueCount = pendingIssues.count
    }

    /// The position of a buffer index, with the current line state. With a tag, the position is in
    /// the segment being read (not yet handed out): its indexes are the next ones.
    func position(at index: Int, counter: LineCounter? = nil, tag: String? = nil) -> EDIPosition {
        let counter = counter ?? line
        let absolute = bufferBase + index
        return EDIPosition(byteOffset: absolute, line: counter.line, column: absolute - counter.lineStart + 1,
                           segmentIndex: tag == nil ? segmentIndex : segmentIndex + 1,
                           segmentIndexInTransaction: tag.map(transactionIndexOfSegmentBeingRead) ?? transactionSegmentIndex,
                           segmentTag: tag)
    }

    /// The index in its transaction of the segment being read, as ``emitSegment`` will count it:
    /// 1 for `ST`/`UNH`, 0 outside a transaction (also right after `SE`/`UNT`), else one more.
    private func transactionIndexOfSegmentBeingRead(tag: String) -> Int {
        if tag == "ST" || tag == "UNH" { return 1 }
        return resetTransactionIndexAfterThis || transactionSegmentIndex == 0 ? 0 : transactionSegmentIndex + 1
    }
}

/// Line and column bookkeeping: LF, CR LF and a lone CR each end a line.
struct LineCounter {
    var line = 1
    /// Stream offset of the first byte of the current line.
    var lineStart = 0
    /// Stream offset of the last CR counted, so that a following LF is not counted again.
    var lastCR = -2

    mutating func lineBreak(_ byte: UInt8, at absolute: Int) {
        if byte == 0x0A, lastCR == absolute - 1 {
            lineStart = absolute + 1
            return
        }
        if byte == 0x0D { lastCR = absolute }
        line += 1
        lineStart = absolute + 1
    }
}
