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

    /// A parser error in words. On Linux FoundationXML passes libxml2's own error numbers
    /// (`xmlParserErrors`), so the common ones are named here; Foundation's text is only
    /// "the operation could not be completed".
    static func reason(_ error: any Error) -> String {
        let code = (error as NSError).code
        let text: String
        switch code {
        case 4: text = "the document is empty"
        case 5: text = "the document ends too early or has content after the root element"
        case 9: text = "an invalid character"
        case 26: text = "an undeclared entity (write & as &amp;)"
        case 38: text = "'<' inside an attribute value"
        case 39, 40: text = "an attribute value not properly quoted"
        case 41: text = "an attribute without a value"
        case 42: text = "an attribute given twice"
        case 68: text = "a name is expected here (a stray '<' or '&'?)"
        case 73: text = "'>' expected (a tag not closed)"
        case 76: text = "the end tag does not match the start tag"
        case 77: text = "a tag is not finished"
        default: text = "XML error"
        }
        return "\(text) (libxml2 error \(code))"
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
            // The line where libxml2 reported the error (parser.lineNumber after parse() is where it stopped reading).
            let line = builder.errorLine ?? parser.lineNumber
            let column = builder.errorColumn.map { ", column \($0)" } ?? ""
            let reason = (builder.error ?? parser.parserError).map(Self.reason) ?? "the document has no root element"
            throw SchemaError(file: url.path, line: line, message: "the schema file is not well-formed XML\(column): \(reason)")
        }
        return builder.root!
    }
}

private final class TreeBuilder: NSObject, XMLParserDelegate {
    var root: XMLTree?
    var stack: [XMLTree] = []
    var error: (any Error)?
    var errorLine: Int?
    var errorColumn: Int?

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        guard error == nil else { return }
        error = parseError
        errorLine = parser.lineNumber
        errorColumn = parser.columnNumber
    }

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
