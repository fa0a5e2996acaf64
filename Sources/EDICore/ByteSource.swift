#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the tokenizer's bytes come from: a file descriptor, memory, or any producer of chunks.
public protocol ByteSource {
    /// Reads up to `buffer.count` bytes into `buffer`; returns 0 at the end of input.
    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int
}

/// An I/O failure while reading input.
public struct ByteSourceError: Error, Sendable, CustomStringConvertible {
    /// What failed, with the path when known.
    public var message: String
    /// The `errno` value.
    public var code: Int32

    public var description: String { message }
}

/// Reads a file through its descriptor, in chunks, with no whole-file buffering.
public final class FileByteSource: ByteSource {
    private let descriptor: Int32
    /// The path that was opened.
    public let path: String

    /// Opens a file for reading; refuses directories and other non-regular files.
    public init(path: String) throws(ByteSourceError) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            let code = errno
            throw ByteSourceError(message: "cannot open \(path): \(String(cString: strerror(code)))", code: code)
        }
        var info = stat()
        if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) != S_IFREG {
            close(fd)
            throw ByteSourceError(message: "\(path) is not a regular file", code: EINVAL)
        }
        descriptor = fd
        self.path = path
    }

    deinit {
        close(descriptor)
    }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        while true {
            let count = systemRead(descriptor, buffer.baseAddress, buffer.count)
            if count >= 0 { return count }
            let code = errno
            if code == EINTR { continue }
            throw ByteSourceError(message: "cannot read \(path): \(String(cString: strerror(code)))", code: code)
        }
    }
}

private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.read(fd, buffer, count)
    #elseif canImport(Musl)
    Musl.read(fd, buffer, count)
    #else
    Darwin.read(fd, buffer, count)
    #endif
}

/// Bytes in memory, handed out in chunks of a chosen size (tests use this to split input).
public struct MemoryByteSource: ByteSource {
    private let bytes: [UInt8]
    private var offset = 0
    private let chunkSizes: [Int]
    private var chunkIndex = 0

    /// Creates a source over bytes; `chunkSizes` (cycled) limits each read, default unlimited.
    public init(_ bytes: [UInt8], chunkSizes: [Int] = []) {
        self.bytes = bytes
        self.chunkSizes = chunkSizes.filter { $0 > 0 }
    }

    public mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        var count = min(buffer.count, bytes.count - offset)
        if !chunkSizes.isEmpty {
            count = min(count, chunkSizes[chunkIndex % chunkSizes.count])
            chunkIndex += 1
        }
        guard count > 0 else { return 0 }
        bytes.withUnsafeBytes { raw in
            buffer.baseAddress!.copyMemory(from: raw.baseAddress! + offset, byteCount: count)
        }
        offset += count
        return count
    }
}
