public import Foundation

extension UNECEDirectory {
    /// The files of an unpacked UNECE directory, found by name anywhere below its folder.
    ///
    /// D.96A names them `TRMD/ORDERS_D.96A`, `TRSD/TRSD.96A`, `TRCD/TRCD.96A`,
    /// `TRED/TRED.96A`, `UNCL/UNCL-1.96A`…; D.01B `EDMD/ORDERS_D.01B`, `EDSD/EDSD.01B`,
    /// `EDCD/EDCD.01B`, `EDED/EDED.01B`, `UNCL/UNCL.01B`. The interactive indexes
    /// (`…I1`, `…I2`) are not used.
    public struct Files: Sendable {
        public var segments: URL
        public var composites: URL
        public var elements: URL
        public var codeLists: [URL]
        /// Message files by message type ("ORDERS").
        public var messages: [String: URL]
        /// The release suffix of the file names, "96A", "01B".
        public var release: String

        /// Finds the files below `folder`; throws naming what is missing.
        public init(in folder: URL) throws {
            let manager = FileManager.default
            guard let walker = manager.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else {
                throw UNECEImportError(code: .unreadable, file: folder.path, line: 0, message: "cannot list the directory")
            }
            var segmentFiles: [URL] = [], composites: URL?, elements: URL?
            var codeLists: [URL] = []
            var messages: [String: URL] = [:]
            var release: String?
            for case let url as URL in walker {
                let name = url.lastPathComponent.uppercased()
                let parts = name.split(separator: ".")
                guard parts.count == 2, parts[1].count == 3 else { continue }
                let (stem, suffix) = (String(parts[0]), String(parts[1]))
                if stem.count == 4, stem.hasSuffix("SD") { segmentFiles.append(url); release = suffix }
                else if stem.count == 4, stem.hasSuffix("CD") { composites = url }
                else if stem.count == 4, stem.hasSuffix("ED") { elements = url }
                else if stem == "UNCL" || stem.hasPrefix("UNCL-") { codeLists.append(url) }
                else if stem.count == 8, stem.dropFirst(6).first == "_",
                        stem.prefix(6).allSatisfy({ $0.isASCII && $0.isUppercase }) {
                    messages[String(stem.prefix(6))] = url
                }
            }
            func require(_ url: URL?, _ what: String) throws -> URL {
                guard let url else {
                    throw UNECEImportError(code: .missingFile, file: folder.path, line: 0,
                                           message: "no \(what) file (e.g. EDSD.01B / TRSD.96A) in the directory")
                }
                return url
            }
            guard segmentFiles.count <= 1 else {
                let names = segmentFiles.map(\.path).sorted().joined(separator: ", ")
                throw UNECEImportError(code: .unreadable, file: folder.path, line: 0,
                                       message: "more than one directory below this folder (\(names)); give the folder of one directory")
            }
            self.segments = try require(segmentFiles.first, "segment directory")
            self.composites = try require(composites, "composite directory")
            self.elements = try require(elements, "data element directory")
            guard !codeLists.isEmpty else {
                throw UNECEImportError(code: .missingFile, file: folder.path, line: 0,
                                       message: "no UNCL code list file (UNCL.01B / UNCL-1.96A) in the directory")
            }
            self.codeLists = codeLists.sorted { $0.lastPathComponent < $1.lastPathComponent }
            self.messages = messages
            self.release = release ?? ""
        }
    }

    /// Reads the UNECE directory files below `folder` for the given message types.
    ///
    /// - Parameters:
    ///   - folder: the unpacked directory, e.g. `reference/unece/D96A`.
    ///   - messages: message types to read ("ORDERS"); the specifications are read in full.
    ///   - version: the directory name to record; by default "D" and the release of the file
    ///     names ("D96A").
    /// - Throws: ``UNECEImportError`` naming the file and line that could not be read.
    public init(at folder: URL, messages: [String], version: String? = nil) throws {
        let files = try Files(in: folder)
        self.init(version: version ?? "D" + files.release)
        segments = try SpecificationParser.segments(DirectoryText(contentsOf: files.segments))
        composites = try SpecificationParser.composites(DirectoryText(contentsOf: files.composites))
        elements = try ElementParser.parse(DirectoryText(contentsOf: files.elements))
        for file in files.codeLists {
            codeLists.merge(try CodeListParser.parse(DirectoryText(contentsOf: file))) { first, _ in first }
        }
        for id in messages.map({ $0.uppercased() }) {
            guard let url = files.messages[id] else {
                throw UNECEImportError(code: .missingFile, file: folder.path, line: 0,
                                       message: "no message file for \(id) in the directory")
            }
            self.messages[id] = try MessageParser.parse(DirectoryText(contentsOf: url), id: id)
        }
        try checkReferences()
    }

    /// Every segment a message uses, every composite and element those use, must be defined.
    func checkReferences() throws {
        for message in messages.values.sorted(by: { $0.id < $1.id }) {
            for tag in message.segmentTags where segments[tag] == nil && ServiceSegments.segments[tag] == nil {
                throw UNECEImportError(code: .unknownReference, file: "\(version)/\(message.id)", line: 0,
                                       message: "message \(message.id) uses segment \(tag), which the segment directory does not define")
            }
        }
        for segment in segments.values.sorted(by: { $0.tag < $1.tag }) {
            for use in segment.elements {
                if use.isComposite ? composites[use.id] == nil : elements[use.id] == nil {
                    throw UNECEImportError(code: .unknownReference, file: "\(version)/\(segment.tag)", line: 0,
                                           message: "segment \(segment.tag) uses \(use.id), which the directory does not define")
                }
            }
        }
        for composite in composites.values.sorted(by: { $0.id < $1.id }) {
            for use in composite.components where elements[use.id] == nil {
                throw UNECEImportError(code: .unknownReference, file: "\(version)/\(composite.id)", line: 0,
                                       message: "composite \(composite.id) uses \(use.id), which the element directory does not define")
            }
        }
    }
}

extension UNECEDirectory.Message {
    /// The tags of all segments of the structure, in table order, with repeats.
    public var segmentTags: [String] {
        func walk(_ items: [UNECEDirectory.StructureItem]) -> [String] {
            items.flatMap { item -> [String] in
                switch item {
                case .segment(let place): return [place.tag]
                case .group(let group): return walk(group.children)
                }
            }
        }
        return walk(structure)
    }
}
