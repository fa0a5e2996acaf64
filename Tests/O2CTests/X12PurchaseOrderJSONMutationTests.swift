import Foundation
import Testing
import TestSupport

/// The X12 850 direct writer on thousands of deterministic mutations of the 850 samples (a segment
/// dropped, repeated, moved or inserted; an element emptied or set to an unusual value): for every
/// mutated transaction that is still valid, the direct path gives up or writes the model path's
/// bytes, compact and indented (``DirectDocumentJSONTests/compare(path:into:)``).
@Suite struct X12PurchaseOrderJSONMutationTests {
    /// The interchanges mutated: the 850 samples (the ones in `Tests/Fixtures/acks` are copies), and
    /// one of the benchmark file's shape (`/work/shared/bench/gen_x12.py`).
    static let sources = ["Samples/inbox/globex-850-004010-two-pos.edi", "Samples/inbox/globex-850-005010.edi"]

    static let benchmarkShape = """
        ISA*00*          *00*          *ZZ*SENDERID       *ZZ*RECEIVERID     *240115*1230*U*00401*000000001*0*P*>~
        GS*PO*SENDERID*RECEIVERID*20240115*1230*1*X*004010~
        ST*850*0001~
        BEG*00*SA*PO00000001**20240319~
        REF*DP*868~
        REF*IA*VEND841236~
        DTM*002*20240209~
        DTM*010*20240216~
        N1*BT*ACME BILLING DEPT*92*7922961~
        N2*ATTN RECEIVING~
        N3*1538 MAPLE DR*SUITE 15~
        N4*SEATTLE*WA*98101*US~
        PER*BD*JOHN DOE*TE*5556539906~
        N1*ST*ACME WAREHOUSE 98*92*7260627~
        N3*7298 PINE RD*SUITE 370~
        N4*CHICAGO*IL*60601*US~
        PER*BD*JOHN DOE*TE*5553837993~
        PO1*1*481*LB*902.48*PE*BP*SKU3633935*VP*VP442622*UP*033182284256~
        PID*F****BLACK CABLE 127MM~
        PO1*2*284*CA*238.44*PE*BP*SKU3670537*VP*VP797912*UP*455358830965~
        PID*F****BLUE HINGE 162MM~
        PID*F*08***GRADE B~
        DTM*002*20240410~
        CTT*2*765~
        SE*23*0001~
        GE*1*1~
        IEA*1*000000001~

        """

    /// Values an element is set to, one at a time.
    static let values: [[UInt8]] = [
        "", "ABC", "-0", "007", "1.50", "0.00", "-1.5", ".5", "1.", "+5", "1E5", "12345678901234567890",
        "20261301", "20240229", "20230229", "261123", "1430", "A\"B", "A\\B", "TT", "1", "002", "010", "011",
        "ST", "BS", "BY", "ZZ", "QQ", "UL", "92", "UP", "EA", "CA", "TE", "EM", "2",
    ].map { Array($0.utf8) } + [[0x41, 0xC3, 0xA9], [0x41, 0x7F], [0x41, 0x09, 0x42], Array(repeating: UInt8(ascii: "X"), count: 300)]

    /// Segments inserted at every place of the body.
    static let insertions = ["CUR*BY*USD", "AMT*TT*100.50", "AMT*GV*7", "TD5*O*2*UPSN*M*GROUND", "ITD*01*3*2**10**30",
                             "N1*BS*BILL AND SHIP*92*1", "N1*BY*STORE*92*7", "N4*BOSTON*MA", "SAC*A*C310***100",
                             "MSG*HELLO", "REF*ZZ*1*DESC", "PER*IC*JOE*EM*JOE@EXAMPLE.COM*FX*555", "DTM*002*20240101*1200",
                             "PID*F****SECOND", "CTT*1"].map { Array($0.utf8) }

    @Test func directPathGivesUpOrWritesTheModelPathsBytes() throws {
        let folder = TestFiles.folder.appendingPathComponent("x12-850-mutations-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var interchanges = try Self.sources.map { try Interchange(Array(Data(contentsOf: Fixtures.repositoryRoot.appendingPathComponent($0)))) }
        interchanges.append(try Interchange(Array(Self.benchmarkShape.utf8)))
        var comparison = DirectDocumentJSONTests.Comparison()
        var written = 0, mutated = 0
        for (number, interchange) in interchanges.enumerated() {
            for (index, transaction) in interchange.transactions.enumerated() {
                let url = folder.appendingPathComponent("mutated-\(number)-\(index).x12")
                let mutations = Self.mutations(of: transaction)
                mutated += mutations.count
                try Data(interchange.file(of: mutations)).write(to: url)
                DirectDocumentJSONTests.compare(path: url.path, into: &comparison)
                written += 1
            }
        }
        #expect(written == 4 && mutated == 18_633)
        #expect(comparison.mismatches.isEmpty, "\(comparison.mismatches.prefix(10).joined(separator: "\n"))")
        // Both outcomes happen a thousand times or more (8,389 and 1,317 of the 18,633 when written; the
        // rest are invalid): the mutations reach the writer and its checks.
        let direct = comparison.direct["850", default: 0], fallBack = comparison.fallBack["850", default: 0]
        #expect(direct >= 8_000, "\(direct) written directly")
        #expect(fallBack >= 1_200, "\(fallBack) given up")
    }

    /// Every mutation of a transaction's body (the segments between `ST` and `SE`).
    static func mutations(of transaction: [[UInt8]]) -> [[[UInt8]]] {
        let body = Array(transaction.dropFirst().dropLast())
        var result: [[[UInt8]]] = [body]
        for index in body.indices {
            var dropped = body
            dropped.remove(at: index)
            var repeated = body
            repeated.insert(body[index], at: index)
            var moved = body
            moved.append(moved.remove(at: index))
            result += [dropped, repeated, moved]
            if index + 1 < body.count {
                var swapped = body
                swapped.swapAt(index, index + 1)
                result.append(swapped)
            }
            let elements = body[index].split(separator: UInt8(ascii: "*"), omittingEmptySubsequences: false)
            for position in 1...elements.count {
                for value in values {
                    var changed = elements.map(Array.init)
                    if position == elements.count { changed.append(value) } else { changed[position] = value }
                    var mutated = body
                    mutated[index] = Array(changed.joined(separator: [UInt8(ascii: "*")]))
                    result.append(mutated)
                }
            }
        }
        for index in 0...body.count {
            for segment in insertions {
                var inserted = body
                inserted.insert(segment, at: index)
                result.append(inserted)
            }
        }
        return result
    }

    /// An X12 interchange of one group with `*` between elements and `~` after segments, split
    /// into segments (without the terminator and the line breaks after it).
    struct Interchange {
        var header: [[UInt8]] = []
        var transactions: [[[UInt8]]] = []
        var trailer: [[UInt8]] = []

        init(_ bytes: [UInt8]) throws {
            let segments = bytes.split(separator: UInt8(ascii: "~")).map { Array($0.drop { $0 == 0x0A || $0 == 0x0D }) }.filter { !$0.isEmpty }
            try #require(segments.first?.starts(with: Array("ISA*".utf8)) == true)
            var current: [[UInt8]]?
            for segment in segments {
                if segment.starts(with: Array("ST*".utf8)) { current = [] }
                if current != nil {
                    current?.append(segment)
                } else if transactions.isEmpty {
                    header.append(segment)
                } else {
                    trailer.append(segment)
                }
                if segment.starts(with: Array("SE*".utf8)), let transaction = current {
                    transactions.append(transaction)
                    current = nil
                }
            }
            try #require(header.count == 2 && trailer.count == 2 && !transactions.isEmpty)
        }

        /// The interchange with one transaction per body, each framed with `ST` (the first
        /// transaction's `ST03`, if any) and an `SE` that counts its segments, and `GE01` counting them.
        func file(of bodies: [[[UInt8]]]) -> [UInt8] {
            var text = header.flatMap { $0 + Array("~\n".utf8) }
            let st = transactions[0][0].split(separator: UInt8(ascii: "*"), omittingEmptySubsequences: false)
            let convention = st.count > 3 ? Array("*".utf8) + st[3] : []
            for (offset, body) in bodies.enumerated() {
                let control = Array(String(format: "%05d", offset + 1).utf8)
                text += Array("ST*850*".utf8) + control + convention + Array("~\n".utf8)
                for segment in body { text += segment + Array("~\n".utf8) }
                text += Array("SE*\(body.count + 2)*".utf8) + control + Array("~\n".utf8)
            }
            let ge = trailer[0].split(separator: UInt8(ascii: "*"), omittingEmptySubsequences: false)
            text += Array("GE*\(bodies.count)*".utf8) + (ge.count > 2 ? Array(ge[2]) : Array("1".utf8)) + Array("~\n".utf8)
            text += trailer[1] + Array("~\n".utf8)
            return text
        }
    }
}
