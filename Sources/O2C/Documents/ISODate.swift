public import EDICore

/// Conversions between EDI date formats and the ISO 8601 strings of the internal documents
/// (`YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM[:SS]` when a time is known), with calendar validation:
/// a date that does not exist (2026-02-30) converts to nil, never to a wrong day.
///
/// X12 dates are `DT` elements (CCYYMMDD, or YYMMDD in `ISA09`) with `TM` times (HHMM[SS[d…]]);
/// EDIFACT dates are `DTM` C507 with the format qualifier 2379 (102, 203, …).
public enum ISODate {
    /// Years `00`–`49` of a two-digit year are 2000–2049, `50`–`99` are 1950–1999.
    public static let centuryPivot = 50

    /// `CCYYMMDD` → `YYYY-MM-DD`; nil when not 8 digits or not a calendar date.
    public static func fromCCYYMMDD(_ value: some StringProtocol) -> String? {
        fromDigits(value, count: 8)
    }

    /// `YYMMDD` → `YYYY-MM-DD` with ``centuryPivot``; nil when not 6 digits or not a calendar date.
    public static func fromYYMMDD(_ value: some StringProtocol) -> String? {
        let digits = Array(value.utf8)
        guard digits.count == 6, let yy = number(digits[0..<2]), let month = number(digits[2..<4]),
              let day = number(digits[4..<6]) else { return nil }
        return format(year: yy < centuryPivot ? 2000 + yy : 1900 + yy, month: month, day: day)
    }

    /// An X12 `DT` (8 or 6 digits) with an optional `TM` (HHMM, HHMMSS, HHMMSSd…) → ISO 8601.
    public static func fromX12(date: some StringProtocol, time: String? = nil) -> String? {
        let day = date.utf8.count == 6 ? fromYYMMDD(date) : fromCCYYMMDD(date)
        guard let day else { return nil }
        guard let time, !time.isEmpty else { return day }
        guard let clock = timeOfDay(time) else { return nil }
        return day + "T" + clock
    }

    /// An EDIFACT `DTM` value with its format qualifier 2379 → ISO 8601.
    ///
    /// Formats: `102` CCYYMMDD, `101` YYMMDD, `203` CCYYMMDDHHMM, `204` CCYYMMDDHHMMSS,
    /// `201` YYMMDDHHMM, `202` YYMMDDHHMMSS. Without a format an 8-digit value is read as 102.
    /// Periods (`718` and the like) and week or month formats give nil: they are not one day.
    public static func fromEDIFACT(_ value: some StringProtocol, format code: String?) -> String? {
        let text = String(value)
        switch code ?? "" {
        case "102": return fromCCYYMMDD(text)
        case "": return text.utf8.count == 8 ? fromCCYYMMDD(text) : nil
        case "101": return fromYYMMDD(text)
        case "203": return fromDigits(text, count: 12)
        case "204": return fromDigits(text, count: 14)
        case "201", "202":
            let length = code == "201" ? 10 : 12
            guard text.utf8.count == length, let day = fromYYMMDD(text.prefix(6)),
                  let clock = timeOfDay(String(text.dropFirst(6))) else { return nil }
            return day + "T" + clock
        default: return nil
        }
    }

    /// An EDIFACT period in format `718` (CCYYMMDD-CCYYMMDD) → its first and last ISO dates.
    public static func periodFromEDIFACT718(_ value: String) -> (start: String, end: String)? {
        let parts = value.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, let start = fromCCYYMMDD(parts[0]), let end = fromCCYYMMDD(parts[1]) else { return nil }
        return (start, end)
    }

    /// Whether a string is an ISO date (`YYYY-MM-DD`) or date-time (`YYYY-MM-DDTHH:MM[:SS]`) that exists.
    public static func isValid(_ iso: String) -> Bool {
        parse(iso) != nil
    }

    /// ISO 8601 → X12 `DT` `CCYYMMDD` (the date part).
    public static func toCCYYMMDD(_ iso: String) -> String? {
        guard let parts = parse(iso) else { return nil }
        return parts.date
    }

    /// ISO 8601 → X12 `TM` `HHMM` or `HHMMSS`; nil when the value has no time.
    public static func toX12Time(_ iso: String) -> String? {
        parse(iso)?.time
    }

    /// ISO 8601 → an EDIFACT `DTM` value and its 2379 format: `102` for a date, `203` with
    /// HH:MM, `204` with seconds.
    public static func toEDIFACT(_ iso: String) -> (value: String, format: String)? {
        guard let parts = parse(iso) else { return nil }
        guard let time = parts.time else { return (parts.date, "102") }
        return (parts.date + time, time.utf8.count == 4 ? "203" : "204")
    }

    /// Converts or throws a mapping finding that names the field and position.
    public static func requireX12(date: String, time: String? = nil, field: String,
                                  position: EDIPosition?) throws(MappingError) -> String {
        guard let iso = fromX12(date: date, time: time) else {
            let shown = time.map { "\(date) \($0)" } ?? date
            throw MappingError("date \"\(shown)\" is not a valid date", field: field, position: position)
        }
        return iso
    }

    /// Converts or throws a mapping finding that names the field and position.
    public static func requireEDIFACT(_ value: String, format: String?, field: String,
                                      position: EDIPosition?) throws(MappingError) -> String {
        guard let iso = fromEDIFACT(value, format: format) else {
            throw MappingError("date \"\(value)\" (format \(format ?? "none")) is not a valid date or not a single day",
                               field: field, position: position)
        }
        return iso
    }

    /// Whether a day exists in the Gregorian calendar.
    public static func isCalendarDate(year: Int, month: Int, day: Int) -> Bool {
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1 else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= lengths[month - 1]
    }

    // MARK: - Private

    /// `CCYYMMDD`, `CCYYMMDDHHMM` or `CCYYMMDDHHMMSS` (`count` 8, 12 or 14 digits) → ISO 8601,
    /// written from the digits as sent with the separators put in; nil when the value has another
    /// length, a non-digit, or a day or time that does not exist.
    private static func fromDigits(_ value: some StringProtocol, count: Int) -> String? {
        if let converted = value.utf8.withContiguousStorageIfAvailable({ fromDigits($0, count: count) }) { return converted }
        return Array(value.utf8).withUnsafeBufferPointer { fromDigits($0, count: count) }
    }

    private static func fromDigits(_ digits: UnsafeBufferPointer<UInt8>, count: Int) -> String? {
        guard digits.count == count, digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return nil }
        func number(_ start: Int, _ length: Int) -> Int {
            var result = 0
            for index in start..<start + length { result = result * 10 + Int(digits[index] &- UInt8(ascii: "0")) }
            return result
        }
        guard isCalendarDate(year: number(0, 4), month: number(4, 2), day: number(6, 2)) else { return nil }
        if count > 8 {
            guard number(8, 2) < 24, number(10, 2) < 60, count == 12 || number(12, 2) < 60 else { return nil }
        }
        return String(unsafeUninitializedCapacity: 19) { text in
            var written = 0
            for index in 0..<count {
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

    /// The ISO separator in front of a digit of CCYYMMDDHHMMSS.
    private static func separator(before index: Int) -> UInt8? {
        switch index {
        case 4, 6: UInt8(ascii: "-")
        case 8: UInt8(ascii: "T")
        case 10, 12: UInt8(ascii: ":")
        default: nil
        }
    }

    private static func number(_ digits: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for byte in digits {
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
    }

    private static func format(year: Int, month: Int, day: Int) -> String? {
        guard isCalendarDate(year: year, month: month, day: day) else { return nil }
        return pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }

    /// HHMM, HHMMSS or HHMMSSd… (decimal seconds dropped) → `HH:MM` or `HH:MM:SS`.
    private static func timeOfDay(_ value: String) -> String? {
        let digits = Array(value.utf8)
        guard digits.count == 4 || digits.count >= 6, digits.count <= 8,
              let hour = number(digits[0..<2]), let minute = number(digits[2..<4]),
              hour < 24, minute < 60 else { return nil }
        if digits.count == 4 { return pad(hour, 2) + ":" + pad(minute, 2) }
        guard let second = number(digits[4..<6]), second < 60, number(digits[6...]) != nil else { return nil }
        return pad(hour, 2) + ":" + pad(minute, 2) + ":" + pad(second, 2)
    }

    /// `YYYY-MM-DD[THH:MM[:SS]]` → CCYYMMDD and HHMM[SS].
    private static func parse(_ iso: String) -> (date: String, time: String?)? {
        let bytes = Array(iso.utf8)
        guard bytes.count >= 10, bytes[4] == 0x2D, bytes[7] == 0x2D,
              let year = number(bytes[0..<4]), let month = number(bytes[5..<7]), let day = number(bytes[8..<10]),
              isCalendarDate(year: year, month: month, day: day) else { return nil }
        let date = String(decoding: bytes[0..<4] + bytes[5..<7] + bytes[8..<10], as: UTF8.self)
        if bytes.count == 10 { return (date, nil) }
        guard bytes[10] == 0x54, bytes.count == 16 || bytes.count == 19, bytes[13] == 0x3A,
              let hour = number(bytes[11..<13]), let minute = number(bytes[14..<16]), hour < 24, minute < 60
        else { return nil }
        var time = String(decoding: bytes[11..<13] + bytes[14..<16], as: UTF8.self)
        if bytes.count == 19 {
            guard bytes[16] == 0x3A, let second = number(bytes[17..<19]), second < 60 else { return nil }
            time += String(decoding: bytes[17..<19], as: UTF8.self)
        }
        return (date, time)
    }
}
