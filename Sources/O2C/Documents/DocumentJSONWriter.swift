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
    /// far less than 64 deep); pretty only.
    private var hasItems: UInt64 = 0
    /// ``JSONOutput/smallStringLayoutIsKnown``, read once.
    private let smallStringsReadable = JSONOutput.smallStringLayoutIsKnown
    /// ``decimalLayoutIsKnown``, read once.
    let decimalsReadable = DocumentJSONWriter.decimalLayoutIsKnown

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
    public mutating func removeAll() { rollBack(to: 0) }

    /// Forgets what was written after the first `count` bytes (a document given up half-way), back at
    /// the top level between documents.
    public mutating func rollBack(to count: Int) {
        output.removeLast(after: count)
        level = 0
        hasItems = 0
    }

    /// Calls `body` with the bytes in `range` (from ``append(_:)``), valid only during the call.
    public func withBytes<Result>(in range: Range<Int>, _ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try output.withBytes(in: range, body)
    }

    // MARK: - Structure
    //
    // Compact JSON is written without tracking where an item is: every key comes as one static text
    // with its comma (`,"name":`), every array element after a comma, and closing the object or array
    // turns the first comma into the opening bracket (or writes `{}`, `[]`). Pretty JSON takes the
    // name out of the same text and indents as `JSONEncoder` does.

    /// Starts an object; pass what it returns to ``endObject(_:)``.
    @inline(__always) @usableFromInline mutating func beginObject() -> Int {
        if pretty { open(UInt8(ascii: "{")) }
        return output.count
    }

    /// Ends the object begun where ``beginObject()`` said.
    @inline(__always) @usableFromInline mutating func endObject(_ start: Int) {
        if pretty { return close(UInt8(ascii: "}")) }
        output.closeCompact(from: start, open: UInt8(ascii: "{"), close: UInt8(ascii: "}"))
    }

    @inline(__always) private mutating func open(_ bracket: UInt8) {
        output.append(bracket)
        level += 1
        hasItems <<= 1
    }

    private mutating func close(_ bracket: UInt8) {
        let had = hasItems & 1 != 0
        hasItems >>= 1
        level -= 1
        output.append(UInt8(ascii: "\n"))
        if !had { output.append(UInt8(ascii: "\n")) }
        indent()
        output.append(bracket)
    }

    private mutating func indent() {
        output.append(repeating: UInt8(ascii: " "), count: 2 * level)
    }

    /// Starts the next item of the open object or array when pretty: comma, new line, indentation.
    private mutating func prettyItem() {
        if hasItems & 1 != 0 { output.append(UInt8(ascii: ",")) } else { hasItems |= 1 }
        output.append(UInt8(ascii: "\n"))
        indent()
    }

    /// Writes an object key, given as its compact text `,"name":` (the name needs no escaping); the
    /// value follows.
    @inline(__always) @usableFromInline mutating func key(_ text: StaticString) {
        if pretty { return prettyKey(text, after: 0) }
        output.append(text)
    }

    /// The key in `text` (`,"name":` and `after` more bytes) as `"name" : ` on its own line.
    private mutating func prettyKey(_ text: StaticString, after: Int) {
        prettyItem()
        output.append(text.utf8Start + 1, count: text.utf8CodeUnitCount - 2 - after)
        output.append(" : ")
    }

    /// Starts a non-empty array after its key, the key given as `,"name":[]`; pass what it returns to
    /// ``endArray(_:)``, and write each element after ``element()``.
    @inline(__always) mutating func beginArray(_ keyed: StaticString) -> Int {
        if pretty {
            prettyKey(keyed, after: 2)
            open(UInt8(ascii: "["))
        } else {
            output.append(keyed.utf8Start, count: keyed.utf8CodeUnitCount - 2)
        }
        return output.count
    }

    /// Starts an array element (pretty: comma, new line, indentation; compact: comma).
    @inline(__always) mutating func element() {
        if pretty { return prettyItem() }
        output.append(UInt8(ascii: ","))
    }

    @inline(__always) mutating func endArray(_ start: Int) {
        if pretty { return close(UInt8(ascii: "]")) }
        output.closeCompact(from: start, open: UInt8(ascii: "["), close: UInt8(ascii: "]"))
    }

    // MARK: - Values

    @usableFromInline mutating func string(_ value: String) {
        // Nearly every EDI value needs no escape: quotes and one copy of its bytes, a small string's
        // straight from the string's own two words.
        if smallStringsReadable, output.appendSmallUnescaped(value) { return }
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

    /// Writes a key and its array of strings, the key given as `,"name":[]` (written whole when the
    /// array is empty and the JSON compact).
    @inline(__always) @usableFromInline mutating func strings(_ keyed: StaticString, _ values: [String]) {
        if !pretty, values.isEmpty { return output.append(keyed) }
        let start = beginArray(keyed)
        values.withUnsafeBufferPointer { buffer in
            for index in buffer.indices {
                element()
                string(buffer[index])
            }
        }
        endArray(start)
    }

    /// Writes a value given as its JSON text (an enum's quoted raw value, which needs no escaping).
    @inline(__always) @usableFromInline mutating func text(_ json: StaticString) { output.append(json) }
}

/// A value that writes its own JSON (generated for every internal document type).
public protocol DocumentJSONWritable {
    /// Appends the value's JSON.
    func writeJSON(to writer: inout DocumentJSONWriter)
}

extension DocumentJSONWriter {
    /// Writes a key and its array of values, the key given as `,"name":[]` (written whole when the
    /// array is empty and the JSON compact).
    @inline(__always) @usableFromInline mutating func array<T: DocumentJSONWritable>(_ keyed: StaticString, _ values: [T]) {
        if !pretty, values.isEmpty { return output.append(keyed) }
        elements(keyed, values)
    }

    /// ``array(_:_:)`` of a non-empty array or pretty JSON; each element written where it is stored.
    private mutating func elements<T: DocumentJSONWritable>(_ keyed: StaticString, _ values: [T]) {
        let start = beginArray(keyed)
        values.withUnsafeBufferPointer { buffer in
            for index in buffer.indices {
                element()
                buffer[index].writeJSON(to: &self)
            }
        }
        endArray(start)
    }
}
