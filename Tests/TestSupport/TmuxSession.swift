import Foundation

/// A private tmux server running one program at a fixed size, for end-to-end
/// tests that read the screen as a person would. Each session has its own
/// socket, so tests never touch a user's tmux and can run in parallel.
public final class TmuxSession {
    public struct Missing: Error, CustomStringConvertible {
        public var description: String { "tmux is not installed: the end-to-end tests need it (apt-get install tmux)" }
    }

    public let socket = "smtp-codes-\(UUID().uuidString.prefix(8))"
    private let tmux: URL
    /// Released after `deinit` has killed the server, so the folder goes after the shell that writes to it.
    private let scratch: ScratchFolder?

    /// Starts `command` (a bash command line) in a detached session of width × height.
    /// bash is named explicitly: tmux would otherwise use `$SHELL`, which differs between machines.
    /// `scratch`, the folder the command writes to, is removed when the session ends.
    public init(
        command: String, width: Int, height: Int, environment: [String: String] = [:], scratch: ScratchFolder? = nil
    ) throws {
        self.scratch = scratch
        guard let tmux = ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"]
            .map(URL.init(fileURLWithPath:)).first(where: { FileManager.default.isExecutableFile(atPath: $0.path) })
        else { throw Missing() }
        self.tmux = tmux
        var arguments = ["new-session", "-d", "-s", "main", "-x", String(width), "-y", String(height)]
        // An empty XDG_CONFIG_HOME: the explorer must not read the catalogs of whoever runs the tests.
        let defaults = ["LANG": "C.UTF-8", "TERM": "xterm-256color", "XDG_CONFIG_HOME": EmptyConfiguration.folder.path]
        for (key, value) in defaults.merging(environment, uniquingKeysWith: { $1 }) {
            arguments += ["-e", "\(key)=\(value)"]
        }
        try run(arguments + ["/bin/bash", "-c", command])
    }

    deinit {
        _ = try? run(["kill-server"])
    }

    @discardableResult
    public func run(_ arguments: [String]) throws -> ProcessResult {
        try ProcessRunner.run(tmux, ["-L", socket, "-f", "/dev/null"] + arguments)
    }

    /// Sends keys in tmux's key syntax ("Enter", "Escape", "C-c", "Space", or literal text with `literal`).
    public func send(_ keys: String..., literal: Bool = false) throws {
        try run(["send-keys", "-t", "main"] + (literal ? ["-l"] : []) + keys)
    }

    public func resize(width: Int, height: Int) throws {
        try run(["resize-window", "-t", "main", "-x", String(width), "-y", String(height)])
    }

    /// The visible screen as plain text.
    public func screen() throws -> String {
        try run(["capture-pane", "-p", "-t", "main"]).stdout
    }

    /// A wait that ended without seeing what it waited for; carries the last screen.
    public struct ScreenTimeout: Error, CustomStringConvertible {
        public let waitedFor: String
        public let seconds: Double
        public let lastScreen: String
        public var description: String { "waited \(seconds)s for \(waitedFor); the screen was:\n\(lastScreen)" }
    }

    /// Polls the screen until `predicate` holds or `seconds` pass: the last screen and whether it held.
    private func poll(seconds: Double, _ predicate: (String) -> Bool) throws -> (screen: String, held: Bool) {
        let deadline = Date().addingTimeInterval(seconds)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if predicate(last) { return (last, true) }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return (last, false)
    }

    /// Polls the screen until `predicate` holds or `seconds` pass; returns the last screen
    /// either way, so a caller must check it. Prefer `require`, which fails on a timeout.
    public func waitFor(seconds: Double = 10, _ predicate: (String) -> Bool) throws -> String {
        try poll(seconds: seconds, predicate).screen
    }

    public func waitFor(_ text: String, seconds: Double = 10) throws -> String {
        try waitFor(seconds: seconds) { $0.contains(text) }
    }

    public func waitFor(allOf texts: [String], seconds: Double = 10) throws -> String {
        try waitFor(seconds: seconds) { screen in texts.allSatisfy(screen.contains) }
    }

    /// Waits until `predicate` holds and returns that screen; throws `ScreenTimeout` (which
    /// fails the test) when it never does. `description` says what was awaited, for the failure.
    @discardableResult
    public func require(_ description: String, seconds: Double = 10, _ predicate: (String) -> Bool) throws -> String {
        let (screen, held) = try poll(seconds: seconds, predicate)
        guard held else { throw ScreenTimeout(waitedFor: description, seconds: seconds, lastScreen: screen) }
        return screen
    }

    /// Waits until `text` is on screen, or fails.
    @discardableResult
    public func require(_ text: String, seconds: Double = 10) throws -> String {
        try require("'\(text)'", seconds: seconds) { $0.contains(text) }
    }

    /// Waits until every text is on screen, or fails: a capture can catch a frame half
    /// drawn, so a test that checks several parts of a screen waits for all of them.
    @discardableResult
    public func require(allOf texts: [String], seconds: Double = 10) throws -> String {
        try require("all of \(texts)", seconds: seconds) { screen in texts.allSatisfy(screen.contains) }
    }
}
