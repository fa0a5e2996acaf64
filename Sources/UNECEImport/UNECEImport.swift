public import Foundation

/// Generates EDIKit's EDIFACT message schemas from an original UNECE directory
/// (`edikit schema import-unece DIR --messages ORDERS,INVOIC --out Schemas/EDIFACT/D96A`).
public enum UNECEImport {
    /// Reads the UNECE directory files below `directory` and writes `<MSG>.xml` for each of
    /// `messages` plus `dictionary.xml` into `output`. Returns the files written, messages
    /// first, the dictionary last. Message types are taken in upper case ("orders,invoic" is read
    /// as two); repeats are dropped.
    ///
    /// - Throws: ``UNECEImportError`` naming the file (and line) that could not be read or written.
    public static func importDirectory(at directory: URL, messages: [String], to output: URL) throws -> [URL] {
        var ids: [String] = []
        let names = messages.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces).uppercased() }
        for id in names where !id.isEmpty && !ids.contains(id) {
            ids.append(id)
        }
        guard !ids.isEmpty else {
            throw UNECEImportError(code: .missingFile, file: directory.path, line: 0, message: "no message types given")
        }
        let parsed = try UNECEDirectory(at: directory, messages: ids)
        return try UNECESchemaWriter(directory: parsed).write(messages: ids, to: output)
    }

    /// The command line's entry point; the same as ``importDirectory(at:messages:to:)``.
    public static func run(directory: URL, messages: [String], output: URL) throws -> [URL] {
        try importDirectory(at: directory, messages: messages, to: output)
    }

    /// The message types EDIKit ships schemas for.
    public static let shippedMessages = ["ORDERS", "ORDRSP", "DESADV", "INVOIC", "REMADV", "APERAK", "INVRPT", "PRICAT"]
}
