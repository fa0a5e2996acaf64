/// The bytes a ``DocumentJSONWriter`` writes, in one allocation that grows by doubling: an append
/// is a capacity check and a copy, without `Array`'s uniqueness checks and generic paths (they were
/// most of the writer's time). Not copyable, so the buffer has one owner and is freed once.
struct JSONOutput: ~Copyable {
    private var start: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// The number of bytes written.
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        start = .allocate(capacity: self.capacity)
    }

    deinit { start.deallocate() }

    /// A copy of the bytes written.
    var bytes: [UInt8] { Array(UnsafeBufferPointer(start: start, count: count)) }

    /// Calls `body` with the bytes written in `range`.
    func withBytes<Result>(in range: Range<Int>, _ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "range outside the bytes written")
        return try body(UnsafeRawBufferPointer(start: start + range.lowerBound, count: range.count))
    }

    /// Forgets the bytes written, keeping the memory.
    mutating func removeAll() { count = 0 }

    /// Makes room for `extra` more bytes.
    @inline(__always) mutating func reserve(_ extra: Int) {
        if count + extra > capacity { grow(to: count + extra) }
    }

    private mutating func grow(to minimum: Int) {
        var newCapacity = capacity * 2
        while newCapacity < minimum { newCapacity *= 2 }
        let newStart = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newStart.update(from: start, count: count)
        start.deallocate()
        start = newStart
        capacity = newCapacity
    }

    @inline(__always) mutating func append(_ byte: UInt8) {
        reserve(1)
        start[count] = byte
        count += 1
    }

    mutating func append(_ first: UInt8, _ second: UInt8) {
        reserve(2)
        start[count] = first
        start[count + 1] = second
        count += 2
    }

    mutating func append(repeating byte: UInt8, count repeats: Int) {
        guard repeats > 0 else { return }
        reserve(repeats)
        (start + count).update(repeating: byte, count: repeats)
        count += repeats
    }

    mutating func append(contentsOf buffer: UnsafeBufferPointer<UInt8>) {
        guard let source = buffer.baseAddress, !buffer.isEmpty else { return }
        reserve(buffer.count)
        (start + count).update(from: source, count: buffer.count)
        count += buffer.count
    }

    /// Appends a static text (a key, `true`, `null`).
    mutating func append(_ text: StaticString) {
        let length = text.withUTF8Buffer { $0.count }
        reserve(length)
        let destination = start + count
        text.withUTF8Buffer { source in
            if let base = source.baseAddress { destination.update(from: base, count: source.count) }
        }
        count += length
    }

    /// Appends `"name":` (or `"name" : ` when `pretty`) for a key that needs no escape.
    @inline(__always) mutating func appendKey(_ name: StaticString, pretty: Bool) {
        let length = name.utf8CodeUnitCount
        reserve(length + 5)
        var position = start + count
        position[0] = UInt8(ascii: "\"")
        name.withUTF8Buffer { source in
            if let base = source.baseAddress { (position + 1).update(from: base, count: length) }
        }
        position += length + 1
        if pretty {
            position[0] = UInt8(ascii: "\""); position[1] = UInt8(ascii: " ")
            position[2] = UInt8(ascii: ":"); position[3] = UInt8(ascii: " ")
            count += length + 5
        } else {
            position[0] = UInt8(ascii: "\""); position[1] = UInt8(ascii: ":")
            count += length + 3
        }
    }

    /// Appends a string's UTF-8 when none of its bytes needs a JSON escape (`"`, `\`, controls)
    /// and returns true; appends nothing and returns false otherwise. With `quoted`, the string is
    /// written between quotes.
    mutating func appendUnescaped(_ text: String, quoted: Bool = false) -> Bool {
        let written = text.utf8.withContiguousStorageIfAvailable { source -> Bool in
            let length = source.count
            reserve(length + 2)
            guard let base = source.baseAddress else {
                if quoted { append(UInt8(ascii: "\""), UInt8(ascii: "\"")) }
                return true
            }
            guard Self.needsNoEscape(base, count: length) else { return false }
            var destination = start + count
            if quoted {
                destination[0] = UInt8(ascii: "\"")
                destination += 1
            }
            destination.update(from: base, count: length)
            if quoted { destination[length] = UInt8(ascii: "\"") }
            count += quoted ? length + 2 : length
            return true
        }
        if let written { return written }
        // Not contiguous UTF-8 (a bridged string): a native copy is.
        var native = text
        native.makeContiguousUTF8()
        return appendUnescaped(native, quoted: quoted)
    }

    /// Whether none of the bytes is `"`, `\` or a control character: eight bytes at a time (a byte
    /// below 0x20, or equal to 0x22 or 0x5C, sets its high bit in one of the three tests), then one
    /// by one.
    @inline(__always) private static func needsNoEscape(_ base: UnsafePointer<UInt8>, count: Int) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let raw = UnsafeRawPointer(base)
        var offset = 0
        while offset + 8 <= count {
            let word = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            let quote = word ^ (ones &* 0x22), backslash = word ^ (ones &* 0x5C)
            let found = (word &- ones &* 0x20) | (quote &- ones) | (backslash &- ones)
            if found & ~word & highs != 0 { return false }
            offset += 8
        }
        while offset < count {
            let byte = base[offset]
            if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return false }
            offset += 1
        }
        return true
    }

    /// Appends an integer's decimal digits (with `-` when negative).
    mutating func appendInteger(_ value: Int) {
        if value < 0 { append(UInt8(ascii: "-")) }
        let magnitude = value.magnitude
        var digits = 1
        var rest = magnitude / 10
        while rest > 0 {
            digits += 1
            rest /= 10
        }
        appendDigits(of: UInt64(magnitude), digits: digits, fraction: 0)
    }

    /// Writes the `digits` decimal digits of `value`, with a point before the last `fraction`
    /// digits (none when `fraction` is 0).
    mutating func appendDigits(of value: UInt64, digits: Int, fraction: Int) {
        let length = digits + (fraction > 0 ? 1 : 0)
        reserve(length)
        var position = count + length
        var remaining = value
        for written in 0..<digits {
            if fraction > 0, written == fraction {
                position -= 1
                start[position] = UInt8(ascii: ".")
            }
            position -= 1
            start[position] = UInt8(ascii: "0") + UInt8(remaining % 10)
            remaining /= 10
        }
        count += length
    }
}
