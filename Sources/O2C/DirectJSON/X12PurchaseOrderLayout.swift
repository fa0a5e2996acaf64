import EDICore

/// Where the parts of an X12 850 are among its segments, found in one pass over the tags for
/// ``X12PurchaseOrderJSON``; nil when the transaction has a segment the direct writer does not
/// write, or one where the typed model would not read it as the part it looks like.
///
/// The shape accepted, in the order of the 850 table (`X12Table.purchaseOrder850`) so that every
/// segment is one the typed model reads at that place (none left unknown or kept unmapped):
///
///     ST BEG CUR? REF* PER* ITD* DTM* TD5* N1(N2* N3* N4? REF* PER*)* PO1(PID* REF* DTM*)* CTT(AMT*)? SE
///
/// A second `CUR`, `N4` or `CTT`, a segment out of that order, a line `N1` loop, or any other tag
/// (`SAC`, `TXI`, `PO4`, `MSG`…) makes it nil; so does a segment with release characters.
struct X12PurchaseOrderLayout {
    /// `BEG`.
    let beginning = 1
    /// `CUR` of the heading.
    var currency: Int?
    /// Heading `REF`s.
    var references = 0..<0
    /// Heading `PER`s.
    var contacts = 0..<0
    /// `ITD`s.
    var terms = 0..<0
    /// Heading `DTM`s.
    var dates = 0..<0
    /// `TD5`s (the first is the carrier).
    var carriers = 0..<0
    /// The `N1` loops of the heading, end to end.
    var parties = 0..<0
    /// The `PO1` loops, end to end.
    var lines = 0..<0
    /// `CTT`.
    var totals: Int?
    /// The `AMT`s of the `CTT` loop.
    var amounts = 0..<0

    init?(_ segments: UnsafeTransactionSegments) {
        let end = segments.count - 1
        guard end >= 2, segments.tag(at: 0) == "ST", segments.tag(at: end) == "SE", segments.tag(at: 1) == "BEG",
              segments.withSegment(at: 0, { $0.element(1).equals("850") }) else { return nil }
        for index in 0...end where segments.hasReleaseCharacters(at: index) { return nil }
        var reader = Reader(segments: segments, index: 2, end: end)
        if reader.next == "CUR" {
            currency = reader.index
            reader.index += 1
        }
        references = reader.run("REF")
        contacts = reader.run("PER")
        terms = reader.run("ITD")
        dates = reader.run("DTM")
        carriers = reader.run("TD5")
        let partiesStart = reader.index
        while reader.next == "N1" {
            reader.index += 1
            _ = reader.run("N2")
            _ = reader.run("N3")
            if reader.next == "N4" { reader.index += 1 }
            _ = reader.run("REF")
            _ = reader.run("PER")
        }
        parties = partiesStart..<reader.index
        let linesStart = reader.index
        while reader.next == "PO1" {
            reader.index += 1
            _ = reader.lineRuns()
        }
        lines = linesStart..<reader.index
        if reader.next == "CTT" {
            totals = reader.index
            reader.index += 1
            amounts = reader.run("AMT")
        }
        guard reader.index == end else { return nil }
    }

    /// Reads tags from `index` up to `end` (`SE`).
    struct Reader {
        let segments: UnsafeTransactionSegments
        var index: Int
        let end: Int

        /// The next tag (`invalid` at `SE`).
        var next: SegmentTag { index < end ? segments.tag(at: index) : .invalid }

        /// The run of segments with a tag from here on.
        mutating func run(_ tag: SegmentTag) -> Range<Int> {
            let start = index
            while index < end, segments.tag(at: index) == tag { index += 1 }
            return start..<index
        }

        /// The runs of a `PO1` loop after its `PO1` (at `index`): `PID`s, `REF`s, `DTM`s.
        mutating func lineRuns() -> (descriptions: Range<Int>, references: Range<Int>, dates: Range<Int>) {
            let descriptions = run("PID"), references = run("REF"), dates = run("DTM")
            return (descriptions, references, dates)
        }
    }
}
