import EDICore

/// One component of an EDIFACT segment as the typed model reads it (`SegmentFields.take`): the
/// bytes of the element's first repetition between component separators, release characters
/// still in.
struct EDIFACTPart {
    let bytes: UnsafeRawBufferPointer
    /// The release character when the bytes hold one (the value is the bytes unescaped), else nil.
    let release: UInt8?

    /// Whether the bytes hold a release character.
    var isReleased: Bool { release != nil }
}

/// The first eight components of one element's first repetition, found in one scan as
/// `SegmentFields` finds them: a release character hides the byte after it, a repetition
/// separator ends the element.
struct EDIFACTComponents {
    /// The element's bytes.
    private let bytes: UnsafeRawBufferPointer
    /// The end offset of component `k` (1-based) in bits `32 (k - 1) % 64` of word `(k - 1) / 2`
    /// (kept in registers: no store and reload); component `k + 1` starts one byte after.
    private var ends: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    /// Bit `k - 1` set when component `k` holds a release character.
    private var released: UInt8 = 0
    /// How many components were found (at most 8).
    private var count = 0
    /// The release character in force.
    private let releaseCharacter: UInt8?

    init(_ bytes: UnsafeRawBufferPointer, delimiters: Delimiters, hasRelease: Bool) {
        self.bytes = bytes
        releaseCharacter = hasRelease ? delimiters.release : nil
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        let separator = delimiters.component
        // Bytes that end a component: the separator, the repetition separator and the release
        // character (which hides the byte after it); a missing one stands in as the separator.
        let repetition = delimiters.repetition ?? separator
        let release = releaseCharacter ?? separator
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let separators = ones &* UInt64(separator), repetitions = ones &* UInt64(repetition)
        let releases = ones &* UInt64(release)
        var isReleased = false
        // Bytes before `skipped` were hidden by a release character.
        var skipped = 0
        var wordStart = 0
        while wordStart < bytes.count {
            // Eight bytes at a time, each flagged lane checked exactly (a lane above a flagged one
            // may be flagged by the borrow); the last bytes one by one.
            var flags: UInt64
            if wordStart + 8 <= bytes.count {
                let word = base.loadUnaligned(fromByteOffset: wordStart, as: UInt64.self)
                let a = word ^ separators, b = word ^ repetitions, c = word ^ releases
                flags = ((a &- ones) & ~a | (b &- ones) & ~b | (c &- ones) & ~c) & highs
            } else {
                flags = 0
                for lane in 0..<(bytes.count - wordStart) {
                    let byte = base.load(fromByteOffset: wordStart + lane, as: UInt8.self)
                    if byte == separator || byte == repetition || byte == release { flags |= 0x80 << (8 * UInt64(lane)) }
                }
            }
            while flags != 0 {
                let index = wordStart + flags.trailingZeroBitCount >> 3
                flags &= flags &- 1
                guard index >= skipped else { continue }
                let byte = base.load(fromByteOffset: index, as: UInt8.self)
                if byte == release, byte != separator {
                    isReleased = true
                    skipped = index + 2
                } else if byte == separator || byte == repetition {
                    add(index, isReleased)
                    if byte != separator || count == 8 { return }
                    isReleased = false
                }
            }
            wordStart += 8
        }
        add(bytes.count, isReleased)
    }

    @inline(__always) private mutating func add(_ end: Int, _ isReleased: Bool) {
        let shifted = UInt64(UInt32(truncatingIfNeeded: end)) << (32 * UInt64(count & 1))
        switch count >> 1 {
        case 0: ends.0 |= shifted
        case 1: ends.1 |= shifted
        case 2: ends.2 |= shifted
        default: ends.3 |= shifted
        }
        if isReleased { released |= 1 << count }
        count += 1
    }

    /// The end offset of component `k`.
    @inline(__always) private func endOffset(_ component: Int) -> Int {
        let word: UInt64
        switch (component - 1) >> 1 {
        case 0: word = ends.0
        case 1: word = ends.1
        case 2: word = ends.2
        default: word = ends.3
        }
        return Int(UInt32(truncatingIfNeeded: word >> (32 * UInt64((component - 1) & 1))))
    }

    /// Component `component` (1 to 8), nil when absent or empty.
    subscript(component: Int) -> EDIFACTPart? {
        precondition(component >= 1 && component <= 8, "only the first eight components are read")
        guard component <= count, let base = bytes.baseAddress else { return nil }
        let start = component == 1 ? 0 : endOffset(component - 1) + 1, end = endOffset(component)
        guard start < end else { return nil }
        return EDIFACTPart(bytes: UnsafeRawBufferPointer(start: base + start, count: end - start),
                           release: released & (1 << (component - 1)) != 0 ? releaseCharacter : nil)
    }
}

extension Segment {
    /// The components of element `element` (1-based; none when absent).
    func edifactComponents(_ element: Int) -> EDIFACTComponents {
        EDIFACTComponents(self.element(element).bytes, delimiters: delimiters, hasRelease: hasReleaseCharacters)
    }

    /// Component `component` (1 to 8) of element `element`, nil when absent or empty.
    func edifactPart(_ element: Int, _ component: Int = 1) -> EDIFACTPart? {
        edifactComponents(element)[component]
    }
}

extension UnsafeRawBufferPointer {
    /// Whether the bytes are a given ASCII text (a code: `"21"`, `"AAA"`).
    func isText(_ text: StaticString) -> Bool {
        guard count == text.utf8CodeUnitCount else { return false }
        let other = text.utf8Start
        for index in 0..<count where self[index] != other[index] { return false }
        return true
    }
}

extension DocumentJSONWriter {
    /// Writes a `DTM` C507 value 2380 with its format 2379 as the quoted ISO 8601 text the model
    /// path writes (`ISODate.fromEDIFACT`; a `718` period as `start/end`): formats `102` (and none,
    /// for 8 digits), `203`, `204` and `718`. False for anything else — another format, a value of
    /// another length, a day or time that does not exist — where the model path either converts
    /// differently or reports the date (bytes may have been written: the caller gives up).
    mutating func edifactDate(_ value: UnsafeRawBufferPointer, format: UnsafeRawBufferPointer?) -> Bool {
        let digits: Int
        if let format {
            if format.isText("102") {
                digits = 8
            } else if format.isText("203") {
                digits = 12
            } else if format.isText("204") {
                digits = 14
            } else if format.isText("718") {
                guard value.count == 17, value[8] == UInt8(ascii: "-") else { return false }
                quote()
                guard isoDigits(UnsafeRawBufferPointer(rebasing: value[0..<8])) else { return false }
                output.append(UInt8(ascii: "/"))
                guard isoDigits(UnsafeRawBufferPointer(rebasing: value[9...])) else { return false }
                quote()
                return true
            } else {
                return false
            }
        } else {
            digits = 8
        }
        guard value.count == digits else { return false }
        quote()
        guard isoDigits(value) else { return false }
        quote()
        return true
    }

    /// `CCYYMMDD[HHMM[SS]]` → `YYYY-MM-DD[THH:MM[:SS]]` when every byte is a digit and the day and
    /// time exist (as ISODate checks them).
    private mutating func isoDigits(_ value: UnsafeRawBufferPointer) -> Bool {
        for byte in value where byte < UInt8(ascii: "0") || byte > UInt8(ascii: "9") { return false }
        func number(_ start: Int, _ length: Int) -> Int {
            var result = 0
            for index in start..<start + length { result = result * 10 + Int(value[index] &- UInt8(ascii: "0")) }
            return result
        }
        guard ISODate.isCalendarDate(year: number(0, 4), month: number(4, 2), day: number(6, 2)) else { return false }
        if value.count > 8 {
            guard number(8, 2) < 24, number(10, 2) < 60, value.count == 12 || number(12, 2) < 60 else { return false }
        }
        for index in 0..<value.count {
            switch index {
            case 4, 6: output.append(UInt8(ascii: "-"))
            case 8: output.append(UInt8(ascii: "T"))
            case 10, 12: output.append(UInt8(ascii: ":"))
            default: break
            }
            output.append(value[index])
        }
        return true
    }
}
