import EDICore

/// Follows a transaction's segments through its compiled structure: loops entered and left,
/// segment and loop counts, and what is missing, out of order, unexpected or repeated too often.
///
/// A value-type state machine: one method per event (a segment, the end), no I/O, and no
/// allocation per segment once its stacks have grown to the structure's depth.
struct StructureWalker {
    struct Frame {
        /// The loop node (-1 for the transaction level).
        var loop: Int
        var childStart: Int
        var childCount: Int
        /// The current child, relative to `childStart`.
        var index = 0
        /// Where this frame's counts start in `counts`.
        var countsBase: Int
    }

    let compiled: CompiledTransaction
    private(set) var frames: [Frame] = []
    private var counts: [Int] = []

    init(compiled: CompiledTransaction) {
        self.compiled = compiled
        frames.reserveCapacity(8)
        counts.reserveCapacity(64)
        push(loop: -1, childStart: 0, childCount: compiled.rootCount)
    }

    private mutating func push(loop: Int, childStart: Int, childCount: Int) {
        let base = frames.last.map { $0.countsBase + $0.childCount } ?? 0
        frames.append(Frame(loop: loop, childStart: childStart, childCount: childCount, countsBase: base))
        // `counts` only grows (to the deepest nesting seen); a new frame's range is zeroed in place.
        if counts.count < base + childCount { counts.append(contentsOf: repeatElement(0, count: base + childCount - counts.count)) }
        guard childCount > 0 else { return }
        counts.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress?.advanced(by: base).update(repeating: 0, count: childCount)
        }
    }

    /// Where a frame's level facts are in `levelTags` and `lastMandatory` (the top level is last).
    @inline(__always)
    private func level(_ frame: Frame) -> Int {
        frame.loop >= 0 ? frame.loop : compiled.nodes.count
    }

    private mutating func pop() {
        frames.removeLast()
    }

    /// Loop ids, outermost first (`PO1/PID`); computed only for messages.
    var loopPath: String? {
        let ids = frames.compactMap { $0.loop >= 0 ? compiled.labels[$0.loop] : nil }
        return ids.isEmpty ? nil : ids.joined(separator: "/")
    }

    /// Places a segment, reporting structure problems; returns the compiled segment to check it
    /// against, or -1 when it has no place.
    mutating func place(_ segment: Segment, into diagnostics: inout [Diagnostic]) -> Int {
        let tag = segment.tag
        for depth in stride(from: frames.count - 1, through: 0, by: -1) {
            guard let (child, entersLoop) = match(tag, segment, depth: depth) else { continue }
            while frames.count - 1 > depth { closeFrame(before: segment, into: &diagnostics) }
            return advance(to: child, entersLoop: entersLoop, segment: segment, into: &diagnostics)
        }
        reportUnplaced(segment, into: &diagnostics)
        return -1
    }

    /// A segment with no place ahead: tells the four cases apart (997 AK304 1, 6, 7, 2).
    /// - not a segment of the version at all: `SEG_UNRECOGNIZED`;
    /// - a segment of the version the set does not use: `SEG_NOT_IN_SET`;
    /// - a segment whose place in the current loop, or an enclosing one, is already behind: `SEG_OUT_OF_ORDER`;
    /// - a segment of the set whose places are all in loops that are not open here: `SEG_UNEXPECTED`.
    private func reportUnplaced(_ segment: Segment, into diagnostics: inout [Diagnostic]) {
        let tag = segment.tag
        let name = tag.description
        let set = "\(compiled.schema.id) \(compiled.schema.version)"
        let inLoop = loopPath.map { " (in loop \($0))" } ?? ""
        guard compiled.knownTags.contains(tag) else {
            if let recognized = compiled.recognizedTags, !recognized.contains(tag) {
                diagnostics.append(Diagnostic(.error, .unrecognizedSegment,
                    "\(name) is not a segment of \(compiled.schema.syntax == .x12 ? "X12" : "EDIFACT") \(compiled.schema.version): unrecognized segment id",
                    at: segment.position, loopPath: loopPath))
            } else {
                diagnostics.append(Diagnostic(.error, .segmentNotInTransaction, "\(name) is not part of \(set)",
                                              at: segment.position, loopPath: loopPath))
            }
            return
        }
        if let (depth, child) = passedPlace(of: tag) {
            let frame = frames[depth]
            let where_ = frame.loop >= 0 ? "loop \(compiled.labels[frame.loop])" : "the top level"
            let label = compiled.labels[frame.childStart + child]
            let place = compiled.nodes[frame.childStart + child].isLoop ? "loop \(label)" : "position \(label)"
            diagnostics.append(Diagnostic(.error, .segmentOutOfOrder,
                "\(name) is out of order\(inLoop): its place (\(place) of \(where_)) is before segments already read",
                at: segment.position, loopPath: loopPath))
            return
        }
        let places = compiled.places(of: tag)
        let belongs = places.isEmpty ? "" : "; \(compiled.schema.id) has it in \(places.joined(separator: ", "))"
        var message = "\(name) is not expected here\(inLoop)\(belongs)"
        if compiled.nodes.contains(where: { $0.isLoop && $0.tag == tag && $0.qualifierSet >= 0 }) {
            message += ", and its qualifier does not choose any loop open here"
        }
        diagnostics.append(Diagnostic(.error, .unexpectedSegment, message, at: segment.position, loopPath: loopPath))
    }

    /// The innermost open frame, and its child, where the tag had a place that is already behind.
    private func passedPlace(of tag: SegmentTag) -> (Int, Int)? {
        for depth in stride(from: frames.count - 1, through: 0, by: -1) {
            let frame = frames[depth]
            for child in 0..<min(frame.index, frame.childCount) where compiled.nodes[frame.childStart + child].tag == tag {
                return (depth, child)
            }
        }
        return nil
    }

    /// The next child of a frame the segment can be, and whether it starts a loop.
    private func match(_ tag: SegmentTag, _ segment: Segment, depth: Int) -> (Int, Bool)? {
        let frame = frames[depth]
        guard compiled.levelTags[level(frame)] & CompiledTransaction.tagBit(tag) != 0 else { return nil }
        var fallback: (Int, Bool)?
        var child = frame.index
        while child < frame.childCount {
            if compiled.nodeTags[frame.childStart + child] == tag {
                let node = compiled.nodes[frame.childStart + child]
                if !node.isLoop {
                    // A loop's trigger (child 0) repeats only as a new iteration, found from the parent.
                    if !(frame.loop >= 0 && child == 0) { return (child, false) }
                } else if node.qualifierSet >= 0 {
                    let value = segment.element(node.qualifierPosition)
                    if compiled.codeSets[node.qualifierSet].contains(value.bytes) { return (child, true) }
                } else if fallback == nil {
                    fallback = (child, true)
                    if !hasQualifiedSibling(tag, frame: frame, from: child) { return fallback }
                }
            }
            child += 1
        }
        return fallback
    }

    private func hasQualifiedSibling(_ tag: SegmentTag, frame: Frame, from child: Int) -> Bool {
        for index in child..<frame.childCount {
            let node = compiled.nodes[frame.childStart + index]
            if node.isLoop, node.tag == tag, node.qualifierSet >= 0 { return true }
        }
        return false
    }

    private mutating func advance(to child: Int, entersLoop: Bool, segment: Segment, into diagnostics: inout [Diagnostic]) -> Int {
        let depth = frames.count - 1
        let frame = frames[depth]
        let current = counts[frame.countsBase + frame.index]
        let from = current > 0 ? frame.index + 1 : frame.index
        if child > from {
            for skipped in from..<child { reportMissing(node: frame.childStart + skipped, count: counts[frame.countsBase + skipped], before: segment, into: &diagnostics) }
        } else if child > frame.index, current == 0 {
            reportMissing(node: frame.childStart + frame.index, count: 0, before: segment, into: &diagnostics)
        }
        frames[depth].index = child
        counts[frame.countsBase + child] += 1
        let count = counts[frame.countsBase + child]
        let nodeIndex = frame.childStart + child
        let node = compiled.nodes[nodeIndex]
        if count > node.maxUse {
            let kind: DiagnosticKind = node.isLoop ? .loopOverMaximum : .segmentOverMaximum
            let what = node.isLoop ? "loop \(compiled.labels[nodeIndex])" : segment.tag.description
            diagnostics.append(Diagnostic(.error, kind, "\(what) occurs \(count) times; at most \(node.maxUse)",
                                          at: segment.position, loopPath: loopPath))
        }
        if node.usage == .notUsed {
            let what = node.isLoop ? "loop \(compiled.labels[nodeIndex])" : segment.tag.description
            diagnostics.append(Diagnostic(.error, .segmentNotUsed, "\(what) is marked not used", at: segment.position, loopPath: loopPath))
        }
        if node.isLoop {
            push(loop: nodeIndex, childStart: node.childStart, childCount: node.childCount)
            counts[frames[frames.count - 1].countsBase] = 1
        }
        return node.segment
    }

    private func reportMissing(node index: Int, count: Int, before segment: Segment, into diagnostics: inout [Diagnostic]) {
        let node = compiled.nodes[index]
        guard count == 0, node.usage == .mandatory else { return }
        reportMissing(node: index, at: segment.position, into: &diagnostics)
    }

    private func reportMissing(node index: Int, count: Int, at position: EDIPosition, into diagnostics: inout [Diagnostic]) {
        let node = compiled.nodes[index]
        guard count == 0, node.usage == .mandatory else { return }
        reportMissing(node: index, at: position, into: &diagnostics)
    }

    private func reportMissing(node index: Int, at position: EDIPosition, into diagnostics: inout [Diagnostic]) {
        let node = compiled.nodes[index]
        var at = position
        at.element = nil
        let before = position.segmentTag ?? "this segment"
        let message = node.isLoop
            ? "mandatory loop \(compiled.labels[index]) (starting with \(node.tag)) is missing before \(before)"
            : "mandatory segment \(node.tag) (position \(compiled.labels[index])) is missing before \(before)"
        var missing = Diagnostic(.error, .mandatorySegmentMissing, message, at: at, loopPath: loopPath)
        missing.missingSegment = node.tag.description
        diagnostics.append(missing)
    }

    private mutating func closeFrame(before segment: Segment, into diagnostics: inout [Diagnostic]) {
        if let child = firstMissingChild() {
            closeFrame(at: segment.position, from: child, into: &diagnostics)
        } else {
            pop()
        }
    }

    private mutating func closeFrame(at position: EDIPosition, into diagnostics: inout [Diagnostic]) {
        if let child = firstMissingChild() {
            closeFrame(at: position, from: child, into: &diagnostics)
        } else {
            pop()
        }
    }

    /// The first child of the innermost frame, after its current place, that is mandatory and absent.
    private func firstMissingChild() -> Int? {
        let frame = frames[frames.count - 1]
        guard frame.childCount > 0 else { return nil }
        let from = counts[frame.countsBase + frame.index] > 0 ? frame.index + 1 : frame.index
        guard from <= compiled.lastMandatory[level(frame)] else { return nil }
        var child = from
        while child < frame.childCount {
            if counts[frame.countsBase + child] == 0, compiled.nodes[frame.childStart + child].usage == .mandatory { return child }
            child += 1
        }
        return nil
    }

    private mutating func closeFrame(at position: EDIPosition, from first: Int, into diagnostics: inout [Diagnostic]) {
        let frame = frames[frames.count - 1]
        for child in first..<frame.childCount {
            reportMissing(node: frame.childStart + child, count: counts[frame.countsBase + child], at: position, into: &diagnostics)
        }
        pop()
    }

    /// The transaction ended: report what is still missing.
    mutating func finish(at position: EDIPosition, into diagnostics: inout [Diagnostic]) {
        while !frames.isEmpty { closeFrame(at: position, into: &diagnostics) }
    }
}
