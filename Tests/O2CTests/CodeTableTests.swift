import Foundation
import O2C
import Testing
import TestSupport

/// The shared code tables: both directions, codes kept as sent, unknown codes not guessed.
@Suite struct CodeTableTests {
    @Test func partyRoles() {
        #expect(PartyRoleCodes.role(x12: "BY") == .buyer)
        #expect(PartyRoleCodes.role(x12: "BT") == .billTo)
        #expect(PartyRoleCodes.role(x12: "RI") == .remitTo)
        #expect(PartyRoleCodes.role(x12: "VN") == .supplier)
        #expect(PartyRoleCodes.role(x12: "MF") == .other("MF"))
        #expect(PartyRoleCodes.role(edifact: "DP") == .shipTo)
        #expect(PartyRoleCodes.role(edifact: "IV") == .billTo)
        #expect(PartyRoleCodes.role(edifact: "SU") == .supplier)
        #expect(PartyRoleCodes.role(edifact: "XX") == .other("XX"))
        // Outbound: the code as sent when it means the same role, else the table's first code.
        #expect(PartyRoleCodes.x12Code(for: .remitTo, asSent: "RE") == "RE")
        #expect(PartyRoleCodes.x12Code(for: .remitTo) == "RI")
        #expect(PartyRoleCodes.x12Code(for: .billTo, asSent: "IV") == "BT")
        #expect(PartyRoleCodes.edifactCode(for: .billTo, asSent: "BT") == "IV")
        #expect(PartyRoleCodes.edifactCode(for: .shipTo) == "DP")
        #expect(PartyRoleCodes.edifactCode(for: .shipTo, asSent: "ST") == "ST")
        #expect(PartyRoleCodes.x12Code(for: .other("MF")) == "MF")
    }

    /// Order and invoice kinds both ways, and every row's meaning as the code lists give it: UNCL
    /// 1001 (D96A), X12 92 in the 004010 dictionary, X12 640 in the 005010 OopFactory specification.
    @Test func documentTypes() throws {
        #expect(DocumentTypeCodes.x12OrderType(edifact: "221") == "BK")
        #expect(DocumentTypeCodes.x12OrderType(edifact: "226") == "RL")
        #expect(DocumentTypeCodes.x12OrderType(edifact: "380") == nil, "an invoice is no order type")
        #expect(DocumentTypeCodes.edifactCode(x12OrderType: "NE") == "220")
        #expect(DocumentTypeCodes.edifactCode(x12OrderType: "RO") == "224")
        #expect(DocumentTypeCodes.edifactCode(x12OrderType: "ZZ") == nil)
        #expect(DocumentTypeCodes.x12InvoiceType(edifact: "381") == "CR")
        #expect(DocumentTypeCodes.x12InvoiceType(edifact: "385") == "FD")
        #expect(DocumentTypeCodes.edifactCode(x12InvoiceType: "CN") == "381")
        #expect(DocumentTypeCodes.edifactCode(x12InvoiceType: "DR") == "383")

        let dictionary = try String(contentsOf: Fixtures.repositoryRoot.appendingPathComponent("Schemas/X12/004010/dictionary.xml"),
                                    encoding: .utf8)
        for row in DocumentTypeCodes.x12OrderTypes.rows {
            #expect(dictionary.contains("<code value=\"\(row.code)\">\(row.meaning)</code>"), "92 \(row.code)")
        }
        let reference = try #require(Fixtures.sharedReference)
        let uncl = try String(contentsOf: reference.appendingPathComponent("unece/D96A/UNCL/UNCL-1.96A"), encoding: .isoLatin1)
            .replacingOccurrences(of: "\r", with: "")
        for row in DocumentTypeCodes.edifact.rows {
            #expect(uncl.contains("\n      \(row.code) \(row.meaning)\n"), "1001 \(row.code)")
        }
        let x12Reference = try String(contentsOf: reference.appendingPathComponent(
            "oopfactory/Inteligenz-X12Parser/src/OopFactory.X12/Specifications/Ansi-5010Specification.xml"), encoding: .utf8)
        let list640 = try #require(x12Reference.range(of: "<QualifierSet Id=\"640\"").map { x12Reference[$0.lowerBound...] })
        let end = try #require(list640.range(of: "</QualifierSet>"))
        for row in DocumentTypeCodes.x12InvoiceTypes.rows {
            #expect(list640[..<end.lowerBound].contains("<Allowed ID=\"\(row.code)\">\(row.meaning)</Allowed>"), "640 \(row.code)")
        }
    }

    @Test func partyIdSchemes() {
        #expect(PartyIdSchemeCodes.scheme(x12: "UL") == .gln)
        #expect(PartyIdSchemeCodes.scheme(x12: "1") == .duns)
        #expect(PartyIdSchemeCodes.scheme(x12: "92") == .assignedByBuyer)
        #expect(PartyIdSchemeCodes.scheme(x12: "ZZ") == .mutuallyDefined)
        #expect(PartyIdSchemeCodes.scheme(x12: "FI") == .other)
        #expect(PartyIdSchemeCodes.scheme(edifact: "9") == .gln)
        #expect(PartyIdSchemeCodes.scheme(edifact: "16") == .duns)
        #expect(PartyIdSchemeCodes.scheme(edifact: nil) == .other)
        let gln = PartyIdentifier(scheme: .gln, qualifier: "9", value: "4049876000000")
        #expect(PartyIdSchemeCodes.x12Code(for: gln) == "UL")
        #expect(PartyIdSchemeCodes.edifactCode(for: gln) == "9")
        let tax = PartyIdentifier(scheme: .other, qualifier: "FI", value: "12-3456789")
        #expect(PartyIdSchemeCodes.x12Code(for: tax) == "FI")
    }

    @Test func itemIdSchemes() {
        #expect(ItemIdSchemeCodes.scheme(x12: "UP") == .upc)
        #expect(ItemIdSchemeCodes.scheme(x12: "VN") == .vendorPartNumber)
        #expect(ItemIdSchemeCodes.scheme(x12: "UK") == .gtin)
        #expect(ItemIdSchemeCodes.scheme(x12: "ZZ") == .other)
        #expect(ItemIdSchemeCodes.scheme(edifact: "EN") == .ean)
        #expect(ItemIdSchemeCodes.scheme(edifact: "SA") == .vendorPartNumber)
        #expect(ItemIdSchemeCodes.scheme(edifact: "SRV") == .gtin)
        let vendor = ItemIdentifier(scheme: .vendorPartNumber, qualifier: "SA", value: "ACM-1001")
        #expect(ItemIdSchemeCodes.x12Code(for: vendor) == "VN")
        #expect(ItemIdSchemeCodes.edifactCode(for: vendor) == "SA")
        #expect(ItemIdSchemeCodes.x12Code(for: ItemIdentifier(scheme: .gtin, value: "0876543100015")) == "EN")
        #expect(ItemIdSchemeCodes.x12Code(for: ItemIdentifier(scheme: .gtin, value: "10876543100012")) == "UK")
        #expect(ItemIdSchemeCodes.edifactCode(for: ItemIdentifier(scheme: .gtin, value: "10876543100012")) == "EN")
    }

    @Test func unitsNormaliseToRec20() {
        #expect(UnitCodes.unit(x12: "EA") == UnitOfMeasure(asSent: "EA", normalized: "EA"))
        #expect(UnitCodes.unit(x12: "CA").normalized == "XCS")
        #expect(UnitCodes.unit(x12: "KG").normalized == "KGM")
        #expect(UnitCodes.unit(x12: "LB").normalized == "LBR")
        #expect(UnitCodes.unit(x12: "DZ").normalized == "DZN")
        #expect(UnitCodes.unit(x12: "Q7") == UnitOfMeasure(asSent: "Q7", normalized: "Q7"))
        #expect(UnitCodes.unit(edifact: "KGM") == UnitOfMeasure(asSent: "KGM", normalized: "KGM"))
        #expect(UnitCodes.unit(edifact: "CT").normalized == "XCT")
        #expect(UnitCodes.unit(edifact: "PCE") == UnitOfMeasure(asSent: "PCE", normalized: "PCE"))
        // Outbound.
        #expect(UnitCodes.x12Code(for: UnitCodes.unit(edifact: "KGM")) == "KG")
        #expect(UnitCodes.x12Code(for: UnitCodes.unit(edifact: "CS")) == "CA")
        #expect(UnitCodes.x12Code(for: UnitCodes.unit(x12: "CA")) == "CA")
        #expect(UnitCodes.edifactCode(for: UnitCodes.unit(x12: "KG")) == "KGM")
        #expect(UnitCodes.edifactCode(for: UnitCodes.unit(x12: "EA")) == "EA")
        #expect(UnitCodes.edifactCode(for: UnitCodes.unit(x12: "CA")) == "XCS")
        #expect(UnitCodes.edifactCode(for: UnitCodes.unit(edifact: "CT")) == "CT")
    }

    @Test func everyX12UnitRoundTrips() {
        for row in UnitCodes.x12.rows {
            #expect(UnitCodes.x12Code(for: UnitOfMeasure(asSent: row.value, normalized: row.value)) == row.code)
            // A normalised packaging unit is a Rec 21 code with the X prefix; others are Rec 20 codes (2–3 characters).
            #expect(row.value.count == 2 || row.value.count == 3)
        }
    }

    @Test func dateQualifiersPair() {
        for role in [DateRole.documentDate, .requestedDelivery, .requestedShip, .shipped, .estimatedDelivery, .delivered,
                     .invoiceDate] {
            let x12 = DateQualifierCodes.x12.code(for: role)
            let edifact = DateQualifierCodes.edifact.code(for: role)
            #expect(x12 != nil && edifact != nil, "\(role)")
        }
        #expect(DateQualifierCodes.x12.value(for: "002") == .requestedDelivery)
        #expect(DateQualifierCodes.edifact.value(for: "2") == .requestedDelivery)
        #expect(DateQualifierCodes.edifact.value(for: "209") == .paymentValueDate)
        #expect(DateQualifierCodes.x12.value(for: "001") == nil)
    }

    @Test func statusesAndPaymentMethods() {
        #expect(AcknowledgementStatusCodes.x12Header.value(for: "AD") == .accepted)
        #expect(AcknowledgementStatusCodes.x12Header.value(for: "AC") == .acceptedWithChanges)
        #expect(AcknowledgementStatusCodes.x12Line.value(for: "IB") == .backordered)
        #expect(AcknowledgementStatusCodes.edifactHeader.value(for: "29") == .accepted)
        #expect(AcknowledgementStatusCodes.edifactLine.value(for: "7") == .rejected)
        #expect(PaymentMethodCodes.x12.value(for: "ACH") == .ach)
        #expect(PaymentMethodCodes.edifact.value(for: "42") == .creditTransfer)
        #expect(PaymentMethodCodes.edifact.code(for: .creditTransfer) == "30")
    }

    @Test func noTableRepeatsACode() {
        let tables: [[String]] = [PartyRoleCodes.x12.codes, PartyRoleCodes.edifact.codes, PartyIdSchemeCodes.x12.codes,
                                  PartyIdSchemeCodes.edifact.codes, ItemIdSchemeCodes.x12.codes, ItemIdSchemeCodes.edifact.codes,
                                  UnitCodes.x12.codes, UnitCodes.edifactDeleted.codes, DateQualifierCodes.x12.codes,
                                  DateQualifierCodes.edifact.codes, AcknowledgementStatusCodes.x12Header.codes,
                                  AcknowledgementStatusCodes.x12Line.codes, AcknowledgementStatusCodes.edifactHeader.codes,
                                  AcknowledgementStatusCodes.edifactLine.codes, PaymentMethodCodes.x12.codes,
                                  PaymentMethodCodes.edifact.codes]
        for codes in tables { #expect(Set(codes).count == codes.count, "\(codes)") }
        #expect(PartyRoleCodes.x12.meaning(of: "BT") == "Bill-to-Party")
    }
}
