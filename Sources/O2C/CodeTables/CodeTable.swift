/// A code list of one EDI element mapped to a value of the internal documents, in one place for
/// both directions: inbound (code → value) and outbound (value → the preferred code, the first
/// row that has it).
///
/// Every row names the standard's meaning of the code, as checked against the code list it
/// comes from (the `Schemas/X12/004010/dictionary.xml` code lists, UNCL D96A/D01B in
/// `../shared/reference/unece`, UN/ECE Recommendations 20 and 21). A code that is not in a table
/// is not guessed at: callers keep it as sent.
public struct CodeTable<Value: Hashable & Sendable>: Sendable {
    /// One code.
    public struct Row: Sendable {
        /// The code as it appears in the element.
        public let code: String
        /// What it means in the internal documents.
        public let value: Value
        /// The standard's name for the code.
        public let meaning: String
    }

    /// The element the codes belong to (`X12 98`, `EDIFACT 3035`).
    public let element: String
    /// The rows; for a value with several codes, the first is the one written outbound.
    public let rows: [Row]
    private let byCode: [String: Int]

    /// Creates a table from `(code, value, meaning)` rows.
    public init(element: String, _ rows: [(String, Value, String)]) {
        self.element = element
        self.rows = rows.map { Row(code: $0.0, value: $0.1, meaning: $0.2) }
        var index: [String: Int] = [:]
        for (position, row) in self.rows.enumerated() where index[row.code] == nil { index[row.code] = position }
        self.byCode = index
    }

    /// The value of a code; nil when the code is not in the table.
    public func value(for code: String) -> Value? {
        byCode[code].map { rows[$0].value }
    }

    /// The standard's name for a code.
    public func meaning(of code: String) -> String? {
        byCode[code].map { rows[$0].meaning }
    }

    /// The code to write for a value: `preferred` when it is in the table with that value (so a
    /// code received keeps its exact form on the way back), otherwise the first code of the value.
    public func code(for value: Value, preferring preferred: String? = nil) -> String? {
        if let preferred, self.value(for: preferred) == value { return preferred }
        return rows.first { $0.value == value }?.code
    }

    /// Every code in the table.
    public var codes: [String] { rows.map(\.code) }
}
