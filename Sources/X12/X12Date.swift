import Foundation
public import EDICore

/// A DTM date/time reference: the qualifier (374: `002` delivery requested, `011` shipped, `003`
/// invoice) next to the date (`CCYYMMDD`) and time as sent.
public struct X12Date: Sendable, Hashable {
    /// The DTM segment's values.
    public var segment: X12Segment
    /// Where it was read.
    public var origin: X12Origin

    /// Reads a DTM segment.
    public init(segment: X12Segment, origin: X12Origin = X12Origin()) {
        self.segment = segment
        self.origin = origin
    }

    /// A DTM from its values.
    public init(qualifier: String, date: String?, time: String? = nil, timeCode: String? = nil) {
        segment = X12Segment(tag: "DTM")
        origin = X12Origin()
        self.qualifier = qualifier
        self.date = date
        self.time = time
        self.timeCode = timeCode
    }

    /// DTM01 date/time qualifier (374).
    public var qualifier: String {
        get { segment[element: 1] ?? "" }
        set { segment[element: 1] = newValue }
    }
    /// DTM02 date, `CCYYMMDD` as sent.
    public var date: String? {
        get { segment[element: 2] }
        set { segment[element: 2] = newValue }
    }
    /// DTM03 time, `HHMM[SS[DD]]` as sent.
    public var time: String? {
        get { segment[element: 3] }
        set { segment[element: 3] = newValue }
    }
    /// DTM04 time code (623: `ET`, `UT`).
    public var timeCode: String? {
        get { segment[element: 4] }
        set { segment[element: 4] = newValue }
    }
    /// DTM05 date time period format qualifier (1250: `D8`, `RD8`).
    public var periodFormatQualifier: String? {
        get { segment[element: 5] }
        set { segment[element: 5] = newValue }
    }
    /// DTM06 date time period (1251).
    public var period: String? {
        get { segment[element: 6] }
        set { segment[element: 6] = newValue }
    }

    /// The position of the date element, for findings.
    public var datePosition: EDIPosition? { origin.element(2) }

    /// DTM01–DTM03 read together (one pass over the segment).
    public var qualifiedDate: (qualifier: String, date: String?, time: String?) {
        segment.reading { ($0[element: 1] ?? "", $0[element: 2], $0[element: 3]) }
    }
}

/// X12 date and time text (data element types DT and TM) as ISO 8601.
public enum X12DateText {
    /// `20261123` → `2026-11-23`; six-digit `261123` → `2026-11-23` (years 00–49 are 20xx, 50–99
    /// 19xx); nil when the text is not a date that exists.
    public static func isoDate(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        guard bytes.count == 8 || bytes.count == 6, bytes.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        let digits = bytes.map { Int($0 - 0x30) }
        func number(_ range: Range<Int>) -> Int { range.reduce(0) { $0 * 10 + digits[$1] } }
        var year: Int
        let rest: Int
        if bytes.count == 8 {
            year = number(0..<4)
            rest = 4
        } else {
            year = number(0..<2)
            year += year < 50 ? 2000 : 1900
            rest = 2
        }
        let month = number(rest..<rest + 2)
        let day = number(rest + 2..<rest + 4)
        guard (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year) else { return nil }
        return padded(year, 4) + "-" + padded(month, 2) + "-" + padded(day, 2)
    }

    /// `1430` → `14:30`, `143015` → `14:30:15`, `14301525` → `14:30:15.25`; nil when not a time.
    public static func isoTime(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        guard [4, 6, 7, 8].contains(bytes.count), bytes.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        let digits = bytes.map { Int($0 - 0x30) }
        let hour = digits[0] * 10 + digits[1]
        let minute = digits[2] * 10 + digits[3]
        guard hour < 24, minute < 60 else { return nil }
        var result = padded(hour, 2) + ":" + padded(minute, 2)
        if bytes.count >= 6 {
            let second = digits[4] * 10 + digits[5]
            guard second < 60 else { return nil }
            result += ":" + padded(second, 2)
            if bytes.count > 6 { result += "." + String(decoding: bytes[6...], as: UTF8.self) }
        }
        return result
    }

    /// `2026-11-23` → `20261123` (nil when not an ISO date).
    public static func x12Date(iso text: String) -> String? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2 else { return nil }
        let compact = parts.joined()
        return isoDate(compact) == nil ? nil : compact
    }

    /// `14:30` → `1430`, `14:30:15` → `143015` (nil when not an ISO time).
    public static func x12Time(iso text: String) -> String? {
        let compact = text.replacingOccurrences(of: ":", with: "").replacingOccurrences(of: ".", with: "")
        return isoTime(compact) == nil ? nil : compact
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

private func padded(_ value: Int, _ width: Int) -> String {
    let digits = "\(value)"
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
}
