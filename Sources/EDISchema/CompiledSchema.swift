import EDICore

/// One simple element or component, reduced to plain values for the checking loop.
struct CompiledElement {
    enum Kind: UInt8 {
        case alphanumeric, identifier, numeric, decimal, date, time, binary, alphabetic, edifactNumeric
    }

    // Stored narrow (32 bytes a value, so the checking loop reads few cache lines); read as Int.
    var usage: Usage
    var kind: Kind
    private var _position: Int16
    var position: Int {
        get { Int(_position) }
        set { _position = Int16(clamping: newValue) }
    }
    private var _minLength: Int32
    var minLength: Int {
        get { Int(_minLength) }
        set { _minLength = Int32(clamping: newValue) }
    }
    private var _maxLength: Int32
    var maxLength: Int {
        get { Int(_maxLength) }
        set { _maxLength = Int32(clamping: newValue) }
    }
    private var _maxRepeat: Int32
    var maxRepeat: Int {
        get { Int(_maxRepeat) }
        set { _maxRepeat = Int32(clamping: newValue) }
    }
    /// Index into `CompiledTransaction.codeSets`, or -1.
    private var _codeSet: Int32
    var codeSet: Int {
        get { Int(_codeSet) }
        set { _codeSet = Int32(clamping: newValue) }
    }
    /// For a composite: its components in `CompiledSegment.components`.
    private var _componentStart: Int16
    var componentStart: Int {
        get { Int(_componentStart) }
        set { _componentStart = Int16(clamping: newValue) }
    }
    private var _componentCount: Int16
    var componentCount: Int {
        get { Int(_componentCount) }
        set { _componentCount = Int16(clamping: newValue) }
    }
    /// Index of the element's spec (names for messages): in `spec.elements`, or its component index.
    private var _specIndex: Int16
    var specIndex: Int {
        get { Int(_specIndex) }
        set { _specIndex = Int16(clamping: newValue) }
    }
    private var _specComponent: Int16
    var specComponent: Int {
        get { Int(_specComponent) }
        set { _specComponent = Int16(clamping: newValue) }
    }
    /// For a composite: its component rules in `CompiledSegment.componentRules`.
    private var _ruleStart: Int16
    var ruleStart: Int {
        get { Int(_ruleStart) }
        set { _ruleStart = Int16(clamping: newValue) }
    }
    private var _ruleCount: Int16
    var ruleCount: Int {
        get { Int(_ruleCount) }
        set { _ruleCount = Int16(clamping: newValue) }
    }

    init(position: Int, usage: Usage, kind: Kind, minLength: Int, maxLength: Int, maxRepeat: Int, codeSet: Int,
         componentStart: Int, componentCount: Int, specIndex: Int, specComponent: Int) {
        self.usage = usage
        self.kind = kind
        _position = Int16(clamping: position)
        _minLength = Int32(clamping: minLength)
        _maxLength = Int32(clamping: maxLength)
        _maxRepeat = Int32(clamping: maxRepeat)
        _codeSet = Int32(clamping: codeSet)
        _componentStart = Int16(clamping: componentStart)
        _componentCount = Int16(clamping: componentCount)
        _specIndex = Int16(clamping: specIndex)
        _specComponent = Int16(clamping: specComponent)
        _ruleStart = 0
        _ruleCount = 0
    }

    /// For a composite: the positions (below 64) of its mandatory components, as bits.
    var mandatoryComponents: UInt64 = 0

    /// Whether every code of its code list is text within its lengths (in bytes and in characters),
    /// so a value found in the list needs no measuring.
    var codesFitLengths = false

    var isComposite: Bool { componentCount > 0 }
}

/// A syntax rule over element (or component) positions below 64, as bit masks: checked against
/// a presence mask with a few integer operations.
struct CompiledRule {
    var kind: SyntaxRule.Kind
    var mask: UInt64
    var first: UInt64
    var count: Int
    /// The rule in the spec, for the message when it is broken.
    var rule: Int
    /// Whether its positions are distinct (one bit each in `mask`), so presence is tested on bits alone.
    var isDistinct: Bool

    /// Nil when a position is 64 or more (checked the slow way).
    init?(_ rule: SyntaxRule, index: Int) {
        guard let head = rule.positions.first, rule.positions.allSatisfy({ $0 >= 0 && $0 < 64 }) else { return nil }
        kind = rule.kind
        mask = rule.positions.reduce(0) { $0 | 1 << UInt64($1) }
        first = 1 << UInt64(head)
        count = rule.positions.count
        self.rule = index
        isDistinct = mask.nonzeroBitCount == count
    }

    @inline(__always)
    func holds(_ presence: UInt64) -> Bool {
        let firstPresent = presence & first != 0
        if isDistinct {
            // The same tests on the present positions' bits, without counting them.
            let present = presence & mask
            switch kind {
            case .paired, .allOrNone: return present == 0 || present == mask
            case .required, .oneOrMore: return present != 0
            case .exclusion, .oneOrNone: return present & (present &- 1) == 0
            case .oneAndOnlyOne: return present != 0 && present & (present &- 1) == 0
            case .conditional, .ifFirstThenAll: return !firstPresent || present == mask
            case .listConditional, .ifFirstThenAtLeastOneMore: return !firstPresent || present & ~first != 0
            case .ifFirstThenNone: return !firstPresent || present == first
            }
        }
        let present = (presence & mask).nonzeroBitCount
        switch kind {
        case .paired, .allOrNone: return present == 0 || present == count
        case .required, .oneOrMore: return present >= 1
        case .exclusion, .oneOrNone: return present <= 1
        case .oneAndOnlyOne: return present == 1
        case .conditional, .ifFirstThenAll: return !firstPresent || present == count
        case .listConditional, .ifFirstThenAtLeastOneMore: return !firstPresent || present >= 2
        case .ifFirstThenNone: return !firstPresent || present == 1
        }
    }
}

/// A segment's element table as the checking loop reads it.
final class CompiledSegment: Sendable {
    let spec: SegmentSpec
    let elements: FixedTable<CompiledElement>
    let components: FixedTable<CompiledElement>
    let lastPosition: Int
    /// The segment's syntax rules as masks; `rulesAsMasks` false when one needs a position ≥ 64.
    let rules: FixedTable<CompiledRule>
    let rulesAsMasks: Bool
    /// The composites' component rules (ranges in `CompiledElement`).
    let componentRules: FixedTable<CompiledRule>
    /// Whether the segment is ISA, whose ISA11 and ISA16 hold separators and are read literally.
    let isInterchangeHeader: Bool

    init(_ spec: SegmentSpec, codeSets: inout [CodeSet], codeIndex: inout CodeListIndex) {
        self.spec = spec
        var elements: [CompiledElement] = []
        var components: [CompiledElement] = []
        func codeSetIndex(_ list: CodeList?) -> Int {
            guard let list else { return -1 }
            if let index = codeIndex.index(of: list) { return index }
            codeSets.append(CodeSet(list))
            codeIndex.add(list, at: codeSets.count - 1)
            return codeSets.count - 1
        }
        func compile(_ element: ElementSpec, specIndex: Int, component: Int) -> CompiledElement {
            var compiled = CompiledElement(
                position: element.position, usage: element.usage, kind: CompiledElement.kind(of: element.type),
                minLength: element.minLength, maxLength: element.maxLength, maxRepeat: element.maxRepeat ?? Int.max,
                codeSet: codeSetIndex(element.codes), componentStart: 0, componentCount: 0, specIndex: specIndex,
                specComponent: component)
            if compiled.codeSet >= 0, compiled.kind == .alphanumeric || compiled.kind == .identifier,
               element.minLength <= element.maxLength {
                let lengths = element.minLength...element.maxLength
                let codes = codeSets[compiled.codeSet]
                compiled.codesFitLengths = [codes.byteLengths, codes.characterLengths].allSatisfy { range in
                    range.map { lengths.contains($0.lowerBound) && lengths.contains($0.upperBound) } ?? true
                }
            }
            return compiled
        }
        var componentRules: [CompiledRule] = []
        for (index, element) in spec.elements.enumerated() {
            var compiled = compile(element, specIndex: index, component: -1)
            if let parts = element.components {
                compiled.componentStart = components.count
                compiled.componentCount = parts.count
                for (c, part) in parts.enumerated() { components.append(compile(part, specIndex: index, component: c)) }
                for part in parts where part.usage == .mandatory { compiled.mandatoryComponents |= part.position < 64 ? 1 << UInt64(part.position) : 1 }
                compiled.ruleStart = componentRules.count
                // Component positions are below 64 in every directory; a rule beyond is left unchecked here
                // as before (presence bits stop at 63).
                componentRules.append(contentsOf: element.componentRules.enumerated().compactMap { CompiledRule($1, index: $0) })
                compiled.ruleCount = componentRules.count - compiled.ruleStart
            }
            elements.append(compiled)
        }
        self.elements = FixedTable(elements)
        self.components = FixedTable(components)
        self.componentRules = FixedTable(componentRules)
        lastPosition = spec.elements.last?.position ?? 0
        let rules = spec.rules.enumerated().compactMap { CompiledRule($1, index: $0) }
        self.rules = FixedTable(rules)
        rulesAsMasks = rules.count == spec.rules.count
        isInterchangeHeader = spec.tag == "ISA"
    }

    deinit {
        elements.free()
        components.free()
        rules.free()
        componentRules.free()
    }

    /// The spec of an element or component, for messages.
    func elementSpec(_ element: CompiledElement) -> ElementSpec {
        let outer = spec.elements[element.specIndex]
        return element.specComponent >= 0 ? outer.components![element.specComponent] : outer
    }
}

extension CompiledElement {
    static func kind(of type: DataType) -> Kind {
        switch type {
        case .alphanumeric: .alphanumeric
        case .identifier: .identifier
        case .numeric: .numeric
        case .decimal: .decimal
        case .date: .date
        case .time: .time
        case .binary: .binary
        case .alphabetic: .alphabetic
        case .edifactNumeric: .edifactNumeric
        }
    }
}

/// One node of a structure, flattened: loops keep their children as a range of the node array.
struct CompiledNode {
    var isLoop: Bool
    /// The segment tag (a loop's trigger tag).
    var tag: SegmentTag
    var usage: Usage
    var maxUse: Int
    var qualifierPosition: Int
    /// Index into `codeSets` of the qualifier values, or -1.
    var qualifierSet: Int
    var childStart: Int
    var childCount: Int
    /// Index into `segments` (a loop's trigger segment).
    var segment: Int
}

/// A table of plain values in memory of its own, read by index without reference counting; its owner
/// frees it (``free()``) when it goes.
struct FixedTable<Element>: RandomAccessCollection, @unchecked Sendable {
    private let buffer: UnsafeMutableBufferPointer<Element>

    init(_ values: [Element]) {
        buffer = .allocate(capacity: values.count)
        _ = buffer.initialize(from: values)
    }

    var startIndex: Int { 0 }
    var endIndex: Int { buffer.count }

    @inline(__always)
    subscript(index: Int) -> Element { buffer[index] }

    /// The values as a buffer, for the tightest loops.
    @inline(__always)
    var values: UnsafeBufferPointer<Element> { UnsafeBufferPointer(buffer) }

    func free() {
        buffer.baseAddress?.deinitialize(count: buffer.count)
        buffer.deallocate()
    }
}

/// A transaction schema compiled for fast validation: flat arrays of plain values, built once
/// per schema and shared.
final class CompiledTransaction: Sendable {
    let schema: TransactionSchema
    let nodes: FixedTable<CompiledNode>
    /// Per node: the loop id or the segment's position number, for messages (apart, so nodes stay plain values).
    let labels: [String]
    let rootCount: Int
    let segments: [CompiledSegment]
    /// Per entry of `segments`: its tables as plain values, for the clean-segment pass.
    let segmentChecks: FixedTable<SegmentCheck>
    let codeSets: [CodeSet]
    /// Per entry of `codeSets`: its lookup table as a plain value.
    let codeProbes: FixedTable<CodeProbe>
    let knownTags: Set<SegmentTag>
    /// Every segment tag of the version (nil when unknown): a tag outside it is unrecognized.
    let recognizedTags: Set<SegmentTag>?
    /// Per loop node (and, last, the top level): a 64-bit filter of the tags its children start with,
    /// so a level that cannot hold a tag is skipped without walking its children.
    let levelTags: FixedTable<UInt64>
    /// Each node's tag, apart from the nodes so a level's children are scanned in a few cache lines.
    let nodeTags: FixedTable<SegmentTag>
    /// Per loop node (and, last, the top level): the last child that is mandatory (-1: none).
    let lastMandatory: FixedTable<Int>
    /// Per node index `i`: how many of the nodes before it are mandatory (so a level's children
    /// `from..<to` hold a mandatory one when the counts at both ends differ).
    let mandatoryBefore: FixedTable<Int32>
    /// Where a tag goes next, per level and current child.
    let placeTable: PlaceTable
    /// The most frames a walker has open at once (the top level and the deepest loop nesting), and the
    /// most child counts they hold together: a walker's stacks are sized once.
    let maxDepth: Int
    let maxCounts: Int

    deinit {
        nodes.free()
        segmentChecks.free()
        codeProbes.free()
        levelTags.free()
        nodeTags.free()
        lastMandatory.free()
        mandatoryBefore.free()
        placeTable.free()
    }

    init(_ schema: TransactionSchema, segmentIDs: Set<String>? = nil) {
        self.schema = schema
        var codeSets: [CodeSet] = []
        var codeIndex = CodeListIndex()
        var segments: [CompiledSegment] = []
        var nodes: [CompiledNode] = []
        var labels: [String] = []
        func compileSegment(_ use: SegmentUse) -> Int {
            segments.append(CompiledSegment(use.spec, codeSets: &codeSets, codeIndex: &codeIndex))
            return segments.count - 1
        }
        /// Appends a level's nodes contiguously, then each loop's children after them.
        func layout(_ level: [StructureNode], at start: Int) {
            var pending: [(Int, [StructureNode])] = []
            for (offset, node) in level.enumerated() {
                switch node {
                case .segment(let use):
                    nodes[start + offset] = CompiledNode(
                        isLoop: false, tag: SegmentTag(use.tag), usage: use.usage, maxUse: use.maxUse ?? Int.max,
                        qualifierPosition: 0, qualifierSet: -1, childStart: 0, childCount: 0, segment: compileSegment(use))
                    labels[start + offset] = use.position
                case .loop(let loop):
                    var qualifierSet = -1
                    if loop.qualifierPosition != nil, !loop.qualifierValues.isEmpty {
                        codeSets.append(CodeSet(values: loop.qualifierValues))
                        qualifierSet = codeSets.count - 1
                    }
                    nodes[start + offset] = CompiledNode(
                        isLoop: true, tag: SegmentTag(loop.trigger.tag), usage: loop.usage, maxUse: loop.maxRepeat ?? Int.max,
                        qualifierPosition: loop.qualifierPosition ?? 0, qualifierSet: qualifierSet, childStart: 0,
                        childCount: loop.children.count, segment: -1)
                    labels[start + offset] = loop.id
                    pending.append((start + offset, loop.children))
                }
            }
            for (index, children) in pending {
                let childStart = nodes.count
                nodes.append(contentsOf: Array(repeating: CompiledNode.placeholder, count: children.count))
                labels.append(contentsOf: Array(repeating: "", count: children.count))
                nodes[index].childStart = childStart
                layout(children, at: childStart)
                nodes[index].segment = nodes[childStart].segment
            }
        }
        nodes = Array(repeating: CompiledNode.placeholder, count: schema.structure.count)
        labels = Array(repeating: "", count: schema.structure.count)
        layout(schema.structure, at: 0)
        let nodeTable = FixedTable(nodes)
        self.nodes = nodeTable
        self.labels = labels
        rootCount = schema.structure.count
        self.segments = segments
        segmentChecks = FixedTable(segments.map(SegmentCheck.init))
        self.codeSets = codeSets
        codeProbes = FixedTable(codeSets.map(\.probe))
        var levelTags: [UInt64] = []
        var lastMandatory: [Int] = []
        func describe(start: Int, count: Int, isLoop: Bool) {
            var filter: UInt64 = 0
            var last = -1
            for child in 0..<count {
                // A loop's trigger (child 0) starts a new iteration from the parent level, never matches inside.
                if !(isLoop && child == 0) { filter |= Self.tagBit(nodes[start + child].tag) }
                if nodes[start + child].usage == .mandatory { last = child }
            }
            levelTags.append(filter)
            lastMandatory.append(last)
        }
        for node in nodes {
            if node.isLoop {
                describe(start: node.childStart, count: node.childCount, isLoop: true)
            } else {
                levelTags.append(0)
                lastMandatory.append(-1)
            }
        }
        describe(start: 0, count: schema.structure.count, isLoop: false)
        let nodeTags = FixedTable(nodes.map(\.tag))
        self.nodeTags = nodeTags
        self.levelTags = FixedTable(levelTags)
        self.lastMandatory = FixedTable(lastMandatory)
        var mandatoryBefore: [Int32] = [0]
        for node in nodes { mandatoryBefore.append(mandatoryBefore[mandatoryBefore.count - 1] + (node.usage == .mandatory ? 1 : 0)) }
        self.mandatoryBefore = FixedTable(mandatoryBefore)
        // Levels numbered as the walker numbers them: a loop by its node, the top level after the last node.
        var levels = nodes.enumerated().filter(\.element.isLoop).map {
            (level: $0.offset, start: $0.element.childStart, count: $0.element.childCount, inLoop: true)
        }
        levels.append((level: nodes.count, start: 0, count: schema.structure.count, inLoop: false))
        placeTable = PlaceTable(nodes: nodeTable, nodeTags: nodeTags, levels: levels)
        func extent(start: Int, count: Int) -> (depth: Int, counts: Int) {
            var deepest = (depth: 0, counts: 0)
            for node in nodes[start..<(start + count)] where node.isLoop {
                let inner = extent(start: node.childStart, count: node.childCount)
                deepest = (max(deepest.depth, inner.depth), max(deepest.counts, inner.counts))
            }
            return (1 + deepest.depth, count + deepest.counts)
        }
        (maxDepth, maxCounts) = extent(start: 0, count: schema.structure.count)
        let known = Set(schema.knownTags.map { SegmentTag($0) })
        knownTags = known
        recognizedTags = segmentIDs.map { Set($0.map { SegmentTag($0) }).union(known) }
    }

    /// The bit of a tag in a level's filter.
    @inline(__always)
    static func tagBit(_ tag: SegmentTag) -> UInt64 {
        1 << ((UInt64(tag.rawValue) &* 0x9E37_79B9) >> 26 & 63)
    }

    /// The loop ids (outermost first, `PO1/PID`) of every place the structure uses a tag, for messages.
    func places(of tag: SegmentTag) -> [String] {
        var parent = Array(repeating: -1, count: nodes.count)
        for (index, node) in nodes.enumerated() where node.isLoop {
            for child in node.childStart..<(node.childStart + node.childCount) { parent[child] = index }
        }
        var places: [String] = []
        for (index, node) in nodes.enumerated() where !node.isLoop && node.tag == tag {
            var path: [String] = []
            var loop = parent[index]
            while loop >= 0 {
                path.insert(labels[loop], at: 0)
                loop = parent[loop]
            }
            let place = path.isEmpty ? "the top level" : "loop " + path.joined(separator: "/")
            if !places.contains(place) { places.append(place) }
        }
        return places
    }
}

extension CompiledNode {
    static let placeholder = CompiledNode(isLoop: false, tag: .invalid, usage: .optional, maxUse: 0, qualifierPosition: 0,
                                          qualifierSet: -1, childStart: 0, childCount: 0, segment: -1)
}
