import EDICore

/// Several values of one segment read in one pass: the segment is opened once and each value
/// decoded as ``X12Segment/subscript(element:)`` decodes it. Valid only inside
/// ``X12Segment/reading(_:)`` (a segment as read is seen through a view of its bytes).
struct X12SegmentReading {
    private let view: EDICore.Segment?
    private let built: OutgoingSegment?

    fileprivate init(view: EDICore.Segment?, built: OutgoingSegment?) {
        self.view = view
        self.built = built
    }

    /// The value of a simple element (1-based), nil when absent or empty.
    subscript(element position: Int) -> String? {
        if let view { return X12Segment.value(in: view, position) }
        return built?[element: position]
    }

    /// The number of elements.
    var elementCount: Int { view?.elementCount ?? built?.elements.count ?? 0 }

    /// An amount element, positioned at the element of a segment read at `origin`.
    func amount(_ element: Int, impliedDecimals: Int = 0, origin: X12Origin) -> X12Amount? {
        guard let text = self[element: element] else { return nil }
        return X12Amount(text: text, impliedDecimals: impliedDecimals, origin: origin.narrowed(toElement: element))
    }

    /// The non-empty 235/234-style pairs from an element on (`first` and `first + 1`, …).
    func pairs(from first: Int) -> [X12ItemIdentifier] {
        let count = elementCount
        guard count > first else { return [] }
        var result: [X12ItemIdentifier] = []
        result.reserveCapacity((count - first + 1) / 2)
        var position = first
        while position + 1 <= count {
            if let qualifier = self[element: position], let value = self[element: position + 1] {
                result.append(X12ItemIdentifier(qualifier: qualifier, identifier: value))
            }
            position += 2
        }
        return result
    }
}

extension X12Segment {
    /// Reads several values in one pass (see ``X12SegmentReading``).
    @inline(__always)
    func reading<Result>(_ body: (X12SegmentReading) -> Result) -> Result {
        switch storage {
        case .read(let segment): segment.withSegment { body(X12SegmentReading(view: $0, built: nil)) }
        case .built(let segment): body(X12SegmentReading(view: nil, built: segment))
        }
    }
}
