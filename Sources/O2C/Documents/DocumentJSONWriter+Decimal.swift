import Foundation

extension DocumentJSONWriter {
    /// Appends a decimal as `Decimal.description` writes it (what `JSONEncoder` writes), without
    /// building a `String`: the mantissa of every amount read from EDI fits in 64 bits, so its
    /// digits are written straight from it; a larger mantissa, NaN, or a `Decimal` whose memory
    /// layout is not the one checked at start-up goes through `description`.
    mutating func decimal(_ value: Decimal) {
        guard Self.decimalLayoutIsKnown, let parts = DecimalParts(value) else {
            bytes.append(contentsOf: value.description.utf8)
            return
        }
        if parts.mantissa == 0 {
            bytes.append(UInt8(ascii: "0"))
            return
        }
        if parts.isNegative { bytes.append(UInt8(ascii: "-")) }
        var buffer: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: room for the 20 digits of UInt64.max
        withUnsafeMutableBytes(of: &buffer) { buffer in
            var remaining = parts.mantissa, start = buffer.count
            while remaining > 0 {
                start -= 1
                buffer[start] = UInt8(ascii: "0") + UInt8(remaining % 10)
                remaining /= 10
            }
            let digits = UnsafeRawBufferPointer(rebasing: buffer[start...])
            if parts.exponent >= 0 {
                bytes.append(contentsOf: digits)
                for _ in 0..<parts.exponent { bytes.append(UInt8(ascii: "0")) }
                return
            }
            let fraction = -parts.exponent
            if digits.count <= fraction {
                bytes.append(UInt8(ascii: "0"))
                bytes.append(UInt8(ascii: "."))
                for _ in 0..<(fraction - digits.count) { bytes.append(UInt8(ascii: "0")) }
                bytes.append(contentsOf: digits)
            } else {
                bytes.append(contentsOf: digits.prefix(digits.count - fraction))
                bytes.append(UInt8(ascii: "."))
                bytes.append(contentsOf: digits.suffix(fraction))
            }
        }
    }

    /// Whether ``DecimalParts`` reads this platform's `Decimal` correctly: checked once on values
    /// whose parts are known, so a different layout only costs speed, never a wrong number.
    static let decimalLayoutIsKnown: Bool = {
        let samples: [(String, UInt64, Int, Bool)] = [
            ("-1234.5", 12345, -1, true), ("0.001", 1, -3, false), ("6553600", 65536, 2, false),
            ("18446744073709551615", UInt64.max, 0, false), ("1E5", 1, 5, false),
        ]
        for (text, mantissa, exponent, isNegative) in samples {
            guard let value = Decimal(string: text), let parts = DecimalParts(value),
                  parts.mantissa == mantissa, parts.exponent == exponent, parts.isNegative == isNegative,
                  value.exponent == exponent else { return false }
        }
        return DecimalParts(Decimal(string: "0")!)?.mantissa == 0 && DecimalParts(Decimal.nan) == nil
            && DecimalParts(Decimal(string: "123456789012345678901")!) == nil
    }()
}

/// The sign, exponent and mantissa of a `Decimal` whose mantissa fits in 64 bits, read from its
/// storage (swift-foundation: exponent byte, then a byte of length (high nibble) and flags
/// (0x08 negative), two reserved bytes, eight little-endian 16-bit mantissa words). Nil for NaN
/// and for longer mantissas.
struct DecimalParts {
    let mantissa: UInt64
    let exponent: Int
    let isNegative: Bool

    init?(_ value: Decimal) {
        guard MemoryLayout<Decimal>.size == 20 else { return nil }
        let parts = withUnsafeBytes(of: value) { raw -> (UInt64, Int, Bool, Int) in
            let length = Int(raw[1] >> 4)
            var mantissa: UInt64 = 0
            if length <= 4 {
                for word in stride(from: length - 1, through: 0, by: -1) {
                    mantissa = mantissa << 16 | UInt64(raw[4 + 2 * word]) | UInt64(raw[5 + 2 * word]) << 8
                }
            }
            return (mantissa, Int(Int8(bitPattern: raw[0])), raw[1] & 0x08 != 0, length)
        }
        let (mantissa, exponent, isNegative, length) = parts
        guard length <= 4, !(length == 0 && isNegative) else { return nil }
        self.mantissa = mantissa
        self.exponent = length == 0 ? 0 : exponent
        self.isNegative = isNegative
    }
}
