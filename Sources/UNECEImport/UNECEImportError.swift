import Foundation

/// An error reading a UNECE directory: which file, which line (1-based, 0 when the
/// problem is not tied to a line) and what was wrong.
public struct UNECEImportError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What kind of problem it is; codes can grow without breaking callers.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Value: String { case unreadable, missingFile, unparseable, unknownReference, unwritable }
        private let value: Value
        private init(_ value: Value) { self.value = value }

        /// A file could not be read.
        public static let unreadable = Code(.unreadable)
        /// A file the import needs (segment, composite, element directory, message) is not there.
        public static let missingFile = Code(.missingFile)
        /// A line does not have the layout the directory format prescribes.
        public static let unparseable = Code(.unparseable)
        /// A message or segment refers to a segment, composite or element the directory does not define.
        public static let unknownReference = Code(.unknownReference)
        /// An output file could not be written.
        public static let unwritable = Code(.unwritable)

        public var description: String { value.rawValue }
    }

    /// What kind of problem it is.
    public let code: Code
    /// The file concerned (a directory file, or an output file).
    public let file: String
    /// The 1-based line in `file`, or 0.
    public let line: Int
    /// What was wrong, with the offending line's text where there is one.
    public let message: String

    public init(code: Code, file: String, line: Int, message: String) {
        self.code = code
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        line > 0 ? "\(file):\(line): \(message)" : "\(file): \(message)"
    }

    static func unreadable(file: URL, reason: String) -> Self {
        .init(code: .unreadable, file: file.path, line: 0, message: "cannot read file: \(reason)")
    }

    static func unparseable(_ text: DirectoryText, index: Int, _ what: String) -> Self {
        let content = index < text.lines.count ? text.lines[index] : ""
        return .init(code: .unparseable, file: text.file.path, line: index + 1,
                     message: "\(what): \"\(content.trimmingCharacters(in: .whitespaces))\"")
    }
}
