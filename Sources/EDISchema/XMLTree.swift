import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A schema file that cannot be used: names the file, the line and the problem.
public struct SchemaError: Error, Sendable, CustomStringConvertible {
    /// The file.
    public var file: String
    /// The line (1-based), 0 when unknown.
    public var line: Int
    /// What is wrong.
    public var message: String

    /// Creates an error.
    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String { "\(file):\(line): \(message)" }
}

/// A parsed XML element with its line, small enough for schema files.
final class XMLTree {
    let name: String
    let attributes: [String: String]
    let line: Int
    var children: [XMLTree] = []
    var text = ""

    init(name: String, attributes: [String: String], line: Int) {
        self.name = name
        self.attributes = attributes
        self.line = line
    }

    func children(named name: String) -> [XMLTree] {
        children.filter { $0.name == name }
    }

    func child(named name: String) -> XMLTree? {
        children.first { $0.name == name }
    }

    /// Parses a file with FoundationXML's `XMLParser` (libxml2), checking `parserError`.
    static func parse(contentsOf url: URL) throws -> XMLTree {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw SchemaError(file: url.path, line: 0, message: "cannot read the schema file: \(error.localizedDescription)")
        }
        let parser = XMLParser(data: data)
        let builder = TreeBuilder()
        parser.delegate = builder
        let succeeded = parser.parse()
        if !succeeded || parser.parserError != nil || builder.root == nil {
            let reason = parser.parserError.map { ($0 as NSError).localizedDescription } ?? "not well-formed XML"
            throw SchemaError(file: url.path, line: parser.lineNumber, message: "the schema file is not well-formed XML: \(reason)")
        }
        return builder.root!
    }
}

private final class TreeBuilder: NSObject, XMLParserDelegate {
    var root: XMLTree?
    var stack: [XMLTree] = []

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        let node = XMLTree(name: elementName, attributes: attributes, line: parser.lineNumber)
        if let parent = stack.last { parent.children.append(node) } else { root = node }
        stack.append(node)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        stack.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        stack.last?.text += string
    }
}
