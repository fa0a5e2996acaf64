import Foundation
import EDICore

/// What validating one file found.
public struct FileValidation: Sendable, Codable {
    /// The path.
    public var path: String
    /// Each transaction with its findings.
    public var transactions: [TransactionResult] = []
    /// Findings outside transactions: syntax, envelopes.
    public var envelopeDiagnostics: [Diagnostic] = []
    /// Bytes read.
    public var byteCount = 0

    /// An empty result for a file.
    public init(path: String) {
        self.path = path
    }

    /// Whether nothing in the file is an error.
    public var isValid: Bool {
        !envelopeDiagnostics.contains { $0.severity == .error } && transactions.allSatisfy(\.isValid)
    }

    /// Every finding in file order (by byte offset; at the same offset, envelope ones first).
    public var allDiagnostics: [Diagnostic] {
        Self.inFileOrder(envelopeDiagnostics + transactions.flatMap(\.diagnostics))
    }

    /// Findings sorted by byte offset, keeping the order they were found in at equal offsets.
    static func inFileOrder(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.enumerated()
            .sorted { ($0.element.position.byteOffset, $0.offset) < ($1.element.position.byteOffset, $1.offset) }
            .map(\.element)
    }
}

/// Validates files: tokenizer → envelope outliner → per-transaction schema validation, in one
/// streaming pass with memory bounded by one transaction's findings.
public struct FileValidator {
    /// Where schemas come from.
    public let repository: SchemaRepository
    /// A partner guide to apply to the transactions it names.
    public var guide: ImplementationGuide?
    /// A schema to use for every transaction, instead of choosing by envelope.
    public var explicitSchema: TransactionSchema?
    /// Whether to keep the findings of each transaction (false for benchmarks: counts only).
    public var keepsResults = true

    /// Creates a validator.
    public init(repository: SchemaRepository, guide: ImplementationGuide? = nil, explicitSchema: TransactionSchema? = nil) {
        self.repository = repository
        self.guide = guide
        self.explicitSchema = explicitSchema
    }

    /// Validates a file; `onTransaction` sees each transaction's result as it completes.
    public func validate(path: String, onTransaction: ((TransactionResult) -> Void)? = nil) throws -> FileValidation {
        var result = FileValidation(path: path)
        let reader = try EDIStreamReader(path: path)
        let outliner = EnvelopeOutliner(keepsInterchanges: false)
        var context = EnvelopeContext()
        var current: (validator: TransactionValidator, result: TransactionResult)?
        var lastPosition = EDIPosition()
        var schemaCache: [String: TransactionSchema?] = [:]

        func closeTransaction(at position: EDIPosition) {
            guard var open = current else { return }
            if open.result.schemaVersion != nil {
                open.result.diagnostics.append(contentsOf: open.validator.finish(at: position))
                // The SE/UNT count and control findings were added when the trailer arrived, before the
                // schema findings of earlier segments: keep the transaction's findings in file order.
                open.result.diagnostics = FileValidation.inFileOrder(open.result.diagnostics)
            }
            onTransaction?(open.result)
            if keepsResults { result.transactions.append(open.result) }
            current = nil
        }

        try reader.forEach { event in
            switch event {
            case .segment(let segment):
                lastPosition = segment.position
                let envelopeIssues = outliner.consume(segment)
                let tag = segment.tag
                context.observe(segment)
                // An envelope segment ends any transaction still open (its trailer is missing, which
                // the outliner reports); it is never a segment of the transaction.
                if current != nil, Self.envelopeTags.contains(tag.description) { closeTransaction(at: segment.position) }
                if tag == "ST" || tag == "UNH" {
                    closeTransaction(at: segment.position)
                    let schema = try schemaFor(segment, context: context, cache: &schemaCache)
                    var transaction = TransactionResult(
                        type: tag == "ST" ? segment[1] ?? "" : segment.element(2).component(1).string,
                        controlNumber: segment[tag == "ST" ? 2 : 1] ?? "", schemaVersion: schema?.version, diagnostics: [],
                        segmentCount: 0, position: segment.position)
                    if schema == nil {
                        transaction.diagnostics.append(Diagnostic(.error, .transactionNotSupported,
                            "no schema for \(transaction.type) \(context.versionLabel(for: segment)); add Schemas/\(segment.syntax == .x12 ? "X12" : "EDIFACT")/\(context.version(for: segment))/\(transaction.type).xml or pass --schema",
                            at: segment.position))
                    }
                    let validator = schema.map { TransactionValidator(schema: $0, encoding: context.encoding) }
                    current = (validator ?? TransactionValidator(schema: .empty(segment.syntax)), transaction)
                    if schema == nil { current!.result.schemaVersion = nil }
                }
                if current != nil {
                    current!.result.segmentCount += 1
                    if current!.result.schemaVersion != nil { current!.validator.consume(segment) }
                }
                for issue in envelopeIssues {
                    let diagnostic = Diagnostic(envelopeIssue: issue)
                    if current != nil, [.transactionCountMismatch, .transactionControlMismatch].contains(diagnostic.kind) {
                        current!.result.diagnostics.append(diagnostic)
                    } else {
                        result.envelopeDiagnostics.append(diagnostic)
                    }
                }
                if tag == "SE" || tag == "UNT" { closeTransaction(at: segment.position) }
            case .issue(let issue):
                if issue.severity == .error {
                    closeTransaction(at: issue.position)
                    outliner.abandon(at: issue.position)
                }
                result.envelopeDiagnostics.append(Diagnostic(envelopeIssue: issue))
            case .needMoreInput, .endOfInput:
                break
            }
        }
        closeTransaction(at: lastPosition)
        for issue in outliner.finish(at: lastPosition) { result.envelopeDiagnostics.append(Diagnostic(envelopeIssue: issue)) }
        result.byteCount = reader.tokenizer.consumedByteCount
        return result
    }

    /// Interchange and group headers and trailers of both syntaxes.
    static let envelopeTags: Set<String> = ["ISA", "IEA", "ISB", "ISE", "TA1", "GS", "GE", "UNA", "UNB", "UNZ", "UNG", "UNE"]

    private func schemaFor(_ header: Segment, context: EnvelopeContext, cache: inout [String: TransactionSchema?]) throws -> TransactionSchema? {
        if let explicitSchema { return explicitSchema }
        let id = header.tag == "ST" ? header[1] ?? "" : header.element(2).component(1).string
        let version = context.version(for: header)
        let key = "\(header.syntax)/\(version)/\(id)"
        if let cached = cache[key] { return cached }
        var schema = try repository.transaction(syntax: header.syntax, version: version, id: id)
        if let guide, let standard = schema, guide.transaction == id, guide.syntax == header.syntax, guide.version == standard.version {
            schema = try guide.applied(to: standard)
        }
        cache[key] = schema
        return schema
    }
}

/// The envelope facts a transaction's schema and decoding depend on.
struct EnvelopeContext {
    var groupVersion: String?
    var encoding: CharacterEncoding = .utf8

    mutating func observe(_ segment: Segment) {
        switch segment.tag {
        case "ISA": groupVersion = nil; encoding = .utf8
        case "GS": groupVersion = segment[8]
        case "UNB": encoding = CharacterEncoding(syntaxIdentifier: segment.element(1).component(1).string) ?? .utf8
        default: break
        }
    }

    /// X12: the first six characters of ST03 or GS08 (`004010` of `004010VICS`); EDIFACT: `D96A` from UNH S009.
    func version(for header: Segment) -> String {
        if header.tag == "UNH" {
            let identifier = header.element(2)
            return identifier.component(2).string.uppercased() + identifier.component(3).string.uppercased()
        }
        let text = header[3] ?? groupVersion ?? ""
        return String(text.prefix(6))
    }

    func versionLabel(for header: Segment) -> String {
        version(for: header)
    }
}

extension TransactionSchema {
    /// A schema with no structure, standing in when none was found.
    static func empty(_ syntax: EDISyntax) -> TransactionSchema {
        TransactionSchema(syntax: syntax, version: "", id: "", name: "", functionalGroup: nil, structure: [], hierarchy: nil,
                          knownTags: [], sourcePath: nil, guideName: nil)
    }
}

extension Diagnostic {
    /// A tokenizer or envelope issue as a finding, with the acknowledgement codes of its kind.
    init(envelopeIssue issue: SyntaxIssue) {
        let tag = issue.position.segmentTag ?? ""
        let kind: DiagnosticKind
        switch issue.code {
        case .controlNumberMismatch:
            kind = ["SE", "UNT"].contains(tag) ? .transactionControlMismatch : ["GE", "UNE"].contains(tag) ? .groupControlMismatch : .interchangeControlMismatch
        case .countMismatch:
            kind = ["SE", "UNT"].contains(tag) ? .transactionCountMismatch : ["GE", "UNE"].contains(tag) ? .groupCountMismatch : .interchangeCountMismatch
        case .missingTrailer:
            kind = issue.message.hasPrefix("transaction") ? .transactionTrailerMissing
                : issue.message.hasPrefix("group") ? .groupTrailerMissing : .interchangeTrailerMissing
        case .unexpectedTrailer, .segmentOutsideEnvelope:
            kind = .envelopeError
        default:
            kind = .syntaxError
        }
        self.init(issue.severity, kind, issue.message, at: issue.position)
        syntaxCode = issue.code.rawValue
    }
}
