import Foundation
public import Logging

/// The pipeline's log lines on standard error: `time level message key=value…` for people, or one
/// JSON object per line for log collectors. Every line of a file's processing carries `file`,
/// `partner` and the `interchange` / `group` / `transaction` control numbers as metadata.
public struct PipelineLogHandler: LogHandler {
    /// How lines are written.
    public enum Format: String, Sendable, CaseIterable {
        /// `2026-11-29T09:30:00.123Z info archived file=po.edi partner=globex interchange=000000101`.
        case text
        /// `{"time":"…","level":"info","message":"archived","file":"po.edi",…}`.
        case json
    }

    /// The format.
    public let format: Format
    public var logLevel: Logger.Level
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?
    private let write: @Sendable (String) -> Void

    /// A handler writing to standard error (or to `write`, for tests).
    public init(format: Format = .text, level: Logger.Level = .info, write: (@Sendable (String) -> Void)? = nil) {
        self.format = format
        logLevel = level
        self.write = write ?? { FileHandle.standardError.write(Data($0.utf8)) }
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var merged = metadata
        if let provided = metadataProvider?.get() { merged.merge(provided) { _, new in new } }
        if let own = event.metadata { merged.merge(own) { _, new in new } }
        if let error = event.error { merged["error"] = "\(error)" }
        let time = Date().formatted(.iso8601.year().month().day().time(includingFractionalSeconds: true).timeZone(separator: .omitted))
        let keys = merged.keys.sorted()
        switch format {
        case .text:
            var line = "\(time) \(event.level) \(event.message)"
            for key in keys { line += " \(key)=\(Self.quoted(merged[key]!.description))" }
            write(line + "\n")
        case .json:
            var object: [String: String] = ["time": time, "level": event.level.rawValue, "message": event.message.description]
            for key in keys where object[key] == nil { object[key] = merged[key]!.description }
            let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
            write(String(decoding: data, as: UTF8.self) + "\n")
        }
    }

    /// A value as it can stand after `key=`: quoted when it holds spaces, quotes or `=`.
    static func quoted(_ value: String) -> String {
        guard value.isEmpty || value.contains(where: { $0 == " " || $0 == "\"" || $0 == "=" || $0.isNewline }) else { return value }
        let escaped = value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
        return "\"\(escaped)\""
    }
}

extension Logger {
    /// A logger that writes nothing (the runner's default; tests and library use).
    static let silent = Logger(label: "edikit.pipeline") { _ in SwiftLogNoOpLogHandler() }
}
