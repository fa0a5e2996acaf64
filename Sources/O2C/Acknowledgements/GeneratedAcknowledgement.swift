public import EDICore
import Foundation

/// One acknowledgement interchange produced for an inbound interchange.
public struct GeneratedAcknowledgement: Sendable {
    /// What it contains (`997`, `999`, `TA1`, `CONTRL`, or several joined by `+`).
    public var kinds: [String]
    /// The inbound interchange control number it answers.
    public var inboundControlNumber: String
    /// The partner it goes to (the inbound sender).
    public var partner: EnvelopeParty
    /// The bytes of the acknowledgement interchange.
    public var bytes: [UInt8]
    /// Its own interchange control number.
    public var controlNumber: String
    /// X12 responses left in a responses file (``AcknowledgementResponses``), each to be put into
    /// `bytes` at its offset: empty when `bytes` is the whole acknowledgement.
    public var insertions: [Insertion] = []
    /// The file ``insertions`` come from.
    public var responsesPath: String?

    /// Bytes of a responses file that go into ``bytes`` at `offset`.
    public struct Insertion: Sendable, Hashable {
        /// Where in ``GeneratedAcknowledgement/bytes`` (before any other insertion).
        public var offset: Int
        /// Which bytes of the responses file.
        public var range: Range<Int>
    }

    /// Writes the whole acknowledgement, insertions in place, to an open file.
    public func write(to descriptor: Int32) throws {
        var done = 0
        let source = try responsesPath.map { path in
            let source = open(path, O_RDONLY | O_CLOEXEC)
            guard source >= 0 else { throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: path]) }
            return source
        }
        defer { if let source { close(source) } }
        var chunk = [UInt8](repeating: 0, count: insertions.isEmpty ? 0 : 64 << 10)
        for insertion in insertions {
            try writeBytes(bytes[done..<insertion.offset], to: descriptor)
            done = insertion.offset
            var position = insertion.range.lowerBound
            while position < insertion.range.upperBound, let source {
                let wanted = min(chunk.count, insertion.range.upperBound - position)
                let read = chunk.withUnsafeMutableBytes { pread(source, $0.baseAddress!, wanted, off_t(position)) }
                if read < 0, errno == EINTR { continue }
                guard read > 0 else { throw CocoaError(.fileReadCorruptFile, userInfo: [NSFilePathErrorKey: responsesPath ?? ""]) }
                try writeBytes(chunk[0..<read], to: descriptor)
                position += read
            }
        }
        try writeBytes(bytes[done...], to: descriptor)
    }
}

/// Writes all of `bytes` to an open file.
func writeBytes(_ bytes: ArraySlice<UInt8>, to descriptor: Int32) throws {
    try bytes.withUnsafeBytes { raw in
        var offset = 0
        while offset < raw.count {
            let written = write(descriptor, raw.baseAddress! + offset, raw.count - offset)
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { throw CocoaError(.fileWriteUnknown) }
            offset += written
        }
    }
}
