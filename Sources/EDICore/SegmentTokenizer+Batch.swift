extension SegmentTokenizer {
    /// Reads every event the buffered input holds: `segment` is called for each segment (the
    /// view is valid during the call only), `issue` for each warning or error, in stream order.
    /// Returns ``TokenizerEvent/needMoreInput`` (feed more, or ``finish()``) or
    /// ``TokenizerEvent/endOfInput``.
    ///
    /// The same events as calling ``nextEvent()`` until it returns one of those two, faster:
    /// plain segments (no line break inside or before them, a 2–3 character tag, not an
    /// interchange header) are read in one loop over the block classification with the
    /// tokenizer's state kept in locals, and handed over without building a ``TokenizerEvent``;
    /// everything else goes through ``nextEvent()``. The closures must not call back into the
    /// tokenizer's reading methods.
    public func readAvailable(
        segment: (Segment) throws -> Void, issue: (SyntaxIssue) throws -> Void
    ) rethrows -> TokenizerEvent {
        while true {
            if pendingIssueIndex == pendingIssueCount, state == .inInterchange {
                try readPlainSegments(segment)
            }
            switch nextEvent() {
            case .segment(let read):
                try segment(read)
            case .issue(let found):
                try issue(found)
            case .needMoreInput:
                return .needMoreInput
            case .endOfInput:
                return .endOfInput
            }
        }
    }

    /// Whether the batch loop may start here: at a segment boundary of an interchange whose
    /// header has been read, right after a segment was handed out (no line break seen since
    /// its terminator), with no segment state left from a partial scan.
    private var atPlainBoundary: Bool {
        headerTerminatorOffset == nil && !atInterchangeStart && !terminatorIsLineBreak
            && lastSegmentEnded && !lineBreakSinceTerminator
            && scanIndex == readIndex && markCount == 0 && !segmentHasRelease && !segmentHasLineBreak
            && segmentStartLine.line == line.line && segmentStartLine.lineStart == line.lineStart
            && segmentStartLine.lastCR == line.lastCR
    }

    /// Reads plain segments from `readIndex` on, as long as they come; stops (leaving
    /// `readIndex` at a segment boundary) at the first thing ``nextEvent()`` must decide: a byte
    /// that does not start a plain segment, a line break inside a segment or a release character
    /// at the end of the bytes, an invalid or over-long segment, the end of the buffered bytes,
    /// or the interchange's trailer (after handing it out).
    ///
    /// Per segment this does what `readSegment` (with `skipBetweenSegments` for line breaks and
    /// blanks after a terminator), `scan`, `completeSegment` and `emitSegment` do for such a
    /// segment. Nothing of a segment is kept unless it is handed out: a segment given up on is
    /// read again from its boundary by ``nextEvent()``. Few values live across the call of
    /// `body` (each would be saved and reloaded per segment): the terminator counts are derived
    /// from the segment count at the end.
    @inline(__always)
    private func readPlainSegments(_ body: (Segment) throws -> Void) rethrows {
        guard atPlainBoundary else { return }
        let end = writeIndex
        if end > classifiedEnd || scanIndex < classifiedStart { classifyAvailable() }
        let firstSegmentNumber = segmentIndex
        var start = readIndex
        var segmentNumber = firstSegmentNumber
        var transactionNumber = transactionSegmentIndex
        var resetTransaction = resetTransactionIndexAfterThis
        var followed = 0
        var lines = line
        var delimiters = delimiters
        let syntax = syntax
        let interchange = interchangeIndex
        // Without a release character the scan set holds the element separator twice.
        let stops = PlainStops(element: delimiters.element, terminator: delimiters.segment,
                               release: delimiters.release ?? delimiters.element,
                               maxLength: options.maxSegmentLength)
        defer {
            readIndex = start
            scanIndex = start
            line = lines
            segmentStartLine.line = lines.line
            segmentStartLine.lineStart = lines.lineStart
            segmentStartLine.lastCR = lines.lastCR
            segmentIndex = segmentNumber
            transactionSegmentIndex = transactionNumber
            resetTransactionIndexAfterThis = resetTransaction
            // Every segment handed out here came right after a terminator (lastSegmentEnded).
            terminatorsFollowedByLineBreak &+= followed
            terminatorsNotFollowedByLineBreak &+= segmentNumber &- firstSegmentNumber &- followed
        }
        while start < end {
            let bytes = buffer
            var segmentStart = start
            var first = bytes[start]
            var linesAtStart = lines
            var lineBreakBefore = false
            if first &- 0x41 >= 26 {
                // Line breaks and blanks after the terminator (skipBetweenSegments).
                segmentStart = skipBetweenPlainSegments(from: start, end: end, lines: &linesAtStart,
                                                        sawLineBreak: &lineBreakBefore)
                // A capital letter starts a plain segment.
                guard segmentStart < end else { return }
                first = bytes[segmentStart]
                guard first &- 0x41 < 26 else { return }
            }
            // I and U may start an interchange header (ISA, UNA, UNB).
            if first == UInt8(ascii: "I") || first == UInt8(ascii: "U") {
                guard end &- segmentStart >= 4 else { return }
                if mayStartHeader(at: segmentStart) { return }
            }
            // X12 BIN (binary data holding any bytes): `nextEvent()` reads it.
            if syntax == .x12, first == UInt8(ascii: "B") {
                guard end &- segmentStart >= 3 else { return }
                if bytes[segmentStart &+ 1] == UInt8(ascii: "I"), bytes[segmentStart &+ 2] == UInt8(ascii: "N") { return }
            }
            guard let (terminator, count, hasRelease) = walkPlainSegment(from: segmentStart, end: end, stops: stops) else {
                return
            }
            let tag = Self.plainTag(bytes + segmentStart, length: count > 0 ? Int(marks[0]) : terminator &- segmentStart)
            if tag == .invalid { return }

            // Handed out from here on: what readSegment does at the boundary, and emitSegment.
            if lineBreakBefore {
                lines = linesAtStart
                followed &+= 1
            }
            segmentNumber &+= 1
            if resetTransaction {
                resetTransaction = false
                transactionNumber = 0
            }
            let mayBeEnvelope = first == UInt8(ascii: "S") || first == UInt8(ascii: "U") || first == UInt8(ascii: "I")
            if mayBeEnvelope, tag == "ST" || tag == "UNH" {
                transactionNumber = 1
            } else if transactionNumber > 0 {
                transactionNumber &+= 1
            }
            let streamOffset = bufferBase &+ segmentStart
            let segment = Segment(
                bytes: UnsafeRawBufferPointer(start: bytes + segmentStart, count: terminator &- segmentStart),
                marks: marks, markCount: count, tag: tag, syntax: syntax, delimiters: delimiters,
                location: SegmentLocation(byteOffset: streamOffset, line: lines.line,
                                          column: streamOffset &- lines.lineStart &+ 1,
                                          segmentIndex: segmentNumber, transactionIndex: transactionNumber),
                interchangeIndex: interchange, hasReleaseCharacters: hasRelease)
            start = terminator &+ 1
            readIndex = start
            scanIndex = start
            var endsInterchange = false
            if mayBeEnvelope {
                if syntax == .edifact, tag == "UNB" {
                    adoptSyntaxVersion(fromUNB: segment)
                    delimiters = self.delimiters
                }
                if tag == "SE" || tag == "UNT" { resetTransaction = true }
                // Only the syntax's own trailer ends the interchange.
                if tag == (syntax == .x12 ? "IEA" : "UNZ") {
                    state = .seekingInterchange
                    endsInterchange = true
                }
            }
            try body(segment)
            if endsInterchange { return }
        }
    }

    /// Skips CR, LF, spaces, tabs and NUL after a terminator, counting lines into `lines`
    /// (the terminator is no line break here); returns where the skipping stopped.
    @inline(never)
    private func skipBetweenPlainSegments(from start: Int, end: Int, lines: inout LineCounter,
                                          sawLineBreak: inout Bool) -> Int {
        var i = start
        while i < end {
            let byte = buffer[i]
            if byte == 0x0A || byte == 0x0D {
                lines.lineBreak(byte, at: bufferBase &+ i)
                sawLineBreak = true
            } else if byte != 0x20 && byte != 0x09 && byte != 0x00 {
                break
            }
            i &+= 1
        }
        return i
    }

    /// Whether an interchange header (`ISA`, `UNA`, `UNB`) may start at `index` (4 bytes there).
    @inline(__always)
    private func mayStartHeader(at index: Int) -> Bool {
        let p = buffer + index
        guard p[1] == UInt8(ascii: "S") || p[1] == UInt8(ascii: "N") else { return false }
        let saved = readIndex
        readIndex = index
        defer { readIndex = saved }
        return startsInterchangeHeader()
    }

    /// The bytes the walk stops at, and the segment length limit.
    struct PlainStops {
        var element: UInt8
        var terminator: UInt8
        var release: UInt8
        var maxLength: Int
    }

    /// The walk of `scan()` for one segment starting at `start`, over the set bits of the block
    /// classification: the terminator's index, the element count (offsets in `marks`) and
    /// whether a release character was seen; nil when ``nextEvent()`` must decide (a line break
    /// inside, a release character at the end of the bytes or before a line break, no
    /// terminator in the bytes, a segment over the length limit). Not for X12 `BIN`.
    @inline(__always)
    private func walkPlainSegment(from start: Int, end: Int, stops: PlainStops) -> (Int, Int, Bool)? {
        let bytes = buffer
        let bits = delimiterBits
        var marks = marks
        var count = 0
        var hasRelease = false
        var i = start
        while i < end {
            let word = i &>> 6
            let base = word &<< 6
            var pending = bits[word] & (UInt64.max &<< UInt64(truncatingIfNeeded: i & 63))
            // Room for every bit of the word, so the loop below need not check for each mark.
            if count &+ 64 > markCapacity {
                markCount = count
                growMarks()
                markCount = 0
                marks = self.marks
            }
            while pending != 0 {
                let position = base | pending.trailingZeroBitCount
                pending &= pending &- 1
                let byte = bytes[position]
                if byte == stops.element {
                    marks[count] = Int32(truncatingIfNeeded: position &- start)
                    count &+= 1
                } else if byte == stops.terminator {
                    guard position &- start <= stops.maxLength else { return nil }
                    return (position, count, hasRelease)
                } else if byte == stops.release {
                    // At the end of the bytes, or releasing a line break: `nextEvent()` decides.
                    guard position &+ 1 < end else { return nil }
                    let released = bytes[position &+ 1]
                    guard released != 0x0A, released != 0x0D else { return nil }
                    hasRelease = true
                    i = position &+ 2
                    pending = Self.bits(pending, from: i, base: base)
                } else {
                    // A line break inside the segment: wrapped, or a missing terminator.
                    return nil
                }
            }
            i = max(i, base &+ 64)
        }
        return nil
    }
}
