public import EDICore

/// The result of validating one transaction set or message.
public struct TransactionResult: Sendable, Codable {
    /// `850`, `ORDERS`.
    public var type: String
    /// `ST02` / `UNH` 0062.
    public var controlNumber: String
    /// The schema version used (`004010`, `D96A`), nil when none was found.
    public var schemaVersion: String?
    /// Findings in the order found.
    public var diagnostics: [Diagnostic]
    /// Segments in the transaction.
    public var segmentCount: Int
    /// Where its header is.
    public var position: EDIPosition

    /// Whether the transaction has no error (warnings allowed).
    public var isValid: Bool { !diagnostics.contains { $0.severity == .error } }
}

/// Validates the segments of one transaction against its schema, as they stream by.
public struct TransactionValidator {
    private var walker: StructureWalker
    private let checker: ElementChecker
    private var hierarchy = HierarchyChecker()
    /// Findings so far.
    public private(set) var diagnostics: [Diagnostic] = []

    /// Starts a transaction.
    public init(schema: TransactionSchema, encoding: CharacterEncoding = .utf8) {
        walker = StructureWalker(schema: schema)
        checker = ElementChecker(syntax: schema.syntax, encoding: encoding)
        hierarchy.spec = schema.hierarchy
    }

    /// Takes the next segment of the transaction (header and trailer included).
    public mutating func consume(_ segment: Segment) {
        let placement = walker.place(segment, into: &diagnostics)
        if let spec = placement.spec {
            let before = diagnostics.count
            checker.check(segment, spec: spec, loopPath: placement.loopPath, into: &diagnostics)
            if diagnostics.count > before {
                // Element findings carry the loop path too.
                for index in before..<diagnostics.count where diagnostics[index].loopPath == nil {
                    diagnostics[index].loopPath = placement.loopPath
                }
            }
        }
        if let spec = hierarchy.spec, segment.tag.description == spec.segment {
            hierarchy.check(segment, loopPath: placement.loopPath, into: &diagnostics)
        }
    }

    /// Ends the transaction; returns every finding.
    public mutating func finish(at position: EDIPosition) -> [Diagnostic] {
        walker.finish(at: position, into: &diagnostics)
        return diagnostics
    }
}

/// HL numbering and parent references (X12 856): HL01 unique and increasing, HL02 an earlier
/// HL01, HL03 a level allowed under its parent's level.
struct HierarchyChecker {
    var spec: HierarchySpec?
    private var levels: [String: String] = [:]
    private var lastID = 0

    mutating func check(_ segment: Segment, loopPath: String?, into diagnostics: inout [Diagnostic]) {
        guard let spec else { return }
        let id = segment[1] ?? ""
        let parent = segment[2]
        let level = segment[3] ?? ""
        func add(_ element: Int, _ message: String) {
            diagnostics.append(Diagnostic(.error, .hierarchyError, message, at: segment.position(ofElement: element), loopPath: loopPath))
        }
        if let number = Int(id) {
            if number != lastID + 1 { add(1, "HL01 is \(id); the next hierarchical id should be \(lastID + 1)") }
            lastID = number
        }
        if levels[id] != nil { add(1, "HL01 \(id) is used twice") }
        levels[id] = level
        var parentLevel: String?
        if let parent {
            if let known = levels[parent], parent != id {
                parentLevel = known
            } else {
                add(2, "HL02 refers to parent \(parent), which is not an earlier HL")
            }
        }
        guard let allowed = spec.parents[level] else {
            if spec.isClosed { add(3, "HL03 level \(level) is not a level of this transaction set") }
            return
        }
        if let parentLevel {
            if !allowed.isEmpty, !allowed.contains(parentLevel) {
                add(3, "level \(level) (\(spec.names[level] ?? level)) cannot sit under level \(parentLevel); allowed parents: \(allowed.sorted().joined(separator: ", "))")
            }
        } else if !allowed.isEmpty, parent == nil {
            add(2, "level \(level) (\(spec.names[level] ?? level)) needs a parent (HL02) of level \(allowed.sorted().joined(separator: " or "))")
        }
    }
}
