import Foundation

extension DocumentJSONWriter {
    /// Appends a decimal as `Decimal.description` writes it (what `JSONEncoder` writes), without
    /// building a `String`: the mantissa of every amount read from EDI fits in 64 bits, so its
    /// digits are written straight from it; a larger mantissa, NaN, or a `Decimal` whose memory
    /// layout is not the one checked at start-up goes through `description`.
    mutating func decimal(_ value: Decimal) {
        guard decimalsReadable, let parts = DecimalParts(value) else {
            _ = output.appendUnescaped(value.description)
            return
        }
        output.appendDecimal(mantissa: parts.mantissa, exponent: parts.exponent, isNegative: parts.isNegative)
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
        var copy = value
        let (header, words) = withUnsafeBytes(of: &copy) { raw in
            (raw.loadUnaligned(as: UInt16.self), raw.loadUnaligned(fromByteOffset: 4, as: UInt64.self))
        }
        let length = Int(header >> 12)
        let isNegative = header & 0x0800 != 0
        guard length <= 4, !(length == 0 && isNegative) else { return nil }
        // The first four 16-bit words, little-endian: the whole mantissa when `length` words are used.
        mantissa = length == 4 ? words : words & ((1 &<< (16 &* UInt64(length))) &- 1)
        exponent = length == 0 ? 0 : Int(Int8(truncatingIfNeeded: header))
        self.isNegative = isNegative
    }
}
