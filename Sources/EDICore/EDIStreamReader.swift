/// Pulls events from a tokenizer over a byte source, reading more input whenever it is needed.
///
/// ```swift
/// let reader = try EDIStreamReader(path: "inbound/850.edi")
/// while case let event = try reader.next(), !event.isEnd {
///     if case .segment(let segment) = event { print(segment.tag) }
/// }
/// ```
public final class EDIStreamReader<Source: ByteSource> {
    /// The tokenizer doing the work.
    public let tokenizer: SegmentTokenizer
    @usableFromInline var source: Source

    /// Reads from any byte source.
    public init(source: Source, options: SegmentTokenizer.Options = .init()) {
        self.source = source
        tokenizer = SegmentTokenizer(options: options)
    }

    /// The next segment or issue, or ``TokenizerEvent/endOfInput``; never ``TokenizerEvent/needMoreInput``.
    /// Inlinable, so the event is handed straight from the tokenizer to the caller.
    @inlinable
    public func next() throws -> TokenizerEvent {
        while true {
            let event = tokenizer.nextEvent()
            if case .needMoreInput = event {
                try tokenizer.fill(from: &source)
                continue
            }
            return event
        }
    }

    /// Calls `body` for every event up to the end of input (segments and issues; never
    /// ``TokenizerEvent/needMoreInput`` or ``TokenizerEvent/endOfInput``).
    ///
    /// Reads a chunk's events in one batch (``SegmentTokenizer/readAvailable(segment:issue:)``);
    /// ``forEachSegment(_:issue:)`` is faster still, as it does not wrap each segment in an event.
    @inlinable
    public func forEach(_ body: (TokenizerEvent) throws -> Void) throws {
        try forEachSegment({ try body(.segment($0)) }, issue: { try body(.issue($0)) })
    }

    /// Calls `segment` for every segment and `issue` for every warning or error, in stream
    /// order, up to the end of input: the fastest way to read a stream. Each chunk read is
    /// tokenized in one batch (``SegmentTokenizer/readAvailable(segment:issue:)``); the segment
    /// view is valid during the call only (keep it with ``Segment/copy()``).
    @inlinable
    public func forEachSegment(
        _ segment: (Segment) throws -> Void, issue: (SyntaxIssue) throws -> Void
    ) throws {
        while true {
            if case .endOfInput = try tokenizer.readAvailable(segment: segment, issue: issue) { return }
            try tokenizer.fill(from: &source)
        }
    }
}

extension EDIStreamReader where Source == FileByteSource {
    /// Reads a file in chunks.
    public convenience init(path: String, options: SegmentTokenizer.Options = .init()) throws {
        self.init(source: try FileByteSource(path: path), options: options)
    }
}

extension TokenizerEvent {
    /// Whether this is the end of input.
    public var isEnd: Bool {
        if case .endOfInput = self { return true }
        return false
    }
}

extension SegmentTokenizer {
    /// Tokenizes an asynchronous sequence of byte chunks (a network stream, a file handle's bytes).
    public func forEachEvent<Chunks: AsyncSequence>(
        from chunks: Chunks, _ body: (TokenizerEvent) throws -> Void
    ) async throws where Chunks.Element == [UInt8] {
        for try await chunk in chunks {
            append(chunk)
            try drain(body)
        }
        finish()
        try drain(body)
    }

    private func drain(_ body: (TokenizerEvent) throws -> Void) throws {
        _ = try readAvailable(segment: { try body(.segment($0)) }, issue: { try body(.issue($0)) })
    }
}
