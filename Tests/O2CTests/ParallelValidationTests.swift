import EDICore
import EDISchema
import Foundation
import O2C
import Testing
import TestSupport

/// Validation with worker threads (``FileValidator/workers``) gives exactly what one thread gives:
/// the same findings (code, message, every position field, loop, order), the same results and
/// interchange tree, the same callbacks in the same order, and the same acknowledgement bytes; and
/// schema checks left to the taker of each transaction (``FileValidator/defersSchemaChecks``, as
/// `edikit translate` does) complete to the same results; over
/// the fixtures, the shared corpus when present, and generated files whose errors fall on both
/// sides of batch boundaries. Batches are made tiny so that even small files cross many of them.
@Suite("Parallel validation")
struct ParallelValidationTests {
    static let repository = SchemaRepository(root: Fixtures.repositoryRoot.appendingPathComponent("Schemas"))
    /// A fixed moment, so acknowledgements do not change with the clock.
    static let date = Date(timeIntervalSince1970: 1_795_953_600)

    /// Worker counts and batch shapes compared with validation on the calling thread.
    typealias Setting = (workers: Int, batchBytes: Int, largeTransactionBytes: Int)
    static let settings: [Setting] = [
        (1, 1, 4 << 20),        // one worker, every transaction its own batch
        (2, 1, 4 << 20),        // two workers taking turns
        (2, 3_000, 4 << 20),    // several transactions a batch
        (2, 3_000, 2_000),      // transactions over 2,000 bytes fall back to the reading thread mid-way
    ]
    /// For the many small files of the fixtures and the corpus.
    static let fewerSettings: [Setting] = [(1, 1, 4 << 20), (2, 1, 2_000)]

    static let fixtureFiles: [URL] = Fixtures.files(in: Fixtures.directory).filter { !$0.path.contains(".ack.") }
    static let corpusFiles: [URL] = Fixtures.sharedCorpus.map { corpus in
        Fixtures.files(in: corpus).filter { $0.lastPathComponent != "MANIFEST.tsv" }
    } ?? []

    @Test("fixtures: the same with 1 and 2 workers as inline")
    func fixtures() throws {
        #expect(Self.fixtureFiles.count > 50)
        for url in Self.fixtureFiles { try expectSameAsInline(url.path, settings: Self.fewerSettings) }
    }

    @Test("shared corpus: the same with 1 and 2 workers as inline",
          .enabled(if: Fixtures.sharedCorpus != nil, "../shared/corpus is absent"))
    func corpus() throws {
        #expect(Self.corpusFiles.count > 100)
        for url in Self.corpusFiles { try expectSameAsInline(url.path, settings: Self.fewerSettings) }
    }

    @Test("generated X12 850 file with errors across batch boundaries", arguments: [1, 2, 3])
    func generatedX12(seed: UInt64) throws {
        let path = try write(GeneratedInterchanges.x12(seed: seed), name: "x12-\(seed).edi")
        // 004010's code lists are open: a code not in them is a warning.
        try expectSameAsInline(path, seed: seed, finding: [
            "SEG_MISSING", "ELEM_UNKNOWN_CODE", "ELEM_INVALID_DATE", "SEG_UNRECOGNIZED", "SEG_UNEXPECTED", "SET_COUNT_MISMATCH",
            "SET_CONTROL_MISMATCH", "SET_TRAILER_MISSING", "SET_NO_SCHEMA", "GROUP_COUNT_MISMATCH", "EDI203",
        ])
    }

    @Test("generated EDIFACT ORDERS file with errors across batch boundaries", arguments: [1, 2, 3])
    func generatedEDIFACT(seed: UInt64) throws {
        let path = try write(GeneratedInterchanges.edifact(seed: seed), name: "edifact-\(seed).edi")
        try expectSameAsInline(path, seed: seed, finding: [
            "SEG_MISSING", "ELEM_INVALID_CODE", "ELEM_INVALID_CHAR", "SEG_UNRECOGNIZED", "SET_COUNT_MISMATCH",
            "SET_CONTROL_MISMATCH", "SET_NO_SCHEMA", "INTERCHANGE_COUNT_MISMATCH", "EDI203",
        ])
    }

    /// ``expectSameAsInline(_:settings:sourceLocation:)`` for a generated file, which must hold the
    /// injected errors in many transactions: the comparison is not of empty results.
    func expectSameAsInline(_ path: String, seed: UInt64, finding codes: [String],
                            sourceLocation: SourceLocation = #_sourceLocation) throws {
        let outputs = try expectSameAsInline(path, sourceLocation: sourceLocation)
        let inline = outputs.result ?? FileValidation(path: path)
        #expect(outputs.deferredChecks > 100, "seed \(seed): \(outputs.deferredChecks) transactions had deferred checks",
                sourceLocation: sourceLocation)
        // Over 1,000 bytes the reading thread takes the checks back: both ways are exercised.
        #expect(outputs.deferredSmallChecks > 10 && outputs.deferredSmallChecks < outputs.deferredChecks - 10,
                "seed \(seed): \(outputs.deferredSmallChecks) of \(outputs.deferredChecks) kept deferred under 1,000 bytes",
                sourceLocation: sourceLocation)
        let found = Set(inline.allDiagnostics.map(\.code))
        for code in codes {
            #expect(found.contains(code), "seed \(seed): no \(code) in \(found.sorted())", sourceLocation: sourceLocation)
        }
        #expect(inline.transactions.filter { !$0.isValid }.count > 50, sourceLocation: sourceLocation)
        #expect(inline.transactions.filter(\.isValid).count > 50, sourceLocation: sourceLocation)
    }

    @Test("callbacks run on the calling thread, in file order")
    func callbacksOnCallingThread() throws {
        let path = try write(GeneratedInterchanges.x12(seed: 4), name: "x12-callbacks.edi")
        var validator = FileValidator(repository: Self.repository)
        validator.workers = 2
        validator.parallelMinimumBytes = 0
        validator.batchBytes = 1
        let caller = pthread_self()
        var elsewhere = 0
        var positions: [Int] = []
        _ = try validator.validate(path: path) { transaction in
            if pthread_equal(pthread_self(), caller) == 0 { elsewhere += 1 }
            positions.append(transaction.position.byteOffset)
        }
        #expect(elsewhere == 0)
        #expect(positions.count > 100)
        #expect(positions == positions.sorted())
    }

    /// Validates `path` inline and with each of ``settings``, in the plain, compact-with-segments and
    /// acknowledgement forms, and expects every output equal, and the transactions whose schema checks
    /// were deferred, once completed, equal to those validated inline; returns the inline outputs.
    @discardableResult
    func expectSameAsInline(_ path: String, settings: [Setting] = settings, sourceLocation: SourceLocation = #_sourceLocation) throws -> Outputs {
        let name = (path as NSString).lastPathComponent
        let expected = try Self.outputs(path, workers: 0, batchBytes: 1, largeTransactionBytes: 4 << 20)
        #expect(expected.deferred == expected.validated, "\(name): deferred checks complete differently", sourceLocation: sourceLocation)
        #expect(expected.deferredSmall == expected.validated, "\(name): deferred checks taken back complete differently",
                sourceLocation: sourceLocation)
        for setting in settings {
            let label = "\(name), \(setting.workers) workers, batches of \(setting.batchBytes) bytes, large transactions \(setting.largeTransactionBytes)"
            let actual = try Self.outputs(path, workers: setting.workers, batchBytes: setting.batchBytes,
                                          largeTransactionBytes: setting.largeTransactionBytes)
            #expect(actual.error == expected.error, "\(label): error", sourceLocation: sourceLocation)
            #expect(actual.diagnostics == expected.diagnostics, "\(label): findings differ", sourceLocation: sourceLocation)
            #expect(actual.validation == expected.validation, "\(label): results differ", sourceLocation: sourceLocation)
            #expect(actual.callbacks == expected.callbacks, "\(label): callbacks differ", sourceLocation: sourceLocation)
            #expect(actual.compact == expected.compact, "\(label): compact results differ", sourceLocation: sourceLocation)
            #expect(actual.validated == expected.validated, "\(label): validated transactions differ", sourceLocation: sourceLocation)
            #expect(actual.deferred == expected.validated, "\(label): deferred checks complete differently",
                    sourceLocation: sourceLocation)
            #expect(actual.acknowledgements == expected.acknowledgements, "\(label): acknowledgements differ",
                    sourceLocation: sourceLocation)
        }
        return expected
    }

    /// Everything a validation of one file hands its callers, in comparable form.
    struct Outputs {
        var result: FileValidation?
        var error: String?
        var diagnostics: [Diagnostic] = []
        var validation = Data()
        var callbacks = Data()
        var compact = Data()
        var validated: [String] = []
        /// `validated` with the schema checks left to the taker and completed there.
        var deferred: [String] = []
        /// How many transactions came with deferred checks.
        var deferredChecks = 0
        /// `deferred` with transactions over 1,000 bytes checked by the reading thread after all.
        var deferredSmall: [String] = []
        /// How many transactions came with deferred checks then.
        var deferredSmallChecks = 0
        var acknowledgements: [[UInt8]] = []
    }

    static func outputs(_ path: String, workers: Int, batchBytes: Int, largeTransactionBytes: Int) throws -> Outputs {
        var validator = FileValidator(repository: repository)
        validator.workers = workers
        validator.parallelMinimumBytes = 0
        validator.batchBytes = batchBytes
        validator.largeTransactionBytes = largeTransactionBytes
        var outputs = Outputs()
        var seen: [TransactionResult] = []
        do {
            let result = try validator.validate(path: path) { seen.append($0) }
            outputs.result = result
            outputs.diagnostics = result.allDiagnostics
            outputs.validation = try json(result)
            outputs.callbacks = try json(seen)
            for type in AcknowledgementType.allCases {
                var allocator = InMemoryAllocator(start: 1)
                let acks = try AcknowledgementGenerator(type: type).acknowledgements(for: result, date: date, allocator: &allocator)
                outputs.acknowledgements.append(acks.flatMap(\.bytes))
            }
        } catch {
            outputs.error = "\(error)"
        }
        // The pipeline's and translator's form: compact results, segments and envelopes collected.
        validator.keepsCompactResults = true
        validator.collectsSegments = true
        var validated: [String] = []
        if let compact = try? validator.validate(path: path, onTransaction: nil, onValidatedTransaction: { transaction in
            validated.append(describe(transaction))
        }) {
            outputs.compact = try json(compact)
        }
        outputs.validated = validated
        // The translator's form: each transaction's schema checks left to the taker, which runs them.
        validator.keepsResults = false
        validator.keepsCompactResults = false
        validator.defersSchemaChecks = true
        for maximum in [validator.deferredChecksMaximumBytes, 1_000] {
            validator.deferredChecksMaximumBytes = maximum
            var deferred: [String] = []
            var checks = 0
            _ = try? validator.validate(path: path, onTransaction: nil, onValidatedTransaction: { transaction in
                var transaction = transaction
                if transaction.hasPendingSchemaChecks { checks += 1 }
                transaction.completeSchemaChecks()
                deferred.append(describe(transaction))
            })
            if maximum == 1_000 {
                (outputs.deferredSmall, outputs.deferredSmallChecks) = (deferred, checks)
            } else {
                (outputs.deferred, outputs.deferredChecks) = (deferred, checks)
            }
        }
        return outputs
    }

    /// A validated transaction's result, envelope and segments, in comparable form.
    static func describe(_ transaction: ValidatedTransaction) -> String {
        let segments = transaction.segments.map { "\($0.position) \($0.tag) \($0.bytes) \($0.elementSeparatorOffsets)" }
        return "\((try? json(transaction.result)) ?? Data()) \(transaction.envelope) \(segments)"
    }

    static func json(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(value)
    }

    func write(_ text: String, name: String) throws -> String {
        let folder = TestFiles.folder.appendingPathComponent("edikit-parallel-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }
}
