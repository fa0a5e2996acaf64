import Foundation

/// One UN/EDIFACT directory (UNTDID release such as D.96A or D.01B) as read from the
/// original UNECE text files: message segment tables, segment, composite and simple
/// data element specifications, and the UNCL code lists.
///
/// Only facts the files state are kept; descriptions and notes stay in the UNECE
/// files. Load one with ``UNECEDirectory/init(at:messages:)``.
public struct UNECEDirectory: Sendable {
    /// The directory name, "D96A", "D01B".
    public var version: String
    /// Message structures by message type ("ORDERS"); only the messages asked for.
    public var messages: [String: Message]
    /// Segment specifications by tag ("BGM").
    public var segments: [String: Segment]
    /// Composite data element specifications by id ("C002").
    public var composites: [String: Composite]
    /// Simple data element specifications by id ("1001").
    public var elements: [String: Element]
    /// UNCL code lists by element id ("1001"); elements without a UNCL list are absent.
    public var codeLists: [String: [Code]]

    public init(version: String, messages: [String: Message] = [:], segments: [String: Segment] = [:],
                composites: [String: Composite] = [:], elements: [String: Element] = [:],
                codeLists: [String: [Code]] = [:]) {
        self.version = version
        self.messages = messages
        self.segments = segments
        self.composites = composites
        self.elements = elements
        self.codeLists = codeLists
    }
}

extension UNECEDirectory {
    /// EDIFACT data representation: "a" alphabetic, "n" numeric, "an" alphanumeric, with lengths.
    /// `an..35` is alphanumeric 1 to 35 characters; `n3` is exactly 3 digits.
    public struct Representation: Hashable, Sendable, CustomStringConvertible {
        public enum CharacterClass: String, Sendable { case a, n, an }
        public var characterClass: CharacterClass
        public var minLength: Int
        public var maxLength: Int

        public init(characterClass: CharacterClass, minLength: Int, maxLength: Int) {
            self.characterClass = characterClass
            self.minLength = minLength
            self.maxLength = maxLength
        }

        /// Parses "an..35", "n3", "a..3"; nil for anything else.
        public init?(_ text: String) {
            let text = text.trimmingCharacters(in: .whitespaces)
            let letters = text.prefix { $0 == "a" || $0 == "n" }
            guard let characterClass = CharacterClass(rawValue: String(letters)) else { return nil }
            var rest = text.dropFirst(letters.count)
            let variable = rest.hasPrefix("..")
            if variable { rest = rest.dropFirst(2) }
            guard !rest.isEmpty, rest.allSatisfy(\.isASCIIDigit), let length = Int(rest), length > 0 else { return nil }
            self.init(characterClass: characterClass, minLength: variable ? 1 : length, maxLength: length)
        }

        public var description: String {
            minLength == maxLength ? "\(characterClass.rawValue)\(maxLength)" : "\(characterClass.rawValue)..\(maxLength)"
        }
    }

    /// M (mandatory) or C (conditional), as the directory writes status.
    public enum Status: String, Sendable { case mandatory = "M", conditional = "C" }

    /// A simple data element specification (element directory, EDED/TRED).
    public struct Element: Hashable, Sendable {
        public var id: String
        public var name: String
        public var representation: Representation
        public init(id: String, name: String, representation: Representation) {
            self.id = id
            self.name = name
            self.representation = representation
        }
    }

    /// One constituent of a segment or composite: its place (1-based), what it refers to
    /// (a simple element id such as "1001" or a composite id such as "C002"), status, how many
    /// times it may repeat, and the representation the specification prints next to it.
    public struct Constituent: Hashable, Sendable {
        public var position: Int
        public var id: String
        public var name: String
        public var status: Status
        public var repeatCount: Int
        public var representation: Representation?
        public var isComposite: Bool { id.first.map { $0.isLetter } ?? false }

        public init(position: Int, id: String, name: String, status: Status, repeatCount: Int = 1,
                    representation: Representation? = nil) {
            self.position = position
            self.id = id
            self.name = name
            self.status = status
            self.repeatCount = repeatCount
            self.representation = representation
        }
    }

    /// A dependency note (ISO 9735 D1–D7) between constituents, by 1-based position.
    public struct DependencyNote: Hashable, Sendable {
        /// "D1" … "D7".
        public var kind: String
        public var positions: [Int]
        public init(kind: String, positions: [Int]) {
            self.kind = kind
            self.positions = positions
        }
    }

    /// A composite data element specification (composite directory, EDCD/TRCD).
    public struct Composite: Hashable, Sendable {
        public var id: String
        public var name: String
        public var components: [Constituent]
        public var dependencyNotes: [DependencyNote]
        public init(id: String, name: String, components: [Constituent], dependencyNotes: [DependencyNote] = []) {
            self.id = id
            self.name = name
            self.components = components
            self.dependencyNotes = dependencyNotes
        }
    }

    /// A segment specification (segment directory, EDSD/TRSD).
    public struct Segment: Hashable, Sendable {
        public var tag: String
        public var name: String
        public var elements: [Constituent]
        public var dependencyNotes: [DependencyNote]
        public init(tag: String, name: String, elements: [Constituent], dependencyNotes: [DependencyNote] = []) {
            self.tag = tag
            self.name = name
            self.elements = elements
            self.dependencyNotes = dependencyNotes
        }
    }

    /// One code of a UNCL code list.
    public struct Code: Hashable, Sendable {
        public var value: String
        public var name: String
        public init(value: String, name: String) {
            self.value = value
            self.name = name
        }
    }

    /// A message type's structure, from section 4.3.1 "Segment table" of its message file.
    public struct Message: Hashable, Sendable {
        /// "ORDERS".
        public var id: String
        /// "Purchase order message".
        public var name: String
        /// The top level of the segment table, UNH first and UNT last.
        public var structure: [StructureItem]
        public init(id: String, name: String, structure: [StructureItem]) {
            self.id = id
            self.name = name
            self.structure = structure
        }
    }

    /// A segment or a segment group at one place of a segment table.
    public indirect enum StructureItem: Hashable, Sendable {
        case segment(SegmentPlace)
        case group(GroupPlace)
    }

    /// A segment at one place: position ("0020"), tag, name, status and maximum repeats.
    public struct SegmentPlace: Hashable, Sendable {
        public var position: String
        public var tag: String
        public var name: String
        public var status: Status
        public var maxUse: Int
        public init(position: String, tag: String, name: String, status: Status, maxUse: Int) {
            self.position = position
            self.tag = tag
            self.name = name
            self.status = status
            self.maxUse = maxUse
        }
    }

    /// A segment group: its number (group 1 is "SG1"), position, status, maximum repeats and
    /// contents (its trigger segment first).
    public struct GroupPlace: Hashable, Sendable {
        public var number: Int
        public var position: String
        public var status: Status
        public var maxUse: Int
        public var children: [StructureItem]
        public var id: String { "SG\(number)" }
        public init(number: Int, position: String, status: Status, maxUse: Int, children: [StructureItem]) {
            self.number = number
            self.position = position
            self.status = status
            self.maxUse = maxUse
            self.children = children
        }
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
