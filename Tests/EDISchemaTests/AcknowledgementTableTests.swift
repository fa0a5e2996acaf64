import Testing
@testable import EDISchema

/// The one table from finding to acknowledgement codes (Diagnostic.swift, docs/validation.md).
@Suite("Acknowledgement codes")
struct AcknowledgementTableTests {
    @Test("every kind but ELEM_UNKNOWN_CODE has 997, 999 and CONTRL codes", arguments: DiagnosticKind.allCases)
    func everyKindHasCodes(_ kind: DiagnosticKind) {
        let codes = kind.acknowledgementCodes
        if kind == .unknownCode {
            // A code EDIKit does not know in an open list is a warning: nothing to acknowledge.
            #expect(codes.x12_997 == nil && codes.x12_999 == nil && codes.contrl == nil)
            return
        }
        #expect(codes.x12_997 != nil, "\(kind.rawValue) has no 997 code")
        #expect(codes.x12_999 != nil, "\(kind.rawValue) has no 999 code")
        #expect(codes.contrl != nil, "\(kind.rawValue) has no CONTRL code")
    }

    @Test("997 and 999 codes sit in the segment of their level")
    func levelsAgree() {
        for kind in DiagnosticKind.allCases where kind != .unknownCode {
            let codes = kind.acknowledgementCodes
            guard let x997 = codes.x12_997, let x999 = codes.x12_999, let contrl = codes.contrl else { continue }
            let level = String(x997.prefix { $0 != "=" })
            let expected999: String = switch level {
            case "AK304": "IK304"
            case "AK403": "IK403"
            case "AK502": "IK502"
            default: level  // AK905 and TA105 are the same in both
            }
            #expect(x999.hasPrefix(expected999 + "="), "\(kind.rawValue): \(x997) vs \(x999)")
            let contrlSegment: String = switch level {
            case "AK304": "UCS"
            case "AK403": "UCD"
            case "AK502": "UCM"
            case "AK905": "UCF"
            default: "UCI"
            }
            // Too many elements is reported on the segment in CONTRL (UCS), not on an element.
            if kind != .tooManyElements {
                #expect(contrl.hasPrefix(contrlSegment + " 0085="), "\(kind.rawValue): \(x997) vs \(contrl)")
            }
            #expect(kind.isElementLevel == (level == "AK403"))
        }
    }

    @Test("raw values are the stable codes, unique")
    func stableCodes() {
        let codes = DiagnosticKind.allCases.map(\.rawValue)
        #expect(Set(codes).count == codes.count)
        #expect(DiagnosticKind(rawValue: "SEG_MISSING") == .mandatorySegmentMissing)
        #expect(DiagnosticKind(rawValue: "SET_COUNT_MISMATCH") == .transactionCountMismatch)
        #expect(DiagnosticKind(rawValue: "HL_INVALID") == .hierarchyError)
    }
}
