import EDICore

/// Where a segment can go in one level of a compiled structure: a child (and whether it starts a
/// loop), nowhere, or a place only the segment's qualifier value decides.
enum Place: Equatable {
    case none
    case child(Int, entersLoop: Bool)
    case dependsOnQualifier
}

extension CompiledTransaction {
    /// The next child of a level (children `start..<start + count`, `inLoop` when the level is a loop),
    /// at or after `index`, that a segment with `tag` can be. A loop's trigger (child 0) repeats only as
    /// a new iteration, found from the parent. Of loops with the same trigger, one whose qualifier
    /// (`qualifies`; nil: not known) accepts the segment wins over one without a qualifier.
    func place(of tag: SegmentTag, start: Int, count: Int, inLoop: Bool, from index: Int,
               qualifies: (CompiledNode) -> Bool?) -> Place {
        Self.place(of: tag, start: start, count: count, inLoop: inLoop, from: index, nodes: nodes, nodeTags: nodeTags,
                   qualifies: qualifies)
    }

    static func place(of tag: SegmentTag, start: Int, count: Int, inLoop: Bool, from index: Int,
                      nodes: FixedTable<CompiledNode>, nodeTags: FixedTable<SegmentTag>,
                      qualifies: (CompiledNode) -> Bool?) -> Place {
        var fallback = Place.none
        var child = index
        while child < count {
            if nodeTags[start + child] == tag {
                let node = nodes[start + child]
                if !node.isLoop {
                    if !(inLoop && child == 0) { return .child(child, entersLoop: false) }
                } else if node.qualifierSet >= 0 {
                    guard let accepted = qualifies(node) else { return .dependsOnQualifier }
                    if accepted { return .child(child, entersLoop: true) }
                } else if fallback == .none {
                    fallback = .child(child, entersLoop: true)
                    let qualifiedSibling = (child..<count).contains {
                        let sibling = nodes[start + $0]
                        return sibling.isLoop && sibling.tag == tag && sibling.qualifierSet >= 0
                    }
                    if !qualifiedSibling { return fallback }
                }
            }
            child += 1
        }
        return fallback
    }
}

/// ``CompiledTransaction/place(of:start:count:inLoop:from:qualifies:)`` worked out once per schema for
/// every level, current child and tag of the level, so placing a segment is a lookup instead of a walk
/// along the level's children. Places that depend on a qualifier value are left to the walk.
struct PlaceTable: @unchecked Sendable {
    // `@unchecked Sendable`: plain tables, written once when the schema is compiled and only read after.
    /// Open addressing: `(level << 32) | tag` keys, 0 for an empty slot (a tag is never 0).
    private let keys: FixedTable<UInt64>
    /// Per slot: where the level's answers for the tag start in `answers`, one per current child.
    private let offsets: FixedTable<Int32>
    /// `child << 1 | entersLoop`, -1: no place, -2: depends on the qualifier.
    private let answers: FixedTable<Int32>
    private let shift: UInt64
    private let mask: Int

    static let noPlace: Int32 = -1
    static let dependsOnQualifier: Int32 = -2

    /// `levels`: per level (its index as the walker numbers it), its children and whether it is a loop.
    init(nodes: FixedTable<CompiledNode>, nodeTags: FixedTable<SegmentTag>,
         levels: [(level: Int, start: Int, count: Int, inLoop: Bool)]) {
        var entries: [(key: UInt64, offset: Int32)] = []
        var answers: [Int32] = []
        for level in levels {
            var tags: [SegmentTag] = []
            for child in 0..<level.count where !tags.contains(nodeTags[level.start + child]) {
                tags.append(nodeTags[level.start + child])
            }
            for tag in tags where tag.rawValue != 0 {
                entries.append((UInt64(level.level) << 32 | UInt64(tag.rawValue), Int32(answers.count)))
                for index in 0..<level.count {
                    switch CompiledTransaction.place(of: tag, start: level.start, count: level.count, inLoop: level.inLoop,
                                                     from: index, nodes: nodes, nodeTags: nodeTags, qualifies: { _ in nil }) {
                    case .none: answers.append(Self.noPlace)
                    case .dependsOnQualifier: answers.append(Self.dependsOnQualifier)
                    case .child(let child, let entersLoop): answers.append(Int32(child) << 1 | (entersLoop ? 1 : 0))
                    }
                }
            }
        }
        var bits: UInt64 = 2
        while (1 << bits) < entries.count * 2 { bits += 1 }
        let size = 1 << Int(bits)
        var keys = [UInt64](repeating: 0, count: size)
        var offsets = [Int32](repeating: 0, count: size)
        shift = 64 - bits
        mask = size - 1
        for entry in entries {
            var slot = Self.slot(entry.key, shift: shift)
            while keys[slot] != 0 { slot = (slot + 1) & mask }
            keys[slot] = entry.key
            offsets[slot] = entry.offset
        }
        self.keys = FixedTable(keys)
        self.offsets = FixedTable(offsets)
        self.answers = FixedTable(answers)
    }

    @inline(__always)
    private static func slot(_ key: UInt64, shift: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// The answer for a level, its current child and a tag: `child << 1 | entersLoop`, ``noPlace`` or
    /// ``dependsOnQualifier``.
    @inline(__always)
    func answer(level: Int, tag: SegmentTag, index: Int) -> Int32 {
        let key = UInt64(truncatingIfNeeded: level) << 32 | UInt64(tag.rawValue)
        var slot = Self.slot(key, shift: shift)
        while true {
            let found = keys[slot]
            if found == key { return answers[Int(offsets[slot]) + index] }
            if found == 0 { return Self.noPlace }
            slot = (slot + 1) & mask
        }
    }

    func free() {
        keys.free()
        offsets.free()
        answers.free()
    }
}
