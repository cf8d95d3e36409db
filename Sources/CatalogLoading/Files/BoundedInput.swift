import FoundationEssentials
import Glibc
import SMTPCatalog

/// Reads a stream (standard input, a pipe, a device) into memory up to a stated
/// limit, reporting system errors by name. Foundation's `FileHandle` reads trap on
/// an error (a directory on stdin, a closed descriptor) and read `/dev/zero` until
/// memory runs out.
public enum BoundedInput {
    public struct Failure: Error, CustomStringConvertible, Equatable {
        /// The `errno` value.
        public let code: Int32
        /// Said instead of the system's text for `code`, when there is something better to say.
        public var detail: String?

        public init(code: Int32, detail: String? = nil) {
            self.code = code
            self.detail = detail
        }

        public var description: String { detail ?? String(cString: strerror(code)) }
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
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, wanted) }
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

    /// How long a FIFO may go without a writer before it is given up on.
    public static let fifoWriterWait: Int32 = 10_000

    /// Opens `path` and reads it like `read(descriptor:limit:)`. A FIFO is opened
    /// without waiting for a writer (a plain open would block forever if none comes),
    /// then given `fifoWriterWait` milliseconds for one to write or close.
    public static func read(path: String, limit: Int) throws(Failure) -> Contents {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw Failure(code: errno) }
        defer { close(descriptor) }
        var status = stat()
        if fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFIFO {
            // Linux reports neither data nor hang-up to a reader that has never had a
            // writer, so this waits for a writer's first bytes or its close.
            var wait = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            var ready: Int32
            repeat { ready = poll(&wait, 1, fifoWriterWait) } while ready < 0 && errno == EINTR
            if ready == 0 { throw Failure(code: ETIMEDOUT, detail: "nothing was written to this FIFO within \(fifoWriterWait / 1000) seconds") }
        }
        let flags = fcntl(descriptor, F_GETFL)
        if flags >= 0 { _ = fcntl(descriptor, F_SETFL, flags & ~O_NONBLOCK) }
        return try read(descriptor: descriptor, limit: limit)
    }
}
