public import EDICore

extension OutgoingSegment {
    /// The value of a simple element (1-based), nil when absent or empty; setting nil or an
    /// empty string empties it, and setting past the end pads with empty elements.
    public subscript(element position: Int) -> String? {
        get {
            guard position >= 1, position <= elements.count, let value = elements[position - 1].first?.first,
                  !value.isEmpty else { return nil }
            return value
        }
        set {
            guard position >= 1 else { return }
            if position > elements.count {
                guard let newValue, !newValue.isEmpty else { return }
                elements.append(contentsOf: Array(repeating: [[""]], count: position - elements.count))
            }
            elements[position - 1] = [[newValue ?? ""]]
        }
    }

    /// The components of a composite element's first repetition (empty when absent).
    public func components(ofElement position: Int) -> [String] {
        guard position >= 1, position <= elements.count else { return [] }
        return elements[position - 1].first ?? []
    }

    /// Sets a composite element's components (trailing empty components dropped).
    public mutating func setComponents(_ components: [String], ofElement position: Int) {
        var trimmed = components
        while trimmed.last?.isEmpty == true { trimmed.removeLast() }
        if position > elements.count {
            guard !trimmed.isEmpty else { return }
            elements.append(contentsOf: Array(repeating: [[""]], count: position - elements.count))
        }
        elements[position - 1] = [trimmed.isEmpty ? [""] : trimmed]
    }

    /// The same segment without empty elements at its end, as generators write it.
    public var trimmed: OutgoingSegment {
        var copy = self
        while let last = copy.elements.last, last.allSatisfy({ $0.allSatisfy(\.isEmpty) }) { copy.elements.removeLast() }
        return copy
    }

    /// The segment read from an owned copy, values unescaped and decoded as UTF-8 (ISO 8859-1
    /// where not valid UTF-8). Simple ASCII elements, nearly all of them, take a short path.
    init(owned segment: OwnedSegment) {
        self = segment.withSegment { view in
            let component = view.delimiters.component
            let repetition = view.delimiters.repetition
            var elements: [[[String]]] = []
            elements.reserveCapacity(view.elementCount)
            for position in stride(from: 1, through: view.elementCount, by: 1) {
                let element = view.element(position)
                var isPlain = !view.hasReleaseCharacters
                if isPlain {
                    for byte in element.bytes where byte >= 0x80 || byte == component || byte == repetition {
                        isPlain = false
                        break
                    }
                }
                if isPlain {
                    elements.append([[String(decoding: element.bytes, as: UTF8.self)]])
                } else {
                    elements.append(element.repetitions.map { repetition in
                        repetition.split(on: component).map { $0.decoded(.utf8) }
                    })
                }
            }
            return OutgoingSegment(view.tag.description, elements: elements)
        }
    }

    /// An empty segment with a tag.
    init(tag: String) {
        self.init(tag, [String]())
    }
}
