public import EDICore

/// Segments of a transaction already written to bytes, for a transaction too large to keep as
/// segments (the 997/999 of a group of many transaction sets): the interchange writer copies the
/// bytes in place and counts the segments in SE01.
public struct X12WrittenSegments: Sendable {
    /// The written segments, each with its terminator and line ending.
    public var bytes: [UInt8]
    /// How many segments `bytes` holds.
    public var count: Int
    /// How many of the transaction's segments (ST first) come before them.
    public var after: Int
    /// The delimiters they were written with; the interchange writer refuses others.
    public var delimiters: Delimiters
    /// The line style they were written with.
    public var lineStyle: LineStyle

    /// Creates written segments.
    public init(bytes: [UInt8], count: Int, after: Int, delimiters: Delimiters, lineStyle: LineStyle) {
        self.bytes = bytes
        self.count = count
        self.after = after
        self.delimiters = delimiters
        self.lineStyle = lineStyle
    }
}
