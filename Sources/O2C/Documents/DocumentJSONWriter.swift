public import Foundation

/// Writes internal documents as JSON bytes directly, without `JSONEncoder`'s intermediate tree:
/// the same bytes as `JSONEncoder` with `.sortedKeys` and `.withoutEscapingSlashes` (and
/// `.prettyPrinted` when `pretty`), several times faster. The per-type code is generated from the
/// schema model by `docs/schemas/make_json_writer.py`; tests compare every document they see
/// with `JSONEncoder`'s output byte for byte.
public struct DocumentJSONWriter: ~Copyable {
    var output: JSONOutput
    /// Indented like `JSONEncoder.OutputFormatting.prettyPrinted`.
    public let pretty: Bool
    private var level = 0
    /// Whether each open object or array has an item yet, innermost in bit 0 (the documents nest
    /// far less than 64 deep).
    private var hasItems: UInt64 = 0

    /// A writer; `capacity` is a first guess of the output size.
    public init(pretty: Bool, capacity: Int = 4096) {
        self.pretty = pretty
        output = JSONOutput(capacity: capacity)
    }

    /// The JSON written so far.
    public var bytes: [UInt8] { output.bytes }

    /// The JSON of a document, as `JSONEncoder` would write it.
    public static func encode(_ document: InternalDocument, pretty: Bool) -> Data {
        Data(encodedBytes(document, pretty: pretty))
    }

    /// The same JSON as ``encode(_:pretty:)``, as the bytes written (no copy into `Data`).
    public static func encodedBytes(_ document: InternalDocument, pretty: Bool) -> [UInt8] {
        var writer = DocumentJSONWriter(pretty: pretty, capacity: 16_384)
        document.writeJSON(to: &writer)
        return writer.output.bytes
    }

    // MARK: - Several documents in one buffer

    /// The number of bytes written so far.
    public var count: Int { output.count }

    /// Appends a document's JSON (the bytes of ``encodedBytes(_:pretty:)``) after what is already
    /// written, so that one buffer, kept from batch to batch, holds several documents; where it is.
    public mutating func append(_ document: InternalDocument) -> Range<Int> {
        let start = output.count
        document.writeJSON(to: &self)
        return start..<output.count
    }

    /// Forgets everything written, keeping the buffer's memory.
    public mutating func removeAll() { output.removeAll() }

    /// Calls `body` with the bytes in `range` (from ``append(_:)``), valid only during the call.
    public func withBytes<Result>(in range: Range<Int>, _ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try output.withBytes(in: range, body)
    }

    // MARK: - Structure

    @usableFromInline mutating func beginObject() { open(UInt8(ascii: "{")) }
    @usableFromInline mutating func endObject() { close(UInt8(ascii: "}")) }
    @usableFromInline mutating func beginArray() { open(UInt8(ascii: "[")) }
    @usableFromInline mutating func endArray() { close(UInt8(ascii: "]")) }

    @inline(__always) private mutating func open(_ bracket: UInt8) {
        output.append(bracket)
        level += 1
        hasItems <<= 1
    }

    private mutating func close(_ bracket: UInt8) {
        let had = hasItems & 1 != 0
        hasItems >>= 1
        level -= 1
        if pretty {
            output.append(UInt8(ascii: "\n"))
            if !had { output.append(UInt8(ascii: "\n")) }
            indent()
        }
        output.append(bracket)
    }

    private mutating func indent() {
        output.append(repeating: UInt8(ascii: " "), count: 2 * level)
    }

    /// Starts the next item of the open object or array: comma, new line, indentation.
    @inline(__always) private mutating func item() {
        if hasItems & 1 != 0 { output.append(UInt8(ascii: ",")) } else { hasItems |= 1 }
        if pretty {
            output.append(UInt8(ascii: "\n"))
            indent()
        }
    }

    /// Writes an object key (ASCII, needs no escaping); the value follows.
    @inline(__always) @usableFromInline mutating func key(_ name: StaticString) {
        item()
        output.appendKey(name, pretty: pretty)
    }

    /// Starts an array element.
    @inline(__always) @usableFromInline mutating func element() { item() }

    // MARK: - Values

    @usableFromInline mutating func string(_ value: String) {
        // Nearly every EDI value needs no escape: quotes and one copy of its bytes.
        if output.appendUnescaped(value, quoted: true) { return }
        output.append(UInt8(ascii: "\""))
        escaped(value)
        output.append(UInt8(ascii: "\""))
    }

    private mutating func escaped(_ value: String) {
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""): output.append(0x5C, 0x22)
            case UInt8(ascii: "\\"): output.append(0x5C, 0x5C)
            case 0x0A: output.append(0x5C, UInt8(ascii: "n"))
            case 0x0D: output.append(0x5C, UInt8(ascii: "r"))
            case 0x09: output.append(0x5C, UInt8(ascii: "t"))
            case 0x08: output.append(0x5C, UInt8(ascii: "b"))
            case 0x0C: output.append(0x5C, UInt8(ascii: "f"))
            case 0..<0x20:
                output.append("\\u00")
                output.append(Self.hexDigit(byte >> 4), Self.hexDigit(byte & 0x0F))
            default: output.append(byte)
            }
        }
    }

    /// A lowercase hexadecimal digit, as `JSONEncoder` writes `\u001f`.
    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
    }

    @usableFromInline mutating func int(_ value: Int) { output.appendInteger(value) }
    @usableFromInline mutating func bool(_ value: Bool) { output.append(value ? "true" : "false") }

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
