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
            var destination = start + count
            if quoted { destination += 1 }
            // Copied first (into reserved room, not yet counted), kept only when nothing needs an escape.
            guard Self.copyUnlessEscaped(base, count: length, to: destination) else { return false }
            if quoted {
                destination[-1] = UInt8(ascii: "\"")
                destination[length] = UInt8(ascii: "\"")
            }
            count += quoted ? length + 2 : length
            return true
        }
        if let written { return written }
        // Not contiguous UTF-8 (a bridged string): a native copy is.
        var native = text
        native.makeContiguousUTF8()
        return appendUnescaped(native, quoted: quoted)
    }

    /// Copies `count` bytes and tells whether none of them is `"`, `\` or a control character, eight
    /// bytes at a time without a `memcpy` call (most values are a few bytes): a string of 8 or more
    /// as 8-byte words, the last one overlapping the one before; 4 to 7 bytes as two overlapping
    /// 4-byte words; 1 to 3 one by one. Never reads or writes outside the `count` bytes.
    @inline(__always) private static func copyUnlessEscaped(_ base: UnsafePointer<UInt8>, count: Int,
                                                             to destination: UnsafeMutablePointer<UInt8>) -> Bool {
        let source = UnsafeRawPointer(base), target = UnsafeMutableRawPointer(destination)
        var found: UInt64 = 0
        if count >= 8 {
            var offset = 0
            while true {
                let word = source.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                target.storeBytes(of: word, toByteOffset: offset, as: UInt64.self)
                found |= escapeBits(word)
                if offset + 8 == count { break }
                offset = min(offset + 8, count - 8)
            }
        } else if count >= 4 {
            let first = source.loadUnaligned(as: UInt32.self)
            let last = source.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)
            target.storeBytes(of: first, as: UInt32.self)
            target.storeBytes(of: last, toByteOffset: count - 4, as: UInt32.self)
            found = escapeBits(UInt64(first) | UInt64(last) << 32)
        } else if count > 0 {
            // The three positions cover 1 to 3 bytes; the other five lanes are a plain letter.
            let first = base[0], middle = base[count / 2], last = base[count - 1]
            destination[0] = first
            destination[count / 2] = middle
            destination[count - 1] = last
            found = escapeBits(0x6161_6161_6100_0000 | UInt64(first) | UInt64(middle) << 8 | UInt64(last) << 16)
        }
        return found == 0
    }

    /// The high bit of each byte of `word` that is below 0x20, `"` (0x22) or `\` (0x5C), and possibly
    /// of bytes after it (borrows): zero exactly when no byte needs an escape.
    @inline(__always) private static func escapeBits(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let quote = word ^ (ones &* 0x22), backslash = word ^ (ones &* 0x5C)
        return ((word &- ones &* 0x20) | (quote &- ones) | (backslash &- ones)) & ~word & highs
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
