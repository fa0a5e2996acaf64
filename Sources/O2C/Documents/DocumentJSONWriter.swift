public import Foundation

/// Writes internal documents as JSON bytes directly, without `JSONEncoder`'s intermediate tree:
/// the same bytes as `JSONEncoder` with `.sortedKeys` and `.withoutEscapingSlashes` (and
/// `.prettyPrinted` when `pretty`), several times faster. The per-type code is generated from the
/// schema model by `docs/schemas/make_json_writer.py`; tests compare every document they see
/// with `JSONEncoder`'s output byte for byte.
public struct DocumentJSONWriter {
    /// The JSON written so far.
    public internal(set) var bytes: [UInt8] = []
    /// Indented like `JSONEncoder.OutputFormatting.prettyPrinted`.
    public let pretty: Bool
    private var level = 0
    private var hasItems: [Bool] = []

    /// A writer; `capacity` is a first guess of the output size.
    public init(pretty: Bool, capacity: Int = 4096) {
        self.pretty = pretty
        bytes.reserveCapacity(capacity)
    }

    /// The JSON of a document, as `JSONEncoder` would write it.
    public static func encode(_ document: InternalDocument, pretty: Bool) -> Data {
        var writer = DocumentJSONWriter(pretty: pretty)
        document.writeJSON(to: &writer)
        return Data(writer.bytes)
    }

    // MARK: - Structure

    @usableFromInline mutating func beginObject() { open(UInt8(ascii: "{")) }
    @usableFromInline mutating func endObject() { close(UInt8(ascii: "}")) }
    @usableFromInline mutating func beginArray() { open(UInt8(ascii: "[")) }
    @usableFromInline mutating func endArray() { close(UInt8(ascii: "]")) }

    private mutating func open(_ bracket: UInt8) {
        bytes.append(bracket)
        level += 1
        hasItems.append(false)
    }

    private mutating func close(_ bracket: UInt8) {
        let had = hasItems.removeLast()
        level -= 1
        if pretty {
            bytes.append(UInt8(ascii: "\n"))
            if !had { bytes.append(UInt8(ascii: "\n")) }
            indent()
        }
        bytes.append(bracket)
    }

    private mutating func indent() {
        for _ in 0..<level { bytes.append(UInt8(ascii: " ")); bytes.append(UInt8(ascii: " ")) }
    }

    /// Starts the next item of the open object or array: comma, new line, indentation.
    private mutating func item() {
        if hasItems[hasItems.count - 1] { bytes.append(UInt8(ascii: ",")) } else { hasItems[hasItems.count - 1] = true }
        if pretty {
            bytes.append(UInt8(ascii: "\n"))
            indent()
        }
    }

    /// Writes an object key (ASCII, needs no escaping); the value follows.
    @usableFromInline mutating func key(_ name: StaticString) {
        item()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        if pretty {
            bytes.append(contentsOf: [UInt8(ascii: " "), UInt8(ascii: ":"), UInt8(ascii: " ")])
        } else {
            bytes.append(UInt8(ascii: ":"))
        }
    }

    /// Starts an array element.
    @usableFromInline mutating func element() { item() }

    // MARK: - Values

    @usableFromInline mutating func string(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        var value = value
        let plain = value.withUTF8 { utf8 in
            // Nearly every EDI value needs no escape: one copy of its bytes.
            guard !utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else { return false }
            bytes.append(contentsOf: utf8)
            return true
        }
        if !plain { escaped(value) }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func escaped(_ value: String) {
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [0x5C, 0x22])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: bytes.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: bytes.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: bytes.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0x08: bytes.append(contentsOf: [0x5C, UInt8(ascii: "b")])
            case 0x0C: bytes.append(contentsOf: [0x5C, UInt8(ascii: "f")])
            case 0..<0x20:
                let hex: [UInt8] = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: [0x5C, UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                          hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]])
            default: bytes.append(byte)
            }
        }
    }

    @usableFromInline mutating func int(_ value: Int) { bytes.append(contentsOf: String(value).utf8) }
    @usableFromInline mutating func bool(_ value: Bool) { bytes.append(contentsOf: (value ? "true" : "false").utf8) }

    @usableFromInline mutating func strings(_ values: [String]) {
        beginArray()
        for value in values { element(); string(value) }
        endArray()
    }
}

/// A value that writes its own JSON (generated for every internal document type).
public protocol DocumentJSONWritable {
    /// Appends the value's JSON.
    func writeJSON(to writer: inout DocumentJSONWriter)
}

extension DocumentJSONWriter {
    @usableFromInline mutating func array<T: DocumentJSONWritable>(_ values: [T]) {
        beginArray()
        for value in values { element(); value.writeJSON(to: &self) }
        endArray()
    }
}
