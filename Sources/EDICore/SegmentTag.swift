/// A segment identifier (`ISA`, `N1`, `UNH`) packed into an integer, so comparing tags costs nothing.
///
/// X12 tags are two or three characters, EDIFACT tags three. Bytes are packed big-endian with
/// the length in the top byte, so `"N1"` and `"N1 "` differ.
public struct SegmentTag: Sendable, Hashable, Comparable, ExpressibleByStringLiteral, CustomStringConvertible, Codable {
    /// The packed bytes: length in bits 24–31, then up to three bytes.
    public let rawValue: UInt32

    /// Packs up to three bytes; longer input is not a valid tag and packs as `invalid`.
    @inlinable
    public init(bytes: UnsafeRawBufferPointer) {
        guard (1...3).contains(bytes.count) else {
            rawValue = 0
            return
        }
        var value = UInt32(bytes.count) << 24
        var shift: UInt32 = 16
        for byte in bytes {
            value |= UInt32(byte) << shift
            shift &-= 8
        }
        rawValue = value
    }

    /// Packs the UTF-8 bytes of a string such as `"BEG"` (without allocating).
    public init(_ text: String) {
        var value: UInt32 = 0
        var count: UInt32 = 0
        for byte in text.utf8 {
            count += 1
            if count > 3 {
                rawValue = 0
                return
            }
            value |= UInt32(byte) << (24 - count * 8)
        }
        rawValue = count == 0 ? 0 : value | count << 24
    }

    /// Packs a literal such as `"BEG"` straight from its UTF-8 bytes.
    @inlinable @inline(__always)
    public init(stringLiteral value: StaticString) {
        let count = value.utf8CodeUnitCount
        guard count >= 1, count <= 3, value.hasPointerRepresentation else {
            self.init(rawValue: 0)
            return
        }
        let start = value.utf8Start
        var packed = UInt32(count) << 24
        var shift: UInt32 = 16
        for index in 0..<count {
            packed |= UInt32(start[index]) << shift
            shift &-= 8
        }
        self.init(rawValue: packed)
    }

    public init(from decoder: any Decoder) throws {
        self.init(try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// The tag of no valid segment.
    public static let invalid = SegmentTag(rawValue: 0)

    @usableFromInline
    init(rawValue: UInt32) {
        self.rawValue = rawValue
    }

    /// How many characters the tag has (0 for `invalid`).
    public var count: Int { Int(rawValue >> 24) }

    /// The tag's bytes.
    public var bytes: [UInt8] {
        (0..<count).map { UInt8(truncatingIfNeeded: rawValue >> (16 - UInt32($0) * 8)) }
    }

    public var description: String {
        let length = count
        return String(unsafeUninitializedCapacity: length) { buffer in
            for index in 0..<length {
                buffer[index] = UInt8(truncatingIfNeeded: rawValue >> (16 - UInt32(index) * 8))
            }
            return length
        }
    }

    public static func < (lhs: SegmentTag, rhs: SegmentTag) -> Bool {
        lhs.description < rhs.description
    }
}
