import EDICore
import EDISchema
import Foundation

/// The compiler-style text of `edikit validate`: `file:line:column: error [code]: message`, the
/// segment with a caret under the offending element, and a summary per file.
enum ValidateText {
    static func render(_ result: FileValidation, colour: Bool) -> String {
        let lines = sourceLines(result.path)
        var out: [String] = []
        var errors = 0
        var warnings = 0
        for diagnostic in result.allDiagnostics {
            let p = diagnostic.position
            let label = diagnostic.severity == .error ? paint("error", "31", colour) : paint("warning", "33", colour)
            if diagnostic.severity == .error { errors += 1 } else { warnings += 1 }
            var where_ = ""
            if let tag = p.segmentTag {
                where_ = " (segment \(tag)"
                if p.segmentIndexInTransaction > 0 { where_ += " #\(p.segmentIndexInTransaction) in transaction" }
                if let loop = diagnostic.loopPath { where_ += ", loop \(loop)" }
                where_ += ")"
            }
            out.append("\(result.path):\(p.line):\(p.column): \(label) [\(diagnostic.code)]: \(diagnostic.message)\(where_)")
            if p.line >= 1, p.line <= lines.count {
                let text = Array(lines[p.line - 1])
                let column = max(0, min(p.column - 1, text.count))
                let start = max(0, column - 70)
                let end = min(text.count, start + 140)
                let prefix = start > 0 ? "…" : ""
                out.append("    " + prefix + String(text[start..<end]) + (end < text.count ? "…" : ""))
                out.append("    " + String(repeating: " ", count: column - start + prefix.count) + paint("^", "32", colour))
            }
        }
        let valid = result.transactions.filter(\.isValid).count
        out.append("\(result.path): \(result.transactions.count) transaction\(result.transactions.count == 1 ? "" : "s") checked, \(valid) valid, \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")")
        return out.joined(separator: "\n")
    }

    private static func paint(_ text: String, _ code: String, _ colour: Bool) -> String {
        colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    /// The file's lines, for showing the segment under a finding (small files only).
    private static func sourceLines(_ path: String) -> [String] {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let size = attributes[.size] as? Int, size <= 8 << 20,
              let data = FileManager.default.contents(atPath: path) else { return [] }
        let text = String(decoding: data, as: UTF8.self)
        return text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }).map(String.init)
    }
}
