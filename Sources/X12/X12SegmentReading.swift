import EDICore
public import Foundation

/// Several values of one segment read in one pass: the segment is opened once and each value
/// decoded as ``X12Segment/subscript(element:)`` decodes it; codes and numbers can be read
/// straight from the element's bytes, without a `String` in between. Valid only inside the call
/// that gives it (``X12BaselineItem/reading(_:)``): a segment as read is seen through a view of
/// its bytes.
public struct X12SegmentReading {
    private let view: EDICore.Segment?
    private let built: OutgoingSegment?

    fileprivate init(view: EDICore.Segment?, built: OutgoingSegment?) {
        self.view = view
        self.built = built
    }

    /// The value of a simple element (1-based), nil when absent or empty.
    public subscript(element position: Int) -> String? {
        if let view { return X12Segment.value(in: view, position) }
        return built?[element: position]
    }

    /// The number of elements.
    public var elementCount: Int { view?.elementCount ?? built?.elements.count ?? 0 }

    /// An element's bytes when they are its value as they stand (a segment as read, plain ASCII):
    /// a code can be looked up without making a `String`. Valid only during the reading; nil when
    /// the element is absent or empty, or when its value must be decoded (read it with the subscript).
    public func asciiBytes(ofElement position: Int) -> UnsafeRawBufferPointer? {
        guard let view else { return nil }
        let element = view.element(position)
        guard !element.isEmpty, !view.hasReleaseCharacters, !element.bytes.contains(where: { $0 >= 0x80 }) else { return nil }
        return element.bytes
    }

    /// Calls `body` with the UTF-8 bytes of a simple element's value (what the subscript decodes,
    /// the segment's own bytes when they are plain ASCII); nil when the element is absent or empty.
    func withUTF8<Result>(ofElement position: Int, _ body: (UnsafeRawBufferPointer) -> Result) -> Result? {
        if let bytes = asciiBytes(ofElement: position) { return body(bytes) }
        guard var text = self[element: position] else { return nil }
        return text.withUTF8 { body(UnsafeRawBufferPointer($0)) }
    }

    /// A numeric element read as ``X12Amount/decimal`` reads it (`R`, or `Nn` with
    /// `impliedDecimals`), without keeping its text.
    public func number(_ position: Int, impliedDecimals: Int = 0) -> X12Number {
        withUTF8(ofElement: position) { bytes -> X12Number in
            guard let value = X12Amount.decimal(utf8: bytes, impliedDecimals: impliedDecimals) else {
                return .notANumber(String(decoding: bytes, as: UTF8.self))
            }
            return .number(value)
        } ?? .absent
    }

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

/// A numeric element as read by ``X12SegmentReading/number(_:impliedDecimals:)``.
public enum X12Number: Sendable, Hashable {
    /// The element is absent or empty.
    case absent
    /// The element's value.
    case number(Decimal)
    /// The element's text, which is not an X12 number.
    case notANumber(String)
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
