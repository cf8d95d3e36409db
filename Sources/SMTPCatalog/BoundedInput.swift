import Foundation

/// Reads a stream (standard input, a pipe, a device) into memory up to a stated
/// limit, reporting system errors by name. Foundation's `FileHandle` reads trap on
/// an error (a directory on stdin, a closed descriptor) and read `/dev/zero` until
/// memory runs out.
public enum BoundedInput {
    public struct Failure: Error, CustomStringConvertible, Equatable {
        /// The `errno` value.
        public let code: Int32
        public var description: String { String(cString: strerror(code)) }
    }

    public struct Contents: Sendable {
        public var data: Data
        /// More followed that was not read: the input is longer than the limit.
        public var wasCut: Bool
    }

    /// Reads `descriptor` until its end or `limit` bytes, whichever comes first.
    public static func read(descriptor: Int32, limit: Int) throws(Failure) -> Contents {
        var data = Data()
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while data.count <= limit {
            let wanted = min(chunk.count, limit + 1 - data.count)
            let count = chunk.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, wanted) }
            if count < 0 {
                if errno == EINTR { continue }
                throw Failure(code: errno)
            }
            if count == 0 { break }
            data.append(contentsOf: chunk[..<count])
        }
        let wasCut = data.count > limit
        if wasCut { data.removeLast(data.count - limit) }
        return Contents(data: data, wasCut: wasCut)
    }

    /// Opens `path` and reads it like `read(descriptor:limit:)`. A FIFO nobody writes
    /// to reads as empty instead of blocking forever: it is opened without waiting for
    /// a writer, then read normally (waiting for data from a writer that is there).
    public static func read(path: String, limit: Int) throws(Failure) -> Contents {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw Failure(code: errno) }
        defer { close(descriptor) }
        let flags = fcntl(descriptor, F_GETFL)
        if flags >= 0 { _ = fcntl(descriptor, F_SETFL, flags & ~O_NONBLOCK) }
        return try read(descriptor: descriptor, limit: limit)
    }
}
