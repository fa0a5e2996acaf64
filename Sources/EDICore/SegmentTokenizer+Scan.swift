extension SegmentTokenizer {
    /// Resets the per-segment scan state at `readIndex`.
    @inline(__always)
    func beginSegment() {
        scanIndex = readIndex
        markCount = 0
        segmentHasRelease = false
        segmentHasLineBreak = false
        segmentStartLine = line
    }

    private func growMarks() {
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
    func readSegment() -> TokenizerEvent? {
        if scanIndex == readIndex && markCount == 0 {
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

    /// The hot loop: looks at every byte once through the class table. The element count lives
    /// in a local while scanning (a class property would be loaded and stored for every element).
    @inline(__always)
    private func scan() -> ScanResult {
        let classes = table.storage
        let bytes = buffer
        let end = writeIndex
        let start = readIndex
        var i = scanIndex
        var count = markCount
        defer { markCount = count }
        while i < end {
            let byteClass = classes[Int(bytes[i])]
            if byteClass == ByteClass.data {
                // Data runs, four bytes per round.
                i &+= 1
                while i &+ 4 <= end {
                    if classes[Int(bytes[i])] != ByteClass.data { break }
                    if classes[Int(bytes[i &+ 1])] != ByteClass.data { i &+= 1; break }
                    if classes[Int(bytes[i &+ 2])] != ByteClass.data { i &+= 2; break }
                    if classes[Int(bytes[i &+ 3])] != ByteClass.data { i &+= 3; break }
                    i &+= 4
                }
                continue
            }
            switch byteClass {
            case ByteClass.element:
                if count == markCapacity {
                    markCount = count
                    growMarks()
                }
                marks[count] = Int32(truncatingIfNeeded: i &- start)
                count &+= 1
                i &+= 1
                if count == 2, bytes[start] == UInt8(ascii: "B") {
                    markCount = count
                    if let skip = binaryDataLength(segmentStart: start, dataStart: i) {
                        // X12 BIN: BIN02 holds BIN01 bytes of binary data, delimiters included.
                        i &+= skip
                    }
                }
            case ByteClass.terminator:
                scanIndex = i
                return .terminator(i)
            case ByteClass.release:
                if i + 1 >= end {
                    scanIndex = i
                    return .needMore
                }
                segmentHasRelease = true
                if bytes[i + 1] == 0x0A || bytes[i + 1] == 0x0D {
                    line.lineBreak(bytes[i + 1], at: bufferBase + i + 1)
                }
                i &+= 2
            default:
                segmentHasLineBreak = true
                line.lineBreak(bytes[i], at: bufferBase + i)
                i &+= 1
            }
        }
        scanIndex = i
        if i - start > options.maxSegmentLength { return .tooLong }
        return .needMore
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
    private func binaryDataLength(segmentStart start: Int, dataStart: Int) -> Int? {
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
