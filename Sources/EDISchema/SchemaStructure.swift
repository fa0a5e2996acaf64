public import EDICore

/// A segment at one place of a transaction structure.
public struct SegmentUse: Sendable, Hashable {
    /// The tag.
    public var tag: String
    /// The standard's position number ("020", "0020").
    public var position: String
    /// Usage.
    public var usage: Usage
    /// Maximum use (nil: unbounded).
    public var maxUse: Int?
    /// The segment's definition here, with the place's overrides applied.
    public var spec: SegmentSpec
}

/// A loop (X12) or segment group (EDIFACT); its first child is the trigger segment.
public struct LoopUse: Sendable, Hashable {
    /// The loop id (`N1`, `PO1`, `SG2`).
    public var id: String
    /// Name.
    public var name: String?
    /// Usage.
    public var usage: Usage
    /// Maximum repetitions (nil: unbounded).
    public var maxRepeat: Int?
    /// The element position in the trigger segment that selects this loop among siblings.
    public var qualifierPosition: Int?
    /// The values at ``qualifierPosition`` that select it.
    public var qualifierValues: Set<String>
    /// Children in order; the first is the trigger segment.
    public var children: [StructureNode]

    /// The trigger segment.
    public var trigger: SegmentUse {
        guard case .segment(let segment) = children[0] else { preconditionFailure("a loop starts with a segment") }
        return segment
    }
}

/// A node of a transaction structure.
public indirect enum StructureNode: Sendable, Hashable {
    /// A segment.
    case segment(SegmentUse)
    /// A loop.
    case loop(LoopUse)

    /// The first segment tag the node can start with.
    public var leadingTag: String {
        switch self {
        case .segment(let segment): segment.tag
        case .loop(let loop): loop.trigger.tag
        }
    }

    /// Usage.
    public var usage: Usage {
        switch self {
        case .segment(let segment): segment.usage
        case .loop(let loop): loop.usage
        }
    }
}

/// HL levels of a hierarchical transaction set (856): which level may sit under which.
public struct HierarchySpec: Sendable, Hashable {
    /// Level code (HL03) → allowed parent level codes (empty: top level).
    public var parents: [String: Set<String>]
    /// Level names.
    public var names: [String: String]
    /// Whether codes not listed are errors.
    public var isClosed: Bool
    /// The hierarchy segment tag (HL).
    public var segment: String
}

/// The schema of one transaction set (X12) or message (EDIFACT) in one version.
public struct TransactionSchema: Sendable {
    /// X12 or EDIFACT.
    public var syntax: EDISyntax
    /// X12 version (`004010`) or EDIFACT directory (`D96A`).
    public var version: String
    /// `850`, `ORDERS`.
    public var id: String
    /// Name.
    public var name: String
    /// X12 functional identifier (`PO`).
    public var functionalGroup: String?
    /// The structure, header to trailer.
    public var structure: [StructureNode]
    /// HL rules, for hierarchical sets.
    public var hierarchy: HierarchySpec?
    /// Every segment tag the structure uses.
    public var knownTags: Set<String>
    /// The file it was loaded from.
    public var sourcePath: String?
    /// The guide applied, if any.
    public var guideName: String?
}

/// The envelope definitions of one syntax version: header/trailer segments and their checks.
public struct EnvelopeSchema: Sendable {
    /// X12 or EDIFACT.
    public var syntax: EDISyntax
    /// `00401`, `00501`; EDIFACT `3`, `4`.
    public var version: String
    /// Segment definitions (`ISA`, `GS`, `UNB`…).
    public var segments: [String: SegmentSpec]
}
