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
    /// Codes of up to three bytes (nearly all of them), packed (``packedKey(_:)``), in row order:
    /// a lookup compares a few integers instead of hashing a string.
    private let shortKeys: [UInt32]
    /// Longer codes.
    private let byCode: [String: Int]

    /// Creates a table from `(code, value, meaning)` rows.
    public init(element: String, _ rows: [(String, Value, String)]) {
        self.element = element
        self.rows = rows.map { Row(code: $0.0, value: $0.1, meaning: $0.2) }
        var index: [String: Int] = [:]
        for (position, row) in self.rows.enumerated() where index[row.code] == nil && Self.packedKey(row.code) == nil {
            index[row.code] = position
        }
        self.byCode = index
        shortKeys = self.rows.map { Self.packedKey($0.code) ?? 0 }
    }

    /// A code of one to three bytes as one integer (its length in the top byte, so `1` and `01`
    /// differ); nil for an empty or longer code.
    static func packedKey(_ code: String) -> UInt32? {
        var code = code
        return code.withUTF8 { bytes in
            guard (1...3).contains(bytes.count) else { return nil }
            var key: UInt32 = 0
            for byte in bytes { key = key << 8 | UInt32(byte) }
            return key | UInt32(bytes.count) << 24
        }
    }

    /// The row of a code (the first, when a code is listed twice).
    private func row(of code: String) -> Int? {
        guard let key = Self.packedKey(code) else { return byCode[code] }
        return shortKeys.firstIndex(of: key)
    }

    /// The index of the row of a code given as UTF-8 bytes (the first, when a code is listed
    /// twice): a code of up to three bytes is found without making a `String`.
    func row(utf8 code: UnsafeRawBufferPointer) -> Int? {
        guard (1...3).contains(code.count) else { return byCode[String(decoding: code, as: UTF8.self)] }
        var key: UInt32 = 0
        for byte in code { key = key << 8 | UInt32(byte) }
        key |= UInt32(code.count) << 24
        return shortKeys.withUnsafeBufferPointer { keys in
            for index in keys.indices where keys[index] == key { return index }
            return nil
        }
    }

    /// The value of a code; nil when the code is not in the table.
    public func value(for code: String) -> Value? {
        row(of: code).map { rows[$0].value }
    }

    /// The standard's name for a code.
    public func meaning(of code: String) -> String? {
        row(of: code).map { rows[$0].meaning }
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
