import Foundation
import Testing
import TestSupport
@testable import UNECEImport

/// Facts of the real UNECE directories that the import must get right, checked against the
/// directory text by hand (skipped when ../shared/reference is absent).
@Suite(.enabled(if: ShippedSchemasTests.referenceAvailable, "../shared/reference/unece is absent"))
struct ReferenceDirectoryTests {
    static func load(_ name: String, _ messages: [String]) throws -> UNECEDirectory {
        try UNECEDirectory(at: ShippedSchemasTests.referenceRoot.appendingPathComponent(name), messages: messages)
    }

    static func groups(_ items: [UNECEDirectory.StructureItem]) -> [UNECEDirectory.GroupPlace] {
        items.flatMap { item -> [UNECEDirectory.GroupPlace] in
            if case .group(let group) = item { return [group] + groups(group.children) }
            return []
        }
    }

    @Test func ordersD96A() throws {
        let directory = try Self.load("D96A", ["ORDERS"])
        #expect(directory.version == "D96A")
        let orders = try #require(directory.messages["ORDERS"])
        #expect(orders.name == "Purchase order message")
        #expect(orders.segmentTags.first == "UNH" && orders.segmentTags.last == "UNT")
        let groups = Self.groups(orders.structure)
        #expect(groups.map(\.number) == Array(1...54))
        let sg25 = try #require(groups.first { $0.number == 25 })
        #expect(sg25.position == "0930" && sg25.maxUse == 200000 && sg25.status == .conditional)
        if case .segment(let lin) = sg25.children[0] { #expect(lin.tag == "LIN" && lin.status == .mandatory) }
        // SG26 (CCI) sits inside SG25, SG54 (ALC) after UNS at the top level.
        #expect(sg25.children.contains { if case .group(let g) = $0 { return g.number == 26 } else { return false } })
        #expect(orders.structure.contains { if case .group(let g) = $0 { return g.number == 54 } else { return false } })
        #expect(directory.elements["1001"]?.representation.description == "an..3")
        #expect(directory.composites["C002"]?.components.map(\.id) == ["1001", "1131", "3055", "1000"])
        #expect(directory.segments["BGM"]?.elements.map(\.id) == ["C002", "1004", "1225", "4343"])
        #expect(directory.codeLists["1001"]?.first == .init(value: "1", name: "Certificate of analysis"))
        #expect(directory.codeLists["3405"]?.contains { $0.value == "4" } == false, "code 4 of 3405 is deleted in D.96A")
        #expect(directory.codeLists["3405"]?.isEmpty == false)
    }

    @Test func ordersD01B() throws {
        let directory = try Self.load("D01B", ["ORDERS"])
        #expect(directory.version == "D01B")
        let orders = try #require(directory.messages["ORDERS"])
        #expect(Self.groups(orders.structure).count == 60)
        #expect(directory.segments["COM"]?.elements.first?.repeatCount == 3)
        #expect(directory.segments["ADR"]?.elements.map(\.repeatCount) == [1, 1, 1, 1, 1, 5, 5])
        #expect(directory.composites["C008"]?.components.first?.name == "Monetary amount function detail description code")
        #expect(directory.elements["1131"]?.representation.maxLength == 17)
    }

    @Test func unknownMessageIsNamed() {
        do {
            _ = try Self.load("D96A", ["NOSUCH"])
            Issue.record("expected an error")
        } catch let error as UNECEImportError {
            #expect(error.code == .missingFile && error.message.contains("NOSUCH"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}

extension ReferenceDirectoryTests {
    @Test func folderWithTwoDirectoriesIsRefused() {
        do {
            _ = try UNECEDirectory(at: ShippedSchemasTests.referenceRoot, messages: ["ORDERS"])
            Issue.record("expected an error")
        } catch let error as UNECEImportError {
            #expect(error.message.hasPrefix("more than one directory"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func commaSeparatedMessageList() throws {
        let out = TestFiles.folder.appendingPathComponent("edikit-unece-list-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let written = try UNECEImport.run(directory: ShippedSchemasTests.referenceRoot.appendingPathComponent("D96A"),
                                          messages: ["aperak, remadv", "APERAK"], output: out)
        #expect(written.map(\.lastPathComponent) == ["APERAK.xml", "REMADV.xml", "dictionary.xml"])
    }
}
