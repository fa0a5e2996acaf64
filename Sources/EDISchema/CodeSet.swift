/// A code list as the validator checks it: codes of up to seven bytes packed into integers and
/// kept in an open-addressing table (multiplicative hash, linear probing), so a lookup is a
/// multiply, a shift and one or two compares, with no hashing of strings and no allocation.
final class CodeSet: @unchecked Sendable {
    /// Packed codes at their hash slots; 0 is an empty slot (a packed code is never 0).
    private let slots: UnsafeMutablePointer<UInt64>
    /// The table as a plain value, for lookups that take no reference (valid while this set lives).
    let probe: CodeProbe
    let long: Set<[UInt8]>
    let isClosed: Bool
    /// The shortest and longest code, in bytes and in characters (nil for an empty list): whether every
    /// code fits an element's lengths is two comparisons each.
    let byteLengths: ClosedRange<Int>?
    let characterLengths: ClosedRange<Int>?
    /// The standard's codes a guide took out (``CodeList/codesNotUsed``), nil when none.
    let notUsed: CodeSet?

    init(_ list: CodeList) {
        var packed = Set<UInt64>()
        var long = Set<[UInt8]>()
        var byteLengths: ClosedRange<Int>?
        var characterLengths: ClosedRange<Int>?
        for code in list.orderedCodes where !code.isEmpty {
            let bytes = Array(code.utf8)
            if let value = CodeSet.pack(bytes) { packed.insert(value) } else { long.insert(bytes) }
            // Characters as the validator counts them: bytes that are not UTF-8 continuation bytes.
            let characters = bytes.reduce(0) { $0 + ($1 & 0xC0 != 0x80 ? 1 : 0) }
            byteLengths = min(byteLengths?.lowerBound ?? bytes.count, bytes.count)...max(byteLengths?.upperBound ?? bytes.count, bytes.count)
            characterLengths = min(characterLengths?.lowerBound ?? characters, characters)...max(characterLengths?.upperBound ?? characters, characters)
        }
        self.byteLengths = byteLengths
        self.characterLengths = characterLengths
        var bits: UInt64 = 2
        while (1 << bits) < packed.count * 2 { bits += 1 }
        let size = 1 << Int(bits)
        slots = .allocate(capacity: size)
        slots.initialize(repeating: 0, count: size)
        let shift = 64 - bits
        let mask = size - 1
        for value in packed {
            var slot = Int(truncatingIfNeeded: (value &* 0x9E37_79B9_7F4A_7C15) >> shift)
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = value
        }
        probe = CodeProbe(slots: UnsafePointer(slots), shift: shift, mask: mask)
        self.long = long
        isClosed = list.isClosed
        notUsed = list.codesNotUsed.isEmpty ? nil : CodeSet(CodeList(codes: list.codesNotUsed.map { ($0, "") }, isClosed: true, source: nil))
    }

    deinit {
        slots.deallocate()
    }

    convenience init(values: Set<String>) {
        self.init(CodeList(codes: values.map { ($0, "") }, isClosed: true, source: nil))
    }

    /// Packs up to seven bytes into an integer: byte `i` at bits `8i`, the count in the top byte.
    @inline(__always)
    static func pack<C: Collection<UInt8>>(_ bytes: C) -> UInt64? {
        guard bytes.count <= 7 else { return nil }
        var value = UInt64(bytes.count) << 56
        var shift: UInt64 = 0
        for byte in bytes {
            value |= UInt64(byte) << shift
            shift &+= 8
        }
        return value
    }

    /// ``pack(_:)`` of 1 to 7 bytes read with two overlapping loads instead of a loop.
    @inline(__always)
    static func pack(_ start: UnsafeRawPointer, count: Int) -> UInt64 {
        let value: UInt64
        if count >= 4 {
            let low = UInt64(UInt32(littleEndian: start.loadUnaligned(as: UInt32.self)))
            let high = UInt64(UInt32(littleEndian: start.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)))
            value = low | high << UInt64(truncatingIfNeeded: (count - 4) * 8)
        } else if count >= 2 {
            let low = UInt64(UInt16(littleEndian: start.loadUnaligned(as: UInt16.self)))
            let high = UInt64(UInt16(littleEndian: start.loadUnaligned(fromByteOffset: count - 2, as: UInt16.self)))
            value = low | high << UInt64(truncatingIfNeeded: (count - 2) * 8)
        } else {
            value = UInt64(start.load(as: UInt8.self))
        }
        return value | UInt64(truncatingIfNeeded: count) << 56
    }

    @inline(__always)
    func contains(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard !bytes.isEmpty else { return false }
        guard let value = CodeSet.pack(bytes) else { return long.contains(Array(bytes)) }
        return probe.contains(packed: value)
    }
}

/// A code set's open-addressing table as a plain value: a lookup of a packed code (``CodeSet/pack(_:)``)
/// is a multiply, a shift and one or two compares, with no reference counting. Valid while its
/// ``CodeSet`` lives.
struct CodeProbe {
    let slots: UnsafePointer<UInt64>
    let shift: UInt64
    let mask: Int

    @inline(__always)
    func contains(packed value: UInt64) -> Bool {
        var slot = Int(truncatingIfNeeded: (value &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while true {
            let code = slots[slot]
            if code == value { return true }
            if code == 0 { return false }
            slot = (slot + 1) & mask
        }
    }
}

/// Finds a code list already compiled, without hashing whole lists: candidates share source, size,
/// closedness and first code, and are then compared (equal lists read from one dictionary share their
/// storage, so the comparison is quick).
struct CodeListIndex {
    private struct Key: Hashable {
        var source: String?
        var count: Int
        var isClosed: Bool
        var first: String?
    }

    private var lists: [Key: [(CodeList, Int)]] = [:]

    private static func key(_ list: CodeList) -> Key {
        Key(source: list.source, count: list.orderedCodes.count, isClosed: list.isClosed, first: list.orderedCodes.first)
    }

    func index(of list: CodeList) -> Int? {
        lists[Self.key(list)]?.first { $0.0 == list }?.1
    }

    mutating func add(_ list: CodeList, at index: Int) {
        lists[Self.key(list), default: []].append((list, index))
    }
}
