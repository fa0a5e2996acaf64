import Foundation
@testable import O2C
import Testing

/// The value helpers of the direct JSON writers against the model path's own conversions.
@Suite struct DirectJSONValuesTests {
    /// What `writer` writes for `text`, nil when it declines.
    static func written(_ text: [UInt8], _ write: (inout DocumentJSONWriter, UnsafeRawBufferPointer) -> Bool) -> String? {
        var json = DocumentJSONWriter(pretty: false)
        let accepted = text.withUnsafeBytes { write(&json, $0) }
        if !accepted { #expect(json.count == 0, "declined but wrote \(json.count) bytes") }
        return accepted ? String(decoding: json.bytes, as: UTF8.self) : nil
    }

    @Test func plainBytesAreFoundAndCopiedEightAtATime() {
        for length in 0...19 {
            for position in 0..<max(length, 1) {
                for byte in UInt8.min...UInt8.max {
                    var text = Array(repeating: UInt8(ascii: "a"), count: length)
                    if length > 0 { text[position] = byte }
                    let plain = text.allSatisfy { $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }
                    let found = text.withUnsafeBytes { DocumentJSONWriter.isPlain($0) }
                    let quoted = Self.written(text) { $0.plainString($1) }
                    #expect(found == plain, "length \(length), byte \(byte) at \(position)")
                    #expect(quoted == (plain ? "\"" + String(decoding: text, as: UTF8.self) + "\"" : nil), "length \(length), byte \(byte)")
                    if found != plain || (quoted != nil) != plain { return }
                }
            }
        }
    }

    @Test func plainStringsAreQuotedAsTheyAre() {
        #expect(Self.written(Array("ACME 42".utf8)) { $0.plainString($1) } == #""ACME 42""#)
        #expect(Self.written([]) { $0.plainString($1) } == #""""#)
        #expect(Self.written(Array("ZZ".utf8)) { $0.plainString($1, after: "other:") } == #""other:ZZ""#)
        for declined in ["A\"B", "A\\B", "é", "A\tB", "\u{7F}"] {
            #expect(Self.written(Array(declined.utf8)) { $0.plainString($1) } == nil)
            #expect(Self.written(Array(declined.utf8)) { $0.plainString($1, after: "other:") } == nil)
        }
    }

    @Test func datesAreTheISODatesOfTheModelPath() {
        for text in ["20261123", "20240229", "20230229", "20261301", "20261131", "00000101", "99991231", "2026112", "202611234",
                     "2026-1-1", "261123", ""] {
            let expected = ISODate.fromCCYYMMDD(text).map { "\"\($0)\"" }
            #expect(Self.written(Array(text.utf8)) { $0.isoDate(ccyymmdd: $1) } == expected, "\(text)")
        }
    }

    @Test func integersAreWhatIntReads() {
        for text in ["0", "7", "007", "123456789"] {
            #expect(Self.written(Array(text.utf8)) { $0.plainInteger($1) } == Int(text).map(String.init), "\(text)")
        }
        for declined in ["", "+5", "-5", "1.0", "1234567890", " 5"] {
            #expect(Self.written(Array(declined.utf8)) { $0.plainInteger($1) } == nil, "\(declined)")
        }
    }

    @Test func itemSchemesRememberedAreTheTablesSchemes() {
        var schemes = ItemSchemes()
        let qualifiers = ["UP", "BP", "VP", "EN", "ZZ", "UK", "SK", "IN", "VN", "U", "UPC", "ABCD", "", "UP", "SK"]
        for round in 0..<5 {
            for (offset, qualifier) in qualifiers.enumerated() where (offset + round) % 3 != 0 || round == 0 {
                let found = Array(qualifier.utf8).withUnsafeBytes { schemes.scheme(of: $0) }
                #expect(found == (qualifier.isEmpty ? .other : ItemIdSchemeCodes.scheme(x12: qualifier)), "\(qualifier)")
            }
        }
    }
}
