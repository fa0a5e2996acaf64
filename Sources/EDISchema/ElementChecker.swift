import EDICore

/// Checks the elements of one segment against its spec: presence, count, type, length, codes,
/// repetitions, composites and syntax rules. One small check per concern.
struct ElementChecker {
    let syntax: EDISyntax
    var encoding: CharacterEncoding = .utf8

    func check(_ segment: Segment, spec: SegmentSpec, loopPath: String?, into diagnostics: inout [Diagnostic]) {
        let tag = spec.tag
        let lastDefined = spec.elements.last?.position ?? 0
        if segment.elementCount > lastDefined {
            // Trailing empty elements beyond the definition are tolerated by nobody: they are extra elements.
            var last = segment.elementCount
            while last > lastDefined, segment.element(last).isEmpty { last -= 1 }
            if last > lastDefined || syntax == .x12 && segment.elementCount > lastDefined {
                diagnostics.append(Diagnostic(.error, .tooManyElements,
                    "\(tag) has \(segment.elementCount) elements; the standard defines \(lastDefined)",
                    at: segment.position(ofElement: lastDefined + 1), loopPath: loopPath))
            }
        }
        for element in spec.elements {
            let view = segment.element(element.position)
            let name = label(tag, element.position)
            if view.isEmpty {
                if element.usage == .mandatory {
                    diagnostics.append(Diagnostic(.error, .mandatoryElementMissing, "\(name) (\(element.name)) is mandatory but missing",
                        at: segment.position(ofElement: element.position), loopPath: loopPath, elementReference: element.id))
                }
                continue
            }
            if element.usage == .notUsed {
                diagnostics.append(Diagnostic(.error, .elementNotUsed, "\(name) (\(element.name)) is marked not used but has a value",
                    at: segment.position(ofElement: element.position), loopPath: loopPath, elementReference: element.id,
                    badValue: view.decoded(encoding)))
                continue
            }
            let repetitions = view.repetitions
            if let maxRepeat = element.maxRepeat, repetitions.count > maxRepeat {
                diagnostics.append(Diagnostic(.error, .tooManyRepetitions,
                    "\(name) repeats \(repetitions.count) times; at most \(maxRepeat) allowed",
                    at: segment.position(ofElement: element.position, repetition: maxRepeat + 1), loopPath: loopPath,
                    elementReference: element.id))
            }
            for (r, repetition) in repetitions.enumerated() {
                let repetitionNumber = repetitions.count > 1 ? r + 1 : nil
                if let components = element.components {
                    checkComposite(repetition, spec: element, components: components, segment: segment, name: name,
                                   repetition: repetitionNumber, loopPath: loopPath, into: &diagnostics)
                } else {
                    let parts = repetition.split(on: segment.delimiters.component)
                    if parts.count > 1 {
                        diagnostics.append(Diagnostic(.error, .tooManyComponents,
                            "\(name) (\(element.name)) is a simple element but holds components",
                            at: segment.position(ofElement: element.position, component: 2, repetition: repetitionNumber),
                            loopPath: loopPath, elementReference: element.id, badValue: repetition.decoded(encoding)))
                    }
                    checkValue(parts[0], spec: element, name: name,
                               at: segment.position(ofElement: element.position, repetition: repetitionNumber),
                               loopPath: loopPath, into: &diagnostics)
                }
            }
        }
        for rule in spec.rules where !rule.isSatisfied({ !segment.element($0).isEmpty }) {
            let kind: DiagnosticKind = [.exclusion, .oneOrNone, .ifFirstThenNone].contains(rule.kind) ? .exclusionViolated : .conditionalElementMissing
            let offending = rule.positions.first { kind == .exclusionViolated ? !segment.element($0).isEmpty : segment.element($0).isEmpty }
                ?? rule.positions[0]
            diagnostics.append(Diagnostic(.error, kind, "syntax rule \(rule.kind.rawValue)\(rule.positions.map { String(format: "%02d", $0) }.joined()) broken: \(rule.explanation(tag: tag, syntax: syntax))",
                at: segment.position(ofElement: offending), loopPath: loopPath))
        }
    }

    private func checkComposite(_ value: ElementView, spec: ElementSpec, components: [ElementSpec], segment: Segment, name: String,
                                repetition: Int?, loopPath: String?, into diagnostics: inout [Diagnostic]) {
        let parts = value.split(on: segment.delimiters.component)
        if parts.count > components.count {
            var last = parts.count
            while last > components.count, parts[last - 1].isEmpty { last -= 1 }
            if last > components.count {
                diagnostics.append(Diagnostic(.error, .tooManyComponents,
                    "\(name) (\(spec.name)) has \(parts.count) components; at most \(components.count)",
                    at: segment.position(ofElement: spec.position, component: components.count + 1, repetition: repetition),
                    loopPath: loopPath, elementReference: spec.id))
            }
        }
        for component in components {
            let part = component.position <= parts.count ? parts[component.position - 1] : nil
            let componentName = "\(name)-\(component.position)"
            let position = segment.position(ofElement: spec.position, component: component.position, repetition: repetition)
            guard let part, !part.isEmpty else {
                if component.usage == .mandatory {
                    diagnostics.append(Diagnostic(.error, .mandatoryElementMissing,
                        "\(componentName) (\(component.name)) is mandatory but missing", at: position, loopPath: loopPath,
                        elementReference: component.id))
                }
                continue
            }
            if component.usage == .notUsed {
                diagnostics.append(Diagnostic(.error, .elementNotUsed, "\(componentName) (\(component.name)) is marked not used but has a value",
                    at: position, loopPath: loopPath, elementReference: component.id, badValue: part.decoded(encoding)))
                continue
            }
            checkValue(part, spec: component, name: componentName, at: position, loopPath: loopPath, into: &diagnostics)
        }
        for rule in spec.componentRules {
            let present: (Int) -> Bool = { $0 <= parts.count && !parts[$0 - 1].isEmpty }
            if !rule.isSatisfied(present) {
                let kind: DiagnosticKind = [.exclusion, .oneOrNone, .ifFirstThenNone].contains(rule.kind) ? .exclusionViolated : .conditionalElementMissing
                diagnostics.append(Diagnostic(.error, kind, "\(name): \(rule.explanation(tag: name, syntax: syntax))",
                    at: segment.position(ofElement: spec.position, repetition: repetition), loopPath: loopPath, elementReference: spec.id))
            }
        }
    }

    /// Type, length and code of one simple value.
    func checkValue(_ value: ElementView, spec: ElementSpec, name: String, at position: EDIPosition, loopPath: String?,
                    into diagnostics: inout [Diagnostic]) {
        let text = value.decoded(encoding)
        let bytes = value.unescaped
        func add(_ kind: DiagnosticKind, _ message: String, severity: SyntaxIssue.Severity = .error) {
            diagnostics.append(Diagnostic(severity, kind, message, at: position, loopPath: loopPath, elementReference: spec.id, badValue: text))
        }
        var length = text.unicodeScalars.count
        switch spec.type {
        case .numeric:
            guard ValueFormat.isInteger(bytes) else {
                add(.invalidCharacter, "\(name) (\(spec.name)) \"\(text)\" is not a whole number (type \(spec.type))")
                return
            }
            length = bytes.filter { $0 != UInt8(ascii: "-") }.count
        case .decimal:
            guard ValueFormat.isDecimal(bytes, mark: UInt8(ascii: ".")) else {
                add(.invalidCharacter, "\(name) (\(spec.name)) \"\(text)\" is not a decimal number (type R)")
                return
            }
            length = bytes.filter { $0 >= 0x30 && $0 <= 0x39 }.count
        case .edifactNumeric:
            guard ValueFormat.isDecimal(bytes, mark: value.delimiters.decimalMark) || ValueFormat.isDecimal(bytes, mark: UInt8(ascii: ".")) else {
                add(.invalidCharacter, "\(name) (\(spec.name)) \"\(text)\" is not a number (type n)")
                return
            }
            length = bytes.filter { $0 >= 0x30 && $0 <= 0x39 }.count
        case .date:
            guard ValueFormat.isDate(bytes) else {
                add(.invalidDate, "\(name) (\(spec.name)) \"\(text)\" is not a valid date (CCYYMMDD or YYMMDD)")
                return
            }
        case .time:
            guard ValueFormat.isTime(bytes) else {
                add(.invalidTime, "\(name) (\(spec.name)) \"\(text)\" is not a valid time (HHMM[SS[d…]])")
                return
            }
        case .alphabetic:
            if bytes.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) {
                add(.invalidCharacter, "\(name) (\(spec.name)) \"\(text)\" holds digits but is alphabetic (type a)")
                return
            }
        case .alphanumeric, .identifier, .binary:
            break
        }
        if spec.type != .binary {
            if length < spec.minLength {
                add(.elementTooShort, "\(name) (\(spec.name)) \"\(text)\" is \(length) long; at least \(spec.minLength)")
            } else if length > spec.maxLength {
                add(.elementTooLong, "\(name) (\(spec.name)) \"\(text)\" is \(length) long; at most \(spec.maxLength)")
            }
        }
        if let codes = spec.codes, !codes.contains(text) {
            if codes.isClosed {
                add(.invalidCode, "\(name) (\(spec.name)) \"\(text)\" is not a valid code")
            } else {
                add(.unknownCode, "\(name) (\(spec.name)) \"\(text)\" is not among the codes EDIKit knows for element \(spec.id)",
                    severity: .warning)
            }
        }
    }

    func label(_ tag: String, _ position: Int) -> String {
        syntax == .x12 ? "\(tag)\(position < 10 ? "0" : "")\(position)" : "\(tag) element \(position)"
    }
}

/// Value formats of the X12 and EDIFACT data types.
enum ValueFormat {
    static func isInteger(_ bytes: [UInt8]) -> Bool {
        var digits = bytes[...]
        if digits.first == UInt8(ascii: "-") { digits = digits.dropFirst() }
        return !digits.isEmpty && digits.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    static func isDecimal(_ bytes: [UInt8], mark: UInt8) -> Bool {
        var digits = bytes[...]
        if digits.first == UInt8(ascii: "-") { digits = digits.dropFirst() }
        var sawDigit = false
        var sawMark = false
        for byte in digits {
            if byte >= 0x30 && byte <= 0x39 {
                sawDigit = true
            } else if byte == mark, !sawMark {
                sawMark = true
            } else {
                return false
            }
        }
        return sawDigit
    }

    static func isDate(_ bytes: [UInt8]) -> Bool {
        guard bytes.count == 8 || bytes.count == 6, bytes.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return false }
        let n = bytes.map { Int($0 - 0x30) }
        let offset = bytes.count - 6
        let year = bytes.count == 8 ? n[0] * 1000 + n[1] * 100 + n[2] * 10 + n[3] : 2000 + n[0] * 10 + n[1]
        let month = n[offset + 2] * 10 + n[offset + 3]
        let day = n[offset + 4] * 10 + n[offset + 5]
        guard (1...12).contains(month), day >= 1 else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return day <= days
    }

    static func isTime(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 4, bytes.count <= 8, bytes.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return false }
        let n = bytes.map { Int($0 - 0x30) }
        let hour = n[0] * 10 + n[1], minute = n[2] * 10 + n[3]
        guard hour <= 23, minute <= 59 else { return false }
        if bytes.count >= 6 { return n[4] * 10 + n[5] <= 59 }
        return bytes.count == 4 || bytes.count >= 6
    }
}
