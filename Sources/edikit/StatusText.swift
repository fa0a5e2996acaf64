import Pipeline

/// The text form of `edikit status`, for people.
enum StatusText {
    static func render(_ status: PipelineStatus, root: String, recent: Int) -> String {
        var lines = ["EDIKit pipeline \(root) at \(status.generatedAt)", "", "files"]
        lines += counts(status.files)
        lines += ["transactions"] + counts(status.transactions)
        lines.append("acknowledgements received: " + (status.acknowledgements.isEmpty ? "none" : list(status.acknowledgements)))
        lines += ["", "recent files (last \(recent))"]
        lines += status.recentFiles.isEmpty ? ["  none"] : status.recentFiles.map { file in
            "  #\(file.id)  \(file.direction.rawValue)  \(file.status.rawValue)  \(file.partner ?? "-")  \(file.name)  \(file.receivedAt)"
                + (file.retryOf.map { "  (retry of #\($0))" } ?? "")
        }
        lines += ["", "rejected files (edikit reprocess \(root) ID)"]
        lines += status.rejectedFiles.isEmpty ? ["  none"] : status.rejectedFiles.map { file in
            "  #\(file.id)  \(file.status.rawValue)  \(file.name): \(file.reason ?? "")"
        }
        lines += ["", "overdue acknowledgements"]
        if status.overdueAcknowledgements.isEmpty { lines.append("  none") }
        var partner: String?
        for overdue in status.overdueAcknowledgements {
            if overdue.partner != partner {
                partner = overdue.partner
                lines.append("  \(overdue.partner): \(status.overdueAcknowledgements.filter { $0.partner == overdue.partner }.count)")
            }
            lines.append("    interchange \(overdue.interchange) (file #\(overdue.fileID) \(overdue.file)) sent \(overdue.sentAt), "
                         + "expected by \(overdue.expectedBy), \(overdue.hoursOverdue) h overdue")
        }
        lines += ["", "unmatched acknowledgements"]
        lines += status.unmatchedAcknowledgements.isEmpty ? ["  none"] : status.unmatchedAcknowledgements.map { ack in
            "  #\(ack.id)  \(ack.kind) from \(ack.partner) for \(ack.subject): \(ack.status?.rawValue ?? "code \(ack.code)") (file #\(ack.fileID) \(ack.file))"
        }
        lines += ["", "control numbers (last used)"]
        var parties: [String] = []
        for state in status.controlNumbers where !parties.contains(state.party) { parties.append(state.party) }
        lines += parties.isEmpty ? ["  none"] : parties.map { party in
            let levels = status.controlNumbers.filter { $0.party == party }.map { "\($0.level) \($0.last)" }.joined(separator: ", ")
            let name = status.controlNumbers.first { $0.party == party }?.partner.map { "\($0) (\(party))" } ?? party
            return "  \(name): \(levels)"
        }
        return lines.joined(separator: "\n")
    }

    private static func counts(_ table: [String: [String: Int]]) -> [String] {
        table.isEmpty ? ["  none"] : table.keys.sorted().map { "  \($0): " + list(table[$0] ?? [:]) }
    }

    private static func list(_ counts: [String: Int]) -> String {
        counts.keys.sorted().map { "\($0) \(counts[$0] ?? 0)" }.joined(separator: ", ")
    }
}
