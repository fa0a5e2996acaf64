/// A segment to write: a tag and its elements, each a list of repetitions, each a list of components.
///
/// `OutgoingSegment("BEG", ["00", "SA", "PO-1", "", "20261129"])` builds simple elements;
/// composites and repetitions use the full form `elements: [[["A", "B"]]]`.
///
/// A segment made from one that was read with `keepsBytes` also keeps the bytes of values that
/// its `String`s cannot give back (ISO 8859 bytes decoded as UTF-8, say), so writing it with the
/// encoding it was decoded with gives the original bytes. Two segments are equal when their
/// tags and `elements` are.
public struct OutgoingSegment: Sendable, Hashable {
    /// The segment tag.
    public var tag: String
    /// Elements → repetitions → components, as plain (unescaped) values. Setting them drops
    /// ``rawValues``.
    public var elements: [[[String]]] {
        didSet { rawValues = nil }
    }
    /// The unescaped bytes of every value as read, shaped like ``elements``; kept only when
    /// some value's bytes do not survive decoding and encoding with ``rawEncoding``.
    public private(set) var rawValues: [[[[UInt8]]]]?
    /// The encoding ``elements`` were decoded with; ``rawValues`` are written as they are only
    /// by a writer with this encoding.
    public private(set) var rawEncoding: CharacterEncoding?

    /// A segment of simple elements.
    public init(_ tag: String, _ simpleElements: [String]) {
        self.tag = tag
        elements = simpleElements.map { [[$0]] }
    }

    /// A segment with composites and repetitions.
    public init(_ tag: String, elements: [[[String]]]) {
        self.tag = tag
        self.elements = elements
    }

    /// The values of a segment that was read, unescaped and decoded with `encoding`: writing them
    /// with the same delimiters and encoding gives the segment's bytes back where they are valid
    /// in that encoding (bytes that are not UTF-8 come back as the UTF-8 of their ISO 8859-1
    /// reading). Values for typed models and for writing in another encoding.
    public init(_ segment: Segment, encoding: CharacterEncoding = .utf8) {
        self.init(segment, encoding: encoding, keepsBytes: false)
    }

    /// The values of a segment that was read; with `keepsBytes`, also the bytes of any value its
    /// `String` cannot carry, so a writer with the same delimiters and `encoding` gives the
    /// segment's bytes back whatever they are (a segment passed through unchanged).
    public init(_ segment: Segment, encoding: CharacterEncoding = .utf8, keepsBytes: Bool) {
        tag = segment.tag.description
        var elements: [[[String]]] = []
        var raw: [[[[UInt8]]]] = []
        var isLossy = false
        elements.reserveCapacity(segment.elementCount)
        raw.reserveCapacity(segment.elementCount)
        let isHeader = segment.tag == "ISA"
        for position in 1...max(segment.elementCount, 1) where position <= segment.elementCount {
            let element = segment.element(position)
            let parts = isHeader ? [[element]] : element.repetitions.map { $0.split(on: segment.delimiters.component) }
            var values: [[String]] = []
            var bytes: [[[UInt8]]] = []
            for repetition in parts {
                var components: [String] = []
                var componentBytes: [[UInt8]] = []
                for component in repetition {
                    let unescaped = isHeader ? Array(component.bytes) : component.unescaped
                    let text = unescaped.withUnsafeBytes { encoding.decode($0) }
                    if !isLossy, !encoding.givesBack(unescaped, from: text) { isLossy = true }
                    components.append(text)
                    componentBytes.append(unescaped)
                }
                values.append(components)
                bytes.append(componentBytes)
            }
            elements.append(values)
            raw.append(bytes)
        }
        self.elements = elements
        if keepsBytes, isLossy {
            rawValues = raw
            rawEncoding = encoding
        }
    }

    public static func == (lhs: OutgoingSegment, rhs: OutgoingSegment) -> Bool {
        lhs.tag == rhs.tag && lhs.elements == rhs.elements
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(tag)
        hasher.combine(elements)
    }

    /// The bytes of every value for a writer with `encoding`: the bytes as read when they were
    /// kept for that encoding, the encoded strings otherwise.
    func valueBytes(for encoding: CharacterEncoding) -> [[[[UInt8]]]] {
        if let rawValues, rawEncoding == encoding { return rawValues }
        return elements.map { $0.map { $0.map { encoding.encode($0) } } }
    }
}

/// A value the writer cannot put into a segment without corrupting it.
public struct WriterError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The segment tag.
    public var tag: String
    /// The element position (1-based).
    public var element: Int
    /// What is wrong.
    public var message: String

    public var description: String { "segment \(tag), element \(element): \(message)" }
}

/// How segments are separated on disk.
public enum LineStyle: String, Sendable, Hashable, Codable {
    /// Terminator only: one long line.
    case none
    /// Terminator then LF.
    case lf
    /// Terminator then CR LF.
    case crlf

    var bytes: [UInt8] {
        switch self {
        case .none: []
        case .lf: [0x0A]
        case .crlf: [0x0D, 0x0A]
        }
    }
}

/// Writes segments as bytes with a delimiter set — the reader's counterpart. EDIFACT values are
/// escaped with the release character; an X12 value holding a delimiter is an error, never
/// silent corruption.
public struct SegmentWriter: Sendable {
    /// The syntax written.
    public let syntax: EDISyntax
    /// The delimiters written.
    public let delimiters: Delimiters
    /// What follows each terminator.
    public var lineStyle: LineStyle
    /// Drops empty elements (and components) at the end of a segment, as generators must.
    public var trimsTrailingEmptyElements: Bool
    /// How values become bytes (UTF-8 unless the interchange's character set says otherwise).
    public var characterEncoding: CharacterEncoding
    /// The bytes written so far.
    public private(set) var output: [UInt8] = []
    /// Segments written so far.
    public private(set) var segmentCount = 0

    /// Creates a writer.
    public init(syntax: EDISyntax, delimiters: Delimiters, lineStyle: LineStyle = .none, trimsTrailingEmptyElements: Bool = false,
                characterEncoding: CharacterEncoding = .utf8) {
        self.syntax = syntax
        self.delimiters = delimiters
        self.lineStyle = lineStyle
        self.trimsTrailingEmptyElements = trimsTrailingEmptyElements
        self.characterEncoding = characterEncoding
    }

    /// Writes the EDIFACT `UNA` service string advice for the delimiters.
    public mutating func writeServiceStringAdvice() {
        output.append(contentsOf: Array("UNA".utf8))
        output.append(delimiters.component)
        output.append(delimiters.element)
        output.append(delimiters.decimalMark)
        output.append(delimiters.release ?? 0x20)
        output.append(delimiters.repetition ?? 0x20)
        output.append(delimiters.segment)
        output.append(contentsOf: lineStyle.bytes)
    }

    /// Whether the delimiters differ from the EDIFACT defaults, so `UNA` must be written.
    public var needsServiceStringAdvice: Bool {
        var defaults = Delimiters.edifactDefault
        defaults.repetition = delimiters.repetition
        return delimiters != defaults
    }

    /// Writes one segment; on error nothing of it is written.
    public mutating func write(_ segment: OutgoingSegment) throws(WriterError) {
        let start = output.count
        do {
            try append(segment)
        } catch {
            output.removeSubrange(start...)
            throw error
        }
        segmentCount += 1
    }

    private mutating func append(_ segment: OutgoingSegment) throws(WriterError) {
        var elements = segment.valueBytes(for: characterEncoding)
        if trimsTrailingEmptyElements {
            elements = elements.map { repetitions in
                repetitions.map { components in
                    var trimmed = components
                    while trimmed.count > 1, trimmed.last?.isEmpty == true { trimmed.removeLast() }
                    return trimmed
                }
            }
            while let last = elements.last, last.allSatisfy({ $0.allSatisfy(\.isEmpty) }) { elements.removeLast() }
        }
        let rawHeader = syntax == .x12 && segment.tag == "ISA"
        output.append(contentsOf: Array(segment.tag.utf8))
        for (index, repetitions) in elements.enumerated() {
            output.append(delimiters.element)
            for (r, components) in repetitions.enumerated() {
                if r > 0 {
                    guard let repetition = delimiters.repetition else {
                        throw WriterError(tag: segment.tag, element: index + 1,
                                          message: "the element repeats but the interchange has no repetition separator")
                    }
                    output.append(repetition)
                }
                for (c, value) in components.enumerated() {
                    if c > 0 { output.append(delimiters.component) }
                    if rawHeader {
                        output.append(contentsOf: value)
                    } else {
                        try append(value, tag: segment.tag, element: index + 1)
                    }
                }
            }
        }
        output.append(delimiters.segment)
        output.append(contentsOf: lineStyle.bytes)
    }

    private mutating func append(_ bytes: [UInt8], tag: String, element: Int) throws(WriterError) {
        for byte in bytes {
            if delimiters.isDelimiter(byte) {
                if let release = delimiters.release {
                    output.append(release)
                } else {
                    let value = bytes.withUnsafeBytes { characterEncoding.decode($0) }
                    throw WriterError(tag: tag, element: element,
                                      message: "the value \"\(value)\" holds the delimiter \(Delimiters.printableName(byte)), which X12 cannot escape")
                }
            }
            output.append(byte)
        }
    }

    /// Takes the bytes written so far, leaving the writer empty (counts are kept).
    public mutating func takeOutput() -> [UInt8] {
        defer { output.removeAll(keepingCapacity: true) }
        return output
    }
}
