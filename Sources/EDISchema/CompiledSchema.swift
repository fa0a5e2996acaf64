import EDICore

/// A code list as the validator checks it: codes of up to seven bytes packed into integers, so
/// a lookup hashes one word and allocates nothing.
final class CodeSet: Sendable {
    let packed: Set<UInt64>
    /// Small lists are searched linearly: faster than hashing for a dozen codes.
    let smallPacked: [UInt64]
    let long: Set<[UInt8]>
    let isClosed: Bool

    init(_ list: CodeList) {
        var packed = Set<UInt64>()
        var long = Set<[UInt8]>()
        for code in list.orderedCodes {
            let bytes = Array(code.utf8)
            if let value = CodeSet.pack(bytes) { packed.insert(value) } else { long.insert(bytes) }
        }
        self.packed = packed
        smallPacked = packed.count <= 16 ? packed.sorted() : []
        self.long = long
        isClosed = list.isClosed
    }

    convenience init(values: Set<String>) {
        self.init(CodeList(codes: values.map { ($0, "") }, isClosed: true, source: nil))
    }

    @inline(__always)
    static func pack<C: Collection<UInt8>>(_ bytes: C) -> UInt64? {
        guard bytes.count <= 7 else { return nil }
        var value = UInt64(bytes.count) << 56
        var shift: UInt64 = 48
        for byte in bytes {
            value |= UInt64(byte) << shift
            shift &-= 8
        }
        return value
    }

    @inline(__always)
    func contains(_ bytes: UnsafeRawBufferPointer) -> Bool {
        if let value = CodeSet.pack(bytes) {
            if packed.count <= 16 {
                for code in smallPacked where code == value { return true }
                return false
            }
            return packed.contains(value)
        }
        return long.contains(Array(bytes))
    }
}

/// One simple element or component, reduced to plain values for the checking loop.
struct CompiledElement {
    enum Kind: UInt8 {
        case alphanumeric, identifier, numeric, decimal, date, time, binary, alphabetic, edifactNumeric
    }

    var position: Int
    var usage: Usage
    var kind: Kind
    var minLength: Int
    var maxLength: Int
    var maxRepeat: Int
    /// Index into `CompiledTransaction.codeSets`, or -1.
    var codeSet: Int
    /// For a composite: its components in `CompiledSegment.components`.
    var componentStart: Int
    var componentCount: Int
    /// Index of the element's spec (names for messages): in `spec.elements`, or its component index.
    var specIndex: Int
    var specComponent: Int

    var isComposite: Bool { componentCount > 0 }
}

/// A segment's element table as the checking loop reads it.
final class CompiledSegment: Sendable {
    let spec: SegmentSpec
    let elements: [CompiledElement]
    let components: [CompiledElement]
    let lastPosition: Int

    init(_ spec: SegmentSpec, codeSets: inout [CodeSet], codeIndex: inout [CodeList: Int]) {
        self.spec = spec
        var elements: [CompiledElement] = []
        var components: [CompiledElement] = []
        func codeSetIndex(_ list: CodeList?) -> Int {
            guard let list else { return -1 }
            if let index = codeIndex[list] { return index }
            codeSets.append(CodeSet(list))
            codeIndex[list] = codeSets.count - 1
            return codeSets.count - 1
        }
        func compile(_ element: ElementSpec, specIndex: Int, component: Int) -> CompiledElement {
            CompiledElement(
                position: element.position, usage: element.usage, kind: CompiledElement.kind(of: element.type),
                minLength: element.minLength, maxLength: element.maxLength, maxRepeat: element.maxRepeat ?? Int.max,
                codeSet: codeSetIndex(element.codes), componentStart: 0, componentCount: 0, specIndex: specIndex,
                specComponent: component)
        }
        for (index, element) in spec.elements.enumerated() {
            var compiled = compile(element, specIndex: index, component: -1)
            if let parts = element.components {
                compiled.componentStart = components.count
                compiled.componentCount = parts.count
                for (c, part) in parts.enumerated() { components.append(compile(part, specIndex: index, component: c)) }
            }
            elements.append(compiled)
        }
        self.elements = elements
        self.components = components
        lastPosition = spec.elements.last?.position ?? 0
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

/// A transaction schema compiled for fast validation: flat arrays of plain values, built once
/// per schema and shared.
final class CompiledTransaction: Sendable {
    let schema: TransactionSchema
    let nodes: [CompiledNode]
    /// Per node: the loop id or the segment's position number, for messages (apart, so nodes stay plain values).
    let labels: [String]
    let rootCount: Int
    let segments: [CompiledSegment]
    let codeSets: [CodeSet]
    let knownTags: Set<SegmentTag>
    /// Every segment tag of the version (nil when unknown): a tag outside it is unrecognized.
    let recognizedTags: Set<SegmentTag>?

    init(_ schema: TransactionSchema, segmentIDs: Set<String>? = nil) {
        self.schema = schema
        var codeSets: [CodeSet] = []
        var codeIndex: [CodeList: Int] = [:]
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
        self.nodes = nodes
        self.labels = labels
        rootCount = schema.structure.count
        self.segments = segments
        self.codeSets = codeSets
        let known = Set(schema.knownTags.map { SegmentTag($0) })
        knownTags = known
        recognizedTags = segmentIDs.map { Set($0.map { SegmentTag($0) }).union(known) }
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
