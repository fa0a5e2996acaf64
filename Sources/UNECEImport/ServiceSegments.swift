import Foundation

/// The service segments a message table uses but the directory's segment specifications do
/// not define: UNH, UNT (ISO 9735 message header and trailer) and UNS (section control).
///
/// They are written as the union of syntax versions 3 and 4 (components that only syntax 4
/// has are conditional and named in a note), so one dictionary serves messages sent under
/// either; the envelope files (`envelope-3.xml`, `envelope-4.xml`) hold the exact form of each
/// version. Facts: ISO 9735 as printed in D.96A part 4 (D422) for version 3, and version 4's
/// additions (S009 0110/0113, S016–S018, UNT 0074 up to 10 digits).
enum ServiceSegments {
    typealias C = UNECEDirectory.Constituent
    typealias R = UNECEDirectory.Representation

    static let tags: Set<String> = ["UNH", "UNT", "UNS"]

    static func an(_ max: Int) -> R { .init(characterClass: .an, minLength: 1, maxLength: max) }
    static func n(_ max: Int) -> R { .init(characterClass: .n, minLength: 1, maxLength: max) }

    static let segments: [String: UNECEDirectory.Segment] = [
        "UNH": .init(tag: "UNH", name: "MESSAGE HEADER", elements: [
            C(position: 1, id: "0062", name: "MESSAGE REFERENCE NUMBER", status: .mandatory),
            C(position: 2, id: "S009", name: "MESSAGE IDENTIFIER", status: .mandatory),
            C(position: 3, id: "0068", name: "COMMON ACCESS REFERENCE", status: .conditional),
            C(position: 4, id: "S010", name: "STATUS OF THE TRANSFER", status: .conditional),
            C(position: 5, id: "S016", name: "MESSAGE SUBSET IDENTIFICATION", status: .conditional),
            C(position: 6, id: "S017", name: "MESSAGE IMPLEMENTATION GUIDELINE IDENTIFICATION", status: .conditional),
            C(position: 7, id: "S018", name: "SCENARIO IDENTIFICATION", status: .conditional),
        ]),
        "UNT": .init(tag: "UNT", name: "MESSAGE TRAILER", elements: [
            C(position: 1, id: "0074", name: "NUMBER OF SEGMENTS IN THE MESSAGE", status: .mandatory),
            C(position: 2, id: "0062", name: "MESSAGE REFERENCE NUMBER", status: .mandatory),
        ]),
        "UNS": .init(tag: "UNS", name: "SECTION CONTROL", elements: [
            C(position: 1, id: "0081", name: "SECTION IDENTIFICATION", status: .mandatory),
        ]),
    ]

    /// Notes written on the service segments in the dictionary.
    static let notes: [String: String] = [
        "UNH": "Service segment (ISO 9735). Elements 5 to 7 (S016, S017, S018) exist in syntax version 4 only; the envelope file of the interchange's syntax version has the exact form.",
        "UNT": "Service segment (ISO 9735). 0074 counts the segments of the message, UNH and UNT included.",
        "UNS": "Service segment (ISO 9735): separates the header, detail and summary sections.",
    ]

    static let composites: [String: UNECEDirectory.Composite] = [
        "S009": .init(id: "S009", name: "MESSAGE IDENTIFIER", components: [
            C(position: 1, id: "0065", name: "Message type", status: .mandatory),
            C(position: 2, id: "0052", name: "Message version number", status: .mandatory),
            C(position: 3, id: "0054", name: "Message release number", status: .mandatory),
            C(position: 4, id: "0051", name: "Controlling agency", status: .mandatory),
            C(position: 5, id: "0057", name: "Association assigned code", status: .conditional),
            C(position: 6, id: "0110", name: "Code list directory version number", status: .conditional),
            C(position: 7, id: "0113", name: "Message type sub-function identification", status: .conditional),
        ]),
        "S010": .init(id: "S010", name: "STATUS OF THE TRANSFER", components: [
            C(position: 1, id: "0070", name: "Sequence of transfers", status: .mandatory),
            C(position: 2, id: "0073", name: "First and last transfer", status: .conditional),
        ]),
        "S016": .init(id: "S016", name: "MESSAGE SUBSET IDENTIFICATION", components: [
            C(position: 1, id: "0115", name: "Message subset identification", status: .mandatory),
            C(position: 2, id: "0116", name: "Message subset version number", status: .conditional),
            C(position: 3, id: "0118", name: "Message subset release number", status: .conditional),
            C(position: 4, id: "0051", name: "Controlling agency", status: .conditional),
        ]),
        "S017": .init(id: "S017", name: "MESSAGE IMPLEMENTATION GUIDELINE IDENTIFICATION", components: [
            C(position: 1, id: "0121", name: "Message implementation guideline identification", status: .mandatory),
            C(position: 2, id: "0122", name: "Message implementation guideline version number", status: .conditional),
            C(position: 3, id: "0124", name: "Message implementation guideline release number", status: .conditional),
            C(position: 4, id: "0051", name: "Controlling agency", status: .conditional),
        ]),
        "S018": .init(id: "S018", name: "SCENARIO IDENTIFICATION", components: [
            C(position: 1, id: "0127", name: "Scenario identification", status: .mandatory),
            C(position: 2, id: "0128", name: "Scenario version number", status: .conditional),
            C(position: 3, id: "0130", name: "Scenario release number", status: .conditional),
            C(position: 4, id: "0051", name: "Controlling agency", status: .conditional),
        ]),
    ]

    static let elements: [String: UNECEDirectory.Element] = {
        let list: [(String, String, R)] = [
            ("0051", "Controlling agency", an(3)),
            ("0052", "Message version number", an(3)),
            ("0054", "Message release number", an(3)),
            ("0057", "Association assigned code", an(6)),
            ("0062", "Message reference number", an(14)),
            ("0065", "Message type", an(6)),
            ("0068", "Common access reference", an(35)),
            ("0070", "Sequence of transfers", n(2)),
            ("0073", "First and last transfer", .init(characterClass: .a, minLength: 1, maxLength: 1)),
            ("0074", "Number of segments in the message", n(10)),
            ("0081", "Section identification", .init(characterClass: .a, minLength: 1, maxLength: 1)),
            ("0110", "Code list directory version number", an(6)),
            ("0113", "Message type sub-function identification", an(6)),
            ("0115", "Message subset identification", an(14)),
            ("0116", "Message subset version number", an(3)),
            ("0118", "Message subset release number", an(3)),
            ("0121", "Message implementation guideline identification", an(14)),
            ("0122", "Message implementation guideline version number", an(3)),
            ("0124", "Message implementation guideline release number", an(3)),
            ("0127", "Scenario identification", an(14)),
            ("0128", "Scenario version number", an(3)),
            ("0130", "Scenario release number", an(3)),
        ]
        return Dictionary(uniqueKeysWithValues: list.map { ($0.0, UNECEDirectory.Element(id: $0.0, name: $0.1, representation: $0.2)) })
    }()

    /// Notes on service elements whose form differs between syntax versions.
    static let elementNotes: [String: String] = [
        "0051": "an..2 in syntax version 3, an..3 in version 4.",
        "0074": "n..6 in syntax version 3, n..10 in version 4.",
    ]

    /// Service code lists that are fixed by ISO 9735 itself.
    static let codeLists: [String: [UNECEDirectory.Code]] = [
        "0073": [.init(value: "C", name: "Creation"), .init(value: "F", name: "Final")],
        "0081": [.init(value: "D", name: "Header/detail section separation"),
                 .init(value: "S", name: "Detail/summary section separation")],
    ]
}
