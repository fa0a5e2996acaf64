extension SegmentTokenizer {
    /// Whether the bytes at `readIndex` start a new interchange (`ISA`, `UNA`, `UNB`).
    func startsInterchangeHeader() -> Bool {
        if atInterchangeStart { return false }
        let available = writeIndex - readIndex
        guard available >= 4 else { return false }
        let p = buffer + readIndex
        if p[0] == UInt8(ascii: "I"), p[1] == UInt8(ascii: "S"), p[2] == UInt8(ascii: "A"), !isAlphanumeric(p[3]) {
            return true
        }
        if p[0] == UInt8(ascii: "U"), p[1] == UInt8(ascii: "N") {
            if p[2] == UInt8(ascii: "A") { return true }
            if p[2] == UInt8(ascii: "B"), !isAlphanumeric(p[3]) { return syntax == .x12 || p[3] != delimiters.element }
        }
        return false
    }

    /// At the end of the available bytes inside a segment.
    func endOfChunk() -> TokenizerEvent? {
        guard isFinished else { return .needMoreInput }
        let length = writeIndex - readIndex
        let tagText = leadingTag(length: length)
        if let release = delimiters.release, length > 0, buffer[writeIndex - 1] == release {
            report(.error, .danglingRelease, "the input ends with a release character inside segment \(segmentIndex + 1) (\(tagText))",
                   at: position(at: writeIndex - 1, tag: tagText))
            readIndex = writeIndex
            state = .done
            return nil
        }
        let isTrailer = tagText == (syntax == .x12 ? "IEA" : "UNZ")
        if isTrailer {
            report(.warning, .lastTerminatorMissing, "the last segment (\(tagText)) has no segment terminator",
                   at: position(at: writeIndex, tag: tagText))
            return completeSegment(end: writeIndex, next: writeIndex)
        }
        let inside = tagText.isEmpty ? "after segment \(segmentIndex) in \(length) bytes that do not start with a segment tag"
            : "inside segment \(segmentIndex + 1) (\(tagText))"
        report(.error, .unexpectedEndOfInput,
               "the input ends \(inside): segment terminator missing, the file may be truncated",
               at: position(at: writeIndex, tag: tagText.isEmpty ? nil : tagText))
        readIndex = writeIndex
        state = .done
        return nil
    }

    func leadingTag(length: Int) -> String {
        var end = 0
        while end < min(length, 3), isAlphanumeric(buffer[readIndex + end]) { end += 1 }
        return String(decoding: UnsafeRawBufferPointer(start: buffer + readIndex, count: end), as: UTF8.self)
    }

    /// Finishes the segment `[readIndex, end)`; the next one starts at `next`.
    ///
    /// The common case — no line break inside, not the first segment of an interchange, a
    /// plain 2–3 character tag — takes a short path; everything else goes through
    /// ``completeSegmentSlowly(end:next:)``, which gives the same result for the common case.
    @_transparent
    func completeSegment(end: Int, next: Int) -> TokenizerEvent? {
        if segmentHasLineBreak || atInterchangeStart || terminatorIsLineBreak || end == readIndex {
            return completeSegmentSlowly(end: end, next: next)
        }
        let start = readIndex
        let tag = plainTag(at: start, length: markCount > 0 ? Int(marks[0]) : end - start)
        if tag == .invalid { return completeSegmentSlowly(end: end, next: next) }
        return emitSegment(start: start, end: end, next: next, tag: tag)
    }

    /// The tag of a segment whose tag is 2–3 letters or digits starting with a letter and holds
    /// no component separator, packed as ``SegmentTag`` packs it; `invalid` otherwise.
    @inline(__always)
    private func plainTag(at start: Int, length: Int) -> SegmentTag {
        Self.plainTag(buffer + start, length: length)
    }

    /// ``plainTag(at:length:)`` for the tag bytes at `p`. The component separator is never a
    /// letter or digit (the `ISA` and `UNA` checks refuse one), so a tag of letters and digits
    /// cannot hold it.
    @inline(__always)
    static func plainTag(_ p: UnsafePointer<UInt8>, length: Int) -> SegmentTag {
        guard UInt(bitPattern: length &- 2) < 2 else { return .invalid }
        let b0 = p[0], b1 = p[1]
        guard b0 &- 0x41 < 26, isTagByte(b1) else { return .invalid }
        if length == 2 { return SegmentTag(rawValue: 2 << 24 | UInt32(b0) << 16 | UInt32(b1) << 8) }
        let b2 = p[2]
        guard isTagByte(b2) else { return .invalid }
        return SegmentTag(rawValue: 3 << 24 | UInt32(b0) << 16 | UInt32(b1) << 8 | UInt32(b2))
    }

    /// A capital letter or a digit: bit `byte - 0x30` of a mask (digits are bits 0–9, `A`–`Z` bits 17–42).
    @inline(__always)
    private static func isTagByte(_ byte: UInt8) -> Bool {
        let offset = UInt64(byte &- 0x30)
        return offset < 43 && (0x7FF_FFFE_03FF as UInt64) >> offset & 1 == 1
    }

    /// ``completeSegment(end:next:)`` for every case: a line break as terminator or inside the
    /// segment, `UNA`, an empty segment, a tag that is not plain.
    func completeSegmentSlowly(end: Int, next: Int) -> TokenizerEvent? {
        var end = end
        var next = next
        let terminator = delimiters.segment
        if end < writeIndex, terminator == 0x0A || terminator == 0x0D {
            line.lineBreak(terminator, at: bufferBase + end)
        }
        if atInterchangeStart, syntax == .edifact, end - readIndex >= 3, buffer[readIndex + 2] == UInt8(ascii: "A") {
            // UNA is exactly nine characters, its last one the terminator; it has no elements.
            markCount = 0
            end = readIndex + 8
            next = readIndex + 9
            scanIndex = next
        }
        if segmentHasLineBreak {
            if let split = lineBreaksInside(end: end) {
                // The terminator is missing (EDI202): the segment ends at the line break, and reading
                // goes on with the segment that starts on the next line, in the same interchange.
                end = split
                next = split
                while markCount > 0, Int(marks[markCount - 1]) >= split - readIndex { markCount -= 1 }
            } else {
                end = removeLineBreaks(end: end)
            }
        }
        let start = readIndex
        let length = end - start
        if length == 0 {
            readIndex = next
            beginSegment()
            report(.warning, .emptySegment, "an empty segment (two terminators in a row) after segment \(segmentIndex)",
                   at: position(at: start))
            return nil
        }
        let tagEnd = markCount > 0 ? Int(marks[0]) : length
        var tagLength = tagEnd
        for k in 0..<tagEnd where buffer[start + k] == delimiters.component {
            tagLength = k
            break
        }
        let tag = SegmentTag(bytes: UnsafeRawBufferPointer(start: buffer + start, count: tagLength))
        if !isValidTag(start: start, length: tagLength) {
            let shown = String(decoding: UnsafeRawBufferPointer(start: buffer + start, count: min(tagLength, 12)), as: UTF8.self)
            report(.error, .invalidSegmentTag,
                   "\"\(shown)\" is not a segment tag (2–3 letters or digits, starting with a letter) after segment \(segmentIndex); the rest of the interchange is skipped",
                   at: position(at: start, counter: segmentStartLine))
            readIndex = next
            beginSegment()
            state = .resynchronising
            return nil
        }
        return emitSegment(start: start, end: end, next: next, tag: tag)
    }

    /// Counts the segment `[start, end)` with its tag, and hands it out.
    @inline(__always)
    private func emitSegment(start: Int, end: Int, next: Int, tag: SegmentTag) -> TokenizerEvent? {
        let length = end - start
        segmentIndex += 1
        if resetTransactionIndexAfterThis {
            resetTransactionIndexAfterThis = false
            transactionSegmentIndex = 0
        }
        // Envelope tags (ST, SE, UNH, UNT, UNB, IEA, UNZ) start with S, U or I: one test for most segments.
        let first = UInt8(truncatingIfNeeded: tag.rawValue >> 16)
        let mayBeEnvelope = first == UInt8(ascii: "S") || first == UInt8(ascii: "U") || first == UInt8(ascii: "I")
        if mayBeEnvelope, tag == "ST" || tag == "UNH" {
            transactionSegmentIndex = 1
        } else if transactionSegmentIndex > 0 {
            transactionSegmentIndex += 1
        }
        let location = SegmentLocation(
            byteOffset: bufferBase + start, line: segmentStartLine.line,
            column: bufferBase + start - segmentStartLine.lineStart + 1, segmentIndex: segmentIndex,
            transactionIndex: transactionSegmentIndex)
        let segment = Segment(
            bytes: UnsafeRawBufferPointer(start: buffer + start, count: length), marks: marks, markCount: markCount,
            tag: tag, syntax: syntax, delimiters: delimiters, location: location,
            interchangeIndex: interchangeIndex, hasReleaseCharacters: segmentHasRelease)
        if mayBeEnvelope, syntax == .edifact, tag == "UNB" { adoptSyntaxVersion(fromUNB: segment) }
        readIndex = next
        atInterchangeStart = false
        // The next segment starts on the line after an LF or CR terminator.
        beginSegment()
        if mayBeEnvelope {
            if tag == "SE" || tag == "UNT" { resetTransactionIndexAfterThis = true }
            // Only the syntax's own trailer ends the interchange (an EDIFACT message may hold an `IEA` segment).
            if tag == (syntax == .x12 ? "IEA" : "UNZ") {
                state = .seekingInterchange
            }
        }
        lastSegmentEnded = true
        lineBreakSinceTerminator = false
        return .segment(segment)
    }

    private func isValidTag(start: Int, length: Int) -> Bool {
        guard length >= 2, length <= 3 else { return false }
        let first = buffer[start]
        guard first >= 0x41, first <= 0x5A else { return false }
        for k in 1..<length {
            let byte = buffer[start + k]
            guard (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39) else { return false }
        }
        return true
    }

    /// A line break inside a segment: either the terminator is missing (the next line starts a
    /// segment and lines otherwise end with terminators), reporting EDI202 and returning where
    /// the line breaks, or the file is hard-wrapped (nil).
    private func lineBreaksInside(end: Int) -> Int? {
        var i = readIndex
        let release = delimiters.release
        let binary = binaryDataRange(end: end)
        while i < end {
            if let binary, i == binary.lowerBound {
                i = binary.upperBound
                continue
            }
            let byte = buffer[i]
            if byte == release {
                i += 2
                continue
            }
            if byte == 0x0A || byte == 0x0D { break }
            i += 1
        }
        guard i < end else { return nil }
        // A CR right before an LF terminator is part of the line style, not of the segment.
        if i == end - 1, buffer[i] == 0x0D, delimiters.segment == 0x0A { return nil }
        var k = i
        while k < end, buffer[k] == 0x0A || buffer[k] == 0x0D || buffer[k] == 0x20 { k += 1 }
        var tagLength = 0
        while k + tagLength < end, tagLength < 4, isAlphanumeric(buffer[k + tagLength]) { tagLength += 1 }
        let looksLikeSegment = (2...3).contains(tagLength) && k + tagLength < end && buffer[k + tagLength] == delimiters.element
        guard looksLikeSegment, terminatorsFollowedByLineBreak > 0, terminatorsNotFollowedByLineBreak == 0 else { return nil }
        let tagText = leadingTag(length: end - readIndex)
        // Lines were counted up to the end of the segment; count them again up to the split.
        line = segmentStartLine
        report(.error, .missingSegmentTerminator,
               "segment terminator missing after segment \(segmentIndex + 1) (\(tagText)) at line \(line.line), column \(bufferBase + i - line.lineStart + 1)",
               at: position(at: i, tag: tagText))
        return i
    }

    /// Removes CR and LF bytes from a hard-wrapped segment in place; returns its new end.
    private func removeLineBreaks(end: Int) -> Int {
        var write = readIndex
        var read = readIndex
        let release = delimiters.release
        var removedAny = false
        let binary = binaryDataRange(end: end)
        markCount = 0
        while read < end {
            if let binary, read == binary.lowerBound {
                // X12 BIN data is kept byte for byte, line breaks included.
                for k in binary { buffer[write + k - read] = buffer[k] }
                write += binary.count
                read = binary.upperBound
                continue
            }
            let byte = buffer[read]
            if byte == 0x0A || byte == 0x0D {
                removedAny = true
                read += 1
                continue
            }
            buffer[write] = byte
            if byte == release, read + 1 < end {
                buffer[write + 1] = buffer[read + 1]
                write += 2
                read += 2
                continue
            }
            if byte == delimiters.element {
                if markCount == markCapacity { growMarksForRescan() }
                marks[markCount] = Int32(write - readIndex)
                markCount += 1
            }
            write += 1
            read += 1
        }
        if removedAny, !warnedWrapped, !(write == end - 1 && delimiters.segment == 0x0A) {
            warnedWrapped = true
            report(.warning, .wrappedLines,
                   "line breaks inside segment \(segmentIndex + 1) (the file is wrapped at a fixed width); they were removed",
                   at: position(at: readIndex, counter: segmentStartLine, tag: leadingTag(length: write - readIndex)))
        }
        return write
    }

    private func growMarksForRescan() {
        let grown = UnsafeMutablePointer<Int32>.allocate(capacity: markCapacity * 2)
        grown.update(from: marks, count: markCount)
        marks.deallocate()
        marks = grown
        markCapacity *= 2
    }
}
