import EDICore
import EDISchema
import Foundation
import O2C
import Testing
import TestSupport

/// Every valid 850/855/856/810/820 and ORDERS/ORDRSP/DESADV/INVOIC/REMADV transaction in
/// `../shared/corpus` (and `Samples/`) translates, and its key business values — document number,
/// line count, quantities, totals, main date — agree with the values read here straight from the
/// segments, independently of the typed models and mappers.
@Suite struct CorpusTranslationTests {
    static var files: [URL] {
        var folders: [URL] = [Fixtures.repositoryRoot.appendingPathComponent("Samples")]
        if let corpus = Fixtures.sharedCorpus {
            folders.append(corpus.appendingPathComponent("x12"))
            folders.append(corpus.appendingPathComponent("edifact"))
        }
        return folders.flatMap { Fixtures.files(in: $0) }.filter { !$0.path.contains("/broken/") && $0.pathExtension != "xml" }
    }

    @Test func everyValidBusinessTransactionTranslatesWithItsKeyValues() throws {
        let repository = SchemaRepository(root: Fixtures.repositoryRoot.appendingPathComponent("Schemas"))
        var validator = FileValidator(repository: repository)
        validator.collectsSegments = true
        validator.keepsResults = false
        var translated = 0
        var problems: [String] = []
        for url in Self.files {
            var transactions: [ValidatedTransaction] = []
            do {
                _ = try validator.validate(path: url.path, onTransaction: nil) { transactions.append($0) }
            } catch {
                continue  // malformed files are the validator's tests' business
            }
            for transaction in transactions where transaction.result.isValid {
                let envelope = transaction.envelope
                guard InboundTranslator.documentType(syntax: envelope.syntax, transactionType: envelope.transactionType) != nil
                else { continue }
                let name = "\(url.lastPathComponent) \(envelope.transactionType) \(envelope.transactionControlNumber)"
                do {
                    let document = try InboundTranslator.translate(transaction)
                    translated += 1
                    // The direct writer `edikit translate` uses writes what JSONEncoder writes.
                    let encoder = JSONEncoder()
                    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
                    if (try? encoder.encode(document)) != DocumentJSONWriter.encode(document, pretty: false) {
                        problems.append("\(name): DocumentJSONWriter differs from JSONEncoder")
                    }
                    for problem in KeyValues.compare(document, with: transaction.segments) { problems.append("\(name): \(problem)") }
                } catch where error.findings.contains(where: { $0.message.hasPrefix("no mapper") }) {
                    continue  // that syntax's mapper is not in yet
                } catch {
                    problems.append("\(name): \(error)")
                }
            }
        }
        #expect(translated >= 50, "only \(translated) transactions translated")
        #expect(problems.isEmpty, Comment(rawValue: "\(problems.count) problems:\n" + problems.prefix(40).joined(separator: "\n")))
    }
}

/// Key values read straight from the segments.
enum KeyValues {
    static func tag(_ segment: OwnedSegment) -> String { segment.tag.description }
    static func value(_ segment: OwnedSegment, _ element: Int, _ component: Int = 1) -> String? {
        let components = segment.components(element)
        guard component <= components.count, !components[component - 1].isEmpty else { return nil }
        return components[component - 1]
    }
    static func decimal(_ text: String?) -> Decimal? { text.flatMap { Decimal(string: $0, locale: Locale(identifier: "en_US_POSIX")) } }
    static func segments(_ all: [OwnedSegment], _ tag: String) -> [OwnedSegment] { all.filter { Self.tag($0) == tag } }
    static func first(_ all: [OwnedSegment], _ tag: String, where test: (OwnedSegment) -> Bool = { _ in true }) -> OwnedSegment? {
        all.first { Self.tag($0) == tag && test($0) }
    }
    static func sum(_ values: [Decimal]) -> Decimal { values.reduce(0, +) }

    static func compare(_ document: InternalDocument, with all: [OwnedSegment]) -> [String] {
        var problems: [String] = []
        func check<T: Equatable>(_ label: String, _ actual: T?, _ expected: T?) {
            guard let expected else { return }
            if actual != expected { problems.append("\(label): \(actual.map { "\($0)" } ?? "nil") ≠ source \(expected)") }
        }
        let x12 = all.first.map { tag($0) == "ST" } ?? false
        switch document {
        case .purchaseOrder(let order):
            if x12 {
                let beg = first(all, "BEG")
                check("number", order.number, beg.flatMap { value($0, 3) })
                check("orderDate", order.orderDate, beg.flatMap { value($0, 5) }.flatMap { ISODate.fromX12(date: $0) })
                let lines = segments(all, "PO1")
                check("lines", order.lines.count, lines.count)
                let quantities = lines.compactMap { decimal(value($0, 2)) }
                if quantities.count == lines.count {
                    check("quantity total", sum(order.lines.map(\.quantity.value)), sum(quantities))
                }
                check("CTT01", order.totals?.lineCount, first(all, "CTT").flatMap { value($0, 1) }.flatMap { Int($0) })
            } else {
                check("number", order.number, first(all, "BGM").flatMap { value($0, 2) })
                let lines = segments(all, "LIN")
                check("lines", order.lines.count, lines.count)
                let ordered = segments(all, "QTY").filter { value($0, 1, 1) == "21" }.compactMap { decimal(value($0, 1, 2)) }
                if ordered.count == lines.count {
                    check("quantity total", sum(order.lines.map(\.quantity.value)), sum(ordered))
                }
                if let dtm = first(all, "DTM", where: { value($0, 1, 1) == "137" }), let raw = value(dtm, 1, 2) {
                    check("orderDate", order.orderDate, ISODate.fromEDIFACT(raw, format: value(dtm, 1, 3)))
                }
            }
        case .orderAcknowledgement(let acknowledgement):
            if x12 {
                check("PO number", acknowledgement.purchaseOrderNumber, first(all, "BAK").flatMap { value($0, 3) })
                check("lines", acknowledgement.lines.count, segments(all, "PO1").count)
            } else {
                check("lines", acknowledgement.lines.count, segments(all, "LIN").count)
            }
        case .shipNotice(let notice):
            let items: [ShippedItem] = notice.orders.flatMap { order in order.items + order.packs.flatMap(allItems) }
            if x12 {
                check("shipment id", notice.shipmentId, first(all, "BSN").flatMap { value($0, 2) })
                let shipped = segments(all, "SN1").compactMap { decimal(value($0, 2)) }
                check("items", items.count, segments(all, "SN1").count)
                check("quantity shipped", sum(items.map(\.quantityShipped.value)), sum(shipped))
            } else {
                check("shipment id", notice.shipmentId, first(all, "BGM").flatMap { value($0, 2) })
                check("items", items.count, segments(all, "LIN").count)
            }
        case .invoice(let invoice):
            if x12 {
                let big = first(all, "BIG")
                check("number", invoice.number, big.flatMap { value($0, 2) })
                check("date", invoice.date, big.flatMap { value($0, 1) }.flatMap { ISODate.fromX12(date: $0) })
                check("lines", invoice.lines.count, segments(all, "IT1").count)
                // TDS01 is N2: two implied decimals.
                check("total", invoice.totals.totalAmount,
                      first(all, "TDS").flatMap { value($0, 1) }.flatMap { decimal($0) }.map { $0 / 100 })
            } else {
                check("number", invoice.number, first(all, "BGM").flatMap { value($0, 2) })
                check("lines", invoice.lines.count, segments(all, "LIN").count)
                check("total", invoice.totals.totalAmount,
                      first(all, "MOA", where: { value($0, 1, 1) == "77" }).flatMap { decimal(value($0, 1, 2)) })
            }
        case .remittance(let remittance):
            if x12 {
                check("payment", remittance.payment.amount, first(all, "BPR").flatMap { decimal(value($0, 2)) })
                check("invoices", remittance.remittedInvoices.count, segments(all, "RMR").count)
            } else {
                check("invoices", remittance.remittedInvoices.count, segments(all, "DOC").count)
            }
        }
        return problems
    }

    static func allItems(_ pack: Pack) -> [ShippedItem] { pack.items + pack.packs.flatMap(allItems) }
}
