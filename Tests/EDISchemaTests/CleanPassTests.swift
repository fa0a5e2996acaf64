import Foundation
import Testing
import EDICore
@testable import EDISchema
import TestSupport

/// The clean-segment pass (`ElementChecker.isClean`) answers for most segments so the exact pass need
/// not run; it may answer true only for a segment the exact pass finds nothing in. Checked for every
/// segment of the fixtures, samples and shared corpus against every table of its tag in the shipped
/// schemas of its syntax (and two partner guides), with two character encodings, and for seeded
/// mutations of those files.
@Suite("Clean-segment pass agrees with the exact pass")
struct CleanPassTests {
    typealias S = SchemaTestSupport

    /// How often each pass answered.
    struct Tally {
        var clean = 0
        var exact = 0
    }

    /// A compiled schema and where each tag's tables are in it.
    struct Tables {
        let plan: ValidationPlan
        let byTag: [SegmentTag: [Int]]

        init(_ plan: ValidationPlan) {
            self.plan = plan
            var byTag: [SegmentTag: [Int]] = [:]
            for (index, segment) in plan.compiled.segments.enumerated() { byTag[SegmentTag(segment.spec.tag), default: []].append(index) }
            self.byTag = byTag
        }
    }

    static let tables: [EDISyntax: [Tables]] = {
        let repository = S.shippedRepository()
        var tables: [EDISyntax: [Tables]] = [:]
        let sets: [(EDISyntax, String, [String])] = [
            (.x12, "004010", ["810", "820", "850", "855", "856", "997"]),
            (.x12, "005010", ["810", "850", "856", "999"]),
            (.edifact, "D96A", ["ORDERS", "INVOIC", "DESADV", "ORDRSP", "PRICAT", "REMADV"]),
            (.edifact, "D01B", ["ORDERS", "INVOIC"]),
        ]
        for (syntax, version, ids) in sets {
            for id in ids {
                guard let schema = try? repository.transaction(syntax: syntax, version: version, id: id) else { continue }
                tables[syntax, default: []].append(Tables(repository.plan(for: schema)))
            }
        }
        for (guide, syntax, version, id) in [("globex-850-004010.xml", EDISyntax.x12, "004010", "850"),
                                             ("initech-ORDERS-D96A.xml", .edifact, "D96A", "ORDERS")] {
            let url = S.samplesRoot.appendingPathComponent("guides/\(guide)")
            guard let guide = try? ImplementationGuide(contentsOf: url),
                  let schema = try? repository.transaction(syntax: syntax, version: version, id: id),
                  let guided = try? guide.applied(to: schema) else { continue }
            tables[syntax, default: []].append(Tables(ValidationPlan(guided)))
        }
        return tables
    }()

    static var files: [URL] {
        var files = Fixtures.files(in: Fixtures.directory).filter { ["edi", "txt", "x12"].contains($0.pathExtension) }
        files += Fixtures.files(in: S.samplesRoot, extensions: ["edi"])
        if let corpus = Fixtures.sharedCorpus { files += Fixtures.files(in: corpus) }
        return files
    }

    /// Every segment of a stream against every table of its tag: a clean answer needs an exact pass that
    /// finds nothing.
    static func compare(_ bytes: [UInt8], label: String, tally: inout Tally) {
        let reader = EDIStreamReader(source: MemoryByteSource(bytes))
        try? reader.forEach { event in
            guard case .segment(let segment) = event else { return }
            for tables in Self.tables[segment.syntax] ?? [] {
                for index in tables.byTag[segment.tag] ?? [] {
                    for encoding in [CharacterEncoding.utf8, .latin1] {
                        let checker = ElementChecker(syntax: segment.syntax, compiled: tables.plan.compiled, encoding: encoding)
                        var found: [Diagnostic] = []
                        checker.check(segment, against: tables.plan.compiled.segments[index], into: &found)
                        if checker.isClean(segment, tables.plan.compiled.segmentChecks[index]) {
                            tally.clean += 1
                            #expect(found.isEmpty, "\(label): \(segment.rawText) (\(tables.plan.schema.id) \(tables.plan.schema.version), \(encoding)) passed the clean pass; the exact pass finds \(found.map(\.message))")
                        } else {
                            tally.exact += 1
                        }
                    }
                }
            }
        }
    }

    @Test("every segment of the fixtures, samples and corpus")
    func filesAgree() throws {
        var tally = Tally()
        for url in Self.files {
            // The first 64 KB of each (one corpus file is a 2 MB repetition of the same order).
            Self.compare(Array(try Data(contentsOf: url).prefix(65_536)), label: url.lastPathComponent, tally: &tally)
        }
        // Both passes answer often enough for the comparison to mean something.
        #expect(tally.clean > 2_000, "\(tally)")
        #expect(tally.exact > 2_000, "\(tally)")
    }

    @Test("seeded mutations: bytes replaced, inserted and removed inside segments")
    func mutationsAgree() throws {
        let seed: UInt64 = 0x5EED_C1EA
        var random = SeededGenerator(seed: seed)
        // Digits, letters, signs, marks, every common delimiter, and bytes of multi-byte UTF-8.
        let palette = Array("0123456789AZaz -.,:+?'*>^~|!".utf8) + [0xC3, 0xA9, 0x80, 0xE2, 0x82, 0xAC]
        // Every third file below 8 KB, twelve mutated copies each.
        let originals = Self.files.enumerated().filter { $0.offset % 3 == 0 }
            .compactMap { try? Array(Data(contentsOf: $0.element)) }.filter { $0.count < 8_000 }
        var tally = Tally()
        for (fileIndex, original) in originals.enumerated() {
            for round in 0..<12 {
                var bytes = original
                // Past the first 120 bytes, so the interchange header (and its delimiters) stay readable.
                guard bytes.count > 130 else { break }
                for _ in 0..<Int.random(in: 1...3, using: &random) {
                    let at = Int.random(in: 120..<bytes.count, using: &random)
                    let byte = palette.randomElement(using: &random)!
                    switch Int.random(in: 0..<3, using: &random) {
                    case 0: bytes[at] = byte
                    case 1: bytes.insert(byte, at: at)
                    default: if bytes.count > 131 { bytes.remove(at: at) }
                    }
                }
                Self.compare(bytes, label: "seed \(seed), file \(fileIndex), round \(round)", tally: &tally)
            }
        }
        #expect(tally.clean > 2_000, "\(tally)")
        #expect(tally.exact > 2_000, "\(tally)")
    }
}

/// The clean pass's word-at-a-time byte search agrees with a plain scan at every start and length,
/// and reads nothing past the end it is given.
@Suite struct CleanPassByteSearchTests {
    @Test func firstIndexAgreesWithAPlainScan() {
        var random = SeededGenerator(seed: 0xB17E_5EA2)
        for _ in 0..<2_000 {
            let count = Int.random(in: 0...40, using: &random)
            // Only `count` bytes are allocated, so a read past them is out of bounds (`swift test --sanitize=address` catches it).
            let bytes = UnsafeMutablePointer<UInt8>.allocate(capacity: max(count, 1))
            defer { bytes.deallocate() }
            for index in 0..<count { bytes[index] = [0x3A, 0x3B, 0x00, 0xBA, 0x41, 0x01].randomElement(using: &random)! }
            let target: UInt8 = [0x3A, 0x00, 0x01, 0xBA].randomElement(using: &random)!
            let from = count == 0 ? 0 : Int.random(in: 0...count, using: &random)
            var expected = from
            while expected < count, bytes[expected] != target { expected += 1 }
            #expect(ElementChecker.firstIndex(of: target, in: bytes, from: from, count: count) == expected)
        }
    }
}
