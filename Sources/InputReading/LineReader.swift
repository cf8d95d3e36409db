import FoundationEssentials
import Glibc

/// Reads a file or standard input in chunks and hands on each line as bytes, with its
/// 1-based number: without its line break (LF or CRLF), cut at `maximumLineBytes` (the
/// rest of a longer line is skipped and the line counted as cut). Input that starts with
/// gzip's magic bytes (1f 8b) is inflated as it is read, concatenated members included.
///
/// Memory is two chunks (read and inflated) and one line's carry, whatever the input's
/// size; a line is handed on in place whenever it lies inside one chunk. The spans
/// handed on are valid only during the call.
public struct LineReader: Sendable {
    /// How much is read (and inflated) at a time.
    public var chunkBytes: Int
    /// The longest line handed on; `ReplyParser.maximumLineBytes` for replies.
    public var maximumLineBytes: Int
    /// Stop after this many bytes of text (after inflating), handing on the lines before;
    /// nil reads to the end.
    public var contentLimit: Int?

    public static let defaultChunkBytes = 1 << 20

    public init(chunkBytes: Int = LineReader.defaultChunkBytes, maximumLineBytes: Int, contentLimit: Int? = nil) {
        precondition(chunkBytes > 0 && maximumLineBytes > 0)
        self.chunkBytes = chunkBytes
        self.maximumLineBytes = maximumLineBytes
        self.contentLimit = contentLimit
    }

    /// Reads `source` to its end (or the content limit), calling `line` for every line, and
    /// `progress` after each chunk's lines.
    ///
    /// Throws `InputFailure` when the source cannot be opened or read, or its gzip data
    /// is damaged; the lines before the damage have been handed on, and the failure's
    /// summary counts them. A line cut off by the damage is not handed on. Errors thrown
    /// by `line` end the read and are passed on as they are.
    public func read(
        _ source: InputSource,
        progress: ((InputProgress) -> Void)? = nil,
        line: (Span<UInt8>, Int) throws -> Void
    ) throws -> ReadSummary {
        let descriptor: Int32
        var total: Int?
        switch source {
        case .standardInput:
            descriptor = STDIN_FILENO
        case .file(let path):
            do {
                descriptor = try Self.open(path)
            } catch {
                throw InputFailure(source: source.name, kind: .unreadable(code: error.code, detail: error.detail), summary: ReadSummary())
            }
        }
        defer { if case .file = source { close(descriptor) } }
        var status = stat()
        if fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG { total = Int(status.st_size) }
        let streams = total == nil
        return try read(name: source.name, total: total, progress: progress, line: line,
                        waits: { streams && !Self.hasBytesReady(descriptor) }) { buffer throws(ReadError) in
            while true {
                let count = Glibc.read(descriptor, buffer.baseAddress, buffer.count)
                if count >= 0 { return count }
                if errno != EINTR { throw ReadError(code: errno, detail: nil) }
            }
        }
    }

    /// Reads bytes already in memory as if they were a file named `name` (tests, and
    /// command-line arguments read like input).
    public func read(bytes: [UInt8], name: String, line: (Span<UInt8>, Int) throws -> Void) throws -> ReadSummary {
        var offset = 0
        return try read(name: name, total: bytes.count, progress: nil, line: line, waits: { false }) { buffer throws(ReadError) in
            let count = min(buffer.count, bytes.count - offset)
            bytes.withUnsafeBufferPointer { source in
                _ = buffer.update(fromContentsOf: UnsafeBufferPointer(rebasing: source[offset..<(offset + count)]))
            }
            offset += count
            return count
        }
    }

    struct ReadError: Error {
        let code: Int32
        let detail: String?
    }

    /// The loop behind both: `fill` reads into the buffer it is given and returns how
    /// many bytes it put there, 0 at the end; `waits` says whether the next fill would wait.
    private func read(
        name: String, total: Int?, progress: ((InputProgress) -> Void)?,
        line: (Span<UInt8>, Int) throws -> Void, waits: () -> Bool,
        fill: (UnsafeMutableBufferPointer<UInt8>) throws(ReadError) -> Int
    ) throws -> ReadSummary {
        var summary = ReadSummary()
        var splitter = LineSplitter(maximum: maximumLineBytes)
        // Two bytes at least, so the first read can hold gzip's magic.
        let chunk = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(chunkBytes, 2))
        defer { chunk.deallocate() }
        var inflater: GzipInflater?
        var first = true

        func failure(_ kind: InputFailure.Kind) -> InputFailure {
            summary.lines = splitter.lines
            summary.cutLines = splitter.cutLines
            return InputFailure(source: name, kind: kind, summary: summary)
        }
        /// Hands text to the splitter up to the content limit; false once the limit is reached.
        func take(_ text: UnsafeBufferPointer<UInt8>) throws -> Bool {
            var text = text
            if let limit = contentLimit, summary.contentBytes + text.count > limit {
                text = UnsafeBufferPointer(rebasing: text.prefix(max(0, limit - summary.contentBytes)))
                summary.stoppedAtLimit = true
            }
            summary.contentBytes += text.count
            try splitter.consume(text, line)
            return !summary.stoppedAtLimit
        }

        reading: while true {
            var count: Int
            do {
                count = try fill(chunk)
                // The magic needs two bytes; a pipe may deliver one at a time.
                while first, count == 1 {
                    let more = try fill(UnsafeMutableBufferPointer(rebasing: chunk[1...]))
                    if more == 0 { break }
                    count += more
                }
            } catch {
                throw failure(.unreadable(code: error.code, detail: error.detail))
            }
            if count == 0 { break }
            let offset = summary.bytesRead
            summary.bytesRead += count
            // Told after the chunk's lines are handed on, before the next read may wait: a
            // caller that buffers output can flush here and keep a pipeline moving.
            defer {
                if let progress { progress(InputProgress(bytesRead: summary.bytesRead, totalBytes: total, inputWaits: waits())) }
            }
            let data = UnsafeBufferPointer(rebasing: chunk[..<count])
            if first {
                first = false
                if count >= 2, data[0] == 0x1F, data[1] == 0x8B {
                    summary.isCompressed = true
                    do {
                        inflater = try GzipInflater(outputBytes: chunkBytes)
                    } catch {
                        throw failure(.corruptGzip(offset: 0, detail: "\(error)"))
                    }
                }
            }
            guard let inflater else {
                if try !take(data) { break reading }
                continue
            }
            var stopped = false
            do {
                try inflater.inflate(data) { text in
                    if !stopped, try !take(text) { stopped = true }
                }
            } catch GzipInflater.Failure.corrupt(let detail, let consumed) {
                throw failure(.corruptGzip(offset: offset + consumed, detail: detail))
            } catch GzipInflater.Failure.trailingData(let consumed) {
                throw failure(.trailingData(offset: offset + consumed))
            }
            if stopped { break reading }
        }
        if let inflater, inflater.isInsideMember, !summary.stoppedAtLimit {
            throw failure(.truncatedGzip(offset: summary.bytesRead))
        }
        try splitter.finish(line)
        summary.lines = splitter.lines
        summary.cutLines = splitter.cutLines
        return summary
    }

    /// Whether a read would return at once: data, the end, or an error waiting. A zero
    /// timeout poll costs one system call per chunk, not per line.
    static func hasBytesReady(_ descriptor: Int32) -> Bool {
        var ready = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        var found: Int32
        repeat { found = poll(&ready, 1, 0) } while found < 0 && errno == EINTR
        return found != 0
    }

    /// Opens a path for reading. A FIFO is opened without waiting for a writer (a plain
    /// open would block forever if none comes), then given ten seconds for one to write or close.
    static func open(_ path: String) throws(ReadError) -> Int32 {
        let descriptor = Glibc.open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw ReadError(code: errno, detail: nil) }
        var status = stat()
        if fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFIFO {
            var wait = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            var ready: Int32
            repeat { ready = poll(&wait, 1, 10_000) } while ready < 0 && errno == EINTR
            if ready == 0 {
                close(descriptor)
                throw ReadError(code: ETIMEDOUT, detail: "nothing was written to this FIFO within 10 seconds")
            }
        }
        let flags = fcntl(descriptor, F_GETFL)
        if flags >= 0 { _ = fcntl(descriptor, F_SETFL, flags & ~O_NONBLOCK) }
        return descriptor
    }
}
