import CEDIScan

extension SegmentTokenizer {
    /// Resets the per-segment scan state at `readIndex`.
    @inline(__always)
    func beginSegment() {
        scanIndex = readIndex
        markCount = 0
        segmentHasRelease = false
        segmentHasLineBreak = false
        // Field by field: measured 4–5 % faster than `segmentStartLine = line` (see
        // docs/performance.md, "Where the time goes"; why is not established).
        segmentStartLine.line = line.line
        segmentStartLine.lineStart = line.lineStart
        segmentStartLine.lastCR = line.lastCR
    }

    @inline(never)
    func growMarks() {
        let grown = UnsafeMutablePointer<Int32>.allocate(capacity: markCapacity * 2)
        grown.update(from: marks, count: markCount)
        marks.deallocate()
        marks = grown
        markCapacity *= 2
    }

    /// Skips line breaks (and blanks) between segments; notes whether the terminator was followed by one.
    private func skipBetweenSegments() -> Bool {
        var sawLineBreak = false
        while readIndex < writeIndex {
            let byte = buffer[readIndex]
            if byte == 0x0A || byte == 0x0D {
                if byte != delimiters.segment {
                    line.lineBreak(byte, at: bufferBase + readIndex)
                    sawLineBreak = true
                }
                readIndex += 1
            } else if byte == 0x20 || byte == 0x09 || byte == 0x00 || isTerminatorContinuation(byte) {
                readIndex += 1
            } else {
                break
            }
        }
        return sawLineBreak
    }

    /// Reads one segment of the current interchange.
    @_transparent
    func readSegment() -> TokenizerEvent? {
        if scanIndex == readIndex && markCount == 0, readIndex &+ 4 <= writeIndex,
           startsPlainSegment(buffer[readIndex]) {
            // At a segment boundary, right at a segment tag: nothing to skip, no header here.
            if lastSegmentEnded {
                lastSegmentEnded = false
                if lineBreakSinceTerminator { terminatorsFollowedByLineBreak += 1 } else { terminatorsNotFollowedByLineBreak += 1 }
            }
        } else if scanIndex == readIndex && markCount == 0 {
            // At a segment boundary: skip what lies between segments.
            let before = readIndex
            let sawLineBreak = skipBetweenSegments()
            if sawLineBreak { lineBreakSinceTerminator = true }
            if lastSegmentEnded, readIndex < writeIndex || isFinished {
                lastSegmentEnded = false
                if lineBreakSinceTerminator { terminatorsFollowedByLineBreak += 1 } else { terminatorsNotFollowedByLineBreak += 1 }
            }
            if readIndex > before || sawLineBreak { beginSegment() }
            if readIndex == writeIndex {
                if isFinished {
                    state = .done
                    return .endOfInput
                }
                return .needMoreInput
            }
            // Four bytes tell whether a new interchange header starts here.
            if writeIndex - readIndex < 4 && !isFinished { return .needMoreInput }
            // A new interchange header ends this one (a missing trailer is the envelope's concern).
            if startsInterchangeHeader() {
                state = .seekingInterchange
                return nil
            }
        }
        if let headerEnd = headerTerminatorOffset {
            headerTerminatorOffset = nil
            return readHeaderSegment(end: headerEnd - bufferBase)
        }
        switch scan() {
        case .needMore:
            return endOfChunk()
        case .tooLong:
            return segmentTooLong()
        case .terminator(let end):
            if end - readIndex > options.maxSegmentLength { return segmentTooLong() }
            return completeSegment(end: end, next: end + 1)
        }
    }

    /// Whether a segment may start with this byte without anything to skip before it and
    /// without being an interchange header: a capital letter other than `I` (`ISA`) and `U`
    /// (`UNA`, `UNB`).
    @inline(__always)
    private func startsPlainSegment(_ byte: UInt8) -> Bool {
        byte &- 0x41 < 26 && byte != UInt8(ascii: "I") && byte != UInt8(ascii: "U")
    }

    /// Reports a segment over the length limit (EDI204) and resynchronises right after the limit,
    /// whether the terminator came in this chunk or not, so any chunking gives the same events.
    private func segmentTooLong() -> TokenizerEvent? {
        report(.error, .segmentTooLong,
               "segment \(segmentIndex + 1) is longer than \(options.maxSegmentLength) bytes: its terminator is probably missing",
               at: position(at: readIndex, counter: segmentStartLine, tag: leadingTag(length: writeIndex - readIndex)))
        let resume = readIndex + options.maxSegmentLength + 1
        line = segmentStartLine
        for k in readIndex..<resume where buffer[k] == 0x0A || buffer[k] == 0x0D {
            line.lineBreak(buffer[k], at: bufferBase + k)
        }
        readIndex = resume
        beginSegment()
        state = .resynchronising
        return nil
    }

    /// Reads `ISA` or `UNA` up to the terminator position its header gave: a terminator byte
    /// inside a field (a space terminator with blank-padded `ISA02`) does not end it.
    private func readHeaderSegment(end: Int) -> TokenizerEvent? {
        markCount = 0
        var i = readIndex
        while i < end {
            let byte = buffer[i]
            if byte == delimiters.element, syntax == .x12 {
                if markCount == markCapacity { growMarks() }
                marks[markCount] = Int32(truncatingIfNeeded: i &- readIndex)
                markCount &+= 1
            } else if byte == 0x0A || byte == 0x0D {
                segmentHasLineBreak = true
                line.lineBreak(byte, at: bufferBase + i)
            }
            i += 1
        }
        scanIndex = end
        return completeSegment(end: end, next: end + 1)
    }

    enum ScanResult {
        case terminator(Int)
        case needMore
        case tooLong
    }

    /// The hot loop: walks the set bits of the block classification (``classifyAvailable()``),
    /// so data bytes cost nothing here; only delimiters, release characters and line breaks
    /// are looked at, through the class table. The element count lives in a local while
    /// scanning (a class property would be loaded and stored for every element).
    @_transparent
    private func scan() -> ScanResult {
        let end = writeIndex
        if end > classifiedEnd || scanIndex < classifiedStart { classifyAvailable() }
        let classes = table.storage
        let bytes = buffer
        let bits = delimiterBits
        let start = readIndex
        var i = scanIndex
        var count = markCount
        defer { markCount = count }
        let mayBeBinary = syntax == .x12 && bytes[start] == UInt8(ascii: "B")
        while i < end {
            let word = i &>> 6
            let base = word &<< 6
            var pending = bits[word] & (UInt64.max &<< UInt64(truncatingIfNeeded: i & 63))
            // The set bits of this word, lowest first; `i` is the next byte not yet dealt with.
            while pending != 0 {
                let position = base | pending.trailingZeroBitCount
                pending &= pending &- 1
                switch classes[Int(bytes[position])] {
                case ByteClass.element:
                    if count == markCapacity {
                        markCount = count
                        growMarks()
                    }
                    marks[count] = Int32(truncatingIfNeeded: position &- start)
                    count &+= 1
                    i = position &+ 1
                    if mayBeBinary, count == 2 {
                        markCount = count
                        if let skip = binaryDataLength(segmentStart: start, dataStart: i) {
                            // X12 BIN: BIN02 holds BIN01 bytes of binary data, delimiters included.
                            i &+= skip
                            pending = Self.bits(pending, from: i, base: base)
                        }
                    }
                case ByteClass.terminator:
                    scanIndex = position
                    return .terminator(position)
                case ByteClass.release:
                    if position + 1 >= end {
                        scanIndex = position
                        return .needMore
                    }
                    segmentHasRelease = true
                    if bytes[position + 1] == 0x0A || bytes[position + 1] == 0x0D {
                        line.lineBreak(bytes[position + 1], at: bufferBase + position + 1)
                    }
                    // The released byte is data, whatever it is.
                    i = position &+ 2
                    pending = Self.bits(pending, from: i, base: base)
                case ByteClass.lineBreak:
                    segmentHasLineBreak = true
                    line.lineBreak(bytes[position], at: bufferBase + position)
                    i = position &+ 1
                default:
                    i = position &+ 1
                }
            }
            // On to the next word, or to the end of the bytes (BIN data may already lie beyond both).
            let next = base &+ 64
            if i < next { i = next < end ? next : max(i, end) }
        }
        scanIndex = i
        if i - start > options.maxSegmentLength { return .tooLong }
        return .needMore
    }

    /// The bits of `pending` (a word starting at buffer index `base`) from index `from` on.
    @inline(__always)
    static func bits(_ pending: UInt64, from: Int, base: Int) -> UInt64 {
        let shift = from &- base
        return shift < 64 ? pending & (UInt64.max &<< UInt64(truncatingIfNeeded: shift)) : 0
    }

    /// Classifies the bytes not classified yet, 64 at a time (Sources/CEDIScan): bit j of
    /// `delimiterBits[w]` is set when `buffer[64 * w + j]` is one of the bytes the scan stops
    /// at. Bits are valid for `[classifiedStart, classifiedEnd)`; when the scan position lies
    /// outside (after ``invalidateClassification()``), classifying starts again there. Bits from
    /// `writeIndex` on are cleared, and classified again with the next bytes.
    func classifyAvailable() {
        let position = scanIndex
        var from = classifiedEnd &>> 6
        if position < classifiedStart || position > classifiedEnd {
            from = position &>> 6
            classifiedStart = from &<< 6
        }
        let to = (writeIndex &+ 63) &>> 6
        guard to > from else { return }
        edi_scan_classify(buffer + from &<< 6, to &- from, delimiterBits + from, scanSet)
        if writeIndex & 63 != 0 {
            delimiterBits[to &- 1] &= (1 &<< UInt64(writeIndex & 63)) &- 1
        }
        classifiedEnd = writeIndex
    }

    /// Forgets the classification: after the buffer moved, or with new delimiters.
    func invalidateClassification() {
        classifiedStart = Int.max
        classifiedEnd = 0
    }

    /// Where the binary data of an X12 `BIN` segment lies (BIN02, BIN01 bytes long): bytes that
    /// line-break handling must leave alone.
    func binaryDataRange(end: Int) -> Range<Int>? {
        guard markCount >= 2 else { return nil }
        let dataStart = readIndex + Int(marks[1]) + 1
        guard let length = binaryDataLength(segmentStart: readIndex, dataStart: dataStart),
              length > 0, dataStart < end else { return nil }
        return dataStart..<min(dataStart + length, end)
    }

    /// The length of binary data that follows, for an X12 `BIN` segment (BIN01 is its length).
    /// Line breaks in the tag or in BIN01 are skipped: in a hard-wrapped file (EDI208) they are
    /// wrapping, and the segment is `BIN` once they are removed.
    func binaryDataLength(segmentStart start: Int, dataStart: Int) -> Int? {
        guard syntax == .x12, buffer[start] == UInt8(ascii: "B") else { return nil }
        let tagEnd = start + Int(marks[0])
        var matched = 0
        for i in start..<tagEnd {
            let byte = buffer[i]
            if byte == 0x0A || byte == 0x0D { continue }
            let expected: UInt8 = matched == 0 ? 0x42 : matched == 1 ? 0x49 : 0x4E  // B I N
            guard matched < 3, byte == expected else { return nil }
            matched += 1
        }
        guard matched == 3 else { return nil }
        var length = 0
        var i = tagEnd + 1
        while i < dataStart - 1 {
            let digit = buffer[i]
            i += 1
            if digit == 0x0A || digit == 0x0D { continue }
            guard digit >= 0x30, digit <= 0x39, length < options.maxSegmentLength else { return nil }
            length = length * 10 + Int(digit - 0x30)
        }
        // Data longer than a segment may be is not skipped: the scan then finds the segment too
        // long within the bytes it has, instead of jumping past them.
        guard dataStart - start + length <= options.maxSegmentLength else { return nil }
        return length
    }
}
