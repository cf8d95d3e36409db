import Foundation
import Testing
import TestSupport

/// Every way out of the explorer must leave a terminal a shell can use: the same
/// tty settings, the main screen, a visible cursor, no mouse reporting and no
/// bracketed paste. Each test first sees the explorer's modes on, so the checks
/// after it could tell a difference.
@Suite(.serialized) struct TerminalRestoreEndToEndTests {
    /// Starts the explorer and waits until it has taken over the terminal.
    private func startedPane(prelude: String = "", followUp: String = "", environment: [String: String] = [:]) throws -> ExplorerPane {
        let pane = try ExplorerPane(prelude: prelude, followUp: followUp, environment: environment)
        #expect(try pane.waitForExplorer())
        #expect(try pane.waitForModes(.explorer) == .explorer)
        return pane
    }

    /// `--no-mouse` leaves mouse reporting off (the terminal's own selection keeps working)
    /// while the keys are still read in application mode, both set once the first frame is out.
    @Test func noMouseKeepsMouseReportingOff() throws {
        let pane = try ExplorerPane(arguments: "--no-mouse")
        #expect(try pane.waitForExplorer())
        var expected = ExplorerPane.Modes.explorer
        expected.mouseReporting = false
        #expect(try pane.waitForModes(expected) == expected)
        try pane.session.send("q")
        #expect(try pane.exitStatus() == "0")
        try pane.expectTerminalUsable()
    }

    @Test func quittingWithQ() throws {
        let pane = try startedPane()
        try pane.session.send("q")
        #expect(try pane.exitStatus() == "0")
        try pane.expectTerminalUsable()
    }

    @Test func ctrlC() throws {
        let pane = try startedPane()
        try pane.session.send("C-c")
        #expect(try pane.exitStatus() == "130")
        try pane.expectTerminalUsable()
    }

    @Test func sigterm() throws {
        let pane = try startedPane()
        try pane.send(signal: "TERM")
        #expect(try pane.exitStatus() == "143")
        try pane.expectTerminalUsable()
    }

    @Test func sighup() throws {
        let pane = try startedPane()
        try pane.send(signal: "HUP")
        #expect(try pane.exitStatus() == "129")
        try pane.expectTerminalUsable()
    }

    /// Ctrl-\ quits like Ctrl-C (exit 128 + SIGQUIT) instead of printing a backtrace
    /// over the screen. The pane's shell traps SIGQUIT (as an interactive shell ignores
    /// it), so only the explorer acts on the key.
    @Test func ctrlBackslashSendsSigquit() throws {
        let pane = try startedPane(prelude: "trap : QUIT;")
        try pane.session.send("C-\\")
        #expect(try pane.exitStatus() == "131")
        try pane.expectTerminalUsable()
    }

    /// A crash restores the terminal and then still reaches the handler that was there
    /// before (here the Swift runtime's backtracer, which prints "Program crashed").
    @Test func crashSignalRestoresTheTerminalAndKeepsTheCrashReport() throws {
        let pane = try startedPane(environment: ["SWIFT_BACKTRACE": "enable=yes,interactive=no"])
        try pane.send(signal: "SEGV")
        #expect(try pane.exitStatus() == "139")
        let history = try pane.session.run(["capture-pane", "-p", "-S", "-", "-t", "main"]).stdout
        #expect(history.contains("Program crashed"), "the backtracer's report is missing:\n\(history)")
        try pane.expectTerminalUsable()
    }

    /// While suspended the shell gets a plain terminal (pastes not bracketed); after
    /// `fg` the explorer has its modes back, bracketed paste included.
    @Test func ctrlZThenFgThenQ() throws {
        let pane = try startedPane(
            prelude: "set -m;", followUp: "echo SUSPENDED; \(ExplorerPane.readProbe(into: "suspended")); fg;")
        try pane.session.send("C-z")
        #expect(try pane.session.waitFor("SUSPENDED").contains("SUSPENDED"))
        #expect(try pane.waitForModes(.shell) == .shell)
        // The probe line is what the shell waits for before `fg`.
        #expect(try pane.probe(name: "suspended") == ExplorerPane.probeText)

        let resumed = try pane.session.waitFor { $0.contains("┌─ Codes") && !$0.contains("SUSPENDED") }
        #expect(resumed.contains("┌─ Codes"))
        #expect(try pane.waitForModes(.explorer) == .explorer)
        try pane.paste("resumed paste")
        #expect(try pane.session.waitFor("Search: resumed paste▏").contains("Search: resumed paste▏"))

        try pane.session.send("Enter", "q")
        #expect(try pane.exitStatus() == "0")
        try pane.expectTerminalUsable()
    }

    /// Closing the terminal under a process that is not in its session (so no SIGHUP
    /// comes): every read fails, and the explorer must notice and exit (129, as for
    /// SIGHUP) rather than spin on the failing reads.
    @Test func closingTheTerminalEndsTheExplorer() throws {
        let scratch = try ScratchFolder(prefix: "term")
        let folder = scratch.url
        // The subshell ignores SIGHUP so that it outlives the pane and records the status;
        // `sh` writes its own pid, then becomes setsid, then the explorer.
        let script = "dir='\(folder.path)'; ( trap '' HUP; "
            + "sh -c 'echo $$ > \"$1/pid\"; exec setsid -w \"$0\"' '\(BinaryLocator.binary.path)' \"$dir\"; "
            + "echo $? > \"$dir/status\" ); sleep 600"
        let session = try TmuxSession(command: script, width: 100, height: 30, scratch: scratch)
        #expect(try session.waitFor(allOf: ["┌─ Codes", "Details"]).contains("┌─ Codes"))
        let pidText = try String(contentsOf: folder.appendingPathComponent("pid"), encoding: .utf8)
        let pid = try #require(pid_t(pidText.trimmingCharacters(in: .whitespacesAndNewlines)))
        // Never leave a spinning process behind when the test fails.
        defer { if ProcessState.isRunning(pid) { kill(pid, SIGKILL) } }
        #expect(ProcessState.isRunning(pid))

        try session.run(["kill-pane", "-t", "main"])
        #expect(ProcessState.waitUntilGone(pid, seconds: 10), "the explorer is still running after its terminal closed")
        let status = ExplorerPane.waitForFile(folder.appendingPathComponent("status"))
        #expect(status?.trimmingCharacters(in: .whitespacesAndNewlines) == "129")
    }
}
