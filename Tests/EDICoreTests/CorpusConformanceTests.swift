import EDICore
import Foundation
import Testing
import TestSupport

/// Every file of `../shared/corpus` through the tokenizer and `FileInspection` (what `edikit inspect`
/// runs): no crash or hang; files the manifest marks `valid` read without syntax errors and with
/// counts that match their envelopes (except ``CorpusExpectations/envelopeDefects``); every other
/// file gives exactly the issues of ``CorpusExpectations/issues``, at those positions.
@Suite struct CorpusConformanceTests {
    struct Entry: CustomTestStringConvertible, Sendable {
        var path: String
        var notes: String
        var isValid: Bool { notes.hasPrefix("valid") }
        var testDescription: String { path }
    }

    static let manifest: [Entry] = {
        guard let corpus = Fixtures.sharedCorpus,
              let text = try? String(contentsOf: corpus.appendingPathComponent("MANIFEST.tsv"), encoding: .utf8) else { return [] }
        return text.split(separator: "\n").dropFirst().compactMap { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 8 else { return nil }
            let notes = fields[7].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            return Entry(path: fields[0], notes: notes)
        }
    }()

    @Test func corpusIsPresentOrSkipped() throws {
        guard let corpus = Fixtures.sharedCorpus else {
            print("skipped: ../shared/corpus not found")
            return
        }
        #expect(Self.manifest.count > 150, "MANIFEST.tsv in \(corpus.path) lists \(Self.manifest.count) files")
        // Every file on disk is in the manifest, so none escapes the checks below.
        let listed = Set(Self.manifest.map(\.path))
        for url in Fixtures.files(in: corpus) {
            let relative = String(url.path.dropFirst(corpus.path.count + 1))
            #expect(listed.contains(relative), "\(relative) is not in MANIFEST.tsv")
        }
        // The expectation tables name only files of the manifest.
        for path in Array(CorpusExpectations.issues.keys) + Array(CorpusExpectations.envelopeDefects.keys) {
            #expect(listed.contains(path), "\(path) is in CorpusExpectations but not in the manifest")
        }
    }

    static func describe(_ inspection: FileInspection) -> [String] {
        (inspection.errors + inspection.warnings)
            .map { "\($0.code)@\($0.position.line):\($0.position.column)" }
            .sorted()
    }

    @Test(arguments: manifest)
    func corpusFile(_ entry: Entry) throws {
        let corpus = try #require(Fixtures.sharedCorpus)
        let url = corpus.appendingPathComponent(entry.path)
        let bytes = Array(try Data(contentsOf: url))

        // No hang (the helper fails when the tokenizer stops advancing) and the same tokens in random splits.
        let whole = tokenize(bytes)
        if bytes.count < 100_000 {
            let seed = UInt64(bytes.count)
            let split = tokenize(bytes, chunkSizes: ChunkIndependenceTests.randomChunks(seed: seed))
            #expect(whole.tokens == split.tokens, "\(entry.path) seed \(seed): \(ChunkIndependenceTests.firstDifference(whole.tokens, split.tokens))")
            let byteByByte = tokenize(bytes, chunkSizes: [1])
            #expect(whole.tokens == byteByByte.tokens, "\(entry.path) byte by byte: \(ChunkIndependenceTests.firstDifference(whole.tokens, byteByByte.tokens))")
        }

        let inspection = FileInspection.inspect(path: url.path)
        let found = Self.describe(inspection)
        if entry.isValid {
            if let defect = CorpusExpectations.envelopeDefects[entry.path] {
                #expect(found == defect.codes.sorted(), "\(entry.path) (envelope defect: \(defect.reason)): \(inspection.errors)")
            } else {
                #expect(inspection.errors.isEmpty, "\(entry.path) is valid but: \(inspection.errors)")
            }
            #expect(!inspection.interchanges.isEmpty, "\(entry.path)")
            for interchange in inspection.interchanges {
                for group in interchange.groups {
                    #expect(group.transactions.allSatisfy { $0.segmentCount >= 2 }, "\(entry.path)")
                }
            }
        } else {
            let expected = CorpusExpectations.issues[entry.path] ?? []
            #expect(found == expected.sorted(), "\(entry.path) (\(entry.notes)): \(inspection.errors + inspection.warnings)")
        }
    }
}
