import Foundation

/// Reads the segments of a sample file for the end-to-end tests, independently of EDIKit: X12
/// delimiters from the fixed ISA positions (element separator at byte 3, segment terminator at
/// byte 105), EDIFACT from the UNA (or the defaults `:+.? '`). Enough for the samples, whose
/// interchanges are well formed; not a tokenizer.
enum SegmentReader {
    /// The segments of a file, each as its elements (`["BEG", "00", "SA", "4500012345", "", "20261123"]`).
    static func segments(_ url: URL) throws -> [[String]] {
        let bytes = Array(try Data(contentsOf: url))
        if bytes.starts(with: Array("ISA".utf8)), bytes.count > 105 {
            return split(bytes, element: bytes[3], terminator: bytes[105], release: nil)
        }
        var element = UInt8(ascii: "+"), terminator = UInt8(ascii: "'"), release: UInt8? = UInt8(ascii: "?")
        var body = bytes[...]
        if bytes.starts(with: Array("UNA".utf8)), bytes.count >= 9 {
            element = bytes[4]
            release = bytes[6] == UInt8(ascii: " ") ? nil : bytes[6]
            terminator = bytes[8]
            body = bytes[9...]
        }
        return split(Array(body), element: element, terminator: terminator, release: release)
    }

    /// The first segment with a tag, or nil.
    static func first(_ tag: String, in segments: [[String]]) -> [String]? {
        segments.first { $0.first == tag }
    }

    /// Element `index` (1-based, as in `BEG03`) of a segment, or "" when absent.
    static func element(_ segment: [String]?, _ index: Int) -> String {
        guard let segment, index < segment.count else { return "" }
        return segment[index]
    }

    private static func split(_ bytes: [UInt8], element: UInt8, terminator: UInt8, release: UInt8?) -> [[String]] {
        var result: [[String]] = []
        var elements: [String] = []
        var current: [UInt8] = []
        var escaped = false
        for byte in bytes {
            if escaped {
                current.append(byte)
                escaped = false
            } else if byte == release {
                escaped = true
            } else if byte == element {
                elements.append(String(decoding: current, as: UTF8.self))
                current = []
            } else if byte == terminator {
                elements.append(String(decoding: current, as: UTF8.self))
                result.append(elements)
                elements = []
                current = []
            } else if !(byte == 0x0A || byte == 0x0D) || !current.isEmpty || !elements.isEmpty {
                current.append(byte)
            }
        }
        return result
    }
}
