import EDICore
import Foundation
import Testing
import TestSupport

/// The same input fed whole, byte by byte and in seeded random splits gives the same tokens.
@Suite struct ChunkIndependenceTests {
    static let fixturePaths: [String] = Fixtures.files(in: Fixtures.directory).map {
        String($0.path.dropFirst(Fixtures.directory.path.count + 1))
    }

    /// Random chunk sizes from a seed: mostly small, sometimes large.
    static func randomChunks(seed: UInt64, count: Int = 64) -> [Int] {
        var generator = SeededGenerator(seed: seed)
        return (0..<count).map { _ in
            Bool.random(using: &generator) ? Int.random(in: 1...16, using: &generator) : Int.random(in: 17...700, using: &generator)
        }
    }

    static func firstDifference(_ a: [Token], _ b: [Token]) -> String {
        for (index, (x, y)) in zip(a, b).enumerated() where x != y {
            return "token \(index): \(x) vs \(y)"
        }
        return "token counts \(a.count) vs \(b.count)"
    }

    @Test func fixturesAreFound() {
        #expect(Self.fixturePaths.count >= 90)
    }

    @Test(arguments: fixturePaths)
    func sameTokensWholeByteByByteAndRandomSplits(path: String) throws {
        let bytes = try Fixtures.bytes(path)
        let whole = tokenize(bytes)
        #expect(!whole.tokens.isEmpty)
        // Byte by byte (the 2 MB fixture in 3-byte chunks to keep the debug run short).
        let small = bytes.count > 100_000 ? [3] : [1]
        let byteByByte = tokenize(bytes, chunkSizes: small)
        #expect(whole.tokens == byteByByte.tokens, "\(path) chunks \(small): \(Self.firstDifference(whole.tokens, byteByByte.tokens))")
        let seedBase = UInt64(truncatingIfNeeded: path.utf8.reduce(5381) { ($0 &* 33) &+ Int($1) })
        for round in 0..<(bytes.count > 100_000 ? 2 : 8) {
            let seed = seedBase &+ UInt64(round)
            let chunks = Self.randomChunks(seed: seed)
            let split = tokenize(bytes, chunkSizes: chunks)
            #expect(whole.tokens == split.tokens,
                    "\(path) seed \(seed) (SeededGenerator; ChunkIndependenceTests.randomChunks): \(Self.firstDifference(whole.tokens, split.tokens))")
            let batched = tokenize(bytes, chunkSizes: chunks, batch: true)
            #expect(whole.tokens == batched.tokens,
                    "\(path) seed \(seed), in batches (readAvailable): \(Self.firstDifference(whole.tokens, batched.tokens))")
        }
        let wholeBatch = tokenize(bytes, batch: true)
        #expect(whole.tokens == wholeBatch.tokens, "\(path) whole, in one batch: \(Self.firstDifference(whole.tokens, wholeBatch.tokens))")
        let byteBatches = tokenize(bytes, chunkSizes: small, batch: true)
        #expect(whole.tokens == byteBatches.tokens,
                "\(path) chunks \(small), in batches: \(Self.firstDifference(whole.tokens, byteBatches.tokens))")
        let seed = seedBase &+ 100
        let read = try tokenizeWithReader(bytes, chunkSizes: Self.randomChunks(seed: seed), readChunkSize: 64)
        #expect(whole.tokens == read, "\(path) through EDIStreamReader, seed \(seed): \(Self.firstDifference(whole.tokens, read))")
    }

    @Test func smallSegmentsAgainstTinyBuffers() throws {
        // Readers with tiny read chunks grow and compact the buffer constantly.
        var options = SegmentTokenizer.Options()
        options.readChunkSize = 1
        let bytes = try Fixtures.bytes("edifact/edifact_PNRGOV_IATA_staedi.edi")
        let whole = tokenize(bytes)
        for seed: UInt64 in [1, 2, 3] {
            let split = tokenize(bytes, chunkSizes: Self.randomChunks(seed: seed), options: options)
            #expect(whole.tokens == split.tokens, "seed \(seed)")
        }
    }

    @Test func streamReaderOverAFileDescriptorMatches() throws {
        let path = "x12/x12_837_005010X222A1_imsweb_multiple_GS.txt"
        var options = SegmentTokenizer.Options()
        options.readChunkSize = 37
        let reader = try EDIStreamReader(path: Fixtures.directory.appendingPathComponent(path).path, options: options)
        var tags: [String] = []
        var positions: [EDIPosition] = []
        try reader.forEach { event in
            if case .segment(let segment) = event {
                tags.append(segment.tag.description)
                positions.append(segment.position)
            }
        }
        let whole = tokenize(try Fixtures.bytes(path))
        #expect(tags == whole.tags)
        #expect(positions == whole.segments.map(\.position))
    }

    @Test func asyncSequenceOfChunksMatches() async throws {
        let bytes = try Fixtures.bytes("x12/x12_840_00501_oboe_tilde_elem_pipe_seg_backslash_rep.txt")
        let chunks = AsyncStream<[UInt8]> { continuation in
            var offset = 0
            var generator = SeededGenerator(seed: 42)
            while offset < bytes.count {
                let end = min(bytes.count, offset + Int.random(in: 1...50, using: &generator))
                continuation.yield(Array(bytes[offset..<end]))
                offset = end
            }
            continuation.finish()
        }
        var tags: [String] = []
        try await SegmentTokenizer().forEachEvent(from: chunks) { event in
            if case .segment(let segment) = event { tags.append(segment.tag.description) }
        }
        #expect(tags == tokenize(bytes).tags)
        #expect(tags.count > 10)
    }

    /// `forEachSegment` (segments and issues in batches, no event per segment) gives what
    /// `nextEvent()` gives, for wrapped files, BIN, release characters, several interchanges
    /// and errors, with read chunks small enough to end batches inside segments.
    @Test(arguments: ["malformed/edifact_INVOIC_D97B_staedi_wrapped.edi", "malformed/x12_210_004010_staedi_wrapped_80char.edi",
                      "malformed/x12_000_005010_staedi_BIN_binary_segment.edi",
                      "edifact/edifact_ORDERS_D93A_oboe_release_chars_mendelson.edi",
                      "edifact/edifact_INVOIC_D00A_edifabric_multiple_UNB.txt", "x12/x12_810_002040_edifabric_multiple_ISA.txt",
                      "malformed/edifact_INVOIC_D00A_edifabric_multiple_invalid_msgs.txt"])
    func forEachSegmentMatchesEvents(path: String) throws {
        let bytes = try Fixtures.bytes(path)
        let whole = tokenize(bytes)
        for readChunkSize in [7, 64, 1 << 18] {
            var options = SegmentTokenizer.Options()
            options.readChunkSize = readChunkSize
            let reader = EDIStreamReader(source: MemoryByteSource(bytes, chunkSizes: [readChunkSize]), options: options)
            var tokens: [Token] = []
            try reader.forEachSegment({ tokens.append(Token($0)) }, issue: { tokens.append(Token($0)) })
            #expect(whole.tokens == tokens, "\(path), read chunk \(readChunkSize): \(Self.firstDifference(whole.tokens, tokens))")
            #expect(reader.tokenizer.consumedByteCount == bytes.count)
        }
    }

    @Test func memorySourceWithChunkSizesMatches() throws {
        let bytes = try Fixtures.bytes("edifact/edifact_INVOIC_D00A_edifabric_multiple_UNB.txt")
        let reader = EDIStreamReader(source: MemoryByteSource(bytes, chunkSizes: [5, 1, 13]))
        var count = 0
        try reader.forEach { if case .segment = $0 { count += 1 } }
        #expect(count == tokenize(bytes).segments.count)
    }
}

/// Seeded mutations of fixtures (bytes replaced by delimiters, line breaks, release characters,
/// headers; deletions; truncation): malformed input must be chunk-independent too.
@Suite struct MutatedInputChunkIndependenceTests {
    static let seeds: [UInt64] = Array(1...40)

    static func mutate(_ bytes: [UInt8], seed: UInt64) -> [UInt8] {
        var generator = SeededGenerator(seed: seed)
        var result = bytes
        let pieces: [[UInt8]] = [[0x0A], [0x0D, 0x0A], [0x0D], Array("'".utf8), Array("~".utf8), Array("?".utf8),
                                 Array("??".utf8), Array("+".utf8), Array("*".utf8), Array(":".utf8), Array("ISA*".utf8),
                                 Array("UNA:+.? '".utf8), Array("UNB+".utf8), [0xEF, 0xBB, 0xBF], [0x00], [0xE2, 0x80, 0xA6],
                                 Array("BIN*5*".utf8), Array("IEA*1*1~".utf8), Array("UNZ+1+1'".utf8)]
        for _ in 0..<Int.random(in: 1...6, using: &generator) where !result.isEmpty {
            let at = Int.random(in: 0..<result.count, using: &generator)
            switch Int.random(in: 0..<4, using: &generator) {
            case 0: result.replaceSubrange(at..<min(result.count, at + 1), with: pieces.randomElement(using: &generator)!)
            case 1: result.insert(contentsOf: pieces.randomElement(using: &generator)!, at: at)
            case 2: result.removeSubrange(at..<min(result.count, at + Int.random(in: 1...20, using: &generator)))
            default: if Bool.random(using: &generator) { result.removeSubrange(at...) }
            }
        }
        return result
    }

    @Test(arguments: seeds)
    func mutatedFixturesAreChunkIndependent(seed: UInt64) throws {
        let paths = ChunkIndependenceTests.fixturePaths.filter { !$0.contains("2MB") }
        var generator = SeededGenerator(seed: seed &* 7919)
        for _ in 0..<6 {
            let path = paths.randomElement(using: &generator)!
            let mutationSeed = generator.next()
            let bytes = Self.mutate(try Fixtures.bytes(path), seed: mutationSeed)
            let whole = tokenize(bytes)
            let byteByByte = tokenize(bytes, chunkSizes: [1])
            #expect(whole.tokens == byteByByte.tokens,
                    "\(path) mutated with seed \(mutationSeed), byte by byte: \(ChunkIndependenceTests.firstDifference(whole.tokens, byteByByte.tokens))")
            let chunks = ChunkIndependenceTests.randomChunks(seed: mutationSeed)
            let split = tokenize(bytes, chunkSizes: chunks)
            #expect(whole.tokens == split.tokens,
                    "\(path) mutated with seed \(mutationSeed), random split: \(ChunkIndependenceTests.firstDifference(whole.tokens, split.tokens))")
            for chunkSizes in [[], [1], chunks] {
                let batched = tokenize(bytes, chunkSizes: chunkSizes, batch: true)
                #expect(whole.tokens == batched.tokens,
                        "\(path) mutated with seed \(mutationSeed), in batches of \(chunkSizes.prefix(4)): \(ChunkIndependenceTests.firstDifference(whole.tokens, batched.tokens))")
            }
        }
    }
}
