import Foundation
import Testing
import TestSupport
@testable import X12

/// X12 numbers: the decimal a value reads as is the one `Decimal(sign:exponent:significand:)`
/// makes, to the byte (written straight from its parts for speed), and the parsing rules hold.
@Suite struct X12AmountTests {
    /// The bytes of a decimal (two decimals with the same bytes write the same JSON).
    static func bytes(_ value: Decimal) -> [UInt8] {
        withUnsafeBytes(of: value) { Array($0) }
    }

    @Test func decimalsAreTheInitializersToTheByte() {
        #expect(X12Amount.partsMatchInitializer, "the fast path is not taken on this platform")
        let seed: UInt64 = 20261129
        var generator = SeededGenerator(seed: seed)
        for _ in 0..<20_000 {
            let digits = Int.random(in: 1...18, using: &generator)
            var text = String((0..<digits).map { _ in Character(String(Int.random(in: 0...9, using: &generator))) })
            if Bool.random(using: &generator) { text.insert(".", at: text.index(text.startIndex, offsetBy: Int.random(in: 0...digits, using: &generator))) }
            if Int.random(in: 0..<4, using: &generator) == 0 { text = "-" + text }
            if Int.random(in: 0..<4, using: &generator) == 0 { text += String(repeating: "0", count: Int.random(in: 1...4, using: &generator)) }
            guard text.filter(\.isNumber).count <= 18 else { continue }
            let point = text.firstIndex(of: ".")
            let scale = point.map { text.distance(from: $0, to: text.endIndex) - 1 } ?? 0
            let significand = UInt64(text.filter(\.isNumber))!
            let expected = Decimal(sign: text.hasPrefix("-") ? .minus : .plus, exponent: -scale, significand: Decimal(significand))
            let value = X12Amount(text: text).decimal
            #expect(value.map(Self.bytes) == Self.bytes(expected), "\(text) (seed \(seed))")
        }
    }

    @Test func numbersAsSentReadAsBefore() {
        #expect(X12Amount(text: "902.48").decimal == Decimal(string: "902.48"))
        #expect(X12Amount(text: "354.00").decimal.map(Self.bytes) == Self.bytes(Decimal(354)))
        #expect(X12Amount(text: "-0.0").decimal == 0)
        #expect(X12Amount(text: ".58").decimal == Decimal(string: "0.58"))
        #expect(X12Amount(text: "1234567890123456789012").decimal == Decimal(string: "1234567890123456789012"))
        #expect(X12Amount(text: "125000", impliedDecimals: 2).decimal == 1250)
        for text in ["", "-", ".", "1.2.3", "1e5", " 1", "4X8", "1-"] {
            #expect(X12Amount(text: text).decimal == nil, "\(text)")
        }
        #expect(X12Amount(text: "1.5", impliedDecimals: 2).decimal == nil)
    }
}
