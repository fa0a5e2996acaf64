/// A view of one element, component or repetition: a byte range into the segment.
///
/// Nothing is copied or decoded until a value is asked for (``string``, ``decoded(_:)``).
public struct ElementView {
    /// The raw bytes, release characters included.
    public let bytes: UnsafeRawBufferPointer
    /// The delimiters in force.
    public let delimiters: Delimiters
    /// Offset of the first byte within the segment.
    public let offsetInSegment: Int
    /// Whether the segment holds release characters (values may need unescaping).
    public let hasRelease: Bool

    @usableFromInline
    init(bytes: UnsafeRawBufferPointer, delimiters: Delimiters, offsetInSegment: Int, hasRelease: Bool) {
        self.bytes = bytes
        self.delimiters = delimiters
        self.offsetInSegment = offsetInSegment
        self.hasRelease = hasRelease
    }

    /// Whether the element is absent or empty.
    @inlinable
    public var isEmpty: Bool { bytes.isEmpty }

    /// The byte count, release characters excluded.
    public var length: Int {
        guard hasRelease, let release = delimiters.release else { return bytes.count }
        var count = 0
        var i = 0
        while i < bytes.count {
            if bytes[i] == release { i += 1 }
            count += 1
            i += 1
        }
        return count
    }

    /// The value with release characters removed, decoded as UTF-8 (ISO 8859-1 where not valid UTF-8).
    public var string: String {
        decoded(.utf8)
    }

    /// The value decoded with the interchange's character encoding.
    public func decoded(_ encoding: CharacterEncoding) -> String {
        guard hasRelease, let release = delimiters.release, bytes.contains(release) else {
            return encoding.decode(bytes)
        }
        return Self.unescaped(bytes, release: release).withUnsafeBytes { encoding.decode($0) }
    }

    /// The value's bytes with release characters removed.
    public var unescaped: [UInt8] {
        guard hasRelease, let release = delimiters.release else { return Array(bytes) }
        return Self.unescaped(bytes, release: release)
    }

    /// Bytes with release characters removed (each release character drops and the byte after it
    /// is kept as it is; a release character as the last byte is kept).
    public static func unescaped(_ bytes: UnsafeRawBufferPointer, release: UInt8) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == release, i + 1 < bytes.count { i += 1 }
            out.append(bytes[i])
            i += 1
        }
        return out
    }

    /// Whether a byte equals a given ASCII text, e.g. `element.equals("SA")`.
    public func equals(_ text: StaticString) -> Bool {
        guard text.utf8CodeUnitCount == bytes.count else { return false }
        let other = UnsafeRawBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount)
        return bytes.elementsEqual(other)
    }

    /// Splits on a separator (component or repetition), honouring the release character.
    public func split(on separator: UInt8?) -> [ElementView] {
        guard let separator, !bytes.isEmpty else { return [self] }
        var parts: [ElementView] = []
        forEachPart(on: separator) { start, end in
            parts.append(slice(start, end))
            return true
        }
        return parts
    }

    /// Calls `body` with the bounds of each part of the value split on `separator` (a release character
    /// makes the next byte literal), first to last, until it returns false.
    @inline(__always)
    private func forEachPart(on separator: UInt8, _ body: (_ start: Int, _ end: Int) -> Bool) {
        var start = 0
        var i = 0
        let release = hasRelease ? delimiters.release : nil
        while i < bytes.count {
            let byte = bytes[i]
            if byte == release {
                i += 2
                continue
            }
            if byte == separator {
                guard body(start, i) else { return }
                start = i + 1
            }
            i += 1
        }
        _ = body(start, bytes.count)
    }

    /// The part of the value between two byte offsets (clamped to the value).
    public func slice(_ start: Int, _ end: Int) -> ElementView {
        ElementView(bytes: UnsafeRawBufferPointer(rebasing: bytes[start..<min(end, bytes.count)]), delimiters: delimiters,
                    offsetInSegment: offsetInSegment + start, hasRelease: hasRelease)
    }

    /// The repetitions of the element (one when the interchange has no repetition separator).
    public var repetitions: [ElementView] {
        split(on: delimiters.repetition)
    }

    /// The components of the element (one for a simple element); of the first repetition only
    /// when the element repeats.
    public var components: [ElementView] {
        let first = delimiters.repetition.map { sep in bytes.contains(sep) ? repetitions[0] : self } ?? self
        return first.split(on: delimiters.component)
    }

    /// The component at a 1-based position, empty when absent.
    public func component(_ position: Int) -> ElementView {
        // As `components[position - 1]`, without building the arrays.
        let first = delimiters.repetition.map { separator in
            bytes.contains(separator) ? part(1, on: separator) ?? self : self
        } ?? self
        return first.part(position, on: delimiters.component) ?? slice(bytes.count, bytes.count)
    }

    /// Part `position` (1-based) of the value as ``split(on:)`` splits it, found without building the
    /// array of parts; nil when there is no such part.
    func part(_ position: Int, on separator: UInt8?) -> ElementView? {
        guard let separator, !bytes.isEmpty else { return position == 1 ? self : nil }
        var number = 0
        var found: ElementView?
        forEachPart(on: separator) { start, end in
            number += 1
            guard number == position else { return true }
            found = slice(start, end)
            return false
        }
        return found
    }

    /// Whether the element holds a component separator (is a composite with more than one part).
    public var isComposite: Bool {
        components.count > 1
    }
}
