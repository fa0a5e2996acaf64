/// What reading one file found: its interchanges, and the syntax and envelope issues.
public struct FileInspection: Sendable, Codable {
    /// The path read.
    public var path: String
    /// The interchanges in order.
    public var interchanges: [InterchangeSummary] = []
    /// Errors: malformed syntax or broken envelopes.
    public var errors: [SyntaxIssue] = []
    /// Warnings: tolerated deviations.
    public var warnings: [SyntaxIssue] = []
    /// Every segment (tag, position, raw text), when asked for.
    public var segments: [SegmentListing]?
    /// Bytes read.
    public var byteCount: Int = 0
    /// Segments read.
    public var segmentCount: Int = 0

    /// One segment of a listing.
    public struct SegmentListing: Sendable, Codable {
        /// The tag.
        public var tag: String
        /// Where it starts.
        public var position: EDIPosition
        /// The raw bytes as text (escapes kept).
        public var text: String
    }

    /// Reads a file through the tokenizer and the envelope outliner.
    public static func inspect(path: String, listSegments: Bool = false) -> FileInspection {
        var result = FileInspection(path: path)
        if listSegments { result.segments = [] }
        let outliner = EnvelopeOutliner()
        var lastPosition = EDIPosition()
        do {
            let reader = try EDIStreamReader(path: path)
            try reader.forEach { event in
                switch event {
                case .segment(let segment):
                    result.segmentCount += 1
                    lastPosition = segment.position
                    result.add(outliner.consume(segment))
                    if listSegments {
                        result.segments!.append(SegmentListing(tag: segment.tag.description, position: segment.position,
                                                               text: segment.rawText))
                    }
                case .issue(let issue):
                    result.add([issue])
                    if issue.abandonsInterchange { outliner.abandon(at: issue.position) }
                case .needMoreInput, .endOfInput:
                    break
                }
            }
            result.byteCount = reader.tokenizer.consumedByteCount
            var end = lastPosition
            end.element = nil
            result.add(outliner.finish(at: end))
        } catch {
            result.errors.append(SyntaxIssue(.error, .unsupportedEncoding, "\(error)", at: EDIPosition()))
        }
        result.interchanges = outliner.interchanges
        if result.interchanges.isEmpty, result.errors.isEmpty {
            result.errors.append(SyntaxIssue(.error, .noInterchangeHeader, "the file holds no interchange", at: EDIPosition()))
        }
        return result
    }

    mutating func add(_ issues: [SyntaxIssue]) {
        for issue in issues {
            if issue.severity == .error { errors.append(issue) } else { warnings.append(issue) }
        }
    }
}
