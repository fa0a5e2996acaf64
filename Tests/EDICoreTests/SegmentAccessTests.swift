import EDICore
import Testing
import TestSupport

/// Elements, components and repetitions of a segment, and where everything is.
@Suite struct SegmentAccessTests {
    @Test func elementsComponentsRepetitions() throws {
        let text = isaHeader(version: "00501") + "GS*HC*S*R*20261129*0930*1*X*005010~ST*837*1~"
            + "HI*BK>30000*BF>4011^BF>4019~SV1*HC>99213>25**50~SE*4*1~GE*1*1~IEA*1*000000001~"
        let result = tokenize(text)
        #expect(result.issues.isEmpty)
        let hi = try #require(result.segments.first { $0.tag == "HI" })
        hi.owned.withSegment { segment in
            #expect(segment.elementCount == 2)
            #expect(segment.element(1).components.map(\.string) == ["BK", "30000"])
            #expect(segment.element(1).isComposite)
            let repetitions = segment.element(2).repetitions
            #expect(repetitions.map(\.string) == ["BF>4011", "BF>4019"])
            #expect(repetitions[1].component(2).string == "4019")
            // components of a repeated element are those of its first repetition
            #expect(segment.element(2).components.map(\.string) == ["BF", "4011"])
            #expect(segment.element(3).isEmpty)
            #expect(segment.element(0).isEmpty)
            #expect(segment[3] == nil)
            #expect(segment.element(1).component(3).isEmpty)
            #expect(segment.element(1).equals("BK>30000"))
            #expect(segment.element(1).component(1).offsetInSegment == 3)
            #expect(segment.element(2).repetitions[1].offsetInSegment == 20)
        }
        let sv1 = try #require(result.segments.first { $0.tag == "SV1" })
        #expect(sv1.owned.elementCount == 3)
        #expect(sv1[2] == nil)
        #expect(sv1[3] == "50")
        #expect(sv1.owned.components(1) == ["HC", "99213", "25"])
    }

    @Test func trailingEmptyElementsAndComponentsAreKept() throws {
        let result = tokenize("UNB+UNOA:3+S+R+261129:0930+1'UNH+1+X:D:96A:UN'RFF+VA:382324067:'NAD+BY+++'UNT+4+1'UNZ+1+1'")
        let rff = try #require(result.segments.first { $0.tag == "RFF" })
        #expect(rff.owned.components(1) == ["VA", "382324067", ""])
        let nad = try #require(result.segments.first { $0.tag == "NAD" })
        #expect(nad.owned.elementCount == 4)
        #expect(nad[4] == nil)
    }

    @Test func segmentPositions() throws {
        let text = x12Interchange() + x12Interchange(control: "000000002")
        let result = tokenize(text)
        // Byte offsets, lines and columns are from the start of the stream.
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var offset = 0
        for (index, segment) in result.segments.enumerated() {
            #expect(segment.position.byteOffset == offset)
            #expect(segment.position.line == index + 1)
            #expect(segment.position.column == 1)
            #expect(segment.position.segmentIndex == index + 1)
            #expect(segment.position.segmentTag == segment.tag)
            offset += lines[index].utf8.count + 1
        }
        // Within the transaction: ST is 1 … SE is 4; envelope segments are 0.
        #expect(result.segments.prefix(8).map(\.position.segmentIndexInTransaction) == [0, 0, 1, 2, 3, 4, 0, 0])
        #expect(result.segments.suffix(8).map(\.position.segmentIndexInTransaction) == [0, 0, 1, 2, 3, 4, 0, 0])
    }

    @Test func positionsOnOneLine() throws {
        let result = tokenize(edifactOrders.replacingOccurrences(of: "\n", with: ""))
        #expect(result.segments.map(\.position.column) == [1, 49, 71, 86, 107, 115])
        #expect(result.segments.map(\.position.byteOffset) == [0, 48, 70, 85, 106, 114])
        #expect(result.segments.allSatisfy { $0.position.line == 1 })
        #expect(result.segments.map(\.position.segmentIndexInTransaction) == [0, 1, 2, 3, 4, 0])
    }

    @Test func elementPositions() throws {
        let result = tokenize(edifactOrders)
        let dtm = try #require(result.segments.first { $0.tag == "DTM" })
        dtm.owned.withSegment { segment in
            let position = segment.position(ofElement: 1, component: 2)
            #expect(position.line == 4)
            #expect(position.column == 5)
            #expect(position.element == 1 && position.component == 2)
            #expect(position.description == "segment DTM (#4), element 1, component 2 at line 4, column 5")
        }
    }

    @Test func positionDescriptions() {
        let position = EDIPosition(byteOffset: 200, line: 3, column: 80, segmentIndex: 12, segmentIndexInTransaction: 9,
                                   segmentTag: "N1", element: 2, repetition: 2, component: 1)
        #expect(position.description == "segment N1 (#12), element 2, repetition 2, component 1 at line 3, column 80")
        #expect(EDIPosition(line: 2, column: 5).description == "line 2, column 5")
    }

    @Test func decodingHonoursTheCharacterSet() throws {
        // ISO 8859-1 ß (0xDF) in a UNOB file; UTF-8 umlaut in another.
        let latin1 = tokenize(try Fixtures.bytes("edifact/edifact_INVOIC_D00A_edifabric_valid.txt"))
        #expect(latin1.errors.isEmpty)
        let withSharpS = latin1.segments.first { $0.owned.bytes.contains(0xDF) }
        let segment = try #require(withSharpS)
        segment.owned.withSegment { view in
            let index = (1...view.elementCount).first { view.element($0).bytes.contains(0xDF) }!
            #expect(view.element(index).decoded(.latin1).contains("ß"))
            #expect(view.element(index).string.contains("ß"))
        }
        let utf8 = tokenize(try Fixtures.bytes("edifact/edifact_INVOIC_D97B_staedi.edi"))
        #expect(utf8.segments.contains { ($0[4] ?? "").contains("BÜTTNER") })
    }

    @Test func ownedSegmentsSurviveTheNextEvent() throws {
        let tokenizer = SegmentTokenizer()
        tokenizer.append(Array(edifactOrders.utf8))
        tokenizer.finish()
        var owned: [OwnedSegment] = []
        while case .segment(let segment) = tokenizer.nextEvent() { owned.append(segment.copy()) }
        #expect(owned.map(\.tag.description) == ["UNB", "UNH", "BGM", "DTM", "UNT", "UNZ"])
        #expect(owned[2][2] == "PO-1")
    }

    /// A transaction's segments frozen in one store read the same as owned segments and views, and
    /// an array of owned segments turns back into a store with the same segments.
    @Test func transactionSegmentsReadAsTheOwnedSegments() throws {
        let tokenizer = SegmentTokenizer()
        tokenizer.append(Array(edifactOrders.utf8))
        tokenizer.finish()
        var arena = SegmentArena()
        while case .segment(let segment) = tokenizer.nextEvent() { arena.append(segment) }
        let frozen = arena.transactionSegments(in: 1..<5)
        let owned = arena.ownedSegments(in: 1..<5)
        #expect(frozen.map(\.tag.description) == ["UNH", "BGM", "DTM", "UNT"])
        #expect(Array(frozen) == owned && frozen.owned == owned)
        #expect((0..<frozen.count).map { frozen.tag(at: $0) } == owned.map(\.tag))
        #expect(frozen.withSegment(at: 1) { $0[2] } == "PO-1")
        #expect(frozen[3].position.byteOffset == owned[3].position.byteOffset)
        #expect(TransactionSegments(frozen.owned).owned == owned)
        // Out of order and from two stores: copied into a new one.
        let mixed = [owned[1], owned[0].withSegment { OwnedSegment($0) }]
        let copied = TransactionSegments(mixed)
        #expect(copied.owned == mixed && copied.map(\.tag.description) == ["BGM", "UNH"])
        #expect(copied.withSegment(at: 0) { $0[2] } == "PO-1" && copied[1].position == owned[0].position)
        #expect(TransactionSegments([]).isEmpty && arena.transactionSegments(in: 2..<2).isEmpty)
        // Read in place: the same views, tags and release flags as the store's own.
        frozen.withUnsafeSegments { segments in
            #expect(segments.count == frozen.count)
            for index in 0..<frozen.count {
                #expect(segments.tag(at: index) == frozen.tag(at: index))
                #expect(segments.hasReleaseCharacters(at: index) == frozen.hasReleaseCharacters(at: index))
                #expect(segments.withSegment(at: index) { OwnedSegment($0) } == owned[index])
                #expect(segments.withSegment(at: index) { $0.position } == owned[index].position)
            }
        }
        TransactionSegments().withUnsafeSegments { #expect($0.count == 0) }
    }
}

/// `ElementView.component(_:)` finds its part without building `components`: the same view
/// (bytes and offset) for every position, on seeded values with component and repetition
/// separators and release characters in any order.
@Suite struct ComponentLookupTests {
    @Test func componentIsComponentsAtEveryPosition() throws {
        var random = SeededGenerator(seed: 0x5EED_C0DE)
        let alphabet = Array("AB1:?*+".utf8)
        for round in 0..<400 {
            let length = Int.random(in: 0...14, using: &random)
            let value = String(decoding: (0..<length).map { _ in alphabet.randomElement(using: &random)! }, as: UTF8.self)
            // Syntax 4 (repetition `*`), release `?`; a trailing release is escaped so the segment ends where it should.
            let text = "UNA:+.?*'UNB+UNOC:4+S+R+261129:0930+1'UNH+1+X:D:96A:UN'FTX+"
                + (value.hasSuffix("?") ? value + "?" : value) + "'UNT+3+1'UNZ+1+1'"
            let result = tokenize(text)
            let ftx = try #require(result.segments.first { $0.tag == "FTX" }, "round \(round): \(value)")
            ftx.owned.withSegment { segment in
                let element = segment.element(1)
                let parts = element.components
                for position in 0...(parts.count + 1) {
                    let found = element.component(position)
                    let expected = position >= 1 && position <= parts.count ? parts[position - 1] : nil
                    #expect(Array(found.bytes) == Array(expected?.bytes ?? UnsafeRawBufferPointer(start: nil, count: 0)),
                            "round \(round): \(value), component \(position)")
                    #expect(found.offsetInSegment == (expected?.offsetInSegment ?? element.offsetInSegment + element.bytes.count),
                            "round \(round): \(value), component \(position)")
                }
            }
        }
    }
}
