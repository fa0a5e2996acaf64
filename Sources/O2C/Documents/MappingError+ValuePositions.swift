import EDICore

extension MappingError {
    /// The findings of a transaction or message with each element or component position pointing
    /// at the value itself, as a validation finding's does (`QTY+21:12X`: column and byte offset of
    /// `12X`; `BEG*00*SA*4500012400**20261131`: of `20261131`; or where a missing value would
    /// start), instead of at the start of its segment. X12 and EDIFACT alike.
    ///
    /// The typed models keep only each segment's start, so this is done once, when the findings
    /// are thrown, from the transaction's segments (`ST` to `SE`, `UNH` to `UNT`).
    func pointingAtValues(in segments: [OwnedSegment]) -> MappingError {
        var error = self
        for index in error.findings.indices {
            guard let position = error.findings[index].position, let element = position.element,
                  let segment = Self.segment(at: position, in: segments) else { continue }
            let offset = segment.withSegment { segment in
                let value = segment.element(element)
                return position.component.map { value.component($0).offsetInSegment } ?? value.offsetInSegment
            }
            error.findings[index].position?.byteOffset += offset
            error.findings[index].position?.column += offset
        }
        return error
    }

    /// The segment a position names: by its index in the message, checked against its byte offset.
    private static func segment(at position: EDIPosition, in segments: [OwnedSegment]) -> OwnedSegment? {
        let index = position.segmentIndexInTransaction - 1
        if segments.indices.contains(index), segments[index].withSegment({ $0.byteOffset }) == position.byteOffset {
            return segments[index]
        }
        return segments.first { $0.withSegment { $0.byteOffset } == position.byteOffset }
    }
}
