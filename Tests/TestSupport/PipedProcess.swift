import Foundation

/// A child whose standard input and output are pipes held by the test, for what a batch
/// run cannot show: that a program answers a line while its input is still open, as under
/// Spark's `RDD.pipe` or a log shipper's `exec` stage. Standard error goes to /dev/null.
public final class PipedProcess {
    private let pid: pid_t
    private var input: Int32
    private let output: Int32
    private var received: [UInt8] = []
    private var exited: Int32?

    public init(_ executable: URL, _ arguments: [String], removing: [String] = ["NO_COLOR", "COLUMNS"]) throws {
        var toChild: [Int32] = [0, 0], fromChild: [Int32] = [0, 0]
        // Close-on-exec at once: a child another test starts meanwhile must not hold these
        // pipes open (the child under test would never see its input end). Glibc's pipe2,
        // which would close the small gap, is not visible to Swift without _GNU_SOURCE.
        guard pipe(&toChild) == 0, pipe(&fromChild) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EMFILE) }
        for descriptor in toChild + fromChild { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, toChild[0], 0)
        posix_spawn_file_actions_adddup2(&actions, fromChild[1], 1)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let environment = ProcessRunner.childEnvironment([:], removing: removing)
        defer { close(toChild[0]); close(fromChild[1]) }
        pid = try ProcessRunner.spawn(executable.path, [executable.path] + arguments, environment: environment, actions: &actions)
        input = toChild[1]
        output = fromChild[0]
    }

    /// Runs the built `smtp-codes`.
    public convenience init(smtpCodes arguments: [String]) throws {
        try self.init(BinaryLocator.binary, arguments)
    }

    deinit {
        if exited == nil { kill(pid, SIGKILL); _ = ProcessRunner.waitForExit(pid) }
        if input >= 0 { close(input) }
        close(output)
    }

    /// Writes `text` to the child's standard input, which stays open.
    public func write(_ text: String) throws {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let count = bytes[offset...].withUnsafeBytes { Foundation.write(input, $0.baseAddress, $0.count) }
            if count < 0 { if errno == EINTR { continue }; throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
            offset += count
        }
    }

    /// The next complete line of standard output (without its line break), or nil when none
    /// came within `timeout` seconds or the output ended.
    public func nextLine(within timeout: Double) -> String? {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let end = received.firstIndex(of: 0x0A) {
                let line = String(decoding: received[..<end], as: UTF8.self)
                received.removeSubrange(...end)
                return line
            }
            let left = deadline.timeIntervalSinceNow
            guard left > 0 else { return nil }
            var ready = pollfd(fd: output, events: Int16(POLLIN), revents: 0)
            guard poll(&ready, 1, Int32(left * 1000) + 1) > 0 else { continue }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let count = chunk.withUnsafeMutableBytes { Foundation.read(output, $0.baseAddress, $0.count) }
            if count == 0 { return nil }
            if count > 0 { received += chunk[..<count] }
        }
    }

    /// Closes standard input and waits for the child; returns its exit status.
    public func finish() -> Int32 {
        if input >= 0 { close(input); input = -1 }
        // Drain what is left so that a child blocked on a full pipe can end.
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = chunk.withUnsafeMutableBytes { Foundation.read(output, $0.baseAddress, $0.count) }
            if count > 0 { received += chunk[..<count]; continue }
            if count < 0 && errno == EINTR { continue }
            break
        }
        let status = exited ?? ProcessRunner.waitForExit(pid)
        exited = status
        return status
    }

    /// Output received but not yet taken as a line.
    public var remainingOutput: String { String(decoding: received, as: UTF8.self) }
}
