/// Follows the envelope segments of a segment stream and checks their framing: headers and
/// trailers that pair up, control numbers that match, and counts that equal what was seen.
///
/// Memory grows with the number of transactions of one interchange summary only; completed
/// interchanges are handed to `onInterchange` and forgotten when `keepsInterchanges` is false.
public final class EnvelopeOutliner {
    /// Interchanges completed so far (when ``keepsInterchanges`` is true).
    public private(set) var interchanges: [InterchangeSummary] = []
    /// Whether completed interchanges are kept in ``interchanges``.
    public var keepsInterchanges: Bool
    /// Whether groups keep a summary of each transaction (false: counts only, so memory stays
    /// flat however many transactions an interchange holds).
    public var keepsTransactionSummaries = true
    /// Called with every completed (or abandoned) interchange.
    public var onInterchange: ((InterchangeSummary) -> Void)?

    var current: InterchangeSummary?
    var group: GroupSummary?
    var transaction: TransactionSummary?
    var groupCount = 0
    var messagesOutsideGroups = 0
    var sawExplicitGroup = false
    var issues: [SyntaxIssue] = []
    /// Segments of the open transaction so far (kept apart from the summary so counting copies nothing).
    var transactionSegmentCount = 0
    /// Whether a transaction / an interchange is open (checked per segment without copying the summaries).
    var inTransaction = false
    var inInterchange = false

    /// Creates an outliner.
    public init(keepsInterchanges: Bool = true) {
        self.keepsInterchanges = keepsInterchanges
    }

    /// Takes the next segment; returns envelope problems found at it.
    public func consume(_ segment: Segment) -> [SyntaxIssue] {
        issues.removeAll(keepingCapacity: true)
        switch segment.syntax {
        case .x12: consumeX12(segment)
        case .edifact: consumeEDIFACT(segment)
        }
        if inTransaction { transactionSegmentCount += 1 }
        return issues
    }

    /// Counts segments of the open transaction that were not passed to ``consume(_:)``: body segments
    /// (no envelope, header or trailer tag) of a transaction the caller knows is open, for which
    /// `consume` would only count. Call it before the next `consume`, `finish` or `abandon`.
    public func countTransactionSegments(_ count: Int) {
        if inTransaction { transactionSegmentCount += count }
    }

    /// Ends the stream; reports trailers that never came.
    public func finish(at position: EDIPosition) -> [SyntaxIssue] {
        issues.removeAll(keepingCapacity: true)
        closeInterchange(at: position, trailerSeen: false)
        return issues
    }

    /// An error from the tokenizer that abandons the interchange (``SyntaxIssue/abandonsInterchange``)
    /// ends the one in progress, quietly.
    public func abandon(at position: EDIPosition) {
        if current != nil { closeInterchange(at: position, trailerSeen: false, quiet: true) }
    }

    func report(_ code: SyntaxIssue.Code, _ message: String, at position: EDIPosition) {
        issues.append(SyntaxIssue(.error, code, message, at: position))
    }

    func closeTransaction(at position: EDIPosition, trailerSeen: Bool, quiet: Bool = false) {
        guard var open = transaction else { return }
        open.segmentCount = transactionSegmentCount
        if !trailerSeen, !quiet {
            let trailer = open.version.map { _ in current?.syntax == .edifact ? "UNT" : "SE" } ?? (current?.syntax == .edifact ? "UNT" : "SE")
            report(.missingTrailer, "transaction \(open.type) \(open.controlNumber) has no \(trailer) trailer", at: position)
        }
        if group == nil {
            group = GroupSummary(functionalId: nil, controlNumber: nil, version: nil, sender: nil, receiver: nil,
                                 isImplicit: true, position: open.position)
        }
        group!.transactionCount += 1
        if keepsTransactionSummaries { group!.transactions.append(open) }
        transaction = nil
        inTransaction = false
    }

    func closeGroup(at position: EDIPosition, trailerSeen: Bool, quiet: Bool = false) {
        closeTransaction(at: position, trailerSeen: false, quiet: quiet)
        guard let open = group else { return }
        if !trailerSeen, !open.isImplicit, !quiet {
            let trailer = current?.syntax == .edifact ? "UNE" : "GE"
            report(.missingTrailer, "group \(open.functionalId ?? "") \(open.controlNumber ?? "") has no \(trailer) trailer", at: position)
        }
        if current != nil { current!.groups.append(open) }
        group = nil
    }

    func closeInterchange(at position: EDIPosition, trailerSeen: Bool, quiet: Bool = false) {
        closeGroup(at: position, trailerSeen: false, quiet: quiet)
        guard let open = current else { return }
        if !trailerSeen, !quiet {
            let trailer = open.syntax == .edifact ? "UNZ" : "IEA"
            report(.missingTrailer, "interchange \(open.controlNumber) has no \(trailer) trailer", at: position)
        }
        if keepsInterchanges { interchanges.append(open) }
        onInterchange?(open)
        current = nil
        inInterchange = false
        groupCount = 0
        messagesOutsideGroups = 0
        sawExplicitGroup = false
    }

    func checkControl(_ trailerValue: String?, _ headerValue: String?, what: String, at position: EDIPosition) {
        guard let headerValue else { return }
        if trailerValue != headerValue {
            report(.controlNumberMismatch,
                   "\(what) control number \"\(trailerValue ?? "")\" does not match the header's \"\(headerValue)\"", at: position)
        }
    }

    func checkCount(_ trailerValue: String?, actual: Int, what: String, at position: EDIPosition) {
        guard let text = trailerValue, let declared = Int(text) else {
            report(.countMismatch, "\(what) count \"\(trailerValue ?? "")\" is not a number (actual \(actual))", at: position)
            return
        }
        if declared != actual {
            report(.countMismatch, "\(what) count is \(declared) but there are \(actual)", at: position)
        }
    }
}
