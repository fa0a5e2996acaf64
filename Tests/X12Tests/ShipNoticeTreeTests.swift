import Foundation
import Testing
import EDICore
@testable import X12

/// The 856 HL tree: levels gathered depth first (not in HL order) by `allLevels`, `orders`,
/// `packs`, `items` and `shipment`, HL01–HL03 read once from the HL segment, and an HL that names
/// itself as its parent refused.
@Suite struct ShipNoticeTreeTests {
    /// The sample's HL segments replaced by `levels` (HL01, HL02, HL03), each with the segments
    /// the sample has under a level of that code (the first such level's).
    static func notice(levels: [(String, String?, String)]) throws -> ShipNotice856 {
        let sample = try #require(try X12TestSupport.transactions("Samples/edi-outbound-examples/acme-856-004010-to-globex.edi").first)
        let values = X12TestSupport.values(sample)
        let firstHL = try #require(values.firstIndex { $0.tag == "HL" })
        let ctt = try #require(values.firstIndex { $0.tag == "CTT" })
        var loops: [String: [OutgoingSegment]] = [:]
        var code = ""
        for segment in values[firstHL..<ctt] {
            if segment.tag == "HL" { code = segment[element: 3] ?? ""; if loops[code] != nil { code = "" } else { loops[code] = [] }; continue }
            if !code.isEmpty { loops[code]?.append(segment) }
        }
        var body = Array(values[..<firstHL])
        for (id, parent, level) in levels {
            body.append(OutgoingSegment("HL", [id, parent ?? "", level]))
            body += loops[level] ?? []
        }
        body += values[ctt...]
        return try ShipNotice856(segments: try X12TestSupport.reread(body))
    }

    @Test func levelsAreGatheredDepthFirst() throws {
        // Order 4 comes after pack 3 in the file, item 5 (under pack 3) after order 4.
        let notice = try Self.notice(levels: [("1", nil, "S"), ("2", "1", "O"), ("3", "2", "P"), ("4", "1", "O"),
                                              ("5", "3", "I"), ("6", "4", "I")])
        #expect(notice.allLevels.map(\.id) == ["1", "2", "3", "5", "4", "6"])
        #expect(notice.orders.map(\.id) == ["2", "4"])
        #expect(notice.orders[0].children.map(\.id) == ["3"])
        #expect(notice.packs.map(\.id) == ["3"])
        #expect(notice.items.map(\.id) == ["5", "6"])
        #expect(notice.items[0].itemDetail?.unitsShipped?.decimal == 48)
        #expect(notice.shipment?.id == "1")
        #expect(notice.shipment?.carrierRouting.first?.identificationCode == "UPSN")
    }

    @Test func shipmentIsTheFirstShipmentLevelDepthFirst() throws {
        let notice = try Self.notice(levels: [("1", nil, "O"), ("2", "1", "S"), ("3", nil, "S")])
        #expect(notice.levels.map(\.id) == ["1", "3"])
        #expect(notice.shipment?.id == "2")
        let none = try Self.notice(levels: [("1", nil, "O"), ("2", "1", "I")])
        #expect(none.shipment == nil)
    }

    /// `id`, `parentId` and `levelCode` are read once from the HL segment: setting them, or the
    /// segment itself, gives the new values at the next read.
    @Test func hierarchyValuesFollowTheSegment() throws {
        var level = X12HierarchicalLevel(id: "3", parentId: "2", levelCode: "P")
        #expect(level.id == "3" && level.parentId == "2" && level.levelCode == "P")
        level.levelCode = "T"
        level.parentId = nil
        #expect(level.levelCode == "T" && level.parentId == nil && level.hierarchySegment[element: 3] == "T")
        level.hierarchySegment = X12Segment(OutgoingSegment("HL", ["9", "4", "I"]))
        #expect(level.id == "9" && level.parentId == "4" && level.levelCode == "I")
        level.hierarchySegment[element: 1] = "10"
        #expect(level.id == "10" && level.levelCode == "I")
        let notice = try Self.notice(levels: [("1", nil, "S"), ("2", "1", "O")])
        var order = try #require(notice.orders.first)
        #expect(order.id == "2" && order.parentId == "1" && order.levelCode == "O")
        order.id = "7"
        #expect(order.id == "7" && order.hierarchySegment[element: 1] == "7" && order.parentId == "1")
    }

    /// HL*4*4: the level would be its own child, and building the tree would never end.
    @Test func levelNamingItselfAsParentIsAnError() throws {
        #expect {
            try Self.notice(levels: [("1", nil, "S"), ("2", "1", "O"), ("3", "2", "P"), ("4", "4", "I")])
        } throws: { error in
            guard let error = error as? X12ModelError else { return false }
            return error.message.contains("parent 4") && error.position?.segmentTag == "HL" && error.position?.element == 2
        }
    }
}
