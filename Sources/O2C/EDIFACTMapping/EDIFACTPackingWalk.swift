import EDIFACT

/// The DESADV `CPS` tree walked from its top levels into ship-notice packs, each level mapped at
/// most once: a level that names itself or a level below it as its parent (7166) is not reached
/// again, so a cyclic tree ends (it recursed until the stack overflowed), and a tree of n levels
/// takes n steps (children looked up in ``EDIFACTPackingTree``, not by reading every level again).
struct EDIFACTPackingWalk {
    let levels: [EDIFACTPackingSequence]
    let tree: EDIFACTPackingTree
    /// Maps a line of a level to a shipped item.
    let item: (EDIFACTLineItem, inout EDIFACTMappingContext) -> ShippedItem
    private var reached: [Bool]

    init(_ message: DespatchAdviceMessage, item: @escaping (EDIFACTLineItem, inout EDIFACTMappingContext) -> ShippedItem) {
        self.item = item
        levels = message.body.packingSequences
        tree = message.packingTree
        reached = Array(repeating: false, count: levels.count)
        for root in tree.roots { reached[root] = true }
    }

    /// The packs of the levels below `index` not reached before, in message order.
    mutating func packs(under index: Int, _ context: inout EDIFACTMappingContext) -> [Pack] {
        var packs: [Pack] = []
        for child in tree.children[index] where !reached[child] {
            reached[child] = true
            packs.append(pack(child, &context))
        }
        return packs
    }

    /// The level at `index` as a pack: SSCC from `GIN+BJ`, other `GIN` numbers as marks, its
    /// packs below, then its lines.
    mutating func pack(_ index: Int, _ context: inout EDIFACTMappingContext) -> Pack {
        let level = levels[index]
        let codes = level.packages.flatMap(\.serialShippingContainerCodes)
        var marks = level.packages.flatMap { $0.identifications.flatMap(\.goodsIdentities) }
            .flatMap { identity in identity.numbers.map { Reference(qualifier: identity.qualifier, value: $0) } }
        if let first = marks.firstIndex(where: { $0.qualifier == "BJ" }) { marks.remove(at: first) }
        let packs = packs(under: index, &context)
        return Pack(sscc: codes.first, marks: marks, packagingCode: level.packages.first?.packageType,
                    levelCode: level.packagingLevel, packs: packs,
                    items: level.lineItems.map { item($0, &context) })
    }
}
