import EDICore

extension ElementChecker {
    /// Whether a segment certainly has no finding, in one pass over its values: presence, type, length
    /// and code of each element, each composite split and its components checked in the same loop
    /// (types and lengths from the composite's table), syntax rules as masks.
    ///
    /// Anything it does not follow (a repetition, a release character in a coded or numeric value, a code
    /// longer than seven bytes) or that could be a finding makes it answer false; the exact pass,
    /// ``check(_:against:into:)``, then finds what there is. It adds nothing itself, so the findings
    /// are the exact pass's alone.
    func isClean(_ segment: Segment, _ table: SegmentCheck) -> Bool {
        guard let presence = cleanPresence(segment, table) else { return false }
        return Self.rulesHold(presence, table)
    }

    /// Whether the segment's syntax rules hold for the elements present (bit `p` for position `p`).
    @inline(__always)
    static func rulesHold(_ presence: UInt64, _ table: SegmentCheck) -> Bool {
        for rule in table.rules where !rule.holds(presence) { return false }
        return true
    }

    /// ``isClean(_:_:)`` without the syntax rules: the positions present (bit `p` for position `p`,
    /// below 64) when every element is clean, nil otherwise. The rules depend on nothing else, so a
    /// caller may remember which presence masks passed them (``TransactionValidator``).
    func cleanPresence(_ segment: Segment, _ table: SegmentCheck) -> UInt64? {
        guard !table.exactOnly, segment.elementCount <= table.lastPosition else { return nil }
        let delimiters = segment.delimiters
        if let repetition = delimiters.repetition, Self.holds(repetition, in: segment.bytes) { return nil }
        // 0x100: no release character to honour.
        let release: UInt16 = segment.hasReleaseCharacters ? delimiters.release.map(UInt16.init) ?? 0x100 : 0x100
        let separators = Separators(component: delimiters.component, release: release, decimalMark: delimiters.decimalMark)
        // Values are searched only when the segment holds a component separator or a release character.
        let scans = release < 0x100 || Self.holds(separators.component, in: segment.bytes)
        let markCount = segment.elementCount
        guard let elements = table.elements.baseAddress else { return 0 }
        var presence: UInt64 = 0
        var index = 0
        while index < table.elements.count {
            let element = elements + index
            let position = element.pointee.position
            if position > markCount {
                // Absent: beyond the segment's last element, so are the ones after it when positions ascend.
                if table.ascending {
                    if table.lastMandatory >= index { return nil }
                    break
                }
                if element.pointee.usage == .mandatory { return nil }
                index += 1
                continue
            }
            let value = segment.element(position).bytes
            index += 1
            guard let start = value.baseAddress, !value.isEmpty else {
                if element.pointee.usage == .mandatory { return nil }
                continue
            }
            if position < 64 { presence |= 1 << UInt64(position) }
            if element.pointee.usage == .notUsed { return nil }
            if element.pointee.isComposite {
                guard isCleanComposite(start, value.count, element, table, scans: scans, separators) else { return nil }
                continue
            }
            var escaped = false
            if scans {
                // A simple element holding a component separator (escaped or not) is the exact pass's.
                if separators.release == 0x100 {
                    let bytes = start.assumingMemoryBound(to: UInt8.self)
                    if Self.firstIndex(of: separators.component, in: bytes, from: 0, count: value.count) < value.count { return nil }
                } else {
                    for byte in value {
                        if byte == separators.component { return nil }
                        if UInt16(byte) == separators.release { escaped = true }
                    }
                }
            }
            guard isCleanValue(start, value.count, escaped: escaped, element, separators) else { return nil }
        }
        return presence
    }

    /// The index of the first `byte` in `bytes[from..<count]`, or `count`: eight bytes at a time (a
    /// zero-byte test on the word XOR the byte repeated; its lowest flag is exact), then byte by byte.
    /// Reads nothing outside `bytes[from..<count]`.
    @inline(__always)
    static func firstIndex(of byte: UInt8, in bytes: UnsafePointer<UInt8>, from: Int, count: Int) -> Int {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let pattern = UInt64(byte) &* ones
        var index = from
        while index &+ 8 <= count {
            let word = UInt64(littleEndian: UnsafeRawPointer(bytes + index).loadUnaligned(as: UInt64.self)) ^ pattern
            let found = (word &- ones) & ~word & (ones &<< 7)
            if found != 0 { return index &+ found.trailingZeroBitCount &>> 3 }
            index &+= 8
        }
        while index < count, bytes[index] != byte { index &+= 1 }
        return index
    }

    /// The separators the clean pass splits and reads values with.
    struct Separators {
        var component: UInt8
        /// The release character, or 0x100 when there is none to honour.
        var release: UInt16
        var decimalMark: UInt8
    }

    /// A composite's components, split and checked in one loop (as ``forEachPart(of:separator:_:)``
    /// splits them: a release character makes the next byte literal).
    @inline(__always)
    private func isCleanComposite(_ value: UnsafeRawPointer, _ count: Int, _ element: UnsafePointer<CompiledElement>,
                                  _ table: SegmentCheck, scans: Bool, _ separators: Separators) -> Bool {
        let componentCount = element.pointee.componentCount
        guard let parts = table.components.baseAddress.map({ $0 + element.pointee.componentStart }) else { return false }
        var presence: UInt64 = 0
        if scans {
            let bytes = value.assumingMemoryBound(to: UInt8.self)
            var number = 0
            var start = 0
            var index = 0
            while true {
                var escaped = false
                if separators.release == 0x100 {
                    index = Self.firstIndex(of: separators.component, in: bytes, from: index, count: count)
                } else {
                    while index < count {
                        let byte = bytes[index]
                        if UInt16(byte) == separators.release {
                            escaped = true
                            index += 2
                            continue
                        }
                        if byte == separators.component { break }
                        index += 1
                    }
                }
                let end = min(index, count)
                number += 1
                if end > start {
                    guard number <= componentCount else { return false }
                    if number < 64 { presence |= 1 << UInt64(number) }
                    let part = parts + (number - 1)
                    guard part.pointee.usage != .notUsed,
                          isCleanValue(value + start, end - start, escaped: escaped, part, separators) else { return false }
                }
                if index >= count { break }
                index += 1
                start = index
            }
        } else {
            // No separator in the segment: the value is the first component.
            presence = 1 << 1
            guard parts.pointee.usage != .notUsed, isCleanValue(value, count, escaped: false, parts, separators) else { return false }
        }
        let mandatory = element.pointee.mandatoryComponents
        guard presence & mandatory == mandatory else { return false }
        let ruleCount = element.pointee.ruleCount
        guard ruleCount > 0 else { return true }
        let ruleStart = element.pointee.ruleStart
        for rule in table.componentRules[ruleStart..<(ruleStart + ruleCount)] where !rule.holds(presence) { return false }
        return true
    }

    /// Whether one simple value (an element or a component, `count` bytes, at least one) is of its type,
    /// length and code list. Text is checked here; other types, and text holding a release character
    /// (`escaped`), out of line.
    @_transparent
    private func isCleanValue(_ start: UnsafeRawPointer, _ count: Int, escaped: Bool, _ element: UnsafePointer<CompiledElement>,
                              _ separators: Separators) -> Bool {
        let kind = element.pointee.kind
        guard !escaped, kind == .alphanumeric || kind == .identifier else {
            return isCleanTypedValue(UnsafeRawBufferPointer(start: start, count: count), escaped: escaped, element, separators)
        }
        let codeSet = element.pointee.codeSet
        if codeSet >= 0 {
            // Codes longer than seven bytes are not packed: the exact pass looks them up.
            guard count <= 7, compiled.codeProbes[codeSet].contains(packed: CodeSet.pack(start, count: count)) else { return false }
            if element.pointee.codesFitLengths { return true }
        }
        let minLength = element.pointee.minLength
        let maxLength = element.pointee.maxLength
        // Characters are at most bytes and at least one: count them only when the bytes could be out of range.
        let length = count > maxLength || minLength > 1 ? characterCount(UnsafeRawBufferPointer(start: start, count: count)) : count
        return length >= minLength && length <= maxLength
    }

    /// ``isCleanValue(_:_:escaped:_:_:)`` of a value that is not plain text: numbers, dates, times,
    /// binary and alphabetic values, and text holding a release character.
    @inline(never)
    private func isCleanTypedValue(_ bytes: UnsafeRawBufferPointer, escaped: Bool, _ element: UnsafePointer<CompiledElement>,
                                   _ separators: Separators) -> Bool {
        let element = element.pointee
        if escaped {
            guard element.codeSet < 0, element.kind == .alphanumeric || element.kind == .identifier else { return false }
            // Characters are at most bytes, and at least one when the first byte starts one (a release character
            // or a byte that is not a UTF-8 continuation): count them only when that cannot tell.
            let startsCharacter = !(encoding == .utf8 || encoding == .ascii) || bytes[0] & 0xC0 != 0x80
            if bytes.count <= element.maxLength, element.minLength <= 1, startsCharacter { return true }
            let length = characterCount(bytes, skipping: UInt8(truncatingIfNeeded: separators.release))
            return length >= element.minLength && length <= element.maxLength
        }
        if element.kind == .binary { return true }
        guard let length = typedLength(bytes, element, decimalMark: separators.decimalMark),
              length >= element.minLength, length <= element.maxLength else { return false }
        guard element.codeSet >= 0 else { return true }
        guard let start = bytes.baseAddress, bytes.count <= 7 else { return false }
        return compiled.codeProbes[element.codeSet].contains(packed: CodeSet.pack(start, count: bytes.count))
    }
}
