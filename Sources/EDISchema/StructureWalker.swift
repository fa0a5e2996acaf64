import EDICore

/// Follows a transaction's segments through its structure: loops entered and left, segment and
/// loop counts, and what is missing, out of order, unexpected or repeated too often.
///
/// A value-type state machine: one method per event (a segment, the end), no I/O. Memory is
/// one frame per open loop level.
struct StructureWalker {
    struct Frame {
        let nodes: [StructureNode]
        let loopID: String?
        var index = 0
        var counts: [Int]

        init(nodes: [StructureNode], loopID: String?) {
            self.nodes = nodes
            self.loopID = loopID
            counts = Array(repeating: 0, count: nodes.count)
        }
    }

    /// Where a segment landed.
    struct Placement {
        /// The spec to check its elements against; nil when the segment has no place.
        var spec: SegmentSpec?
        /// Loop ids, outermost first.
        var loopPath: String?
    }

    let schema: TransactionSchema
    private(set) var frames: [Frame]

    init(schema: TransactionSchema) {
        self.schema = schema
        frames = [Frame(nodes: schema.structure, loopID: nil)]
    }

    var loopPath: String? {
        let ids = frames.compactMap(\.loopID)
        return ids.isEmpty ? nil : ids.joined(separator: "/")
    }

    /// Places a segment, reporting structure problems.
    mutating func place(_ segment: Segment, into diagnostics: inout [Diagnostic]) -> Placement {
        let tag = segment.tag.description
        // Search the innermost frame forward, then the enclosing ones (leaving loops).
        for depth in stride(from: frames.count - 1, through: 0, by: -1) {
            guard let (index, enterLoop) = match(tag, segment, in: frames[depth]) else { continue }
            // Leave the loops inside `depth`, checking what they missed.
            while frames.count - 1 > depth {
                closeFrame(at: segment.position, into: &diagnostics)
            }
            return advance(to: index, enterLoop: enterLoop, segment: segment, into: &diagnostics)
        }
        // No place ahead: out of order, or not part of this transaction at all.
        let kind: DiagnosticKind
        let message: String
        if schema.knownTags.contains(tag) {
            kind = .segmentOutOfOrder
            message = "\(tag) is not expected here\(loopPath.map { " (in loop \($0))" } ?? ""); it belongs elsewhere in \(schema.id)"
        } else {
            kind = .segmentNotInTransaction
            message = "\(tag) is not part of \(schema.id) \(schema.version)"
        }
        diagnostics.append(Diagnostic(.error, kind, message, at: segment.position, loopPath: loopPath))
        return Placement(spec: nil, loopPath: loopPath)
    }

    /// The index of the next child in a frame that the segment can be, and whether it starts a loop.
    private func match(_ tag: String, _ segment: Segment, in frame: Frame) -> (Int, Bool)? {
        var fallback: (Int, Bool)?
        for index in frame.index..<frame.nodes.count {
            switch frame.nodes[index] {
            case .segment(let use):
                // Within a loop, its trigger (index 0) can only be matched by a new iteration, from the parent.
                if use.tag == tag, !(frame.loopID != nil && index == 0) { return (index, false) }
            case .loop(let loop):
                guard loop.trigger.tag == tag else { continue }
                if let position = loop.qualifierPosition {
                    let value = segment.element(position).string
                    if loop.qualifierValues.contains(value) { return (index, true) }
                } else if fallback == nil {
                    fallback = (index, true)
                    if !hasQualifiedSibling(tag, in: frame, from: index) { return fallback }
                }
            }
        }
        return fallback
    }

    private func hasQualifiedSibling(_ tag: String, in frame: Frame, from index: Int) -> Bool {
        frame.nodes[index...].contains {
            if case .loop(let loop) = $0, loop.trigger.tag == tag, loop.qualifierPosition != nil { return true }
            return false
        }
    }

    private mutating func advance(to index: Int, enterLoop: Bool, segment: Segment, into diagnostics: inout [Diagnostic]) -> Placement {
        var frame = frames.removeLast()
        // Children skipped between the current place and the new one.
        let from = frame.counts[frame.index] > 0 ? frame.index + 1 : frame.index
        if index > from {
            for skipped in from..<index { reportMissing(frame.nodes[skipped], count: frame.counts[skipped], at: segment.position, into: &diagnostics) }
        } else if index > frame.index, frame.counts[frame.index] == 0 {
            reportMissing(frame.nodes[frame.index], count: 0, at: segment.position, into: &diagnostics)
        }
        frame.index = index
        frame.counts[index] += 1
        let count = frame.counts[index]
        frames.append(frame)
        switch frame.nodes[index] {
        case .segment(let use):
            if let max = use.maxUse, count > max {
                diagnostics.append(Diagnostic(.error, .segmentOverMaximum, "\(use.tag) occurs \(count) times; at most \(max)",
                                              at: segment.position, loopPath: loopPath))
            }
            if use.usage == .notUsed {
                diagnostics.append(Diagnostic(.error, .segmentNotUsed, "\(use.tag) is marked not used", at: segment.position, loopPath: loopPath))
            }
            return Placement(spec: use.spec, loopPath: loopPath)
        case .loop(let loop):
            if let max = loop.maxRepeat, count > max {
                diagnostics.append(Diagnostic(.error, .loopOverMaximum, "loop \(loop.id) occurs \(count) times; at most \(max)",
                                              at: segment.position, loopPath: loopPath))
            }
            if loop.usage == .notUsed {
                diagnostics.append(Diagnostic(.error, .segmentNotUsed, "loop \(loop.id) is marked not used", at: segment.position, loopPath: loopPath))
            }
            var inner = Frame(nodes: loop.children, loopID: loop.id)
            inner.counts[0] = 1
            frames.append(inner)
            return Placement(spec: loop.trigger.spec, loopPath: loopPath)
        }
    }

    private func reportMissing(_ node: StructureNode, count: Int, at position: EDIPosition, into diagnostics: inout [Diagnostic]) {
        guard count == 0, node.usage == .mandatory else { return }
        var where_ = position
        where_.element = nil
        switch node {
        case .segment(let use):
            diagnostics.append(Diagnostic(.error, .mandatorySegmentMissing,
                "mandatory segment \(use.tag) (position \(use.position)) is missing before \(position.segmentTag ?? "this segment")",
                at: where_, loopPath: loopPath))
        case .loop(let loop):
            diagnostics.append(Diagnostic(.error, .mandatorySegmentMissing,
                "mandatory loop \(loop.id) (starting with \(loop.trigger.tag)) is missing before \(position.segmentTag ?? "this segment")",
                at: where_, loopPath: loopPath))
        }
    }

    private mutating func closeFrame(at position: EDIPosition, into diagnostics: inout [Diagnostic]) {
        let frame = frames[frames.count - 1]
        guard !frame.nodes.isEmpty else {
            frames.removeLast()
            return
        }
        let from = frame.counts[frame.index] > 0 ? frame.index + 1 : frame.index
        if from < frame.nodes.count {
            for index in from..<frame.nodes.count {
                reportMissing(frame.nodes[index], count: frame.counts[index], at: position, into: &diagnostics)
            }
        }
        frames.removeLast()
    }

    /// The transaction ended (after its trailer): report what is still missing.
    mutating func finish(at position: EDIPosition, into diagnostics: inout [Diagnostic]) {
        while !frames.isEmpty { closeFrame(at: position, into: &diagnostics) }
    }
}
