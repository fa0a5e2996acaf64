import O2C
import Testing

/// EDI dates to ISO 8601 and back, with calendar validation.
@Suite struct ISODateTests {
    @Test func x12Dates() {
        #expect(ISODate.fromCCYYMMDD("20261123") == "2026-11-23")
        #expect(ISODate.fromYYMMDD("261123") == "2026-11-23")
        #expect(ISODate.fromYYMMDD("991231") == "1999-12-31")
        #expect(ISODate.fromYYMMDD("491231") == "2049-12-31")
        #expect(ISODate.fromX12(date: "20261202", time: "1430") == "2026-12-02T14:30")
        #expect(ISODate.fromX12(date: "20261202", time: "143005") == "2026-12-02T14:30:05")
        #expect(ISODate.fromX12(date: "20261202", time: "14300512") == "2026-12-02T14:30:05")
        #expect(ISODate.fromX12(date: "20261202", time: "") == "2026-12-02")
    }

    @Test(arguments: ["20260230", "20261301", "20260000", "2026113", "2026112a", "", "20250229", "19000229"])
    func impossibleX12DatesAreNil(_ value: String) {
        #expect(ISODate.fromCCYYMMDD(value) == nil)
    }

    @Test func leapYears() {
        #expect(ISODate.fromCCYYMMDD("20240229") == "2024-02-29")
        #expect(ISODate.fromCCYYMMDD("20000229") == "2000-02-29")
        #expect(ISODate.fromCCYYMMDD("21000229") == nil)
    }

    @Test func badTimes() {
        #expect(ISODate.fromX12(date: "20261202", time: "2460") == nil)
        #expect(ISODate.fromX12(date: "20261202", time: "2400") == nil)
        #expect(ISODate.fromX12(date: "20261202", time: "123") == nil)
        #expect(ISODate.fromX12(date: "20261202", time: "1230x") == nil)
    }

    @Test func edifactFormats() {
        #expect(ISODate.fromEDIFACT("20261126", format: "102") == "2026-11-26")
        #expect(ISODate.fromEDIFACT("20261126", format: nil) == "2026-11-26")
        #expect(ISODate.fromEDIFACT("261126", format: "101") == "2026-11-26")
        #expect(ISODate.fromEDIFACT("202611261045", format: "203") == "2026-11-26T10:45")
        #expect(ISODate.fromEDIFACT("20261126104530", format: "204") == "2026-11-26T10:45:30")
        #expect(ISODate.fromEDIFACT("2611261045", format: "201") == "2026-11-26T10:45")
        #expect(ISODate.fromEDIFACT("261126104530", format: "202") == "2026-11-26T10:45:30")
        #expect(ISODate.fromEDIFACT("20261126-20261130", format: "718") == nil)
        #expect(ISODate.fromEDIFACT("202611", format: "610") == nil)
        #expect(ISODate.fromEDIFACT("20261131", format: "102") == nil)
        #expect(ISODate.fromEDIFACT("2026112610", format: "203") == nil)
        #expect(ISODate.fromEDIFACT("202611262400", format: "203") == nil)
        #expect(ISODate.fromEDIFACT("202611261060", format: "203") == nil)
        #expect(ISODate.fromEDIFACT("20261126104560", format: "204") == nil)
        #expect(ISODate.fromEDIFACT("2026112610453a", format: "204") == nil)
        #expect(ISODate.fromEDIFACT("20261126", format: "") == "2026-11-26")
        #expect(ISODate.fromEDIFACT("2026112", format: nil) == nil)
        let period = ISODate.periodFromEDIFACT718("20261126-20261130")
        #expect(period?.start == "2026-11-26" && period?.end == "2026-11-30")
        #expect(ISODate.periodFromEDIFACT718("20261126") == nil)
    }

    @Test func backToEDI() {
        #expect(ISODate.toCCYYMMDD("2026-11-23") == "20261123")
        #expect(ISODate.toCCYYMMDD("2026-12-02T14:30") == "20261202")
        #expect(ISODate.toX12Time("2026-12-02T14:30") == "1430")
        #expect(ISODate.toX12Time("2026-12-02T14:30:05") == "143005")
        #expect(ISODate.toX12Time("2026-12-02") == nil)
        #expect(ISODate.toEDIFACT("2026-11-23")?.value == "20261123")
        #expect(ISODate.toEDIFACT("2026-11-23")?.format == "102")
        #expect(ISODate.toEDIFACT("2026-11-23T10:45")?.value == "202611231045")
        #expect(ISODate.toEDIFACT("2026-11-23T10:45")?.format == "203")
        #expect(ISODate.toEDIFACT("2026-11-23T10:45:30")?.value == "20261123104530")
        #expect(ISODate.toEDIFACT("2026-11-23T10:45:30")?.format == "204")
        #expect(ISODate.toEDIFACT("2026-02-30") == nil)
        #expect(ISODate.toCCYYMMDD("2026/11/23") == nil)
        #expect(!ISODate.isValid("2026-11-23T25:00"))
        #expect(ISODate.isValid("2026-11-23"))
    }

    @Test(arguments: ["20240229", "19991231", "20261123"])
    func roundTripThroughISO(_ value: String) {
        let iso = ISODate.fromCCYYMMDD(value)!
        #expect(ISODate.toCCYYMMDD(iso) == value)
        #expect(ISODate.fromEDIFACT(ISODate.toEDIFACT(iso)!.value, format: "102") == iso)
    }

    @Test func requireThrowsAFindingWithFieldAndPosition() {
        #expect(throws: MappingError.self) { try ISODate.requireX12(date: "20260230", field: "orderDate", position: nil) }
        do {
            _ = try ISODate.requireEDIFACT("2026", format: "102", field: "orderDate", position: nil)
            Issue.record("expected a finding")
        } catch {
            #expect(error.findings.first?.field == "orderDate")
            #expect(error.findings.first?.message.contains("2026") == true)
        }
    }
}
