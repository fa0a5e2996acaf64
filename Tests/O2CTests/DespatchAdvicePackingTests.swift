import Foundation
import Testing
import EDICore
import EDISchema
@testable import EDIFACT
import TestSupport
@testable import O2C

/// The DESADV `CPS` tree: ``EDIFACTPackingTree`` against `roots` / `children(of:)`, and the ship
/// notice's packs when a level names itself as its parent (the mapping recursed until the stack
/// overflowed: `edikit translate` ended with a segmentation fault on a message that validates).
@Suite struct DespatchAdvicePackingTests {
    /// A DESADV whose `CPS` levels are `levels` (7164, 7166), each with one `PAC` and one line.
    static func message(_ levels: [(String, String?)]) throws -> ValidatedTransaction {
        var segments = ["UNH+1+DESADV:D:96A:UN", "BGM+351+DES-1+9", "DTM+137:20261205:102", "RFF+ON:PO-1"]
        for (index, (id, parent)) in levels.enumerated() {
            segments.append("CPS+\(id)" + (parent.map { "+\($0)" } ?? ""))
            segments.append("PAC+1++PX")
            segments.append("LIN+\(index + 1)++08765431000\(index % 10):EN")
            segments.append("QTY+12:\(index + 1)")
        }
        segments.append("UNT+\(segments.count + 1)+1")
        let text = "UNA:+.? 'UNB+UNOC:3+S:14+R:14+261201:1200+R1'" + segments.joined(separator: "'") + "'UNZ+1+R1'"
        return try #require(try EDIFACTMappingTests.transactions(text: text).first)
    }

    static func shipNotice(_ levels: [(String, String?)]) throws -> ShipNotice {
        let transaction = try message(levels)
        #expect(transaction.result.isValid, "\(transaction.result.diagnostics)")
        guard case .shipNotice(let notice) = try EDIFACTInboundMapper.map(transaction) else {
            throw MappingError("not a ship notice")
        }
        return notice
    }

    @Test func treeMatchesRootsAndChildren() throws {
        let levels: [(String, String?)] = [("1", nil), ("2", "1"), ("3", "2"), ("4", "1"), ("5", "9"), ("6", "4"), ("4", "1"), ("7", "4")]
        let message = try DespatchAdviceMessage(segments: try Self.message(levels).segments)
        let tree = message.packingTree
        let sequences = message.body.packingSequences
        #expect(tree.roots.map { sequences[$0] } == message.roots)
        for index in sequences.indices {
            #expect(tree.children[index].map { sequences[$0] } == message.children(of: sequences[index]), "level \(index)")
        }
        // Both levels with id 4 have 6 and 7 below them.
        #expect(tree.children[3] == [5, 7])
        #expect(tree.children[6] == [5, 7])
        #expect(tree.roots == [0, 4])
    }

    @Test func packsFollowTheTree() throws {
        let notice = try Self.shipNotice([("1", nil), ("2", "1"), ("3", "2"), ("4", "1")])
        let order = try #require(notice.orders.first)
        #expect(notice.packageCount == 1, "the top level without SSCC is the consignment")
        #expect(order.items.map(\.lineNumber) == ["1"])
        #expect(order.packs.map { $0.items.map(\.lineNumber) } == [["2"], ["4"]])
        #expect(order.packs[0].packs.map { $0.items.map(\.lineNumber) } == [["3"]])
        #expect(order.packs[1].packs.isEmpty)
    }

    /// CPS+2+1 then CPS+2+2: the second level 2 is a child of both levels 2, itself included.
    @Test func levelNamingItselfAsParentIsMappedOnce() throws {
        let notice = try Self.shipNotice([("1", nil), ("2", "1"), ("2", "2"), ("3", "2")])
        let order = try #require(notice.orders.first)
        func lines(_ pack: Pack) -> [String] { pack.items.compactMap(\.lineNumber) + pack.packs.flatMap(lines) }
        #expect(order.packs.count == 1)
        #expect(lines(order.packs[0]) == ["2", "3", "4"])
        #expect(order.packs[0].packs.map { $0.items.compactMap(\.lineNumber) } == [["3"]])
        #expect(order.packs[0].packs[0].packs.map { $0.items.compactMap(\.lineNumber) } == [["4"]])
    }
}
