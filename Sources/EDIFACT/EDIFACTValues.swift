public import Foundation
import EDICore

/// A date, time or period (`DTM` C507): qualifier 2005, value 2380 and format 2379, kept as sent.
public struct EDIFACTDate: Sendable, Hashable {
    /// 2005 (`137` document date, `2` delivery date requested, `11` despatch date…).
    public var qualifier: String
    /// 2380 as sent (`20261124`).
    public var value: String?
    /// 2379 (`102` CCYYMMDD, `203` CCYYMMDDHHMM, `718` CCYYMMDD-CCYYMMDD…).
    public var format: String?
    /// Values of the segment no field names.
    public var otherValues: [EDIFACTComponentValue] = []
    /// Where it was read.
    public var source = EDIFACTSourcePosition()

    var segment: OutgoingSegment {
        var builder = SegmentBuilder("DTM")
        builder.set(1, 1, qualifier)
        builder.set(1, 2, value)
        builder.set(1, 3, format)
        builder.set(otherValues)
        return builder.segment
    }
}

// Initialisers live in an extension so the struct keeps its implicit memberwise initialiser:
// built through it, a value is made in place (an explicit initialiser of a struct this size
// makes the value in a local and copies it out).
extension EDIFACTDate {
    /// Creates a date.
    public init(qualifier: String, value: String?, format: String?) {
        self.init(qualifier: qualifier, value: value, format: format, source: EDIFACTSourcePosition())
    }

    init(_ fields: inout SegmentFields) {
        self.init(qualifier: fields.take(1, 1) ?? "", value: fields.take(1, 2), format: fields.take(1, 3),
                  otherValues: fields.leftovers, source: fields.source)
    }
}

/// A reference (`RFF` C506: qualifier 1153, number 1154, line 1156, version 4000) with the
/// dates of its segment group.
public struct EDIFACTReference: Sendable, Hashable {
    /// 1153 (`ON` order number, `CT` contract, `AAK` despatch advice, `VN` order number (vendor)…).
    public var qualifier: String
    /// 1154.
    public var number: String?
    /// 1156, the line within the referenced document.
    public var lineNumber: String?
    /// The `DTM`s following the `RFF` in its group.
    public var dates: [EDIFACTDate] = []
    /// Values of the segment no field names.
    public var otherValues: [EDIFACTComponentValue] = []
    /// Where it was read.
    public var source = EDIFACTSourcePosition()

    var segments: [OutgoingSegment] {
        var builder = SegmentBuilder("RFF")
        builder.set(1, 1, qualifier)
        builder.set(1, 2, number)
        builder.set(1, 3, lineNumber)
        builder.set(otherValues)
        return [builder.segment] + dates.map(\.segment)
    }
}

// Initialisers in an extension, as for `EDIFACTDate`.
extension EDIFACTReference {
    /// Creates a reference.
    public init(qualifier: String, number: String?, lineNumber: String? = nil, dates: [EDIFACTDate] = []) {
        self.init(qualifier: qualifier, number: number, lineNumber: lineNumber, dates: dates, source: EDIFACTSourcePosition())
    }

    init(_ fields: inout SegmentFields) {
        self.init(qualifier: fields.take(1, 1) ?? "", number: fields.take(1, 2), lineNumber: fields.take(1, 3),
                  otherValues: fields.leftovers, source: fields.source)
    }
}

/// A monetary amount (`MOA` C516: qualifier 5025, amount 5004, currency 6345), the amount kept
/// as sent.
public struct EDIFACTAmount: Sendable, Hashable {
    /// 5025 (`203` line item amount, `79` total line items, `77` invoice amount, `9` amount due,
    /// `52` discount, `12` amount remitted, `124` tax amount…).
    public var qualifier: String
    /// 5004 as sent (`2433.60`; a comma is the decimal mark when the interchange says so).
    public var text: String?
    /// 6345, when the amount names its currency.
    public var currency: String?
    /// Values of the segment no field names.
    public var otherValues: [EDIFACTComponentValue] = []
    /// Where it was read.
    public var source = EDIFACTSourcePosition()

    /// The amount as a number (either decimal mark accepted); nil when absent or not a number.
    public var value: Decimal? { text.flatMap(EDIFACTNumber.decimal) }

    var segment: OutgoingSegment {
        var builder = SegmentBuilder("MOA")
        builder.set(1, 1, qualifier)
        builder.set(1, 2, text)
        builder.set(1, 3, currency)
        builder.set(otherValues)
        return builder.segment
    }
}

// Initialisers in an extension, as for `EDIFACTDate`.
extension EDIFACTAmount {
    /// Creates an amount from its text.
    public init(qualifier: String, text: String?, currency: String? = nil) {
        self.init(qualifier: qualifier, text: text, currency: currency, source: EDIFACTSourcePosition())
    }

    init(_ fields: inout SegmentFields) {
        self.init(qualifier: fields.take(1, 1) ?? "", text: fields.take(1, 2), currency: fields.take(1, 3),
                  otherValues: fields.leftovers, source: fields.source)
    }
}

/// A quantity (`QTY` C186: qualifier 6063, quantity 6060, unit 6411), kept as sent.
public struct EDIFACTQuantity: Sendable, Hashable {
    /// 6063 (`21` ordered, `12` despatched, `47` invoiced, `113` to be delivered…).
    public var qualifier: String
    /// 6060 as sent.
    public var text: String?
    /// 6411 (UN/ECE Recommendation 20: `PCE`, `KGM`…), when sent.
    public var unit: String?
    /// Values of the segment no field names.
    public var otherValues: [EDIFACTComponentValue] = []
    /// Where it was read.
    public var source = EDIFACTSourcePosition()

    /// The quantity as a number; nil when absent or not a number.
    public var value: Decimal? { text.flatMap(EDIFACTNumber.decimal) }

    var segment: OutgoingSegment {
        var builder = SegmentBuilder("QTY")
        builder.set(1, 1, qualifier)
        builder.set(1, 2, text)
        builder.set(1, 3, unit)
        builder.set(otherValues)
        return builder.segment
    }
}

// Initialisers in an extension, as for `EDIFACTDate`.
extension EDIFACTQuantity {
    /// Creates a quantity.
    public init(qualifier: String, text: String?, unit: String? = nil) {
        self.init(qualifier: qualifier, text: text, unit: unit, source: EDIFACTSourcePosition())
    }

    init(_ fields: inout SegmentFields) {
        self.init(qualifier: fields.take(1, 1) ?? "", text: fields.take(1, 2), unit: fields.take(1, 3),
                  otherValues: fields.leftovers, source: fields.source)
    }
}

/// A price (`PRI` C509: qualifier 5125, price 5118, type 5375, basis 5284, unit 6411), kept as sent.
public struct EDIFACTPrice: Sendable, Hashable {
    /// 5125 (`AAA` calculation net, `AAB` calculation gross).
    public var qualifier: String
    /// 5118 as sent.
    public var text: String?
    /// 5375 (`CT` contract, `CA` catalogue…).
    public var priceType: String?
    /// 5387 price type qualifier (`SRP`, `AAE`…).
    public var priceTypeQualifier: String?
    /// 5284, the quantity the price is for.
    public var basisQuantity: String?
    /// 6411, the unit of the basis quantity.
    public var basisUnit: String?
    /// Values of the segment no field names.
    public var otherValues: [EDIFACTComponentValue] = []
    /// Where it was read.
    public var source = EDIFACTSourcePosition()

    /// The price as a number; nil when absent or not a number.
    public var value: Decimal? { text.flatMap(EDIFACTNumber.decimal) }

    var segment: OutgoingSegment {
        var builder = SegmentBuilder("PRI")
        builder.set(1, 1, qualifier)
        builder.set(1, 2, text)
        builder.set(1, 3, priceType)
        builder.set(1, 4, priceTypeQualifier)
        builder.set(1, 5, basisQuantity)
        builder.set(1, 6, basisUnit)
        builder.set(otherValues)
        return builder.segment
    }
}

// Initialisers in an extension, as for `EDIFACTDate`.
extension EDIFACTPrice {
    /// Creates a price.
    public init(qualifier: String, text: String?, basisQuantity: String? = nil, basisUnit: String? = nil) {
        self.init(qualifier: qualifier, text: text, basisQuantity: basisQuantity, basisUnit: basisUnit,
                  source: EDIFACTSourcePosition())
    }

    init(_ fields: inout SegmentFields) {
        self.init(qualifier: fields.take(1, 1) ?? "", text: fields.take(1, 2), priceType: fields.take(1, 3),
                  priceTypeQualifier: fields.take(1, 4), basisQuantity: fields.take(1, 5), basisUnit: fields.take(1, 6),
                  otherValues: fields.leftovers, source: fields.source)
    }
}

/// Free text (`FTX`: subject 4451, function 4453, text lines C108 4440).
public struct EDIFACTFreeText: Sendable, Hashable {
    /// 4451 (`DEL` delivery information, `GEN` general, `PUR` purchasing, `AAI`…).
    public var subject: String
    /// C108 4440, up to five lines.
    public var lines: [String]
    /// Values of the segment no field names (4453, C107, 3453).
    public var otherValues: [EDIFACTComponentValue] = []
    /// Where it was read.
    public var source = EDIFACTSourcePosition()

    var segment: OutgoingSegment {
        var builder = SegmentBuilder("FTX")
        builder.set(1, 1, subject)
        for (index, line) in lines.prefix(5).enumerated() { builder.set(4, index + 1, line) }
        builder.set(otherValues)
        return builder.segment
    }
}

// Initialisers in an extension, as for `EDIFACTDate`.
extension EDIFACTFreeText {
    /// Creates free text.
    public init(subject: String, lines: [String]) {
        self.init(subject: subject, lines: lines, source: EDIFACTSourcePosition())
    }

    init(_ fields: inout SegmentFields) {
        let subject = fields.take(1) ?? ""
        var lines: [String] = []
        for component in 1...5 {
            if let line = fields.take(4, component) { lines.append(line) }
        }
        self.init(subject: subject, lines: lines, otherValues: fields.leftovers, source: fields.source)
    }
}

extension EDIFACTNumber {
    /// The value as a `Decimal` (as ``EDIFACTAmount/value``), nil when not a number.
    public static func decimal(_ text: String) -> Decimal? {
        if let value = fastDecimal(text) { return value }
        return canonical(text).flatMap { Decimal(string: $0, locale: posix) }
    }

    private static let posix = Locale(identifier: "en_US_POSIX")
}
