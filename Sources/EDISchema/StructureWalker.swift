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
    /// The open frames (`depth` of them, outermost first) and their children's counts.
    private var stack: WalkerStack
    private var depth = 0

    init(compiled: CompiledTransaction) {
        self.compiled = compiled
        stack = WalkerStack(frames: compiled.maxDepth, counts: compiled.maxCounts)
        push(loop: -1, childStart: 0, childCount: compiled.rootCount)
    }

    /// The walker is a value: a copy that changes takes its own stack first (one check per segment).
    @inline(__always)
    private mutating func makeStackUnique() {
        if !isKnownUniquelyReferenced(&stack) { stack = stack.copy() }
    }

    @inline(__always)
    private func openFrame(_ depth: Int) -> Frame {
        stack.frames[depth]
    }

    private mutating func push(loop: Int, childStart: Int, childCount: Int) {
        let base = depth > 0 ? openFrame(depth - 1).countsBase + openFrame(depth - 1).childCount : 0
        stack.frames[depth] = Frame(loop: loop, childStart: childStart, childCount: childCount, countsBase: base)
        depth += 1
        (stack.counts + base).update(repeating: 0, count: childCount)
    }

    /// Where a frame's level facts are in `levelTags` and `lastMandatory` (the top level is last).
    @inline(__always)
    private func level(_ frame: Frame) -> Int {
        frame.loop >= 0 ? frame.loop : compiled.nodes.count
    }

    private mutating func pop() {
        depth -= 1
    }

    /// Loop ids, outermost first (`PO1/PID`); computed only for messages.
    var loopPath: String? {
        let ids = (0..<depth).compactMap { openFrame($0).loop >= 0 ? compiled.labels[openFrame($0).loop] : nil }
        return ids.isEmpty ? nil : ids.joined(separator: "/")
    }

    /// Places a segment, reporting structure problems; returns the compiled segment to check it
    /// against, or -1 when it has no place.
    mutating func place(_ segment: Segment, into diagnostics: inout [Diagnostic]) -> Int {
        makeStackUnique()
        let tag = segment.tag
        for level in stride(from: depth - 1, through: 0, by: -1) {
            guard let (child, entersLoop) = match(tag, segment, depth: level) else { continue }
            while depth - 1 > level { closeFrame(before: segment, into: &diagnostics) }
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
            let frame = openFrame(depth)
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
        for depth in stride(from: depth - 1, through: 0, by: -1) {
            let frame = openFrame(depth)
            for child in 0..<min(frame.index, frame.childCount) where compiled.nodes[frame.childStart + child].tag == tag {
                return (depth, child)
            }
        }
        return nil
    }

    /// The next child of a frame the segment can be, and whether it starts a loop: looked up in the
    /// schema's place table, walked only where a qualifier value decides.
    @inline(__always)
    private func match(_ tag: SegmentTag, _ segment: Segment, depth: Int) -> (Int, Bool)? {
        let frame = openFrame(depth)
        let level = level(frame)
        guard compiled.levelTags[level] & CompiledTransaction.tagBit(tag) != 0 else { return nil }
        let answer = compiled.placeTable.answer(level: level, tag: tag, index: frame.index)
        if answer >= 0 { return (Int(answer >> 1), answer & 1 != 0) }
        if answer == PlaceTable.noPlace { return nil }
        let place = compiled.place(of: tag, start: frame.childStart, count: frame.childCount, inLoop: frame.loop >= 0,
                                   from: frame.index) { node in
            compiled.codeSets[node.qualifierSet].contains(segment.element(node.qualifierPosition).bytes)
        }
        guard case .child(let child, let entersLoop) = place else { return nil }
        return (child, entersLoop)
    }

    private mutating func advance(to child: Int, entersLoop: Bool, segment: Segment, into diagnostics: inout [Diagnostic]) -> Int {
        let top = depth - 1
        let frame = openFrame(top)
        let counts = stack.counts
        let current = counts[frame.countsBase + frame.index]
        let from = current > 0 ? frame.index + 1 : frame.index
        if child > from {
            // Only a mandatory child can be missing: most skips pass none.
            if compiled.mandatoryBefore[frame.childStart + child] != compiled.mandatoryBefore[frame.childStart + from] {
                for skipped in from..<child {
                    reportMissing(node: frame.childStart + skipped, count: counts[frame.countsBase + skipped], before: segment,
                                  into: &diagnostics)
                }
            }
        } else if child > frame.index, current == 0 {
            reportMissing(node: frame.childStart + frame.index, count: 0, before: segment, into: &diagnostics)
        }
        stack.frames[top].index = child
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
            counts[openFrame(depth - 1).countsBase] = 1
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
        let frame = openFrame(depth - 1)
        let counts = stack.counts
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
        let frame = openFrame(depth - 1)
        for child in first..<frame.childCount {
            reportMissing(node: frame.childStart + child, count: stack.counts[frame.countsBase + child], at: position,
                          into: &diagnostics)
        }
        pop()
    }

    /// The transaction ended: report what is still missing.
    mutating func finish(at position: EDIPosition, into diagnostics: inout [Diagnostic]) {
        makeStackUnique()
        while depth > 0 { closeFrame(at: position, into: &diagnostics) }
    }
}

/// A walker's frames and their children's counts, in memory of their own sized once for the
/// structure's deepest nesting (``CompiledTransaction/maxDepth``, ``CompiledTransaction/maxCounts``):
/// read and written through pointers, with no reference counting, uniqueness or exclusivity check
/// per access. A walker copies it before changing one it shares.
final class WalkerStack {
    let frames: UnsafeMutablePointer<StructureWalker.Frame>
    let counts: UnsafeMutablePointer<Int>
    private let frameCapacity: Int
    private let countCapacity: Int

    init(frames: Int, counts: Int) {
        frameCapacity = frames
        countCapacity = counts
        self.frames = .allocate(capacity: frames)
        self.frames.initialize(repeating: StructureWalker.Frame(loop: -1, childStart: 0, childCount: 0, countsBase: 0), count: frames)
        self.counts = .allocate(capacity: counts)
        self.counts.initialize(repeating: 0, count: counts)
    }

    func copy() -> WalkerStack {
        let copy = WalkerStack(frames: frameCapacity, counts: countCapacity)
        copy.frames.update(from: frames, count: frameCapacity)
        copy.counts.update(from: counts, count: countCapacity)
        return copy
    }

    deinit {
        frames.deallocate()
        counts.deallocate()
    }
}
