import EDICore
import EDIFACT
import Foundation

/// REMADV adjustments: segment group 6 of a `DOC` group (`AJT` 4465, its `MOA` and `FTX`) ⇄
/// ``RemittanceAdjustment``. The typed model keeps the group's segments in order, unmapped; the
/// adjustments of document lines (`AJT` inside a `DLI` group, segment group 10) stay there.
extension EDIFACTMappingContext {
    /// The document-level adjustments of a `DOC` group; an `AJT` without an amount is left out.
    mutating func adjustments(_ kept: [EDIFACTUnmappedSegment]) -> [RemittanceAdjustment] {
        var adjustments: [RemittanceAdjustment] = []
        var reason: String?
        var amount: Decimal?
        var texts: [String] = []
        var isOpen = false
        var inLine = false
        func close() {
            if isOpen, let amount {
                adjustments.append(RemittanceAdjustment(reasonCode: reason, amount: amount,
                                                        description: texts.isEmpty ? nil : texts.joined(separator: " ")))
            }
            isOpen = false
            reason = nil
            amount = nil
            texts = []
        }
        for segment in kept {
            let elements = segment.segment.elements
            func value(_ element: Int, _ component: Int) -> String? {
                guard element < elements.count, let components = elements[element].first, component < components.count,
                      !components[component].isEmpty else { return nil }
                return components[component]
            }
            switch segment.tag {
            case "AJT":
                close()
                if !inLine {
                    isOpen = true
                    reason = value(0, 0)
                }
            case "MOA" where isOpen && amount == nil:
                amount = decimal(value(0, 1), field: "MOA 5004", at: segment.source, element: 1, component: 2)
            case "FTX" where isOpen:
                if elements.count > 3, let lines = elements[3].first { texts += lines.filter { !$0.isEmpty } }
            case "MOA", "FTX", "RFF":
                continue
            default:
                close()
                if segment.tag == "DLI" { inLine = true }
            }
        }
        close()
        return adjustments
    }
}

extension EDIFACTValues {
    /// `AJT` + `MOA` 5 (adjusted amount) + `FTX` AAI per adjustment, kept after the group's last
    /// `RFF`. A reason code from X12 (426) means something else in 4465, so it is written as 43
    /// (reason unknown); one read from EDIFACT is written as it came.
    static func adjustmentSegments(_ adjustments: [RemittanceAdjustment], own: (String?) -> String?) -> [EDIFACTUnmappedSegment] {
        var segments: [EDIFACTUnmappedSegment] = []
        var follows = "RFF"
        func add(_ segment: OutgoingSegment) {
            segments.append(EDIFACTUnmappedSegment(segment: segment, follows: follows))
            follows = segment.tag
        }
        for adjustment in adjustments {
            add(OutgoingSegment("AJT", [own(adjustment.reasonCode) ?? "43"]))
            add(OutgoingSegment("MOA", elements: [[["5", text(adjustment.amount)]]]))
            if let description = adjustment.description {
                add(OutgoingSegment("FTX", elements: [[["AAI"]], [[""]], [[""]], [[description]]]))
            }
        }
        return segments
    }
}
