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

    /// Calls `body` for every event up to the end of input.
    @inlinable
    public func forEach(_ body: (TokenizerEvent) throws -> Void) throws {
        while true {
            let event = try next()
            if case .endOfInput = event { return }
            try body(event)
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
        while true {
            let event = nextEvent()
            switch event {
            case .needMoreInput, .endOfInput: return
            default: try body(event)
            }
        }
    }
}
