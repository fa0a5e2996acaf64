import EDICore

/// Checks the elements of the envelope segments (ISA, GS, GE, IEA, TA1; UNB, UNG, UNE, UNZ)
/// against the envelope schema of the interchange's syntax version: fixed ISA widths, dates,
/// qualifiers and identifiers, before any transaction is looked at.
struct EnvelopeChecker {
    let repository: SchemaRepository
    private var plans: [String: (CompiledTransaction, [SegmentTag: Int])?] = [:]
    private var current: (CompiledTransaction, [SegmentTag: Int])?

    init(repository: SchemaRepository) {
        self.repository = repository
    }

    /// The envelope tags checked here (UNH/UNT and ST/SE belong to the message schemas).
    static func isChecked(_ tag: SegmentTag) -> Bool {
        switch tag {
        case "ISA", "IEA", "GS", "GE", "TA1", "UNB", "UNZ", "UNG", "UNE": true
        default: false
        }
    }

    /// Takes an envelope segment; an interchange header chooses the envelope schema.
    mutating func check(_ segment: Segment, encoding: CharacterEncoding, into diagnostics: inout [Diagnostic]) throws {
        if segment.tag == "ISA" || segment.tag == "UNB" {
            let version = segment.tag == "ISA" ? segment[12] ?? "" : segment.element(1).component(2).string
            current = try plan(syntax: segment.syntax, version: version)
            if current == nil {
                let what = segment.tag == "ISA" ? "ISA12 version \(version)" : "syntax version \(version)"
                diagnostics.append(Diagnostic(.warning, .envelopeError, "no envelope schema for \(what); envelope elements not checked",
                                              at: segment.position(ofElement: segment.tag == "ISA" ? 12 : 1)))
            }
        }
        guard let (compiled, index) = current, let table = index[segment.tag] else { return }
        let checker = ElementChecker(syntax: segment.syntax, compiled: compiled, encoding: encoding)
        var found: [Diagnostic] = []
        checker.check(segment, against: compiled.segments[table], into: &found)
        if segment.tag == "GS", let groupVersion = segment[8], groupVersion.prefix(6) < "004000" {
            // GS04 was a six-digit YYMMDD date before version 004000; the envelope file gives today's 8/8.
            found.removeAll { $0.kind == .elementTooShort && $0.position.element == 4 && $0.badValue?.count == 6 }
        }
        for var diagnostic in found {
            // Envelope findings are the interchange's (TA1 / UCI), whatever the element check called them:
            // kind ENVELOPE_INVALID (TA105=024, UCI 0085=18), the element check's code kept as the printed code.
            diagnostic.syntaxCode = diagnostic.kind.rawValue
            diagnostic.kind = .envelopeError
            diagnostic.message = "envelope: " + diagnostic.message
            diagnostics.append(diagnostic)
        }
    }

    private mutating func plan(syntax: EDISyntax, version: String) throws -> (CompiledTransaction, [SegmentTag: Int])? {
        let key = "\(syntax.rawValue)/\(version)"
        if let cached = plans[key] { return cached }
        var result: (CompiledTransaction, [SegmentTag: Int])?
        if let envelope = try repository.envelope(syntax: syntax, version: version) {
            let tags = envelope.segments.keys.sorted()
            let structure = tags.map { tag in
                StructureNode.segment(SegmentUse(tag: tag, position: "", usage: .optional, maxUse: nil, spec: envelope.segments[tag]!))
            }
            let schema = TransactionSchema(syntax: syntax, version: version, id: "envelope", name: "envelope", functionalGroup: nil,
                                           structure: structure, hierarchy: nil, knownTags: Set(tags), sourcePath: nil, guideName: nil)
            let compiled = CompiledTransaction(schema)
            var index: [SegmentTag: Int] = [:]
            for (offset, tag) in tags.enumerated() { index[SegmentTag(tag)] = compiled.nodes[offset].segment }
            result = (compiled, index)
        }
        plans[key] = result
        return result
    }
}
