import Foundation
import Testing
import TestSupport

/// The ORDERS direct writer on mutated messages: every segment of the ORDERS samples (and of a
/// message with the shapes of the 100 MB benchmark file, release characters included) dropped,
/// duplicated, swapped with the next, and every element and component (and one past the last)
/// set to values the mapping treats specially. For every mutated message that is still valid, the
/// direct writer must give up or write the model path's bytes (compact and indented).
@Suite struct EDIFACTOrdersDirectMutationTests {
    /// A message with the shapes of /tmp/bench/edifact_100M.edi and more of what the writer maps:
    /// `?+` `?:` escapes, named and other dates (203, 718), RFF and party RFF groups with dates,
    /// contacts with several COMs, C058 names, PIA with two ids, IMD with two texts, line MOA, DTM,
    /// FTX, PRI with a basis quantity, line RFF group, MOA 79 and CNT 2 and 1.
    static let richMessage = """
        UNH+1+ORDERS:D:96A:UN'BGM+220+PO?+4711+9'DTM+137:20240319:102'DTM+2:20240409:102'\
        DTM+10:202404081230:203'DTM+63:20240401-20240430:718'DTM+2:20240410:102'\
        FTX+AAI+++DELIVER TO DOCK 2?+8 BETWEEN 08?:00 AND 17?:30:SECOND LINE'FTX+PUR+++NOTE'\
        RFF+CT:CONTRACT99741'DTM+171:20240816:102'RFF+ON:ORDER-1'\
        NAD+BY+8581747781260::9++BUYER?+PARTNER GMBH+HAUPTSTRASSE 100:HOF 2+LYON++69001+FR'\
        RFF+VA:FR123'DTM+171:20240101:102'CTA+OC+:JOHN DOE'COM+004958085012:TE'COM+JOHN.DOE:EM'COM+0049580:FX'\
        NAD+SU+7837008927320::9++SUPPLIER 668 AG+VIA ROMA 185+BERLIN++10115+DE'\
        NAD+DP+0538234261907::9+WAREHOUSE 49:DOCK 2'CUX+2:EUR:9'\
        LIN+1++3812584417273:EN'PIA+1+ART7081941:SA+BP-77:BP'IMD+F++:::RED RELAY 8?:15:SECOND PART'\
        QTY+21:5:LTR'DTM+2:20241107:102'DTM+137:20241101:102'MOA+203:2498.30'FTX+LIN+++PACK 10?+2 FREE, RATIO 1?:4'\
        PRI+AAA:499.66:CT::1:PCE'RFF+LI:10'DTM+171:20240101:102'\
        LIN+2++4060228866688:EN'PIA+1+ART3670537:SA'IMD+F++:::ZINC FITTING 1?:14'QTY+21:284:BX'PRI+AAA:305.51'\
        UNS+S'MOA+79:8852537.02'CNT+2:2'CNT+1:289'UNT+44+1'
        """

    /// Values set into elements and components: numbers, dates and codes the mapping reads in
    /// special ways, escapes, bytes JSON escapes, a non-ASCII letter, a long value, unknown codes.
    static let values = ["", "ABC", "-0", "007", "1.50", "1,50", "-2.5", ".5", "20261301", "20240229", "202402291260",
                         "A?+B?:C??D", "A?'B", "2?1", "0.00", "A\"B", "A\\B", "caf\u{E9}",
                         String(repeating: "7", count: 40), String(repeating: "LONG TEXT ", count: 7), "ZZZ", "21", "2"]

    @Test func directWriterGivesUpOrWritesTheModelPathsBytes() throws {
        var sources = [("rich", Self.richMessage)]
        for name in ["initech-ORDERS-D01B.edi", "initech-ORDERS-D96A-two-messages.edi"] {
            let url = Fixtures.repositoryRoot.appendingPathComponent("Samples/inbox/\(name)")
            let text = try String(contentsOf: url, encoding: .utf8)
            for (index, message) in Self.messages(in: text).enumerated() { sources.append(("\(name) #\(index + 1)", message)) }
        }
        #expect(sources.count == 4)
        let folder = TestFiles.folder.appendingPathComponent("edikit-orders-mutations-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }

        var comparison = DirectDocumentJSONTests.Comparison()
        var mutated = 0
        for (sourceIndex, (name, message)) in sources.enumerated() {
            let segments = Self.segments(of: message)
            // The message as it is must be written directly (else the mutations test nothing).
            var original = DirectDocumentJSONTests.Comparison()
            let path = folder.appendingPathComponent("original-\(sourceIndex).edi").path
            try Self.interchange([segments]).write(toFile: path, atomically: false, encoding: .utf8)
            DirectDocumentJSONTests.compare(path: path, into: &original)
            #expect(original.direct["ORDERS"] == 1 && original.mismatches.isEmpty, "\(name): \(original)")

            let mutations = Self.mutations(of: segments)
            mutated += mutations.count
            for (chunk, start) in stride(from: 0, to: mutations.count, by: 400).enumerated() {
                let path = folder.appendingPathComponent("mutated-\(sourceIndex)-\(chunk).edi").path
                try Self.interchange(Array(mutations[start..<min(start + 400, mutations.count)]))
                    .write(toFile: path, atomically: false, encoding: .utf8)
                DirectDocumentJSONTests.compare(path: path, into: &comparison)
            }
        }
        #expect(comparison.mismatches.isEmpty, "\(comparison.mismatches.prefix(10).joined(separator: "\n"))")
        let direct = comparison.direct["ORDERS", default: 0], fallBack = comparison.fallBack["ORDERS", default: 0]
        print("ORDERS mutations: \(mutated) messages, \(direct + fallBack) valid, \(direct) written directly, \(fallBack) given up")
        // Most mutated messages stay valid, and many are still written directly: the comparison
        // is not vacuous, and the writer does not simply give up on everything.
        #expect(direct + fallBack >= 4_000)
        #expect(direct >= 3_000)
        #expect(fallBack >= 700)
    }

    // MARK: Building mutated messages

    /// A segment as elements of components, each as written (release characters in).
    typealias Segment = [[String]]

    /// Every mutation of a message: each body segment dropped, duplicated, swapped with the next;
    /// each element and component, and one past the last, set to each of ``values``.
    static func mutations(of message: [Segment]) -> [[Segment]] {
        var result: [[Segment]] = []
        let body = 1..<(message.count - 1)
        for index in body {
            var dropped = message
            dropped.remove(at: index)
            result.append(dropped)
            var duplicated = message
            duplicated.insert(message[index], at: index)
            result.append(duplicated)
            if index + 1 < body.upperBound {
                var swapped = message
                swapped.swapAt(index, index + 1)
                result.append(swapped)
            }
            let segment = message[index]
            for element in 1...min(segment.count, 9) {
                let components = element < segment.count ? segment[element].count : 0
                for component in 1...min(components + 1, 6) {
                    for value in values {
                        var changed = segment
                        while changed.count <= element { changed.append([""]) }
                        while changed[element].count < component { changed[element].append("") }
                        changed[element][component - 1] = value
                        guard changed != segment else { continue }
                        var copy = message
                        copy[index] = changed
                        result.append(copy)
                    }
                }
            }
        }
        return result
    }

    /// An interchange of messages, each numbered anew (UNH 0062, UNT 0074 and its segment count).
    static func interchange(_ messages: [[Segment]]) -> String {
        var text = "UNA:+.? 'UNB+UNOC:3+4049876000000:14+0876543000001:14+261124:0930+MUT1'\n"
        for (index, message) in messages.enumerated() {
            for (position, var segment) in message.enumerated() {
                if position == 0 { segment[1] = ["\(index + 1)"] }
                if position == message.count - 1 { segment = [["UNT"], ["\(message.count)"], ["\(index + 1)"]] }
                text += written(segment) + "'\n"
            }
        }
        return text + "UNZ+\(messages.count)+MUT1'\n"
    }

    /// A segment's text, empty components and elements at the end left out.
    static func written(_ segment: Segment) -> String {
        var elements = segment.map { components -> String in
            var components = components
            while components.count > 1, components.last == "" { components.removeLast() }
            return components.joined(separator: ":")
        }
        while elements.count > 1, elements.last == "" { elements.removeLast() }
        return elements.joined(separator: "+")
    }

    /// The messages of an interchange's text, `UNH` to `UNT`.
    static func messages(in text: String) -> [String] {
        var messages: [String] = []
        var current = ""
        for segment in split(text, on: "'") {
            let trimmed = segment.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.hasPrefix("UNH") { current = "" }
            current += trimmed + "'"
            if trimmed.hasPrefix("UNT") { messages.append(current) }
        }
        return messages
    }

    /// The segments of a message's text.
    static func segments(of message: String) -> [Segment] {
        split(message, on: "'").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
            .map { segment in split(segment, on: "+").map { split($0, on: ":") } }
    }

    /// Splits on a separator not preceded by the release character `?`.
    static func split(_ text: String, on separator: Character) -> [String] {
        var parts: [String] = []
        var current = ""
        var released = false
        for character in text {
            if released {
                current.append(character)
                released = false
            } else if character == "?" {
                current.append(character)
                released = true
            } else if character == separator {
                parts.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty || text.last == separator { parts.append(current) }
        return parts
    }
}
