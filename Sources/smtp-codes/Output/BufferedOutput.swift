import Glibc

/// Standard output written in blocks rather than a system call per line; flushed when the
/// block is full, when the reader is about to wait for more input, and at the end. A terminal
/// gets each line at once.
final class BufferedOutput {
    private var buffer: [UInt8] = []
    private let lineByLine: Bool
    static let blockBytes = 1 << 16

    init(lineByLine: Bool) {
        self.lineByLine = lineByLine
        buffer.reserveCapacity(Self.blockBytes)
    }

    /// Adds `line` and a line break.
    func write(_ line: String) throws(OutputFailure) {
        buffer.append(contentsOf: line.utf8)
        try endLine()
    }

    /// Adds the bytes `fill` appends, and a line break: for lines made as bytes (`--ndjson`),
    /// which then need no String on the way out.
    func writeLine(_ fill: (inout [UInt8]) -> Void) throws(OutputFailure) {
        fill(&buffer)
        try endLine()
    }

    private func endLine() throws(OutputFailure) {
        buffer.append(0x0A)
        if lineByLine || buffer.count >= Self.blockBytes { try flush() }
    }

    func flush() throws(OutputFailure) {
        guard !buffer.isEmpty else { return }
        defer { buffer.removeAll(keepingCapacity: true) }
        try Output.write(bytes: buffer, to: STDOUT_FILENO)
    }
}
