import Foundation
import Testing
import TestSupport

/// The explorer run by bash in a tmux pane, with what it takes to judge the terminal
/// it leaves behind: `stty -g` before and after, the pane's mode flags as tmux
/// tracks them, and a paste probe for bracketed paste (tmux has no flag for it).
struct ExplorerPane {
    /// The mode flags tmux keeps for a pane, from the escape sequences it has seen.
    struct Modes: Equatable, CustomStringConvertible {
        var alternateScreen: Bool
        var cursorVisible: Bool
        /// Any mouse reporting mode (standard, button, any motion) or the SGR encoding.
        var mouseReporting: Bool
        /// Cursor keys in application mode (curses' `keypad`, set with the mouse once the
        /// first frame is out).
        var applicationKeys: Bool

        /// What a shell prompt needs.
        static let shell = Modes(alternateScreen: false, cursorVisible: true, mouseReporting: false, applicationKeys: false)
        /// What the explorer sets while it runs (with the mouse, the default).
        static let explorer = Modes(alternateScreen: true, cursorVisible: false, mouseReporting: true, applicationKeys: true)

        var description: String {
            "alternate=\(alternateScreen) cursor=\(cursorVisible) mouse=\(mouseReporting) keys=\(applicationKeys)"
        }
    }

    /// A line a probe pastes; read back exactly when the terminal does not bracket pastes.
    static let probeText = "smtp-codes paste probe"

    let session: TmuxSession
    let folder: URL

    /// Runs `prelude 'smtp-codes' arguments; followUp echo EXIT=$?; stty -g > after; afterExit` in bash.
    /// Scripts can name the scratch folder as "$dir". By default the shell then reads one
    /// line for `probe()` and waits.
    init(
        width: Int = 100, height: Int = 30, prelude: String = "", arguments: String = "", followUp: String = "",
        afterExit: String? = nil, environment: [String: String] = [:]
    ) throws {
        let scratch = try ScratchFolder(prefix: "term")
        folder = scratch.url
        let after = afterExit ?? Self.readProbe(into: "probe") + "; sleep 600"
        let script = "dir='\(folder.path)'; stty -g > \"$dir/before\"; \(prelude) '\(BinaryLocator.binary.path)' \(arguments); "
            + "\(followUp) echo \"EXIT=$?\"; stty -g > \"$dir/after\"; \(after)"
        session = try TmuxSession(command: script, width: width, height: height, environment: environment, scratch: scratch)
    }

    /// Shell code that reads one line from the terminal into the file `name` in "$dir".
    static func readProbe(into name: String) -> String {
        "IFS= read -r line; printf '%s' \"$line\" > \"$dir/\(name)\""
    }

    /// Waits for the explorer's first screen; false if it never came.
    func waitForExplorer() throws -> Bool {
        try session.waitFor(allOf: ["┌─ Codes", "Details"]).contains("┌─ Codes")
    }

    /// The explorer's exit status, once bash has printed it.
    func exitStatus() throws -> String? {
        let screen = try session.waitFor("EXIT=")
        return screen.split(separator: "\n").last { $0.hasPrefix("EXIT=") }.map { String($0.dropFirst(5)) }
    }

    /// Whether `stty -g` after the explorer matched the settings before it.
    func sttyRestored() throws -> Bool {
        guard let after = try waitForFile("after") else { return false }
        let before = try String(contentsOf: folder.appendingPathComponent("before"), encoding: .utf8)
        return !before.isEmpty && before == after
    }

    func modes() throws -> Modes {
        let format = "#{alternate_on} #{cursor_flag} #{keypad_cursor_flag} #{mouse_standard_flag} #{mouse_button_flag} "
            + "#{mouse_any_flag} #{mouse_sgr_flag}"
        let flags = try session.run(["display-message", "-p", "-t", "main", format]).stdout.split(separator: " ")
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) == "1" }
        guard flags.count == 7 else {
            return Modes(alternateScreen: true, cursorVisible: false, mouseReporting: true, applicationKeys: true)
        }
        return Modes(alternateScreen: flags[0], cursorVisible: flags[1], mouseReporting: flags[3...].contains(true),
                     applicationKeys: flags[2])
    }

    /// Polls the pane's modes until they are `expected` (they change as tmux reads output).
    func waitForModes(_ expected: Modes, seconds: Double = 10) throws -> Modes {
        let deadline = Date().addingTimeInterval(seconds)
        var last = try modes()
        while last != expected, Date() < deadline {
            Thread.sleep(forTimeInterval: 0.05)
            last = try modes()
        }
        return last
    }

    /// Pastes `text` as a terminal would: tmux brackets it only if the program asked.
    func paste(_ text: String) throws {
        try session.run(["set-buffer", "-b", "probe", text])
        try session.run(["paste-buffer", "-p", "-d", "-b", "probe", "-t", "main"])
    }

    /// Pastes the probe line for a shell waiting in `readProbe(into: name)` and returns
    /// what it read: the probe itself, or the probe inside ESC[200~ … ESC[201~ if the
    /// terminal was left bracketing pastes.
    func probe(name: String = "probe") throws -> String? {
        try paste(Self.probeText + "\n")
        return try waitForFile(name)
    }

    /// Sends `signal` (a name such as "TERM") to the explorer, the pane shell's child.
    func send(signal: String) throws {
        let shell = try session.run(["display-message", "-p", "-t", "main", "#{pane_pid}"]).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let result = try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/pkill"), ["-\(signal)", "-P", shell, "-x", "smtp-codes"])
        #expect(result.status == 0, "no smtp-codes process to send SIG\(signal) to")
    }

    /// The contents of a file in the scratch folder, once something has been written to it.
    func waitForFile(_ name: String, seconds: Double = 10) throws -> String? {
        Self.waitForFile(folder.appendingPathComponent(name), seconds: seconds)
    }

    static func waitForFile(_ url: URL, seconds: Double = 10) -> String? {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            // The shell creates the file before it writes to it: wait for the contents.
            if let text = try? String(contentsOf: url, encoding: .utf8), !text.isEmpty { return text }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return nil
    }

    /// Checks everything a shell needs after the explorer has gone: tty settings,
    /// main screen, visible cursor, no mouse reporting, no bracketed paste.
    func expectTerminalUsable(sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(try sttyRestored(), "stty -g differs after the explorer", sourceLocation: sourceLocation)
        #expect(try waitForModes(.shell) == .shell, sourceLocation: sourceLocation)
        #expect(try probe() == Self.probeText, "the terminal still brackets pastes", sourceLocation: sourceLocation)
    }
}
