/// The class of a byte in the tokenizer's 256-entry table, patched with each interchange's
/// delimiters (the table-driven lexer of StAEDI, on bytes).
@usableFromInline
enum ByteClass {
    /// Data, a component separator or a repetition separator: nothing to do while scanning.
    @usableFromInline static let data: UInt8 = 0
    /// The element separator.
    @usableFromInline static let element: UInt8 = 1
    /// The segment terminator.
    @usableFromInline static let terminator: UInt8 = 2
    /// The release character: the next byte is data.
    @usableFromInline static let release: UInt8 = 3
    /// CR or LF that is not a delimiter.
    @usableFromInline static let lineBreak: UInt8 = 4
}

/// A 256-entry byte class table.
@usableFromInline
struct ByteClassTable {
    @usableFromInline var classes: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    @usableFromInline let storage: UnsafeMutablePointer<UInt8>

    init() {
        storage = .allocate(capacity: 256)
        storage.initialize(repeating: ByteClass.data, count: 256)
    }

    func deallocate() {
        storage.deallocate()
    }

    /// Sets the table for a delimiter set.
    func configure(for delimiters: Delimiters) {
        storage.update(repeating: ByteClass.data, count: 256)
        storage[0x0A] = ByteClass.lineBreak
        storage[0x0D] = ByteClass.lineBreak
        storage[Int(delimiters.element)] = ByteClass.element
        if let release = delimiters.release { storage[Int(release)] = ByteClass.release }
        storage[Int(delimiters.segment)] = ByteClass.terminator
    }
}
