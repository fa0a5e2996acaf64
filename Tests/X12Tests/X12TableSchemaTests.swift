import Foundation
import Testing
import EDICore
import EDISchema
import TestSupport
@testable import X12

/// The typed models' reader tables (`X12Table+Sets.swift`) against the shipped schemas they are
/// the union of (`Schemas/X12/004010`, `005010`): every segment and loop of either schema has its
/// place in the table, and the table has nothing that neither schema has.
struct X12TableSchemaTests {
    static let tables: [(set: String, table: X12Table)] = [
        ("810", .invoice810), ("820", .paymentOrder820), ("850", .purchaseOrder850),
        ("855", .purchaseOrderAcknowledgement855), ("856", .shipNotice856), ("997", .functionalAcknowledgement997),
        ("999", .implementationAcknowledgement999),
    ]

    @Test(arguments: tables.map(\.set))
    func tableIsTheUnionOfTheSchemas(set: String) throws {
        let table = try #require(Self.tables.first { $0.set == set }).table
        let repository = SchemaRepository(root: Fixtures.repositoryRoot.appendingPathComponent("Schemas"))
        var schemaPaths = Set<String>()
        for version in ["004010", "005010"] {
            guard let schema = try repository.transaction(syntax: .x12, version: version, id: set) else { continue }
            Self.collect(schema.structure, prefix: "", into: &schemaPaths)
        }
        #expect(!schemaPaths.isEmpty)
        var tablePaths = Set<String>()
        Self.collect(table, prefix: "", into: &tablePaths)
        #expect(schemaPaths.subtracting(tablePaths).sorted() == [], "in a schema, not in the reader table")
        #expect(tablePaths.subtracting(schemaPaths).sorted() == [], "in the reader table, in neither schema")
    }

    /// Paths of segments (`ENT(/RMR(/REF`) and loops (`ENT(/RMR(`): a loop is its trigger tag and `(`.
    static func collect(_ nodes: [StructureNode], prefix: String, into paths: inout Set<String>) {
        for node in nodes {
            switch node {
            case .segment(let segment):
                paths.insert(prefix + segment.tag)
            case .loop(let loop):
                let path = prefix + loop.trigger.tag + "("
                paths.insert(path)
                collect(Array(loop.children.dropFirst()), prefix: path + "/", into: &paths)
            }
        }
    }

    static func collect(_ table: X12Table, prefix: String, into paths: inout Set<String>) {
        for entry in table.entries {
            if let body = entry.body {
                let path = prefix + entry.tag.description + "("
                paths.insert(path)
                collect(body, prefix: path + "/", into: &paths)
            } else {
                paths.insert(prefix + entry.tag.description)
            }
        }
    }
}
