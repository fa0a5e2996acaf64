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
        guard let value = Self.parse(text, allowsPoint: impliedDecimals == 0) else { return nil }
        guard impliedDecimals > 0 else { return value }
        var result = value
        for _ in 0..<impliedDecimals { result /= 10 }
        return result
    }

    public var description: String { text }

    /// Strict X12 numeric parsing: `[-]digits[.digits]`, at least one digit, no exponent, no spaces.
    static func parse(_ text: String, allowsPoint: Bool) -> Decimal? {
        var bytes = text
        let checked = bytes.withUTF8 { utf8 -> (significand: UInt64, scale: Int, negative: Bool, digits: Int)? in
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
            return (significand, scale, negative, digits)
        }
        guard let checked else { return nil }
        if checked.digits <= 18 {
            return Decimal(sign: checked.negative ? .minus : .plus, exponent: -checked.scale, significand: Decimal(checked.significand))
        }
        return Decimal(string: text, locale: Self.posix)
    }

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
