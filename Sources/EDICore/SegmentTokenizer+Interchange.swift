import CEDIScan

extension SegmentTokenizer {
    /// X12 `ISA` layout: the element separator at byte 3, 16 elements, the component separator
    /// (`ISA16`) at byte 104 and the segment terminator at byte 105 when fields keep their widths.
    enum ISALayout {
        static let elementSeparatorOffset = 3
        static let repetitionSeparatorOffset = 82
        static let componentSeparatorOffset = 104
        static let segmentTerminatorOffset = 105
        static let elementCount = 16
        /// A header that has not ended within this many bytes is not an `ISA`.
        static let maximumLength = 512
    }

    /// Skips white space and finds the next interchange header.
    func seekInterchange() -> TokenizerEvent? {
        if encoding == nil {
            guard let event = detectEncoding() else { return nil }
            return event
        }
        // White space, NUL, a UTF-8 byte order mark and DOS end-of-file between interchanges.
        while readIndex < writeIndex {
            let byte = buffer[readIndex]
            if byte == 0x0A || byte == 0x0D {
                line.lineBreak(byte, at: bufferBase + readIndex)
                readIndex += 1
            } else if byte == 0x20 || byte == 0x09 || byte == 0x00 || byte == 0x1A || byte == 0x0C {
                readIndex += 1
            } else if interchangeIndex > 0, isTerminatorContinuation(byte) {
                readIndex += 1
            } else if byte == 0xEF {
                if writeIndex - readIndex < 3 && !isFinished { return .needMoreInput }
                if writeIndex - readIndex >= 3, buffer[readIndex + 1] == 0xBB, buffer[readIndex + 2] == 0xBF {
                    report(.warning, .byteOrderMark, "a UTF-8 byte order mark was skipped", at: position(at: readIndex))
                    readIndex += 3
                } else {
                    break
                }
            } else {
                break
            }
        }
        let available = writeIndex - readIndex
        if available == 0 {
            if isFinished {
                state = .done
                return .endOfInput
            }
            return .needMoreInput
        }
        if available < 4 && !isFinished { return .needMoreInput }
        let p = buffer + readIndex
        if available >= 3, p[0] == UInt8(ascii: "I"), p[1] == UInt8(ascii: "S"), p[2] == UInt8(ascii: "A") {
            return beginX12()
        }
        if available >= 3, p[0] == UInt8(ascii: "U"), p[1] == UInt8(ascii: "N"),
           p[2] == UInt8(ascii: "A") || p[2] == UInt8(ascii: "B") {
            return beginEDIFACT()
        }
        // The message shows the next 12 bytes: wait for them, so any chunking gives the same message.
        if available < 12 && !isFinished { return .needMoreInput }
        let preview = String(decoding: UnsafeRawBufferPointer(start: p, count: min(available, 12)), as: UTF8.self)
        let code: SyntaxIssue.Code = interchangeIndex > 0 ? .trailingData : .noInterchangeHeader
        report(.error, code,
               "expected an interchange header (ISA, UNA or UNB) but found \"\(preview.filter { !$0.isNewline })\"",
               at: position(at: readIndex))
        state = .resynchronising
        return nil
    }

    /// Discards bytes up to the next `ISA`, `UNA` or `UNB` that starts a line or follows a
    /// segment terminator (not `ISA` inside a value such as `NTE*GENISA*`), counting lines.
    func resynchronise() -> TokenizerEvent? {
        while readIndex < writeIndex {
            if writeIndex - readIndex < 4 && !isFinished { return .needMoreInput }
            let p = buffer + readIndex
            let remaining = writeIndex - readIndex
            let atBoundary = resyncPreviousByte.map { isSegmentBoundary(after: $0) } ?? true
            if remaining >= 4, atBoundary {
                let isISA = p[0] == UInt8(ascii: "I") && p[1] == UInt8(ascii: "S") && p[2] == UInt8(ascii: "A") && !isAlphanumeric(p[3])
                let isUN = p[0] == UInt8(ascii: "U") && p[1] == UInt8(ascii: "N")
                    && (p[2] == UInt8(ascii: "A") || p[2] == UInt8(ascii: "B")) && !isAlphanumeric(p[3])
                if isISA || isUN {
                    resyncPreviousByte = nil
                    state = .seekingInterchange
                    return nil
                }
            }
            let byte = p[0]
            if byte == 0x0A || byte == 0x0D { line.lineBreak(byte, at: bufferBase + readIndex) }
            resyncPreviousByte = byte
            readIndex += 1
        }
        if isFinished {
            state = .done
            return .endOfInput
        }
        return .needMoreInput
    }

    /// Decides the stream's encoding from its first bytes, transcoding what was read so far.
    private func detectEncoding() -> TokenizerEvent? {
        let available = writeIndex - readIndex
        if available < 4 && !isFinished { return .needMoreInput }
        let detected = StreamEncoding.detect(UnsafeRawBufferPointer(start: buffer + readIndex, count: available),
                                             isFinal: isFinished) ?? .bytes
        encoding = detected
        switch detected {
        case .bytes:
            return nil
        case .unsupported:
            report(.error, .unsupportedEncoding, "the file is UTF-32 or another encoding EDI cannot be read in; it was not read",
                   at: position(at: readIndex))
            state = .done
            return nil
        case .ebcdic, .utf16LittleEndian, .utf16BigEndian:
            var coder = StreamTranscoder(detected)
            var converted: [UInt8] = []
            coder.transcode(UnsafeRawBufferPointer(start: buffer + readIndex, count: available), into: &converted)
            writeIndex = readIndex
            converted.withUnsafeBytes { raw in
                if !raw.isEmpty {
                    let saved = isFinished
                    isFinished = false
                    append(raw)
                    isFinished = saved
                }
            }
            transcoder = coder
            let name = detected == .ebcdic ? "EBCDIC (code page 037)" : "UTF-16"
            report(.warning, .transcoded, "the file is \(name); it was transcoded, and positions count the transcoded bytes",
                   at: position(at: readIndex))
            return nil
        }
    }

    /// Reads the delimiters of an X12 interchange from its `ISA` header.
    private func beginX12() -> TokenizerEvent? {
        let available = writeIndex - readIndex
        if available < 4 { return isFinished ? truncatedISA() : .needMoreInput }
        let p = buffer + readIndex
        let elementSeparator = p[ISALayout.elementSeparatorOffset]
        if isAlphanumeric(elementSeparator) || elementSeparator == 0x0A || elementSeparator == 0x0D {
            report(.error, .ambiguousDelimiters, "the byte after ISA (\(Delimiters.printableName(elementSeparator))) cannot be an element separator",
                   at: position(at: readIndex + 3, tag: "ISA"))
            readIndex += 3
            state = .resynchronising
            return nil
        }
        // Find the 16th element separator; ISA16 is the byte after it, the terminator the byte after that.
        var separators: [Int] = []
        var i = ISALayout.elementSeparatorOffset
        let limit = min(available, ISALayout.maximumLength)
        while i < limit, separators.count < ISALayout.elementCount {
            if p[i] == elementSeparator { separators.append(i) }
            i += 1
        }
        guard separators.count == ISALayout.elementCount, let last = separators.last, last + 2 < available else {
            if available < ISALayout.maximumLength && !isFinished { return .needMoreInput }
            return truncatedISA()
        }
        let componentSeparator = p[last + 1]
        let terminator = p[last + 2]
        if terminator == elementSeparator || terminator == componentSeparator {
            report(.error, .ambiguousDelimiters, "the ISA segment terminator repeats another delimiter",
                   at: position(at: readIndex + last + 2, tag: "ISA"))
            readIndex += 3
            state = .resynchronising
            return nil
        }
        if isAlphanumeric(terminator) && terminator != componentSeparator {
            // Some files put no terminator after ISA16 and start GS at once; that cannot be read safely.
            report(.error, .ambiguousDelimiters, "the byte after ISA16 (\(Delimiters.printableName(terminator))) cannot be a segment terminator",
                   at: position(at: readIndex + last + 2, tag: "ISA"))
            readIndex += 3
            state = .resynchronising
            return nil
        }
        if isAlphanumeric(componentSeparator) || componentSeparator == 0x0A || componentSeparator == 0x0D {
            // A letter or digit would split segment tags and values (ISA16 "A" turns ISA into IS);
            // CR and LF are taken for line breaks.
            report(.error, .ambiguousDelimiters,
                   "ISA16 (\(Delimiters.printableName(componentSeparator))) cannot be the component separator: it is a letter, digit or line break",
                   at: position(at: readIndex + last + 1, tag: "ISA"))
            readIndex += 3
            state = .resynchronising
            return nil
        }
        // separators[k] precedes ISA(k+1): ISA11 (repetition) follows separators[10], ISA12 (version) separators[11].
        let versionStart = separators[11] + 1
        let version = String(decoding: UnsafeRawBufferPointer(start: p + versionStart, count: separators[12] - versionStart), as: UTF8.self)
        var repetition: UInt8?
        if version >= "00402", separators[11] - separators[10] == 2 {
            let candidate = p[separators[10] + 1]
            if !isAlphanumeric(candidate), candidate != elementSeparator, candidate != componentSeparator,
               candidate != terminator, candidate != 0x20 {
                repetition = candidate
            }
        }
        var lineBreaks = 0
        for k in 0..<last where p[k] == 0x0A || p[k] == 0x0D { lineBreaks += 1 }
        let fixedWidth = last + 1 - lineBreaks == ISALayout.componentSeparatorOffset
        startInterchange(.x12, Delimiters(element: elementSeparator, component: componentSeparator, repetition: repetition,
                                          segment: terminator, release: nil))
        headerTerminatorOffset = bufferBase + readIndex + last + 2
        if !fixedWidth {
            report(.warning, .isaNotFixedWidth,
                   "the ISA fields do not have their fixed widths (ISA16 at byte \(last + 1), expected 104); read by the element separator",
                   at: position(at: readIndex, tag: "ISA"))
        }
        return nil
    }

    private func truncatedISA() -> TokenizerEvent? {
        report(.error, .truncatedISA, "the ISA header ends before its 16 elements and segment terminator",
               at: position(at: readIndex, tag: "ISA"))
        readIndex += 3
        state = .resynchronising
        return nil
    }

    /// Reads the delimiters of an EDIFACT interchange from `UNA`, or takes the defaults.
    private func beginEDIFACT() -> TokenizerEvent? {
        let available = writeIndex - readIndex
        let p = buffer + readIndex
        if p[2] == UInt8(ascii: "A") {
            if available < 9 {
                if !isFinished { return .needMoreInput }
                report(.error, .invalidUNA, "the UNA service string advice is shorter than its 6 characters",
                       at: position(at: readIndex, tag: "UNA"))
                readIndex += 3
                state = .resynchronising
                return nil
            }
            let component = p[3], element = p[4], decimal = p[5], release = p[6], reserved = p[7], terminator = p[8]
            let separators = [component, element, terminator]
            // A letter or digit as release character would escape bytes inside segment tags.
            if Set(separators).count != 3 || separators.contains(where: isAlphanumeric) || isAlphanumeric(release)
                || release == element || release == component || release == terminator {
                report(.error, .invalidUNA, "the UNA service string advice reuses a byte for two delimiters or uses a letter or digit",
                       at: position(at: readIndex, tag: "UNA"))
                readIndex += 3
                state = .resynchronising
                return nil
            }
            let repetition: UInt8? = reserved == 0x20 || separators.contains(reserved) ? nil : reserved
            let releaseChar: UInt8? = release == 0x20 ? nil : release
            startInterchange(.edifact, Delimiters(element: element, component: component, repetition: repetition,
                                                  segment: terminator, release: releaseChar, decimalMark: decimal))
            headerTerminatorOffset = bufferBase + readIndex + 8
            unaSeen = true
            return nil
        }
        if available < 4 && !isFinished { return .needMoreInput }
        // No UNA: level A/B defaults; level B files may use the information separators.
        let defaults = available >= 4 && p[3] == 0x1D ? Delimiters.edifactLevelB : Delimiters.edifactDefault
        startInterchange(.edifact, defaults)
        unaSeen = false
        return nil
    }

    func startInterchange(_ syntax: EDISyntax, _ delimiters: Delimiters) {
        self.syntax = syntax
        self.delimiters = delimiters
        table.configure(for: delimiters)
        terminatorIsLineBreak = delimiters.segment == 0x0A || delimiters.segment == 0x0D
        scanSet = edi_scan_set(bytes: (delimiters.element, delimiters.segment, delimiters.release ?? delimiters.element, 0x0D, 0x0A))
        invalidateClassification()
        interchangeIndex += 1
        transactionSegmentIndex = 0
        terminatorsFollowedByLineBreak = 0
        terminatorsNotFollowedByLineBreak = 0
        warnedWrapped = false
        lastSegmentEnded = false
        atInterchangeStart = true
        headerTerminatorOffset = nil
        resetTransactionIndexAfterThis = false
        state = .inInterchange
        beginSegment()
    }

    /// EDIFACT syntax version 4 uses `*` as repetition separator when no `UNA` says otherwise.
    @inline(never)
    func adoptSyntaxVersion(fromUNB segment: Segment) {
        guard !unaSeen, delimiters.repetition == nil else { return }
        let identifier = segment.element(1)
        let version = identifier.component(2)
        if version.equals("4") {
            delimiters.repetition = UInt8(ascii: "*")
        }
    }
}

extension SegmentTokenizer {
    /// Whether a header may start after this byte while resynchronising: white space, a line
    /// break, the end of a byte order mark, or a usual segment terminator.
    private func isSegmentBoundary(after byte: UInt8) -> Bool {
        switch byte {
        case 0x0A, 0x0D, 0x20, 0x09, 0x00, 0xBF, 0x1C, UInt8(ascii: "'"), UInt8(ascii: "~"): true
        default: byte == delimiters.segment
        }
    }

    /// Whether a byte continues a multi-byte UTF-8 segment terminator (`…` is E2 80 A6): files
    /// that end segments with such a character are read with its first byte as terminator and
    /// the continuation bytes skipped like the line break after a terminator.
    @inline(__always)
    func isTerminatorContinuation(_ byte: UInt8) -> Bool {
        byte >= 0x80 && byte <= 0xBF && delimiters.segment >= 0xC2 && delimiters.segment <= 0xF4
    }
}

@inline(__always)
func isAlphanumeric(_ byte: UInt8) -> Bool {
    (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
}
