import EDICore
import EDISchema
import Foundation
import O2C
@testable import Pipeline
import Testing
import TestSupport

/// Inbound TA1, 997, 999 and CONTRL matched to what the pipeline sent: per interchange, group and
/// transaction, with the file they came in; unmatched ones recorded and the file archived.
@Suite("Acknowledgement reconciliation")
struct AcknowledgementReconciliationTests {
    @Test func a997AcceptsOurInvoice() throws {
        let test = try PipelineTestWorkspace()
        let sent = try test.sendInvoice(to: "globex", at: .testNow)
        let ack = try PipelineTestWorkspace.acknowledgement(of: sent, type: .functional997)
        let summary = try test.receive(ack, named: "globex-997.edi", at: .testNow.adding(hours: 2))
        #expect(summary.acknowledgementsReceived == 1)
        #expect(summary.unmatchedAcknowledgements == 0)
        #expect(summary.archived == 1)
        #expect(summary.acknowledgements == 0)  // an acknowledgement is not acknowledged
        #expect(test.files(in: test.workspace.internalDocuments).isEmpty)  // nor translated

        let state = try #require(try test.ledger.outboundInterchange(partner: "globex", controlNumber: "000000001"))
        #expect(state.acknowledgement?.status == .accepted)
        #expect(state.acknowledgement?.file == "globex-997.edi")
        #expect(state.acknowledgement?.at == "2026-12-01T10:00:00Z")
        #expect(state.groups.map(\.functionalId) == ["IN"])
        #expect(state.groups.first?.acknowledgement?.status == .accepted)
        #expect(state.transactions.map(\.controlNumber) == ["0001"])
        #expect(state.transactions.first?.group == "1")
        #expect(state.transactions.first?.acknowledgement?.status == .accepted)
        // Acknowledged in time: not overdue a day later.
        #expect(try test.ledger.overdueAcknowledgements(at: .testNow.adding(hours: 30)).isEmpty)
    }

    @Test func a997RejectsOurInvoice() throws {
        let test = try PipelineTestWorkspace()
        _ = try test.sendInvoice(to: "globex", at: .testNow)
        // Globex rejects ST 0001 of group IN 1: BIG02 is missing (AK4 code 1), AK5 R 5, AK9 R.
        let ack = PipelineTestWorkspace.fromGlobex([
            "ST*997*0001", "AK1*IN*1", "AK2*810*0001", "AK3*BIG*2**8", "AK4*2*76*1", "AK5*R*5", "AK9*R*1*1*0", "SE*8*0001",
        ])
        try PipelineTestWorkspace.expectValid(ack)
        let summary = try test.receive(ack, named: "globex-997-reject.edi", at: .testNow.adding(hours: 1))
        #expect(summary.acknowledgementsReceived == 1)
        let state = try #require(try test.ledger.outboundInterchange(partner: "globex", controlNumber: "000000001"))
        #expect(state.acknowledgement?.status == .rejected)
        #expect(state.groups.first?.acknowledgement?.status == .rejected)
        #expect(state.transactions.first?.acknowledgement?.status == .rejected)
        let status = try test.ledger.status(at: .testNow.adding(hours: 2), recent: 5)
        #expect(status.transactions["outbound"] == ["rejected": 1])
        #expect(status.acknowledgements == ["rejected": 1])
    }

    @Test func aPartial999() throws {
        let test = try PipelineTestWorkspace()
        // Two invoices in one group, sent as the runner sends: ledger numbers, group and transactions recorded.
        let golden = PipelineTestWorkspace.root.appendingPathComponent(try #require(PipelineTestWorkspace.invoices["globex"]))
        let invoice = try JSONDecoder().decode(InternalDocument.self, from: Data(contentsOf: golden))
        var allocator = LedgerAllocator(ledger: test.ledger)
        let partner = try #require(test.configuration.partners["globex"])
        let generated = try OutboundGenerator(configuration: test.configuration, repository: PipelineTestWorkspace.repository)
            .generate([invoice, invoice], for: partner, date: .testNow, allocator: &allocator)
        #expect(generated.groups.count == 1)
        #expect(generated.groups.first?.transactionControlNumbers == ["0001", "0002"])
        var outcome = FileOutcome(identity: try FileIdentity(of: golden), direction: .outbound, status: .archived, location: "")
        outcome.interchanges = [InterchangeRecord(
            partner: "globex", direction: .outbound, controlNumber: generated.interchangeControlNumber,
            acknowledgementExpected: .testNow.adding(hours: 24),
            transactions: generated.transactionControlNumbers.map { TransactionRecord(type: "invoice", controlNumber: $0, valid: true) },
            groups: generated.groups)]
        _ = try test.ledger.commit(outcome)
        let group = try #require(generated.groups.first)
        // Globex's 999: the first accepted, the second rejected (SE01 count wrong, IK5 R 4), AK9 P.
        let ack = PipelineTestWorkspace.fromGlobex([
            "ST*999*0001*005010X231A1", "AK1*IN*\(group.controlNumber)*004010", "AK2*810*0001", "IK5*A",
            "AK2*810*0002", "IK5*R*4", "AK9*P*2*2*1", "SE*8*0001",
        ], functionalGroup: ("FA", "702", "005010X231A1"), interchangeVersion: "00501")
        try PipelineTestWorkspace.expectValid(ack)
        let summary = try test.receive(ack, named: "globex-999.edi", at: .testNow.adding(hours: 3))
        #expect(summary.acknowledgementsReceived == 1)
        let state = try #require(try test.ledger.outboundInterchange(partner: "globex", controlNumber: generated.interchangeControlNumber))
        #expect(state.groups.first?.acknowledgement?.status == .partiallyAccepted)
        #expect(state.acknowledgement?.status == .partiallyAccepted)
        #expect(state.transactions.map { $0.acknowledgement?.status } == [.accepted, .rejected])
    }

    @Test func aPartnerWhoWants999sGetsNoneForTheirAcknowledgements() throws {
        var test = try PipelineTestWorkspace()
        let text = try String(contentsOf: test.workspace.configuration, encoding: .utf8)
        try text.replacingOccurrences(of: "acknowledgement: \"997\"", with: "acknowledgement: \"999\"")
            .write(to: test.workspace.configuration, atomically: true, encoding: .utf8)
        test.configuration = try Configuration.load(path: test.workspace.configuration.path)
        #expect(test.configuration.partners["globex"]?.acknowledgement == .implementation999)
        let sent = try test.sendInvoice(to: "globex", at: .testNow)
        let summary = try test.receive(try PipelineTestWorkspace.acknowledgement(of: sent, type: .functional997), named: "globex-997.edi",
                                       at: .testNow.adding(hours: 1))
        #expect(summary.acknowledgementsReceived == 1)
        #expect(summary.acknowledgements == 0)
        #expect(test.files(in: test.workspace.outbox.appendingPathComponent("globex")).allSatisfy { $0.hasPrefix("globex-invoice-") })
        // Their purchase orders still get a 999.
        let orders = try Data(contentsOf: PipelineTestWorkspace.root.appendingPathComponent("Samples/inbox/globex-850-004010-two-pos.edi"))
        #expect(try test.receive(Array(orders), named: "po.edi", at: .testNow.adding(hours: 2)).acknowledgements == 1)
        #expect(test.files(in: test.workspace.outbox.appendingPathComponent("globex")).contains { $0.hasPrefix("globex-999-") })
    }

    @Test func aTA1AcceptsOurInterchange() throws {
        let test = try PipelineTestWorkspace()
        let sent = try test.sendInvoice(to: "globex", at: .testNow)
        let ack = try PipelineTestWorkspace.acknowledgement(of: sent, type: .ta1)
        #expect(String(decoding: ack, as: UTF8.self).contains("TA1*000000001*"))
        let summary = try test.receive(ack, named: "globex-ta1.edi", at: .testNow.adding(hours: 1))
        #expect(summary.acknowledgementsReceived == 1)
        #expect(summary.archived == 1)
        let state = try #require(try test.ledger.outboundInterchange(partner: "globex", controlNumber: "000000001"))
        #expect(state.acknowledgement?.status == .accepted)
        // A TA1 speaks of the envelope only: the transactions still wait for their 997.
        #expect(state.transactions.first?.acknowledgement == nil)
        #expect(try test.ledger.overdueAcknowledgements(at: .testNow.adding(hours: 30)).isEmpty)
    }

    @Test func aCONTRLAcknowledgesOurINVOIC() throws {
        let test = try PipelineTestWorkspace()
        let sent = try test.sendInvoice(to: "initech", at: .testNow)
        let ack = try PipelineTestWorkspace.acknowledgement(of: sent, type: .contrl)
        let summary = try test.receive(ack, named: "initech-contrl.edi", at: .testNow.adding(hours: 5))
        #expect(summary.acknowledgementsReceived == 1)
        let state = try #require(try test.ledger.outboundInterchange(partner: "initech", controlNumber: "1"))
        #expect(state.acknowledgement?.status == .accepted)
        #expect(state.acknowledgement?.file == "initech-contrl.edi")
        #expect(state.groups.isEmpty)
        #expect(state.transactions.map(\.controlNumber) == ["1"])
        #expect(state.transactions.first?.acknowledgement?.status == .accepted)
    }

    /// The demo expects Initech's CONTRL within 48 hours; a partner that answers as EDIKit's own
    /// `contrl` policy does (a CONTRL for a clean interchange only when UNB 0031 asks) sends one only
    /// because our UNB asks for it (`requestAcknowledgement: true`).
    @Test func ourINVOICToInitechAsksForTheCONTRLWeExpect() throws {
        let test = try PipelineTestWorkspace()
        #expect(test.configuration.partners["initech"]?.acknowledgementExpectedWithinHours != nil)
        let sent = try test.sendInvoice(to: "initech", at: .testNow)
        let validation = try FileValidator(repository: PipelineTestWorkspace.repository).validate(path: sent.path)
        #expect(validation.interchanges.first?.acknowledgementRequested == true)
        let ack = try PipelineTestWorkspace.acknowledgement(of: sent, type: .auto)
        #expect(String(decoding: ack, as: UTF8.self).contains("UCI+"))
    }

    /// Initech's ORDERS does not ask for a CONTRL (no UNB 0031): `contrl` sends none for the clean
    /// interchange, `contrl-always` sends one (UCI action 7) all the same.
    @Test(arguments: [(AcknowledgementPolicy.contrl, 0), (.contrlAlways, 1)])
    func contrlPolicies(policy: AcknowledgementPolicy, contrls: Int) throws {
        var test = try PipelineTestWorkspace()
        test.configuration.partners["initech"]?.acknowledgement = policy
        let orders = try [UInt8](Data(contentsOf: PipelineTestWorkspace.root
            .appendingPathComponent("Samples/inbox/initech-ORDERS-D96A-two-messages.edi")))
        let summary = try test.receive(orders, named: "orders.edi", at: .testNow)
        #expect(summary.archived == 1)
        let sent = test.files(in: test.workspace.outbox.appendingPathComponent("initech"))
        #expect(sent.count == contrls, "\(sent)")
        #expect(summary.acknowledgements == contrls)
        for name in sent {
            let text = try String(contentsOf: test.workspace.outbox.appendingPathComponent("initech/\(name)"), encoding: .utf8)
            #expect(text.contains("CONTRL:D:3:UN") && text.contains("+INI0000481+"), "\(text)")
        }
    }

    @Test func aCONTRLRejectingOurINVOIC() throws {
        let test = try PipelineTestWorkspace()
        _ = try test.sendInvoice(to: "initech", at: .testNow)
        let text = """
            UNA:+.? '
            UNB+UNOC:3+4049876000000:14+0876543000001:14+261201:0900+INI0000601'
            UNH+1+CONTRL:D:3:UN'
            UCI+1+0876543000001:14+4049876000000:14+7'
            UCM+1+INVOIC:D:96A:UN:EAN008+4+14'
            UNT+4+1'
            UNZ+1+INI0000601'

            """
        let ack = Array(text.utf8)
        try PipelineTestWorkspace.expectValid(ack)
        try test.receive(ack, named: "initech-contrl-reject.edi", at: .testNow.adding(hours: 5))
        let state = try #require(try test.ledger.outboundInterchange(partner: "initech", controlNumber: "1"))
        #expect(state.transactions.first?.acknowledgement?.status == .rejected)
        // UCI 7: the interchange is acknowledged, but its only message is rejected.
        #expect(state.acknowledgement?.status == .rejected)
    }

    @Test func anAcknowledgementOfNothingWeSentIsUnmatched() throws {
        let test = try PipelineTestWorkspace()
        _ = try test.sendInvoice(to: "globex", at: .testNow)
        let ack = PipelineTestWorkspace.fromGlobex(["ST*997*0001", "AK1*IN*4711", "AK9*A*1*1*1", "SE*4*0001"])
        try PipelineTestWorkspace.expectValid(ack)
        let summary = try test.receive(ack, named: "stray-997.edi", at: .testNow.adding(hours: 1))
        #expect(summary.unmatchedAcknowledgements == 1)
        #expect(summary.acknowledgementsReceived == 0)
        #expect(summary.archived == 1)
        #expect(summary.rejected == 0)
        #expect(test.files(in: test.workspace.archive).contains { $0.hasSuffix("stray-997.edi") })
        let status = try test.ledger.status(at: .testNow.adding(hours: 2), recent: 5)
        let unmatched = try #require(status.unmatchedAcknowledgements.first)
        #expect(unmatched.kind == "997")
        #expect(unmatched.subject == "group IN 4711")
        #expect(unmatched.partner == "globex")
        #expect(unmatched.file == "stray-997.edi")
        #expect(unmatched.status == .accepted)
        #expect(status.acknowledgements == ["unmatched": 1])
        // Our invoice is still waiting.
        let state = try #require(try test.ledger.outboundInterchange(partner: "globex", controlNumber: "000000001"))
        #expect(state.acknowledgement == nil)
    }

    /// The demo (`edikit demo`) sends Samples/outbound from a fresh ledger, then reads the inbox: the two
    /// sample acknowledgements answer the invoice each partner gets there (Samples/README.md).
    @Test func theSampleAcknowledgementsMatchTheDemosInvoices() throws {
        let test = try PipelineTestWorkspace()
        let manager = FileManager.default
        for partner in ["globex", "initech"] {
            let samples = PipelineTestWorkspace.root.appendingPathComponent("Samples/outbound/\(partner)")
            let folder = test.workspace.outbound.appendingPathComponent(partner)
            try manager.createDirectory(at: folder, withIntermediateDirectories: true)
            for name in try manager.contentsOfDirectory(atPath: samples.path) where name.hasSuffix(".json") {
                try manager.copyItem(at: samples.appendingPathComponent(name), to: folder.appendingPathComponent(name))
            }
        }
        for name in ["globex-997-004010-ack-for-invoice.edi", "initech-CONTRL-for-invoice.edi"] {
            try manager.copyItem(at: PipelineTestWorkspace.root.appendingPathComponent("Samples/inbox/\(name)"),
                                 to: test.workspace.inbox.appendingPathComponent(name))
        }
        let summary = try test.runner.runOnce(now: .testNow)
        #expect(summary.acknowledgementsReceived == 2)
        #expect(summary.unmatchedAcknowledgements == 0)
        let globex = try #require(try test.ledger.outboundInterchange(partner: "globex", controlNumber: "000000003"))
        #expect(globex.transactions.map(\.type) == ["invoice"])
        #expect(globex.groups.map(\.controlNumber) == ["3"])
        #expect(globex.transactions.first?.acknowledgement?.status == .accepted)
        #expect(globex.acknowledgement?.file == "globex-997-004010-ack-for-invoice.edi")
        let initech = try #require(try test.ledger.outboundInterchange(partner: "initech", controlNumber: "3"))
        #expect(initech.transactions.map(\.type) == ["invoice"])
        #expect(initech.transactions.first?.acknowledgement?.status == .accepted)
        #expect(initech.acknowledgement?.file == "initech-CONTRL-for-invoice.edi")
    }

    @Test func statusesOfTheStandardsCodes() {
        #expect(AcknowledgementStatus(x12Code: "A") == .accepted)
        #expect(AcknowledgementStatus(x12Code: "E") == .acceptedWithErrors)
        #expect(AcknowledgementStatus(x12Code: "P") == .partiallyAccepted)
        #expect(["R", "M", "W", "X"].map { AcknowledgementStatus(x12Code: $0) } == Array(repeating: .rejected, count: 4))
        #expect(AcknowledgementStatus(x12Code: "Q") == nil)
        #expect(AcknowledgementStatus(contrlAction: "7", syntaxError: nil) == .accepted)
        #expect(AcknowledgementStatus(contrlAction: "7", syntaxError: "12") == .acceptedWithErrors)
        #expect(AcknowledgementStatus(contrlAction: "4", syntaxError: "14") == .rejected)
        #expect(AcknowledgementStatus(contrlAction: "8", syntaxError: nil) == .received)
        #expect(AcknowledgementStatus.combining([.accepted, .rejected]) == .partiallyAccepted)
        #expect(AcknowledgementStatus.combining([.rejected, .rejected]) == .rejected)
        #expect(AcknowledgementStatus.combining([.accepted, .acceptedWithErrors]) == .acceptedWithErrors)
        #expect(AcknowledgementStatus.combining([.received]) == .received)
        #expect(AcknowledgementStatus.combining([]) == nil)
    }
}
