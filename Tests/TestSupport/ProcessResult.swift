import Foundation

/// What a finished child process printed and how it exited.
public struct ProcessResult: Sendable {
    public let status: Int32
    public let stdout: String
    public let stderr: String
}

/// Runs a program to completion with optional standard input and environment changes.
public enum ProcessRunner {
    public static func run(
        _ executable: URL, _ arguments: [String], stdin: String? = nil,
        environment: [String: String] = [:], removing: [String] = [], directory: URL? = nil
    ) throws -> ProcessResult {
        let env = childEnvironment(environment, removing: removing)
        // posix_spawn and waitpid rather than Foundation's Process, whose exit monitoring
        // sometimes never noticed a tmux client exit when tests ran in parallel. Output
        // goes to files and every other descriptor is closed in the child, so a tmux
        // server started here cannot hold another test's pipes open.
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let inputFile = scratch.appendingPathComponent("in"), outFile = scratch.appendingPathComponent("out")
        let errFile = scratch.appendingPathComponent("err")
        try Data((stdin ?? "").utf8).write(to: inputFile)

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, inputFile.path, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outFile.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, errFile.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        // A working directory goes through sh, since glibc's chdir spawn action is not visible to Swift.
        let program = directory == nil ? executable.path : "/bin/sh"
        let words = directory.map { ["/bin/sh", "-c", "cd \"$1\" && shift && exec \"$@\"", "sh", $0.path, executable.path] + arguments }
            ?? [executable.path] + arguments
        let pid = try spawn(program, words, environment: env, actions: &actions)
        let exitStatus = waitForExit(pid)
        // Both files exist from the spawn on; one that cannot be read must not pass for empty output.
        return ProcessResult(
            status: exitStatus,
            stdout: String(decoding: try Data(contentsOf: outFile), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: errFile), as: UTF8.self))
    }

    /// The environment every child gets: the test's own, changed as asked. The user's own
    /// catalogs (~/.config/smtp-codes/catalog) must not reach a test: every child sees an
    /// empty configuration folder unless the test gives one.
    static func childEnvironment(_ changes: [String: String], removing: [String]) -> [String: String] {
        var env = ProcessInfo.processInfo.environment
        env["XDG_CONFIG_HOME"] = EmptyConfiguration.folder.path
        for key in removing { env.removeValue(forKey: key) }
        env.merge(changes) { _, new in new }
        return env
    }

    /// Starts `program` with `words` as its arguments (the first its name) and the file actions
    /// given; every other descriptor is closed in the child.
    static func spawn(_ program: String, _ words: [String], environment: [String: String],
                      actions: inout posix_spawn_file_actions_t) throws -> pid_t {
        markDescriptorsCloseOnExec()
        let argv = words.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        // Test threads block signals; a child must start with none blocked and default
        // handlers, or the explorer under test would never see SIGINT or SIGWINCH.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t(), allSignals = sigset_t()
        sigemptyset(&noSignals)
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, program, &actions, &attributes, argv, envp)
        guard spawned == 0 else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSLocalizedDescriptionKey: "cannot start \(program): error \(spawned)"])
        }
        return pid
    }

    /// Waits for `pid` to end. Exited: the code is in bits 8-15; killed: the signal is in
    /// bits 0-6 (reported as 128 + signal).
    static func waitForExit(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    }

    /// Sets close-on-exec on every open descriptor above 2, so children (and the tmux
    /// servers they start) inherit only their standard input, output and error.
    private static func markDescriptorsCloseOnExec() {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd") else { return }
        for name in names {
            guard let fd = Int32(name), fd > 2 else { continue }
            let flags = fcntl(fd, F_GETFD)
            if flags >= 0 { _ = fcntl(fd, F_SETFD, flags | FD_CLOEXEC) }
        }
    }

    /// Runs the built `smtp-codes`.
    public static func smtpCodes(_ arguments: [String], stdin: String? = nil, environment: [String: String] = [:]) throws -> ProcessResult {
        try run(BinaryLocator.binary, arguments, stdin: stdin, environment: environment, removing: ["NO_COLOR", "COLUMNS"])
    }
}

/// An empty folder for `XDG_CONFIG_HOME`, made once per test process, so that programs
/// the tests start never read the configuration (the catalogs) of whoever runs them.
public enum EmptyConfiguration {
    public static let folder: URL = {
        try? FileManager.default.createDirectory(at: path, withIntermediateDirectories: true)
        // Removed when the test process ends (it is empty: nothing writes there).
        atexit { rmdir(EmptyConfiguration.path.path) }
        return path
    }()

    private static var path: URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("smtp-codes-empty-config-\(getpid())")
    }
}
