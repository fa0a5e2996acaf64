public import EDICore

/// The findings of one interchange in envelope order: what an acknowledgement answers.
public struct InterchangeValidation: Sendable, Codable {
    /// X12 or EDIFACT.
    public var syntax: EDISyntax
    /// `ISA05`/`ISA06`, `UNB` S002.
    public var sender: EnvelopeParty
    /// `ISA07`/`ISA08`, `UNB` S003.
    public var receiver: EnvelopeParty
    /// `ISA13` / `UNB` 0020, as sent.
    public var controlNumber: String
    /// `ISA09` / `UNB` S004 date, as sent.
    public var date: String
    /// `ISA10` / `UNB` S004 time, as sent.
    public var time: String
    /// `ISA12` (`00401`) or the EDIFACT syntax identifier (`UNOC:3`).
    public var version: String
    /// `ISA14` = 1 / `UNB` 0031 = 1.
    public var acknowledgementRequested: Bool
    /// `ISA15` = T / `UNB` 0035 = 1.
    public var isTest: Bool
    /// Functional groups in order (EDIFACT messages without `UNG` sit in one implicit group).
    public var groups: [GroupValidation] = []
    /// Findings about the interchange envelope itself (ISA/IEA, UNB/UNZ, syntax errors).
    public var diagnostics: [Diagnostic] = []
    /// Where the header is.
    public var position: EDIPosition

    /// Whether the interchange envelope has an error.
    public var hasEnvelopeErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

/// The findings of one functional group.
public struct GroupValidation: Sendable, Codable {
    /// `GS01` / `UNG` 0038; nil for an implicit group.
    public var functionalId: String?
    /// `GS06` / `UNG` 0048.
    public var controlNumber: String?
    /// `GS08` / `UNG` S008.
    public var version: String?
    /// `GS02` / `UNG` S006.
    public var applicationSender: String?
    /// `GS03` / `UNG` S007.
    public var applicationReceiver: String?
    /// Whether the group has no header of its own.
    public var isImplicit: Bool
    /// The transactions in order.
    public var transactions: [TransactionResult] = []
    /// Findings about the group envelope (GS/GE, UNG/UNE).
    public var diagnostics: [Diagnostic] = []
    /// `GE01` / `UNE` 0060 as sent, when the trailer came.
    public var declaredTransactionCount: Int?
}

/// Builds the interchange → group → transaction tree while a file is validated.
struct InterchangeTreeBuilder {
    var interchanges: [InterchangeValidation] = []
    /// Whether each group lists its transactions (``FileValidator/treeKeepsTransactions``).
    var keepsTransactions = true
    private var groupOpen = false
    /// Groups in all interchanges so far.
    private var groupCount = 0

    /// An envelope header or trailer, read once by the validator's envelope context.
    mutating func begin(_ segment: Segment, context: EnvelopeContext) {
        switch segment.tag {
        case "ISA", "UNB":
            guard let facts = context.interchange else { return }
            interchanges.append(InterchangeValidation(
                syntax: facts.syntax, sender: facts.sender, receiver: facts.receiver, controlNumber: facts.controlNumber,
                date: facts.date, time: facts.time, version: facts.version, acknowledgementRequested: facts.acknowledgementRequested,
                isTest: facts.isTest, position: segment.position))
            groupOpen = false
        case "GS", "UNG":
            ensureInterchange(segment)
            let group = context.group
            interchanges[interchanges.count - 1].groups.append(GroupValidation(
                functionalId: group?.functionalId, controlNumber: group?.controlNumber, version: group?.version,
                applicationSender: group?.sender, applicationReceiver: group?.receiver, isImplicit: false))
            groupCount += 1
            groupOpen = true
        case "GE", "UNE":
            if groupOpen, let count = segment[1].flatMap(Int.init) {
                let i = interchanges.count - 1
                interchanges[i].groups[interchanges[i].groups.count - 1].declaredTransactionCount = count
            }
            groupOpen = false
        default:
            break
        }
    }

    /// Where a transaction sits in the tree: interchange, group and transaction indexes.
    struct Slot {
        var interchange: Int
        var group: Int
        /// The group's index among all the file's groups (``ValidatedTransaction/group``).
        var ordinal: Int
        /// Nil when the tree keeps no transactions (``keepsTransactions``).
        var transaction: Int?
    }

    /// Adds a transaction to the current group (an implicit one when none is open; only counted
    /// there unless ``keepsTransactions``); its result can be completed later at the returned slot
    /// (``set(_:at:)``), after other envelopes began.
    @discardableResult
    mutating func add(_ transaction: TransactionResult, syntax: EDISyntax) -> Slot {
        if interchanges.isEmpty {
            interchanges.append(InterchangeValidation(
                syntax: syntax, sender: EnvelopeParty(qualifier: nil, id: ""), receiver: EnvelopeParty(qualifier: nil, id: ""),
                controlNumber: "", date: "", time: "", version: "", acknowledgementRequested: false, isTest: false,
                position: transaction.position))
        }
        let i = interchanges.count - 1
        if !groupOpen, interchanges[i].groups.last?.isImplicit != true {
            interchanges[i].groups.append(GroupValidation(isImplicit: true))
            groupCount += 1
        }
        let g = interchanges[i].groups.count - 1
        guard keepsTransactions else { return Slot(interchange: i, group: g, ordinal: groupCount - 1, transaction: nil) }
        interchanges[i].groups[g].transactions.append(transaction)
        return Slot(interchange: i, group: g, ordinal: groupCount - 1, transaction: interchanges[i].groups[g].transactions.count - 1)
    }

    /// Replaces the result of a transaction added before (nothing when the tree keeps none).
    mutating func set(_ transaction: TransactionResult, at slot: Slot) {
        guard let index = slot.transaction else { return }
        interchanges[slot.interchange].groups[slot.group].transactions[index] = transaction
    }

    /// Puts an envelope or syntax finding where it belongs: the current group or the interchange.
    mutating func route(_ diagnostic: Diagnostic) {
        guard !interchanges.isEmpty else { return }
        let i = interchanges.count - 1
        let groupKinds: Set<DiagnosticKind> = [.groupTrailerMissing, .groupControlMismatch, .groupCountMismatch]
        let groupTags: Set<String> = ["GS", "GE", "UNG", "UNE"]
        let isGroupFinding = groupKinds.contains(diagnostic.kind) || groupTags.contains(diagnostic.position.segmentTag ?? "")
        if isGroupFinding, !interchanges[i].groups.isEmpty {
            interchanges[i].groups[interchanges[i].groups.count - 1].diagnostics.append(diagnostic)
        } else {
            interchanges[i].diagnostics.append(diagnostic)
        }
    }

    private mutating func ensureInterchange(_ segment: Segment) {
        if interchanges.isEmpty {
            interchanges.append(InterchangeValidation(
                syntax: segment.syntax, sender: EnvelopeParty(qualifier: nil, id: ""), receiver: EnvelopeParty(qualifier: nil, id: ""),
                controlNumber: "", date: "", time: "", version: "", acknowledgementRequested: false, isTest: false,
                position: segment.position))
        }
    }
}

extension GroupValidation {
    init(isImplicit: Bool) {
        self.init(functionalId: nil, controlNumber: nil, version: nil, applicationSender: nil, applicationReceiver: nil,
                  isImplicit: isImplicit)
    }
}
