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

    /// Forgets the bytes written after the first `kept`, keeping the memory.
    mutating func removeLast(after kept: Int) { count = max(0, min(kept, count)) }

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

    @inline(__always) mutating func append(_ first: UInt8, _ second: UInt8) {
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

    /// Appends `length` bytes from `source`.
    @inline(__always) mutating func append(_ source: UnsafePointer<UInt8>, count length: Int) {
        reserve(length)
        (start + count).update(from: source, count: length)
        count += length
    }

    /// Appends `length` bytes from `source` without a `memcpy` call (a value of a few bytes): 8 or
    /// more as 8-byte words, the last one overlapping the one before; 4 to 7 as two overlapping
    /// 4-byte words; 1 to 3 one by one. Never reads outside the `length` bytes.
    @inline(__always) mutating func appendShort(_ source: UnsafeRawPointer, count length: Int) {
        reserve(length)
        let target = UnsafeMutableRawPointer(start + count)
        if length >= 8 {
            var offset = 0
            while true {
                target.storeBytes(of: source.loadUnaligned(fromByteOffset: offset, as: UInt64.self), toByteOffset: offset, as: UInt64.self)
                if offset + 8 == length { break }
                offset = min(offset + 8, length - 8)
            }
        } else if length >= 4 {
            target.storeBytes(of: source.loadUnaligned(as: UInt32.self), as: UInt32.self)
            target.storeBytes(of: source.loadUnaligned(fromByteOffset: length - 4, as: UInt32.self), toByteOffset: length - 4, as: UInt32.self)
        } else {
            for offset in 0..<length {
                target.storeBytes(of: source.load(fromByteOffset: offset, as: UInt8.self), toByteOffset: offset, as: UInt8.self)
            }
        }
        count += length
    }

    /// Appends a static text (a key with its punctuation, `true`, an enum's quoted value).
    @inline(__always) mutating func append(_ text: StaticString) {
        append(text.utf8Start, count: text.utf8CodeUnitCount)
    }

    /// Ends a compact object or array begun at `position`, where its first item's comma is (see
    /// ``DocumentJSONWriter``): that comma becomes `open`, or `open` is written when it has no item.
    @inline(__always) mutating func closeCompact(from position: Int, open: UInt8, close: UInt8) {
        reserve(2)
        if count == position {
            start[count] = open
            count += 1
        } else {
            start[position] = open
        }
        start[count] = close
        count += 1
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

    /// Appends bytes between quotes when each is printable ASCII (0x20–0x7E) other than `"` and `\`,
    /// and returns true; appends nothing and returns false otherwise (the plain values of the direct
    /// JSON writers, ``DocumentJSONWriter/plainString(_:)``).
    mutating func appendQuotedPlain(_ bytes: UnsafeRawBufferPointer) -> Bool {
        let length = bytes.count
        reserve(length + 2)
        let destination = start + count + 1
        if let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) {
            // Copied first (into reserved room, not yet counted), kept only when plain.
            guard Self.copyUnlessEscaped(base, count: length, to: destination, asciiOnly: true) else { return false }
        }
        destination[-1] = UInt8(ascii: "\"")
        destination[length] = UInt8(ascii: "\"")
        count += length + 2
        return true
    }

    /// Appends a small string (at most 15 UTF-8 bytes, kept inside the `String` value itself) between
    /// quotes when none of its bytes needs a JSON escape, and returns true; appends nothing and
    /// returns false for a longer string or one that needs an escape. Reads the string's two words:
    /// only when ``smallStringLayoutIsKnown``.
    @inline(__always) mutating func appendSmallUnescaped(_ text: String) -> Bool {
        let (low, high) = unsafeBitCast(text, to: (UInt64, UInt64).self)
        guard high & Self.smallFlag != 0 else { return false }
        let length = Int(truncatingIfNeeded: (high >> 56) & 0x0F)
        // The lanes past the string (and the count byte) are checked as a plain letter.
        let letters: UInt64 = 0x6161_6161_6161_6161
        let lowMask: UInt64 = length >= 8 ? ~0 : (1 &<< (8 &* UInt64(length))) &- 1
        let highMask: UInt64 = length <= 8 ? 0 : (1 &<< (8 &* UInt64(length &- 8))) &- 1
        let found = Self.escapeBits(low & lowMask | letters & ~lowMask) | Self.escapeBits(high & highMask | letters & ~highMask)
        guard found == 0 else { return false }
        // Both words are stored whole (room for 18 bytes), then the closing quote over the first byte past the string.
        reserve(18)
        let destination = UnsafeMutableRawPointer(start + count)
        destination.storeBytes(of: UInt8(ascii: "\""), as: UInt8.self)
        destination.storeBytes(of: low, toByteOffset: 1, as: UInt64.self)
        destination.storeBytes(of: high, toByteOffset: 9, as: UInt64.self)
        destination.storeBytes(of: UInt8(ascii: "\""), toByteOffset: length + 1, as: UInt8.self)
        count += length + 2
        return true
    }

    /// The bit of a `String`'s second word that marks a small string (Swift's string ABI: a small
    /// string keeps up to 15 UTF-8 bytes in its two words, little-endian, the count in bits 56–59).
    private static let smallFlag: UInt64 = 1 << 61

    /// Whether ``appendSmallUnescaped(_:)`` reads this platform's strings correctly: checked once on
    /// strings made at run time (small ones of every length, non-ASCII, and longer ones that must not
    /// look small), so a different layout only costs speed, never wrong bytes.
    static let smallStringLayoutIsKnown: Bool = {
        guard MemoryLayout<String>.size == 16, UInt64(1).littleEndian == 1 else { return false }
        let letters = Array("abcdefghijklmnopqrstuvwxyz0123456789".utf8)
        var samples = (0...15).map { String(decoding: letters.prefix($0), as: UTF8.self) }
        samples += ["é", "a\"b", "ü€😀", "\u{1}\u{7f}"]
        for sample in samples {
            let (low, high) = unsafeBitCast(sample, to: (UInt64, UInt64).self)
            let length = Int((high >> 56) & 0x0F)
            guard high & smallFlag != 0, length == sample.utf8.count else { return false }
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 < 8 ? low >> (8 * $0) : high >> (8 * ($0 - 8))) }
            guard bytes.elementsEqual(sample.utf8) else { return false }
        }
        for length in [16, 17, 40, 200] {
            let large = String(decoding: (0..<length).map { letters[$0 % letters.count] }, as: UTF8.self)
            let (_, high) = unsafeBitCast(large, to: (UInt64, UInt64).self)
            guard high & smallFlag == 0 else { return false }
        }
        return unsafeBitCast("a string literal of more than 15 bytes", to: (UInt64, UInt64).self).1 & smallFlag == 0
    }()

    /// Copies `count` bytes and tells whether none of them is `"`, `\` or a control character, eight
    /// bytes at a time without a `memcpy` call (most values are a few bytes): a string of 8 or more
    /// as 8-byte words, the last one overlapping the one before; 4 to 7 bytes as two overlapping
    /// 4-byte words; 1 to 3 one by one. Never reads or writes outside the `count` bytes. With
    /// `asciiOnly`, 0x7F and bytes above count as needing an escape too (``nonASCIIBits(_:)``).
    @inline(__always) private static func copyUnlessEscaped(_ base: UnsafePointer<UInt8>, count: Int,
                                                             to destination: UnsafeMutablePointer<UInt8>,
                                                             asciiOnly: Bool = false) -> Bool {
        let source = UnsafeRawPointer(base), target = UnsafeMutableRawPointer(destination)
        var found: UInt64 = 0
        if count >= 8 {
            var offset = 0
            while true {
                let word = source.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                target.storeBytes(of: word, toByteOffset: offset, as: UInt64.self)
                found |= escapeBits(word) | (asciiOnly ? nonASCIIBits(word) : 0)
                if offset + 8 == count { break }
                offset = min(offset + 8, count - 8)
            }
        } else if count >= 4 {
            let first = source.loadUnaligned(as: UInt32.self)
            let last = source.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)
            target.storeBytes(of: first, as: UInt32.self)
            target.storeBytes(of: last, toByteOffset: count - 4, as: UInt32.self)
            let word = UInt64(first) | UInt64(last) << 32
            found = escapeBits(word) | (asciiOnly ? nonASCIIBits(word) : 0)
        } else if count > 0 {
            // The three positions cover 1 to 3 bytes; the other five lanes are a plain letter.
            let first = base[0], middle = base[count / 2], last = base[count - 1]
            destination[0] = first
            destination[count / 2] = middle
            destination[count - 1] = last
            let word = 0x6161_6161_6100_0000 | UInt64(first) | UInt64(middle) << 8 | UInt64(last) << 16
            found = escapeBits(word) | (asciiOnly ? nonASCIIBits(word) : 0)
        }
        return found == 0
    }

    /// The high bit of each byte of `word` that is below 0x20, `"` (0x22) or `\` (0x5C), and possibly
    /// of bytes after it (borrows): zero exactly when no byte needs an escape.
    @inline(__always) static func escapeBits(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let quote = word ^ (ones &* 0x22), backslash = word ^ (ones &* 0x5C)
        return ((word &- ones &* 0x20) | (quote &- ones) | (backslash &- ones)) & ~word & highs
    }

    /// The high bit of each byte of `word` that is 0x7F (DEL) or above, and possibly of bytes after
    /// a 0x7F (borrows): zero exactly when every byte is ASCII other than DEL.
    @inline(__always) static func nonASCIIBits(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let delete = word ^ (ones &* 0x7F)
        return word & highs | (delete &- ones) & ~delete & highs
    }

    /// Appends an integer's decimal digits (with `-` when negative).
    mutating func appendInteger(_ value: Int) {
        if value < 0 { append(UInt8(ascii: "-")) }
        let magnitude = UInt64(value.magnitude)
        appendDigits(of: magnitude, digits: Self.digitCount(magnitude), fraction: 0)
    }

    /// Writes the `digits` decimal digits of `value`, with a point before the last `fraction`
    /// digits (none when `fraction` is 0).
    mutating func appendDigits(of value: UInt64, digits: Int, fraction: Int) {
        let length = digits + (fraction > 0 ? 1 : 0)
        reserve(length)
        var end = start + count + length
        var remaining = value
        if fraction > 0 {
            remaining = Self.writeDigits(of: remaining, count: fraction, before: &end)
            end -= 1
            end.pointee = UInt8(ascii: ".")
        }
        _ = Self.writeDigits(of: remaining, count: digits - fraction, before: &end)
        count += length
    }

    /// Writes the last `count` decimal digits of `value` backwards before `end` (moved to the first
    /// digit), two at a time; what is left of `value`.
    @inline(__always) private static func writeDigits(of value: UInt64, count: Int, before end: inout UnsafeMutablePointer<UInt8>) -> UInt64 {
        var remaining = value
        var left = count
        let pairs = digitPairs.utf8Start
        while left >= 2 {
            let pair = Int(truncatingIfNeeded: remaining % 100) &* 2
            remaining /= 100
            end -= 2
            end[0] = pairs[pair]
            end[1] = pairs[pair &+ 1]
            left -= 2
        }
        if left == 1 {
            end -= 1
            end.pointee = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: remaining % 10)
            remaining /= 10
        }
        return remaining
    }

    /// `00` to `99`, the digits of a pair at twice its value.
    private static var digitPairs: StaticString {
        "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"
    }

    /// The number of decimal digits of `value` (1 for 0).
    @inline(__always) static func digitCount(_ value: UInt64) -> Int {
        var digits = 1
        var remaining = value
        while remaining >= 10 {
            digits += 1
            remaining /= 10
        }
        return digits
    }

    /// Appends `mantissa × 10^exponent` as `Decimal.description` writes it: no exponent, a point only
    /// when there is a fraction, `0.` before a fraction below one. One reservation, then the bytes
    /// written in place (digits from the last).
    mutating func appendDecimal(mantissa: UInt64, exponent: Int, isNegative: Bool) {
        guard mantissa != 0 else { return append(UInt8(ascii: "0")) }
        let digits = Self.digitCount(mantissa)
        let sign = isNegative ? 1 : 0
        // Digits before the point (with zeros after them for a positive exponent), digits after it.
        let fraction = max(0, -exponent)
        let whole = max(0, digits - fraction)
        let length = sign + (exponent >= 0 ? digits + exponent : (whole == 0 ? 1 : whole) + 1 + fraction)
        reserve(length)
        let first = start + count
        if isNegative { first.pointee = UInt8(ascii: "-") }
        var end = first + length
        var remaining = mantissa
        if exponent > 0 {
            end -= exponent
            end.update(repeating: UInt8(ascii: "0"), count: exponent)
        } else if fraction > 0 {
            // The fraction's digits, then zeros up to the point when the mantissa is shorter.
            remaining = Self.writeDigits(of: remaining, count: min(digits, fraction), before: &end)
            if fraction > digits {
                end -= fraction - digits
                end.update(repeating: UInt8(ascii: "0"), count: fraction - digits)
            }
            end -= 1
            end.pointee = UInt8(ascii: ".")
            if whole == 0 {
                end -= 1
                end.pointee = UInt8(ascii: "0")
            }
        }
        _ = Self.writeDigits(of: remaining, count: exponent > 0 ? digits : whole, before: &end)
        count += length
    }
}
