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
    /// X12 `ST03` implementation convention, or the EDIFACT `UNH` S009 after the type
    /// (`D:96A:UN:EAN008`), as sent — acknowledgements echo it.
    public var versionDetail: String?

    /// Whether the transaction has no error (warnings allowed).
    public var isValid: Bool { !diagnostics.contains { $0.severity == .error } }
}

/// Validates the segments of one transaction against its schema, as they stream by.
public struct TransactionValidator {
    private var walker: StructureWalker
    private let checker: ElementChecker
    private let compiled: CompiledTransaction
    private var hierarchy = HierarchyChecker()
    private let hierarchyTag: SegmentTag
    private let checksHierarchy: Bool
    /// Findings so far.
    public private(set) var diagnostics: [Diagnostic] = []
    /// Presence masks that passed their segment's syntax rules (which depend on nothing else), by
    /// segment table modulo 8: a repeated segment's rules are not evaluated again. -1: empty.
    private var rulesPassedTable = SIMD8<Int32>(repeating: -1)
    private var rulesPassedPresence = SIMD8<UInt64>()

    /// Starts a transaction (compiling the schema; use a ``ValidationPlan`` to compile once).
    public init(schema: TransactionSchema, encoding: CharacterEncoding = .utf8) {
        self.init(plan: ValidationPlan(schema), encoding: encoding)
    }

    /// Starts a transaction with a compiled plan.
    public init(plan: ValidationPlan, encoding: CharacterEncoding = .utf8) {
        compiled = plan.compiled
        walker = StructureWalker(compiled: plan.compiled)
        checker = ElementChecker(syntax: plan.schema.syntax, compiled: plan.compiled, encoding: encoding)
        hierarchy.spec = plan.schema.hierarchy
        hierarchyTag = SegmentTag(plan.schema.hierarchy?.segment ?? "")
        checksHierarchy = plan.schema.hierarchy != nil
    }

    /// Takes the next segment of the transaction (header and trailer included).
    public mutating func consume(_ segment: Segment) {
        let before = diagnostics.count
        let table = walker.place(segment, into: &diagnostics)
        // The clean pass answers for most segments; the exact pass runs where it cannot, and finds what there is.
        if table >= 0, !isClean(segment, table: table) {
            checker.check(segment, against: compiled.segments[table], into: &diagnostics)
        }
        if checksHierarchy, segment.tag == hierarchyTag {
            hierarchy.check(segment, loopPath: nil, into: &diagnostics)
        }
        if diagnostics.count > before {
            let path = walker.loopPath
            for index in before..<diagnostics.count where diagnostics[index].loopPath == nil {
                diagnostics[index].loopPath = path
            }
        }
    }

    /// ``ElementChecker/isClean(_:_:)``, remembering the last presence mask that passed the rules of
    /// each segment table (by table modulo 8).
    @inline(__always)
    private mutating func isClean(_ segment: Segment, table: Int) -> Bool {
        let check = compiled.segmentChecks[table]
        guard let presence = checker.cleanPresence(segment, check) else { return false }
        if check.rules.isEmpty { return true }
        let slot = table & 7
        if rulesPassedTable[slot] == Int32(truncatingIfNeeded: table), rulesPassedPresence[slot] == presence { return true }
        guard ElementChecker.rulesHold(presence, check) else { return false }
        rulesPassedTable[slot] = Int32(truncatingIfNeeded: table)
        rulesPassedPresence[slot] = presence
        return true
    }

    /// Ends the transaction; returns every finding.
    public mutating func finish(at position: EDIPosition) -> [Diagnostic] {
        walker.finish(at: position, into: &diagnostics)
        return diagnostics
    }
}

/// A transaction schema compiled once for validation (flat tables, packed code lists), shared
/// by every transaction that uses it.
public final class ValidationPlan: Sendable {
    /// The schema.
    public let schema: TransactionSchema
    let compiled: CompiledTransaction

    /// Compiles a schema; `segmentIDs`, every segment tag of the schema's version
    /// (``SchemaRepository/segmentIDs(syntax:version:)``), tells an unrecognized segment id from a
    /// segment that is not part of the set (without it, every unknown tag is not in the set).
    public init(_ schema: TransactionSchema, segmentIDs: Set<String>? = nil) {
        self.schema = schema
        compiled = CompiledTransaction(schema, segmentIDs: segmentIDs)
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
