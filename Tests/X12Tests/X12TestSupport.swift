import Foundation
import EDICore
import TestSupport
@testable import X12

/// Reading fixtures into transactions (ST…SE segment lists) and writing typed models back into an
/// interchange to read them again.
enum X12TestSupport {
    static let samples = Fixtures.repositoryRoot.appendingPathComponent("Samples")
    static let fixtures = Fixtures.directory

    /// Every segment of a file, in order.
    static func segments(ofFile url: URL) throws -> [OwnedSegment] {
        try segments(Array(Data(contentsOf: url)))
    }

    static func segments(_ bytes: [UInt8]) throws -> [OwnedSegment] {
        let reader = EDIStreamReader(source: MemoryByteSource(bytes))
        var result: [OwnedSegment] = []
        try reader.forEach { event in
            if case .segment(let segment) = event { result.append(segment.copy()) }
        }
        return result
    }

    /// The transactions of a file (ST to SE), optionally only of one transaction set.
    static func transactions(_ relativePath: String, set: String? = nil) throws -> [[OwnedSegment]] {
        let url = relativePath.hasPrefix("Samples/")
            ? Fixtures.repositoryRoot.appendingPathComponent(relativePath)
            : Fixtures.directory.appendingPathComponent(relativePath)
        return transactions(in: try segments(ofFile: url), set: set)
    }

    static func transactions(in segments: [OwnedSegment], set: String? = nil) -> [[OwnedSegment]] {
        var result: [[OwnedSegment]] = []
        var open: [OwnedSegment]?
        for segment in segments {
            if segment.tag == "ST" { open = [] }
            open?.append(segment)
            if segment.tag == "SE", let transaction = open {
                if set == nil || transaction.first?[1] == set { result.append(transaction) }
                open = nil
            }
        }
        return result
    }

    /// The segments as values, trailing empty elements dropped (what a model writes back).
    static func values(_ segments: [OwnedSegment]) -> [OutgoingSegment] {
        segments.map { segment in segment.withSegment { OutgoingSegment($0) }.trimmed }
    }

    /// Writes transaction segments into a 00501 interchange (`*`, `>`, `^`, `~`) and reads the
    /// transactions back.
    static func reread(_ transaction: [OutgoingSegment]) throws -> [OwnedSegment] {
        var writer = SegmentWriter(syntax: .x12, delimiters: .x12Common, lineStyle: .lf)
        try writer.write(OutgoingSegment("ISA", ["00", "          ", "00", "          ", "ZZ", "SENDER         ",
                                                 "ZZ", "RECEIVER       ", "261129", "0800", "^", "00501", "000000001",
                                                 "0", "T", ">"]))
        try writer.write(OutgoingSegment("GS", ["XX", "SENDER", "RECEIVER", "20261129", "0800", "1", "X", "005010"]))
        for segment in transaction { try writer.write(segment) }
        try writer.write(OutgoingSegment("GE", ["1", "1"]))
        try writer.write(OutgoingSegment("IEA", ["1", "000000001"]))
        return transactions(in: try segments(writer.output)).first ?? []
    }
}
