public import Foundation
import EDICore

/// A numeric X12 value (data element type `R`, or `Nn` with `n` implied decimals) kept as sent,
/// with its decimal value when the text is a number: `12.5`, `-3`, `.58`; TDS01 `125000` (N2) is
/// 1250.00.
public struct X12Amount: Sendable, Hashable, CustomStringConvertible {
    /// The element text as sent.
    public var text: String
    /// Implied decimal places (`N2` → 2; `R` → 0).
    public var impliedDecimals: Int
    /// Where it was read.
    public var origin: X12Origin

    /// A value as sent.
    public init(text: String, impliedDecimals: Int = 0, origin: X12Origin = X12Origin()) {
        self.text = text
        self.impliedDecimals = impliedDecimals
        self.origin = origin
    }

    /// A value written from a decimal: `R` as plain decimal text (`12.5`), `Nn` as an integer
    /// with `n` implied places (`1250` with N2 → `125000`).
    public init(_ value: Decimal, impliedDecimals: Int = 0) {
        self.impliedDecimals = impliedDecimals
        origin = X12Origin()
        if impliedDecimals == 0 {
            text = Self.plainText(value)
        } else {
            var scaled = value
            for _ in 0..<impliedDecimals { scaled *= 10 }
            var rounded = Decimal()
            NSDecimalRound(&rounded, &scaled, 0, .plain)
            text = Self.plainText(rounded)
        }
    }

    /// The value, nil when the text is not an X12 number (digits with an optional sign and,
    /// for `R`, one decimal point).
    public var decimal: Decimal? {
        var text = text
        return text.withUTF8 { Self.decimal(utf8: UnsafeRawBufferPointer($0), impliedDecimals: impliedDecimals) }
    }

    public var description: String { text }

    /// The value of an element's UTF-8 text with `impliedDecimals` places, as ``decimal`` reads it.
    static func decimal(utf8: UnsafeRawBufferPointer, impliedDecimals: Int) -> Decimal? {
        guard let value = parse(utf8: utf8, allowsPoint: impliedDecimals == 0) else { return nil }
        guard impliedDecimals > 0 else { return value }
        var result = value
        for _ in 0..<impliedDecimals { result /= 10 }
        return result
    }

    /// Strict X12 numeric parsing of UTF-8 text: `[-]digits[.digits]`, at least one digit, no
    /// exponent, no spaces.
    static func parse(utf8: UnsafeRawBufferPointer, allowsPoint: Bool) -> Decimal? {
        var digits = 0
        var points = 0
        var scale = 0
        var negative = false
        // Up to 18 digits fit a UInt64 significand: no string parsing needed for those.
        var significand: UInt64 = 0
        for offset in utf8.indices {
            let byte = utf8[offset]
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                digits += 1
                if digits <= 18 { significand = significand &* 10 &+ UInt64(byte &- UInt8(ascii: "0")) }
                if points > 0 { scale += 1 }
            case UInt8(ascii: "-") where offset == 0: negative = true
            case UInt8(ascii: ".") where allowsPoint: points += 1
            default: return nil
            }
        }
        guard digits > 0, points <= 1 else { return nil }
        if digits <= 18 { return decimal(significand: significand, exponent: -scale, negative: negative) }
        return Decimal(string: String(decoding: utf8, as: UTF8.self), locale: Self.posix)
    }

    /// `Decimal(sign:exponent:significand:)` of a 64-bit significand, written as that initializer
    /// writes it (compact: trailing zeros moved into the exponent) at a fraction of its cost;
    /// through the initializer itself for zero, or when a start-up check finds this platform's
    /// `Decimal` laid out otherwise (``partsMatchInitializer``).
    static func decimal(significand: UInt64, exponent: Int, negative: Bool) -> Decimal {
        guard significand != 0, partsMatchInitializer, let value = compactDecimal(significand: significand, exponent: exponent,
                                                                                    negative: negative) else {
            return Decimal(sign: negative ? .minus : .plus, exponent: exponent, significand: Decimal(significand))
        }
        return value
    }

    /// A non-zero decimal written into swift-foundation's layout (exponent byte; length in the high
    /// nibble of the next byte with 0x08 negative and 0x04 compact; two reserved bytes; eight
    /// little-endian 16-bit mantissa words), nil when the exponent does not fit its byte.
    private static func compactDecimal(significand: UInt64, exponent: Int, negative: Bool) -> Decimal? {
        var mantissa = significand, exponent = exponent
        while mantissa % 10 == 0 {
            mantissa /= 10
            exponent += 1
        }
        guard let exponentByte = Int8(exactly: exponent) else { return nil }
        let length: UInt8 = mantissa >> 48 != 0 ? 4 : mantissa >> 32 != 0 ? 3 : mantissa >> 16 != 0 ? 2 : 1
        var value = Decimal()
        withUnsafeMutableBytes(of: &value) { raw in
            raw[0] = UInt8(bitPattern: exponentByte)
            raw[1] = length << 4 | (negative ? 0x08 : 0) | 0x04
            for word in 0..<4 {
                raw[4 + 2 * word] = UInt8(truncatingIfNeeded: mantissa >> (16 * word))
                raw[5 + 2 * word] = UInt8(truncatingIfNeeded: mantissa >> (16 * word + 8))
            }
        }
        return value
    }

    /// Whether ``compactDecimal(significand:exponent:negative:)`` gives the initializer's bytes
    /// here, checked once on values that cover every mantissa length, trailing zeros and signs.
    static let partsMatchInitializer: Bool = {
        let samples: [(UInt64, Int, Bool)] = [
            (28300, -2, false), (100, 0, false), (90248, -2, true), (65536, 0, false), (1, 0, true), (5, -1, false),
            (123_456_789_012_345_678, -3, false), (999_999_999_999_999_999, 0, true), (4_294_967_296, -4, false),
            (281_474_976_710_656, -7, true), (120, 3, false),
        ]
        guard MemoryLayout<Decimal>.size == 20 else { return false }
        return samples.allSatisfy { significand, exponent, negative in
            let expected = Decimal(sign: negative ? .minus : .plus, exponent: exponent, significand: Decimal(significand))
            guard let built = compactDecimal(significand: significand, exponent: exponent, negative: negative) else { return false }
            return withUnsafeBytes(of: expected) { expectedBytes in
                withUnsafeBytes(of: built) { $0.elementsEqual(expectedBytes) }
            }
        }
    }()

    static let posix = Locale(identifier: "en_US_POSIX")

    /// Decimal text without exponent or grouping (`1250`, `12.5`, `-0.25`).
    static func plainText(_ value: Decimal) -> String {
        var text = value.description
        if text.hasPrefix("-0") && value == 0 { text = "0" }
        return text
    }
}

extension X12Amount {
    /// The amount in an element of a segment, nil when the element is empty.
    init?(_ segment: X12Segment, _ element: Int, impliedDecimals: Int = 0, origin: X12Origin) {
        guard let text = segment[element: element] else { return nil }
        self.init(text: text, impliedDecimals: impliedDecimals, origin: origin.narrowed(toElement: element))
    }
}

extension X12Segment {
    /// Reads or writes an amount element.
    func amount(_ element: Int, impliedDecimals: Int = 0, origin: X12Origin) -> X12Amount? {
        X12Amount(self, element, impliedDecimals: impliedDecimals, origin: origin)
    }

    mutating func setAmount(_ amount: X12Amount?, _ element: Int) {
        self[element: element] = amount?.text
    }
}
