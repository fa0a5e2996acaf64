import Foundation
import Testing
import EDICore
@testable import EDISchema
import TestSupport

/// Every file the corpus manifest calls valid validates without errors — or the errors it gets are
/// exactly the real defects listed here (and in docs/conformance.md) with their reason. A finding
/// that is not listed, or a listed one that no longer appears, fails the test.
@Suite("Valid corpus samples")
struct ValidCorpusTests {
    /// Corpus path → the error codes it must get, and why they are the sample's defects.
    static let knownDefects: [String: (codes: Set<String>, reason: String)] = [
        "edifact/edifact_APERAK_D96A_pydifact_v4_rejected.edi": (["ELEM_TOO_SHORT", "SET_COUNT_MISMATCH"],
            "UNB date is YYMMDD but syntax 4 requires CCYYMMDD; UNT says 8 segments, the message has 7"),
        "edifact/edifact_BAPLIE_D95B_staedi.edi": (["SET_NO_SCHEMA"], "BAPLIE D95B is outside the shipped directories"),
        "edifact/edifact_DESADV_D96A_phpedifact.edi": (["SET_NO_SCHEMA"], "UNH S009 version is '0' (DESADV:0:96A:UN), so no directory matches"),
        "edifact/edifact_INVOIC_D00A_edifabric_default_UNA.txt": (["SET_NO_SCHEMA"], "directory D00A is not shipped"),
        "edifact/edifact_INVOIC_D00A_edifabric_multiple_UNB.txt": (["SET_NO_SCHEMA"], "directory D00A is not shipped"),
        "edifact/edifact_INVOIC_D00A_edifabric_multiple_UNG.txt": (["ELEM_TOO_SHORT", "SET_NO_SCHEMA"],
            "UNG S004 date is '4' (n6 required); directory D00A is not shipped"),
        "edifact/edifact_INVOIC_D00A_edifabric_valid.txt": (["SET_NO_SCHEMA"], "directory D00A is not shipped"),
        "edifact/edifact_INVOIC_D00B_edifabric.txt": (["SET_NO_SCHEMA"], "directory D00B is not shipped"),
        "edifact/edifact_INVOIC_D96A_EAN008_bots_UNOC_2msgs.edi": (["ELEM_INVALID_CODE"],
            "DTM 2005 'XXX' is not a UNCL 2005 code in D96A"),
        "edifact/edifact_INVOIC_D97B_edireader_tiny_UNA_UNOA.edi": (["ELEM_INVALID_CHAR", "SET_NO_SCHEMA"],
            "UNB 0031 acknowledgement request is 'a' (n1 required); directory D97B is not shipped"),
        "edifact/edifact_INVOIC_D97B_edireader_tiny_UNOA_full_UNB.edi": (["ELEM_INVALID_CHAR", "SET_NO_SCHEMA"],
            "UNB 0031 acknowledgement request is 'a' (n1 required); directory D97B is not shipped"),
        "edifact/edifact_INVOIC_D97B_staedi.edi": (["SET_NO_SCHEMA"], "directory D97B is not shipped"),
        "edifact/edifact_ORDERS_D01B_EAN010_phpedifact_ok_16KB.edi": (["ELEM_TOO_LONG"],
            "QTY 6411 units GBND/PACK/SCHA are longer than an..3"),
        "edifact/edifact_ORDERS_D96A_EAN008_bots_3UNB_12msgs.edi": (["ELEM_INVALID_CODE"],
            "EANCOM codes outside D96A: BGM 1001 '50E', ALI 4183 'NUL'/'77E', TAX 5153 'ACT', TOD 4055 '02E'"),
        "edifact/edifact_ORDERS_D96A_EAN008_bots_3UNB_UNOA2.edi": (["ELEM_INVALID_CODE"], "BGM 1001 '50E' is not a D96A code"),
        "edifact/edifact_ORDERS_D96A_EAN008_bots_LF_only.edi": (["ELEM_INVALID_CODE"], "BGM 1001 '50E' is not a D96A code"),
        "edifact/edifact_ORDERS_D96A_pydifact_order2.edi": (["INTERCHANGE_TRAILER_MISSING"], "the file ends without UNZ"),
        "edifact/edifact_ORDERS_D96A_pydifact_wikipedia_de.edi": (["INTERCHANGE_CONTROL_MISMATCH"],
            "UNZ reference 1234567 differs from UNB reference 1"),
        "edifact/edifact_PAORES_IATA_phpedifact_example.edi": (["SET_NO_SCHEMA"], "IATA PAORES is outside the shipped directories"),
        "edifact/edifact_PAORES_IATA_phpedifact_multi.edi": (["SET_NO_SCHEMA"], "IATA PAORES is outside the shipped directories"),
        "edifact/edifact_PRICAT_D96A_bots_UNOC_23KB.edi": (["ELEM_INVALID_CODE"], "PIA 7143 'GU' and PRI 5125 'NTP' are not D96A codes"),
        "edifact/edifact_SLSRPT_D96A_EAN004_bots_UNOB_30KB.edi": (["SET_NO_SCHEMA"], "SLSRPT is not among the shipped messages"),
        "x12/x12_810+850_004010+003010_staedi_dual_groups.edi": (["SET_NO_SCHEMA"], "the second group is version 003010, not shipped"),
        "x12/x12_810_002040_edifabric_multiple_GS.txt": (["SET_NO_SCHEMA"], "version 002040 is not shipped"),
        "x12/x12_810_002040_edifabric_multiple_ISA.txt": (["SET_NO_SCHEMA"], "version 002040 is not shipped"),
        "x12/x12_810_002040_edifabric_valid.txt": (["SET_NO_SCHEMA"], "version 002040 is not shipped"),
        "x12/x12_810_004030_bots_01.x12": (["SET_NO_SCHEMA"], "version 004030 is not shipped"),
        "x12/x12_820_004010_bots_02.x12": (["SEG_OUT_OF_ORDER"], "REF and DTM directly under ENT: 004010 820 has no such place"),
        "x12/x12_820_004030_bots_NAK.x12": (["SET_NO_SCHEMA"], "version 004030 is not shipped"),
        "x12/x12_835_005010X221A1_badx12_multiple_claims.edi": (["SET_NO_SCHEMA"], "835 is not an order-to-cash set"),
        "x12/x12_837_005010X222A1_imsweb_multiple_GS.txt": (["INTERCHANGE_COUNT_MISMATCH", "SET_COUNT_MISMATCH", "SET_NO_SCHEMA"],
            "IEA01 says 1 group for 3; SE01 25 for 34 segments; 837 is not an order-to-cash set"),
        "x12/x12_850_004010_bots_2GS_4ST_ISA00300.x12": (["ELEM_TOO_SHORT"], "GS04 is YYMMDD although GS08 is 004010 (CCYYMMDD)"),
        "x12/x12_850_004010_bots_CRLF_2ST.x12": (["ELEM_RULE_REQUIRED"], "DTM05 century without DTM06 breaks the P0506 pair rule"),
        "x12/x12_850_004010_bots_ISA00300_single_line.x12": (["ELEM_TOO_SHORT"], "GS04 is YYMMDD although GS08 is 004010 (CCYYMMDD)"),
        "x12/x12_850_004030VICS_bots.x12": (["SET_NO_SCHEMA"], "version 004030 is not shipped"),
        "x12/x12_850_004030_bots_3ST.x12": (["SET_NO_SCHEMA"], "version 004030 is not shipped"),
        "x12/x12_850_004030_bots_NAK_CRLF.x12": (["SET_NO_SCHEMA"], "version 004030 is not shipped"),
        "x12/x12_856_004060_nodex12.edi": (["SET_NO_SCHEMA"], "version 004060 is not shipped"),
        "x12/x12_999_005010X231A1_imsweb_accepted.txt": (["ELEM_INVALID_TIME", "INTERCHANGE_CONTROL_MISMATCH"],
            "GS05 time 102497 has 97 seconds; IEA02 000000001 differs from ISA13 000000286"),
        "x12/x12_TA1_00501_staedi_interchange_ack.txt": (["INTERCHANGE_COUNT_MISMATCH"],
            "IEA01 is 1 but the interchange holds no functional group (only a TA1)"),
    ]

    /// The manifest's valid files: path → note.
    static let validFiles: [String] = {
        guard let corpus = Fixtures.sharedCorpus,
              let text = try? String(contentsOf: corpus.appendingPathComponent("MANIFEST.tsv"), encoding: .utf8) else { return [] }
        return text.split(separator: "\n").dropFirst().compactMap { line in
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard columns.count >= 8, columns[7].hasPrefix("valid") else { return nil }
            return String(columns[0])
        }
    }()

    @Test("each valid corpus file: no error, or exactly its listed defects",
          .enabled(if: Fixtures.sharedCorpus != nil, "../shared/corpus is absent"),
          arguments: validFiles)
    func validFile(_ path: String) throws {
        let url = try #require(Fixtures.sharedCorpus).appendingPathComponent(path)
        let repository = SchemaRepository(root: Fixtures.repositoryRoot.appendingPathComponent("Schemas"))
        let result = try FileValidator(repository: repository).validate(path: url.path)
        let codes = Set(result.allDiagnostics.filter { $0.severity == .error }.map(\.code))
        let expected = Self.knownDefects[path]?.codes ?? []
        #expect(codes == expected, "\(path): \(result.allDiagnostics.filter { $0.severity == .error }.prefix(5).map(\.description))")
    }

    @Test("every listed defect belongs to a file the manifest calls valid",
          .enabled(if: Fixtures.sharedCorpus != nil, "../shared/corpus is absent"))
    func listIsCurrent() {
        for path in Self.knownDefects.keys {
            #expect(Self.validFiles.contains(path), "\(path) is listed but not a valid corpus file")
        }
    }
}
