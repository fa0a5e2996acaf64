/// A segment's compiled tables as the clean-segment pass of ``ElementChecker`` reads them: plain
/// pointers into the tables its ``CompiledSegment`` owns (no reference counting per segment), and the
/// facts that tell when a segment can only be checked by the exact pass.
///
/// `@unchecked Sendable`: the pointers are read-only views of tables that the owning, immutable
/// ``CompiledSegment`` frees only when it goes, and it outlives every validator using them.
struct SegmentCheck: @unchecked Sendable {
    let elements: UnsafeBufferPointer<CompiledElement>
    let components: UnsafeBufferPointer<CompiledElement>
    let rules: UnsafeBufferPointer<CompiledRule>
    let componentRules: UnsafeBufferPointer<CompiledRule>
    let lastPosition: Int
    /// The index in `elements` of the last mandatory element (-1: none).
    let lastMandatory: Int
    /// Whether element positions ascend (1 or more), so the pass can stop at the segment's last element.
    let ascending: Bool
    /// Whether only the exact pass checks this segment: ISA (read literally), or a syntax rule over a
    /// position of 64 or more.
    let exactOnly: Bool

    init(_ segment: CompiledSegment) {
        elements = segment.elements.values
        components = segment.components.values
        rules = segment.rules.values
        componentRules = segment.componentRules.values
        lastPosition = segment.lastPosition
        lastMandatory = segment.elements.lastIndex { $0.usage == .mandatory } ?? -1
        var ascending = true
        var previous = 0
        for element in segment.elements {
            if element.position <= previous { ascending = false }
            previous = element.position
        }
        self.ascending = ascending
        exactOnly = segment.isInterchangeHeader || !segment.rulesAsMasks
    }
}
