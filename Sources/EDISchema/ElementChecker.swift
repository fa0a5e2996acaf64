import EDICore
#if canImport(Glibc)
import Glibc
#endif

/// Checks the elements of one segment against its compiled table: presence, count, type,
/// length, codes, repetitions, composites and syntax rules. Works on bytes; text is made only
/// for a finding's message.
struct ElementChecker {
    let syntax: EDISyntax
    let compiled: CompiledTransaction
    var encoding: CharacterEncoding = .utf8

    func check(_ segment: Segment, against table: CompiledSegment, into diagnostics: inout [Diagnostic]) {
        if segment.elementCount > table.lastPosition { checkElementCount(segment, table, into: &diagnostics) }
        let delimiters = segment.delimiters
        // ISA11 and ISA16 hold the repetition and component separators themselves: read ISA literally.
        let literal = table.isInterchangeHeader && segment.syntax == .x12
        // One look at the whole segment: without a component or repetition separator in it, every value
        // is one simple occurrence and the per-element searches are skipped.
        let hasParts = !literal && (Self.holds(delimiters.component, in: segment.bytes)
                                    || delimiters.repetition.map { Self.holds($0, in: segment.bytes) } ?? false)
        var presence: UInt64 = 0
        do {
            for element in table.elements.values {
                let view = ValuePart(segment.element(element.position))
                if view.isEmpty {
                    if element.usage == .mandatory {
                        report(.mandatoryElementMissing, "is mandatory but missing", segment, table, element, nil, nil, nil, into: &diagnostics)
                    }
                    continue
                }
                if element.position < 64 { presence |= 1 << UInt64(element.position) }
                if element.usage == .notUsed {
                    report(.elementNotUsed, "is marked not used but has a value", segment, table, element, nil, nil, view, into: &diagnostics)
                    continue
                }
                if literal || (!hasParts && !element.isComposite) {
                    if segment.hasReleaseCharacters {
                        checkValue(view, element, component: nil, repetition: nil, segment, table, into: &diagnostics)
                    } else {
                        checkBytes(view.bytes, view, element, component: nil, repetition: nil, segment, table, into: &diagnostics)
                    }
                    continue
                }
                guard let repetition = delimiters.repetition, hasParts, view.bytes.contains(repetition) else {
                    checkOccurrence(view, element, repetition: nil, segment, table, into: &diagnostics)
                    continue
                }
                var number = 0
                forEachPart(of: view, separator: repetition) { part in
                    number += 1
                    if number == element.maxRepeat + 1 {
                        report(.tooManyRepetitions, "repeats more than \(element.maxRepeat) times", segment, table, element, nil,
                               number, nil, into: &diagnostics)
                    }
                    checkOccurrence(part, element, repetition: number, segment, table, into: &diagnostics)
                }
            }
        }
        if table.rulesAsMasks {
            for rule in table.rules where !rule.holds(presence) {
                report(table.spec.rules[rule.rule], segment, into: &diagnostics)
            }
        } else if !table.spec.rules.isEmpty {
            checkRules(table.spec.rules, segment, into: &diagnostics)
        }
    }

    /// Whether a byte occurs in a buffer (memchr: vectorised).
    @inline(__always)
    static func holds(_ byte: UInt8, in bytes: UnsafeRawBufferPointer) -> Bool {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return false }
        return memchr(base, Int32(byte), bytes.count) != nil
    }

    @inline(never)
    private func checkElementCount(_ segment: Segment, _ table: CompiledSegment, into diagnostics: inout [Diagnostic]) {
        var last = segment.elementCount
        while last > table.lastPosition, segment.element(last).isEmpty { last -= 1 }
        guard last > table.lastPosition || syntax == .x12 else { return }
        diagnostics.append(Diagnostic(.error, .tooManyElements,
            "\(table.spec.tag) has \(segment.elementCount) elements; the standard defines \(table.lastPosition)",
            at: segment.position(ofElement: table.lastPosition + 1)))
    }

    /// One occurrence (repetition) of an element: a composite's components, or a simple value.
    private func checkOccurrence(_ value: ValuePart, _ element: CompiledElement, repetition: Int?, _ segment: Segment,
                                 _ table: CompiledSegment, into diagnostics: inout [Diagnostic]) {
        let separator = segment.delimiters.component
        if element.isComposite {
            checkComposite(value, element, repetition: repetition, segment, table, into: &diagnostics)
            return
        }
        if value.bytes.contains(separator) {
            report(.tooManyComponents, "is a simple element but holds components", segment, table, element, 2, repetition, value,
                   at: offset(ofPart: 2, in: value, separator: separator), into: &diagnostics)
            var first: ValuePart?
            forEachPart(of: value, separator: separator) { part in if first == nil { first = part } }
            checkValue(first ?? value, element, component: nil, repetition: repetition, segment, table, into: &diagnostics)
            return
        }
        checkValue(value, element, component: nil, repetition: repetition, segment, table, into: &diagnostics)
    }

    private func checkComposite(_ value: ValuePart, _ element: CompiledElement, repetition: Int?, _ segment: Segment,
                                _ table: CompiledSegment, into diagnostics: inout [Diagnostic]) {
        var presence: UInt64 = 0
        var count = 0
        var extraWithData = false
        do {
            let parts = table.components.values[element.componentStart..<(element.componentStart + element.componentCount)]
            forEachPart(of: value, separator: segment.delimiters.component) { part in
                count += 1
                guard count <= parts.count else {
                    if !part.isEmpty { extraWithData = true }
                    return
                }
                let component = parts[parts.startIndex + count - 1]
                guard !part.isEmpty else { return }
                if count < 64 { presence |= 1 << UInt64(count) }
                if component.usage == .notUsed {
                    report(.elementNotUsed, "is marked not used but has a value", segment, table, component, count, repetition, part,
                           into: &diagnostics)
                    return
                }
                checkValue(part, component, component: count, repetition: repetition, segment, table, into: &diagnostics)
            }
            if extraWithData {
                report(.tooManyComponents, "has \(count) components; at most \(parts.count)", segment, table, element,
                       parts.count + 1, repetition, nil,
                       at: offset(ofPart: parts.count + 1, in: value, separator: segment.delimiters.component), into: &diagnostics)
            }
            // Bit 0 is never a component's: it marks a mandatory component at position 64 or more.
            if presence & element.mandatoryComponents != element.mandatoryComponents {
                for component in parts where component.usage == .mandatory {
                    let position = component.position
                    if position >= 64 || presence & (1 << UInt64(position)) == 0 {
                        report(.mandatoryElementMissing, "is mandatory but missing", segment, table, component, position, repetition, nil,
                               at: offset(ofPart: position, in: value, separator: segment.delimiters.component), into: &diagnostics)
                    }
                }
            }
        }
        guard element.ruleCount > 0 else { return }
        let rules = table.spec.elements[element.specIndex].componentRules
        for compiledRule in table.componentRules[element.ruleStart..<(element.ruleStart + element.ruleCount)]
        where !compiledRule.holds(presence) {
            let rule = rules[compiledRule.rule]
            let kind: DiagnosticKind = [.exclusion, .oneOrNone, .ifFirstThenNone].contains(rule.kind) ? .exclusionViolated : .conditionalElementMissing
            let name = label(table.spec.tag, element.position)
            diagnostics.append(Diagnostic(.error, kind, "\(name): \(rule.explanation(tag: name, syntax: syntax))",
                at: segment.position(ofElement: element.position, repetition: repetition),
                elementReference: table.spec.elements[element.specIndex].id))
        }
    }

    @inline(never)
    private func checkRules(_ rules: [SyntaxRule], _ segment: Segment, into diagnostics: inout [Diagnostic]) {
        for rule in rules where !rule.isSatisfied({ !segment.element($0).isEmpty }) { report(rule, segment, into: &diagnostics) }
    }

    /// A broken segment syntax rule, at its offending element.
    @inline(never)
    private func report(_ rule: SyntaxRule, _ segment: Segment, into diagnostics: inout [Diagnostic]) {
        let tag = segment.tag.description
        let kind: DiagnosticKind = [.exclusion, .oneOrNone, .ifFirstThenNone].contains(rule.kind) ? .exclusionViolated : .conditionalElementMissing
        let offending = rule.positions.first { kind == .exclusionViolated ? !segment.element($0).isEmpty : segment.element($0).isEmpty }
            ?? rule.positions[0]
        let code = rule.kind.rawValue + rule.positions.map { $0 < 10 ? "0\($0)" : "\($0)" }.joined()
        diagnostics.append(Diagnostic(.error, kind, "syntax rule \(code) broken: \(rule.explanation(tag: tag, syntax: syntax))",
            at: segment.position(ofElement: offending)))
    }

    /// Type, length and code of one simple value.
    @inline(__always)
    private func checkValue(_ value: ValuePart, _ element: CompiledElement, component: Int?, repetition: Int?,
                            _ segment: Segment, _ table: CompiledSegment, into diagnostics: inout [Diagnostic]) {
        if value.hasRelease, let release = value.delimiters.release, value.bytes.contains(release) {
            checkEscapedValue(value, release: release, element, component: component, repetition: repetition, segment, table,
                              into: &diagnostics)
        } else {
            checkBytes(value.bytes, value, element, component: component, repetition: repetition, segment, table, into: &diagnostics)
        }
    }

    /// A value holding release characters.
    @inline(never)
    private func checkEscapedValue(_ value: ValuePart, release: UInt8, _ element: CompiledElement, component: Int?, repetition: Int?,
                                   _ segment: Segment, _ table: CompiledSegment, into diagnostics: inout [Diagnostic]) {
        if element.codeSet < 0, element.kind == .alphanumeric || element.kind == .identifier {
            // Free text with escapes: only its length matters, counted without unescaping.
            let length = characterCount(value.bytes, skipping: release)
            if length < element.minLength {
                report(.elementTooShort, "is \(length) long; at least \(element.minLength)", segment, table, element, component,
                       repetition, value, into: &diagnostics)
            } else if length > element.maxLength {
                report(.elementTooLong, "is \(length) long; at most \(element.maxLength)", segment, table, element, component,
                       repetition, value, into: &diagnostics)
            }
            return
        }
        let unescaped = value.unescaped
        unescaped.withUnsafeBytes { bytes in
            checkBytes(bytes, value, element, component: component, repetition: repetition, segment, table, into: &diagnostics)
        }
    }

    @inline(__always)
    private func checkBytes(_ bytes: UnsafeRawBufferPointer, _ value: ValuePart, _ element: CompiledElement, component: Int?,
                            repetition: Int?, _ segment: Segment, _ table: CompiledSegment, into diagnostics: inout [Diagnostic]) {
        func fail(_ kind: DiagnosticKind, _ message: String, severity: SyntaxIssue.Severity = .error) {
            report(kind, message, segment, table, element, component, repetition, value, severity: severity, into: &diagnostics)
        }
        if element.kind == .binary { return }
        guard let length = typedLength(bytes, element, decimalMark: segment.delimiters.decimalMark) else {
            switch element.kind {
            case .numeric: return fail(.invalidCharacter, "is not a whole number")
            case .decimal: return fail(.invalidCharacter, "is not a decimal number")
            case .edifactNumeric: return fail(.invalidCharacter, "is not a number")
            case .date: return fail(.invalidDate, "is not a valid date (CCYYMMDD or YYMMDD)")
            case .time: return fail(.invalidTime, "is not a valid time (HHMM[SS[d…]])")
            // Text is always of its type: only alphabetic text holding digits is refused.
            case .alphabetic, .alphanumeric, .identifier, .binary: return fail(.invalidCharacter, "holds digits but is alphabetic")
            }
        }
        if length < element.minLength {
            fail(.elementTooShort, "is \(length) long; at least \(element.minLength)")
        } else if length > element.maxLength {
            fail(.elementTooLong, "is \(length) long; at most \(element.maxLength)")
        }
        if element.codeSet >= 0 {
            let codes = compiled.codeSets[element.codeSet]
            if !codes.contains(bytes) {
                if codes.notUsed?.contains(bytes) == true {
                    fail(.codeNotUsedInGuide, "is a standard code the implementation guide does not use")
                } else if codes.isClosed {
                    fail(.invalidCode, "is not a valid code")
                } else {
                    fail(.unknownCode, "is not among the codes EDIKit knows for this element", severity: .warning)
                }
            }
        }
    }

    /// The length of a value (not binary) as its type counts it: digits of a number (sign and decimal
    /// mark not counted), characters of text; nil when the value is not of its type.
    @inline(__always)
    func typedLength(_ bytes: UnsafeRawBufferPointer, _ element: CompiledElement, decimalMark: UInt8) -> Int? {
        switch element.kind {
        case .numeric:
            return ByteFormat.integerDigits(bytes)
        case .decimal:
            return ByteFormat.decimalDigits(bytes, mark: UInt8(ascii: "."))
        case .edifactNumeric:
            return ByteFormat.decimalDigits(bytes, mark: decimalMark) ?? ByteFormat.decimalDigits(bytes, mark: UInt8(ascii: "."))
        case .date:
            return ByteFormat.isDate(bytes) ? bytes.count : nil
        case .time:
            return ByteFormat.isTime(bytes) ? bytes.count : nil
        case .alphabetic:
            if bytes.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) { return nil }
            return characterCount(bytes)
        case .alphanumeric, .identifier, .binary:
            // Characters are at most bytes and at least one: count them only when the bytes could be out of range.
            return bytes.count > element.maxLength || element.minLength > 1 ? characterCount(bytes) : bytes.count
        }
    }

    /// Characters, not bytes, when the interchange is UTF-8.
    @inline(__always)
    func characterCount(_ bytes: UnsafeRawBufferPointer) -> Int {
        guard encoding == .utf8 || encoding == .ascii else { return bytes.count }
        var count = 0
        for byte in bytes where byte & 0xC0 != 0x80 { count += 1 }
        return count
    }

    /// Characters of an escaped value: a release character and the byte it makes literal count once.
    func characterCount(_ bytes: UnsafeRawBufferPointer, skipping release: UInt8) -> Int {
        let utf8 = encoding == .utf8 || encoding == .ascii
        var count = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == release, index + 1 < bytes.count {
                index += 2
                count += 1
                continue
            }
            if !utf8 || byte & 0xC0 != 0x80 { count += 1 }
            index += 1
        }
        return count
    }

    /// Calls `body` for each part of a value split on a separator, honouring the release character.
    @inline(__always)
    private func forEachPart(of value: ValuePart, separator: UInt8, _ body: (ValuePart) -> Void) {
        let bytes = value.bytes
        let release = value.hasRelease ? value.delimiters.release : nil
        var start = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == release {
                index += 2
                continue
            }
            if byte == separator {
                body(value.slice(start, index))
                start = index + 1
            }
            index += 1
        }
        body(value.slice(start, bytes.count))
    }

    /// Where part `number` of a value starts in the segment (an absent part: the end of the value),
    /// so the caret of a missing component points where it should be.
    @inline(never)
    private func offset(ofPart number: Int, in value: ValuePart, separator: UInt8) -> Int {
        var count = 0
        var found: Int?
        forEachPart(of: value, separator: separator) { part in
            count += 1
            if count == number { found = part.offsetInSegment }
        }
        return found ?? value.offsetInSegment + value.bytes.count
    }

    // MARK: - Findings

    /// Adds a finding about an element, component or repetition. Its column and byte offset are those
    /// of the offending value itself (a component's own start, not its element's), or of `offset`.
    @inline(never)
    private func report(_ kind: DiagnosticKind, _ problem: String, _ segment: Segment, _ table: CompiledSegment,
                        _ element: CompiledElement, _ component: Int?, _ repetition: Int?, _ value: ValuePart?,
                        severity: SyntaxIssue.Severity = .error, at offset: Int? = nil, into diagnostics: inout [Diagnostic]) {
        let spec = table.elementSpec(element)
        let outer = table.spec.elements[element.specIndex]
        var name = label(table.spec.tag, outer.position)
        if element.specComponent >= 0 { name += "-\(element.position)" }
        let text = value.map { $0.decoded(encoding) }
        let shown = text.map { " \"\($0)\"" } ?? ""
        let type = spec.isComposite ? "" : ", \(spec.type) \(spec.minLength)/\(spec.maxLength)"
        let componentNumber = element.specComponent >= 0 ? element.position : component
        var position: EDIPosition
        if let start = offset ?? value?.offsetInSegment {
            position = segment.position.at(element: outer.position, component: componentNumber, repetition: repetition)
            position.byteOffset += start
            position.column += start
        } else {
            position = segment.position(ofElement: outer.position, component: componentNumber, repetition: repetition)
        }
        diagnostics.append(Diagnostic(severity, kind, "\(name) (\(spec.name)\(type))\(shown) \(problem)", at: position,
                                      elementReference: spec.id, badValue: text))
    }

    func label(_ tag: String, _ position: Int) -> String {
        syntax == .x12 ? "\(tag)\(position < 10 ? "0" : "")\(position)" : "\(tag) element \(position)"
    }
}

/// A value being checked: bytes `start..<end` of an element. Parts (repetitions, components) are
/// ranges of their element, so splitting a value makes no call into EDICore and copies nothing; an
/// `ElementView` of the part is made only for a finding.
struct ValuePart {
    let owner: ElementView
    let start: Int
    let end: Int

    @inline(__always)
    init(_ owner: ElementView) {
        self.owner = owner
        start = 0
        end = owner.bytes.count
    }

    @inline(__always)
    init(owner: ElementView, start: Int, end: Int) {
        self.owner = owner
        self.start = start
        self.end = end
    }

    @inline(__always)
    var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(rebasing: owner.bytes[start..<end]) }
    @inline(__always)
    var isEmpty: Bool { start == end }
    @inline(__always)
    var hasRelease: Bool { owner.hasRelease }
    @inline(__always)
    var delimiters: Delimiters { owner.delimiters }
    @inline(__always)
    var offsetInSegment: Int { owner.offsetInSegment + start }

    /// Bytes `from..<to` of this part.
    @inline(__always)
    func slice(_ from: Int, _ to: Int) -> ValuePart {
        ValuePart(owner: owner, start: start + from, end: start + min(to, end - start))
    }

    /// The part as an EDICore view (for findings and unescaping).
    var view: ElementView { owner.slice(start, end) }
    var unescaped: [UInt8] { view.unescaped }
    func decoded(_ encoding: CharacterEncoding) -> String { view.decoded(encoding) }
}

/// Value formats of the X12 and EDIFACT data types, on bytes.
enum ByteFormat {
    /// Digits of an integer with an optional leading minus; nil when not one.
    static func integerDigits(_ bytes: UnsafeRawBufferPointer) -> Int? {
        var index = bytes.first == UInt8(ascii: "-") ? 1 : 0
        let digits = bytes.count - index
        guard digits > 0 else { return nil }
        while index < bytes.count {
            let byte = bytes[index]
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            index += 1
        }
        return digits
    }

    /// Digits of a decimal number (sign and decimal mark not counted); nil when not one.
    static func decimalDigits(_ bytes: UnsafeRawBufferPointer, mark: UInt8) -> Int? {
        var index = bytes.first == UInt8(ascii: "-") ? 1 : 0
        var digits = 0
        var sawMark = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte >= 0x30, byte <= 0x39 {
                digits += 1
            } else if byte == mark, !sawMark {
                sawMark = true
            } else {
                return nil
            }
            index += 1
        }
        return digits > 0 ? digits : nil
    }

    static func isDate(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard bytes.count == 8 || bytes.count == 6, bytes.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return false }
        func digit(_ i: Int) -> Int { Int(bytes[i] &- 0x30) }
        let offset = bytes.count - 6
        let year = bytes.count == 8 ? digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3) : 2000 + digit(0) * 10 + digit(1)
        let month = digit(offset + 2) * 10 + digit(offset + 3)
        let day = digit(offset + 4) * 10 + digit(offset + 5)
        guard month >= 1, month <= 12, day >= 1 else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days: Int
        switch month {
        case 2: days = leap ? 29 : 28
        case 4, 6, 9, 11: days = 30
        default: days = 31
        }
        return day <= days
    }

    static func isTime(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard bytes.count >= 4, bytes.count <= 8, bytes.count != 5, bytes.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return false }
        func digit(_ i: Int) -> Int { Int(bytes[i] &- 0x30) }
        guard digit(0) * 10 + digit(1) <= 23, digit(2) * 10 + digit(3) <= 59 else { return false }
        return bytes.count == 4 || digit(4) * 10 + digit(5) <= 59
    }
}
