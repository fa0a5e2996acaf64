import Foundation
import Testing
import EDICore
import TestSupport
@testable import X12

/// Every X12 sample and fixture of the five order-to-cash sets and the acknowledgements: the model
/// writes back exactly the segments it read (table order kept, SE01 recounted), and reading that
/// output again gives an equal model.
@Suite struct X12RoundTripTests {
    static let files: [(path: String, set: String)] = [
        ("Samples/inbox/globex-850-004010-two-pos.edi", "850"),
        ("Samples/inbox/globex-850-005010.edi", "850"),
        ("Samples/inbox/globex-820-004010-remittance.edi", "820"),
        ("Samples/inbox/globex-997-004010-ack-for-invoice.edi", "997"),
        ("Samples/edi-outbound-examples/acme-810-004010-to-globex.edi", "810"),
        ("Samples/edi-outbound-examples/acme-855-004010-to-globex.edi", "855"),
        ("Samples/edi-outbound-examples/acme-856-004010-to-globex.edi", "856"),
        ("x12/x12_810+850_004010+003010_staedi_dual_groups.edi", "810"),
        ("x12/x12_810+850_004010+003010_staedi_dual_groups.edi", "850"),
        ("x12/x12_810_004010_staedi_simple810.edi", "810"),
        ("x12/x12_850_004010VICS_nodex12_fat.edi", "850"),
        ("x12/x12_850_004010VICS_nodex12_widgets.edi", "850"),
        ("x12/x12_855_004010_nodex12.edi", "855"),
        ("x12/x12_855_004010_staedi_two_855_minimal.edi", "855"),
        ("x12/x12_856_004010_silvenga_pipe_elemsep_single_line.edi", "856"),
        ("x12/x12_856_004060_nodex12.edi", "856"),
        ("x12/x12_997_00401_staedi_ISB_ISE_optional_interchange_segments.edi", "997"),
        ("x12/x12_997_005010_staedi_repetition_and_components_in_AK3_AK4.edi", "997"),
        ("x12/x12_999_005010X231A1_imsweb_accepted.txt", "999"),
        ("x12/x12_999_005010X231A1_imsweb_rejected.txt", "999"),
        ("x12/x12_999_005010X231_pyx12_ack_834.txt", "999"),
        ("x12/x12_999_005010X231_pyx12_multi_GS_multi_ST.txt", "999"),
        ("x12/x12_999_005010X231_staedi_simple999.edi", "999"),
    ]

    /// Reads a transaction with the model of its set and writes it back.
    static func roundTrip(_ transaction: [OwnedSegment], set: String) throws -> (written: [OutgoingSegment], again: [OutgoingSegment]) {
        let control = transaction.first?[2] ?? "0001"
        func write(_ segments: [OwnedSegment]) throws -> [OutgoingSegment] {
            switch set {
            case "850": try PurchaseOrder850(segments: segments).segments(controlNumber: control)
            case "855": try PurchaseOrderAcknowledgement855(segments: segments).segments(controlNumber: control)
            case "856": try ShipNotice856(segments: segments).segments(controlNumber: control)
            case "810": try Invoice810(segments: segments).segments(controlNumber: control)
            case "820": try PaymentOrder820(segments: segments).segments(controlNumber: control)
            case "997": try FunctionalAcknowledgement997(segments: segments).segments(controlNumber: control)
            case "999": try ImplementationAcknowledgement999(segments: segments).segments(controlNumber: control)
            default: []
            }
        }
        let written = try write(transaction)
        let again = try write(try X12TestSupport.reread(written))
        return (written, again)
    }

    @Test(arguments: files.map { "\($0.set) \($0.path)" })
    func writesBackWhatItRead(_ argument: String) throws {
        let set = String(argument.prefix(3))
        let path = String(argument.dropFirst(4))
        let transactions = try X12TestSupport.transactions(path, set: set)
        #expect(!transactions.isEmpty)
        for transaction in transactions {
            let (written, again) = try Self.roundTrip(transaction, set: set)
            #expect(written == X12TestSupport.values(transaction), "\(path) \(transaction.first?[2] ?? "")")
            #expect(again == written)
        }
    }

    @Test func modelsCompareEqualAfterRereading() throws {
        for (path, set) in Self.files where ["850", "855", "856", "810", "820"].contains(set) {
            for transaction in try X12TestSupport.transactions(path, set: set) {
                let control = transaction.first?[2] ?? "0001"
                switch set {
                case "850":
                    let model = try PurchaseOrder850(segments: transaction)
                    #expect(try PurchaseOrder850(segments: X12TestSupport.reread(model.segments(controlNumber: control))) == model)
                case "855":
                    let model = try PurchaseOrderAcknowledgement855(segments: transaction)
                    #expect(try PurchaseOrderAcknowledgement855(segments: X12TestSupport.reread(model.segments(controlNumber: control))) == model)
                case "856":
                    let model = try ShipNotice856(segments: transaction)
                    #expect(try ShipNotice856(segments: X12TestSupport.reread(model.segments(controlNumber: control))) == model)
                case "810":
                    let model = try Invoice810(segments: transaction)
                    #expect(try Invoice810(segments: X12TestSupport.reread(model.segments(controlNumber: control))) == model)
                default:
                    let model = try PaymentOrder820(segments: transaction)
                    #expect(try PaymentOrder820(segments: X12TestSupport.reread(model.segments(controlNumber: control))) == model)
                }
            }
        }
    }

    @Test func wrongTransactionSetIsAnError() throws {
        let transaction = try #require(try X12TestSupport.transactions("Samples/inbox/globex-820-004010-remittance.edi").first)
        #expect(throws: X12ModelError.self) { try PurchaseOrder850(segments: transaction) }
        do {
            _ = try Invoice810(segments: transaction)
        } catch {
            #expect(error.message == "ST01 is 820, not 810")
            #expect(error.position?.line == 3)
        }
    }
}

/// Every X12 file of `../shared/corpus`, whatever its version or validity: each 850/855/856/810/
/// 820/997/999 transaction either reads into its model, which writes the same segments back, or
/// fails with an `X12ModelError` — never a crash.
@Suite struct X12CorpusModelTests {
    @Test func everyCorpusTransactionReadsAndWritesBack() throws {
        guard let corpus = Fixtures.sharedCorpus else { return }
        var read = 0
        var differences: [String] = []
        for url in Fixtures.files(in: corpus.appendingPathComponent("x12")) {
            guard let segments = try? X12TestSupport.segments(ofFile: url) else { continue }
            for transaction in X12TestSupport.transactions(in: segments) {
                guard let set = transaction.first?[1], ["850", "855", "856", "810", "820", "997", "999"].contains(set) else { continue }
                guard let (written, _) = try? X12RoundTripTests.roundTrip(transaction, set: set) else { continue }
                read += 1
                var source = X12TestSupport.values(transaction)
                if let last = source.indices.last, let count = Int(source[last][element: 1] ?? "") {
                    source[last][element: 1] = String(count)
                }
                if written != source { differences.append("\(url.lastPathComponent) \(set) \(transaction.first?[2] ?? "")") }
            }
        }
        #expect(read >= 60, "read \(read)")
        #expect(differences.isEmpty, "\(differences.count) of \(read) not written back: \(differences.prefix(10))")
    }
}
