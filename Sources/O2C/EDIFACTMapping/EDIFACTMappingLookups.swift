/// A set of date roles, written as an array literal (`[.documentDate, .requestedDelivery]`)
/// without building a `Set`.
struct DateRoles: OptionSet {
    let rawValue: UInt32

    init(rawValue: UInt32) {
        self.rawValue = rawValue
    }

    init(_ role: DateRole) {
        let bit: UInt32
        switch role {
        case .documentDate: bit = 0
        case .requestedDelivery: bit = 1
        case .requestedShip: bit = 2
        case .shipped: bit = 3
        case .estimatedDelivery: bit = 4
        case .delivered: bit = 5
        case .invoiceDate: bit = 6
        case .purchaseOrderDate: bit = 7
        case .paymentValueDate: bit = 8
        case .netDueDate: bit = 9
        }
        rawValue = 1 << bit
    }
}

extension DateRoles: ExpressibleByArrayLiteral {
    init(arrayLiteral roles: DateRole...) {
        var raw: UInt32 = 0
        for role in roles { raw |= DateRoles(role).rawValue }
        rawValue = raw
    }
}

/// The ISO dates a document names, by role (a handful: looked up in order, not hashed).
struct NamedDates {
    private var dates: [(role: DateRole, date: String)] = []

    subscript(role: DateRole) -> String? {
        get { dates.first { $0.role == role }?.date }
        set {
            dates.removeAll { $0.role == role }
            if let newValue { dates.append((role, newValue)) }
        }
    }
}

/// EDIFACT `DTM` values as ISO 8601, the same text as ``ISODate/fromEDIFACT(_:format:)``, read
/// from the value's bytes for the formats nearly every message uses (`102` and no format with
/// eight digits, `203`, `204`); any other format goes to ``ISODate``.
enum EDIFACTDateText {
    static func iso(_ value: String, format: String?) -> String? {
        let length: Int
        switch format {
        case "102": length = 8
        case nil, "": length = 8
        case "203": length = 12
        case "204": length = 14
        default: return ISODate.fromEDIFACT(value, format: format)
        }
        var value = value
        return value.withUTF8 { digits -> String? in
            guard digits.count == length, digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
                return nil
            }
            func number(_ start: Int, _ count: Int) -> Int {
                var result = 0
                for index in start..<start + count { result = result * 10 + Int(digits[index] &- UInt8(ascii: "0")) }
                return result
            }
            guard ISODate.isCalendarDate(year: number(0, 4), month: number(4, 2), day: number(6, 2)) else { return nil }
            if length > 8 {
                guard number(8, 2) < 24, number(10, 2) < 60, length == 12 || number(12, 2) < 60 else { return nil }
            }
            // YYYY-MM-DD, then THH:MM and :SS: the digits as sent with the separators put in.
            return String(unsafeUninitializedCapacity: 19) { text in
                var written = 0
                for index in 0..<length {
                    if let separator = separator(before: index) {
                        text[written] = separator
                        written += 1
                    }
                    text[written] = digits[index]
                    written += 1
                }
                return written
            }
        }
    }

    /// The ISO separator in front of a digit of CCYYMMDDHHMMSS.
    private static func separator(before index: Int) -> UInt8? {
        switch index {
        case 4, 6: return UInt8(ascii: "-")
        case 8: return UInt8(ascii: "T")
        case 10, 12: return UInt8(ascii: ":")
        default: return nil
        }
    }
}
