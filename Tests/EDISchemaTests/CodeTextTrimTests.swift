import Foundation
import Testing
@testable import EDISchema

/// Code descriptions are trimmed as `trimmingCharacters(in: .whitespacesAndNewlines)` trims them,
/// also when the fast path (printable ASCII at both ends) does not apply.
@Suite struct CodeTextTrimTests {
    @Test(arguments: ["Purchase order", "", " ", "\n  Each\t", "A", " A", "A ", "\u{00A0}Stück\u{2003}", "Stück",
                      "\u{85}x", "x\u{2028}", "\u{1C}x\u{1F}", "~ok!", "ärger", "\r\nline one\nline two\r\n"])
    func sameAsFoundation(_ text: String) {
        #expect(AttributeReader.trimmed(text) == text.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
