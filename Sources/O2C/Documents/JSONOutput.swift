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

    /// Appends a string's UTF-8 when none of its bytes needs a JSON escape (`"`, `\`, controls)
    /// and returns true; appends nothing and returns false otherwise.
    mutating func appendUnescaped(_ text: String) -> Bool {
        var text = text
        let length = text.utf8.count
        reserve(length)
        let destination = start + count
        let plain = text.withUTF8 { source -> Bool in
            guard let base = source.baseAddress else { return true }
            for byte in source where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return false }
            destination.update(from: base, count: source.count)
            return true
        }
        if plain { count += length }
        return plain
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
