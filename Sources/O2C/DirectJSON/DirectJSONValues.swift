extension DocumentJSONWriter {
    /// Writes an element's bytes as a JSON string when they are plain printable ASCII without `"`
    /// or `\` (nearly every EDI value: the same bytes as the `String` the model path would write);
    /// false, with nothing written, otherwise.
    mutating func plainString(_ bytes: UnsafeRawBufferPointer) -> Bool {
        output.appendQuotedPlain(bytes)
    }

    /// Whether every byte is printable ASCII (0x20–0x7E) other than `"` and `\`, checked eight bytes
    /// at a time (``JSONOutput/escapeBits(_:)``, ``JSONOutput/nonASCIIBits(_:)``).
    static func isPlain(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let count = bytes.count
        var found: UInt64 = 0
        if count >= 8 {
            var offset = 0
            while true {
                found |= unplainBits(base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                if offset + 8 == count { break }
                offset = min(offset + 8, count - 8)
            }
        } else if count >= 4 {
            let first = base.loadUnaligned(as: UInt32.self), last = base.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)
            found = unplainBits(UInt64(first) | UInt64(last) << 32)
        } else if count > 0 {
            // The three positions cover 1 to 3 bytes; the other five lanes are a plain letter.
            let first = bytes[0], middle = bytes[count / 2], last = bytes[count - 1]
            found = unplainBits(0x6161_6161_6100_0000 | UInt64(first) | UInt64(middle) << 8 | UInt64(last) << 16)
        }
        return found == 0
    }

    /// Zero exactly when no byte of `word` is below 0x20, `"`, `\`, 0x7F or above.
    @inline(__always) private static func unplainBits(_ word: UInt64) -> UInt64 {
        JSONOutput.escapeBits(word) | JSONOutput.nonASCIIBits(word)
    }

    /// Writes a number given as `[-]digits[.digits]` (at most 18 digits, not a negative zero) as the
    /// model path writes its `Decimal`: `Decimal.description` of the value, trailing fraction zeros
    /// dropped; false, with nothing written, for any other text.
    mutating func plainNumber(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard let number = PlainNumber(bytes) else { return false }
        output.appendDecimal(mantissa: number.significand, exponent: number.exponent, isNegative: number.isNegative)
        return true
    }
}

/// A number written `[-]digits[.digits]` with at most 18 digits, its significand without trailing
/// zeros after the point.
struct PlainNumber {
    var significand: UInt64 = 0
    var exponent = 0
    var isNegative = false

    init?(_ bytes: UnsafeRawBufferPointer) {
        var digits = 0
        var point = false
        for offset in bytes.indices {
            let byte = bytes[offset]
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                digits += 1
                significand = significand &* 10 &+ UInt64(byte &- UInt8(ascii: "0"))
                if point { exponent -= 1 }
            case UInt8(ascii: "-") where offset == 0: isNegative = true
            case UInt8(ascii: ".") where !point && digits > 0: point = true
            default: return nil
            }
        }
        guard digits > 0, digits <= 18, !(isNegative && significand == 0), bytes.last != UInt8(ascii: ".") else { return nil }
        while exponent < 0, significand % 10 == 0 {
            significand /= 10
            exponent += 1
        }
    }
}

extension DocumentJSONWriter {
    /// Writes an empty array after its key, given as `,"name":[]`: the bytes ``array(_:_:)`` writes
    /// for an empty array.
    mutating func emptyArray(_ keyed: StaticString) {
        if !pretty { return output.append(keyed) }
        endArray(beginArray(keyed))
    }

    /// Writes a plain string (``plainString(_:)``) after a static text inside the quotes, as
    /// `"other:ZZ"` for a party role without a name; false, with nothing written, for bytes that
    /// are not plain.
    mutating func plainString(_ bytes: UnsafeRawBufferPointer, after prefix: StaticString) -> Bool {
        guard Self.isPlain(bytes) else { return false }
        output.append(UInt8(ascii: "\""))
        output.append(prefix)
        if let base = bytes.baseAddress, !bytes.isEmpty {
            output.append(base.assumingMemoryBound(to: UInt8.self), count: bytes.count)
        }
        output.append(UInt8(ascii: "\""))
        return true
    }

    /// Writes a date given as `CCYYMMDD` (X12 `DT`, EDIFACT format 102) as the ISO date string
    /// ``ISODate/fromCCYYMMDD(_:)`` makes of it (`"2026-11-23"`); false, with nothing written, when
    /// the bytes are not 8 digits of a day that exists.
    mutating func isoDate(ccyymmdd bytes: UnsafeRawBufferPointer) -> Bool {
        guard bytes.count == 8, let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return false }
        var value = 0
        for offset in 0..<8 {
            let digit = base[offset] &- UInt8(ascii: "0")
            guard digit < 10 else { return false }
            value = value &* 10 &+ Int(digit)
        }
        guard ISODate.isCalendarDate(year: value / 10_000, month: value / 100 % 100, day: value % 100) else { return false }
        output.append(UInt8(ascii: "\""))
        output.append(base, count: 4)
        output.append(UInt8(ascii: "-"))
        output.append(base + 4, count: 2)
        output.append(UInt8(ascii: "-"))
        output.append(base + 6, count: 2)
        output.append(UInt8(ascii: "\""))
        return true
    }

    /// Writes a whole number given as ASCII digits (leading zeros allowed, at most 9, so that no
    /// conversion on the model path can round it) as the model path writes its `Int`; false, with
    /// nothing written, for any other text (a sign, a point).
    mutating func plainInteger(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard !bytes.isEmpty, bytes.count <= 9 else { return false }
        var value = 0
        for byte in bytes {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return false }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        output.appendInteger(value)
        return true
    }
}

extension DocumentJSONWriter {
    /// Writes the `"` that opens or closes a string written in parts (``appendPlainText(_:release:)``).
    mutating func quote() { output.append(UInt8(ascii: "\"")) }

    /// Appends a value's bytes inside a string being written, each `release` character dropped and
    /// the byte after it kept as it is (a release character as the last byte is kept), as
    /// `ElementView.unescaped(_:release:)` does; false when a byte written would not be plain
    /// printable ASCII or would be `"` or `\` (bytes may have been written: the caller gives up the
    /// document).
    mutating func appendPlainText(_ bytes: UnsafeRawBufferPointer, release: UInt8?) -> Bool {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return true }
        // Eight bytes at a time: any byte that is not plain, and any release character.
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let releaseWord = ones &* UInt64(release ?? 0)
        var unusual: UInt64 = 0
        var released: UInt64 = 0
        var offset = 0
        while true {
            // Whole words, the last one overlapping the one before; 4 to 7 bytes as two overlapping
            // 4-byte words; 1 to 3 as the first, middle and last byte, the other lanes a plain letter.
            let word: UInt64
            if bytes.count >= 8 {
                word = base.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            } else if bytes.count >= 4 {
                word = UInt64(base.loadUnaligned(as: UInt32.self))
                    | UInt64(base.loadUnaligned(fromByteOffset: bytes.count - 4, as: UInt32.self)) << 32
            } else {
                word = 0x6161_6161_6100_0000 | UInt64(bytes[0]) | UInt64(bytes[bytes.count / 2]) << 8
                    | UInt64(bytes[bytes.count - 1]) << 16
            }
            unusual |= Self.unplainBits(word)
            released |= ((word ^ releaseWord) &- ones) & ~(word ^ releaseWord) & highs
            if bytes.count < 8 || offset + 8 == bytes.count { break }
            offset = min(offset + 8, bytes.count - 8)
        }
        if release == nil { released = 0 }
        if unusual == 0, released == 0 {
            output.appendShort(base, count: bytes.count)
            return true
        }
        if unusual == 0 {
            // Plain, with release characters: the runs between them copied whole.
            var runStart = 0
            var index = 0
            while index < bytes.count {
                if bytes[index] == release, index + 1 < bytes.count {
                    output.appendShort(base + runStart, count: index - runStart)
                    index += 1
                    runStart = index
                }
                index += 1
            }
            output.appendShort(base + runStart, count: bytes.count - runStart)
            return true
        }
        // Something unusual (perhaps a released byte, perhaps the release character itself): byte by byte.
        var index = 0
        while index < bytes.count {
            if bytes[index] == release, index + 1 < bytes.count { index += 1 }
            let byte = bytes[index]
            guard byte >= 0x20, byte < 0x7F, byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\\") else { return false }
            output.append(byte)
            index += 1
        }
        return true
    }
}
