import Foundation

extension DocumentJSONWriter {
    /// Appends a decimal as `Decimal.description` writes it (what `JSONEncoder` writes), without
    /// building a `String`: the mantissa of every amount read from EDI fits in 64 bits, so its
    /// digits are written straight from it; a larger mantissa, NaN, or a `Decimal` whose memory
    /// layout is not the one checked at start-up goes through `description`.
    mutating func decimal(_ value: Decimal) {
        guard Self.decimalLayoutIsKnown, let parts = DecimalParts(value) else {
            _ = output.appendUnescaped(value.description)
            return
        }
        if parts.mantissa == 0 {
            output.append(UInt8(ascii: "0"))
            return
        }
        if parts.isNegative { output.append(UInt8(ascii: "-")) }
        var digits = 0
        var remaining = parts.mantissa
        while remaining > 0 {
            digits += 1
            remaining /= 10
        }
        if parts.exponent >= 0 {
            output.appendDigits(of: parts.mantissa, digits: digits, fraction: 0)
            output.append(repeating: UInt8(ascii: "0"), count: parts.exponent)
            return
        }
        let fraction = -parts.exponent
        if digits <= fraction {
            output.append(UInt8(ascii: "0"), UInt8(ascii: "."))
            output.append(repeating: UInt8(ascii: "0"), count: fraction - digits)
            output.appendDigits(of: parts.mantissa, digits: digits, fraction: 0)
        } else {
            output.appendDigits(of: parts.mantissa, digits: digits, fraction: fraction)
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
