import Foundation
import Testing
import TestSupport

/// Runs the real binary in tmux and checks what a person would see.
@Suite(.serialized) struct ExplorerEndToEndTests {
    /// A tmux session running the explorer inside bash, recording `stty -g`
    /// before and after and the exit status, so the terminal's state can be checked.
    /// The script's folder is in `$D`, for arguments that leave traces there.
    struct Run {
        let session: TmuxSession
        let folder: URL

        /// `launcher` goes before the binary (e.g. "env TERM=dumb": tmux sets TERM in its panes itself).
        init(width: Int = 100, height: Int = 30, arguments: String = "", launcher: String = "", environment: [String: String] = [:]) throws {
            let scratch = try ScratchFolder(prefix: "e2e")
            folder = scratch.url
            let dir = scratch.path
            let script = "D='\(dir)'; stty -g > \(dir)/before; \(launcher) '\(BinaryLocator.binary.path)' \(arguments); echo \"EXIT=$?\"; stty -g > \(dir)/after; sleep 600"
            session = try TmuxSession(command: script, width: width, height: height, environment: environment, scratch: scratch)
        }

        func exitStatus() throws -> String? {
            let screen = try session.require("EXIT=")
            return screen.split(separator: "\n").first { $0.hasPrefix("EXIT=") }.map { String($0.dropFirst(5)) }
        }

        func terminalRestored() throws -> Bool {
            let after = folder.appendingPathComponent("after")
            try session.require("stty's record after the run", seconds: 5) { _ in FileManager.default.fileExists(atPath: after.path) }
            let before = try String(contentsOf: folder.appendingPathComponent("before"), encoding: .utf8)
            let restored = try String(contentsOf: after, encoding: .utf8)
            return !before.isEmpty && before == restored
        }
    }

    @Test func searchMarkCompareAndQuit() throws {
        let run = try Run()
        try run.session.require(allOf: ["Codes", "Details", "211"])

        try run.session.send("/")
        try run.session.send("mailbox", literal: true)
        // A match count above zero: "0 matches" would contain "matches" too.
        let searched = try run.session.require("a search for mailbox with matches") {
            $0.contains("Search: mailbox▏") && (listedMatchCount($0) ?? 0) > 0
        }
        #expect(searched.contains("553"))

        // Mark 553 and 334 through the search line, then compare.
        try run.session.send("C-u")
        try run.session.send("553", literal: true)
        try run.session.send("Enter", "Space", "Escape", "/")
        try run.session.send("334", literal: true)
        try run.session.send("Enter", "Space", "c")
        let compared = try run.session.require(allOf: ["553 vs 334", "553 Mailbox Name Invalid", "334 Server Challenge"])
        #expect(compared.contains("│"))

        try run.session.send("Escape")
        try run.session.require("marked: 553, 334")
        try run.session.send("q")
        #expect(try run.exitStatus() == "0")
        #expect(try run.terminalRestored())
    }

    /// The Providers tab at 80×24: providers' own replies listed, one shown with its reason;
    /// a code's detail lists the provider replies that use it; two provider replies compare.
    @Test func providersTabVariantsAndComparison() throws {
        let run = try Run(width: 80, height: 24)
        try run.session.require(allOf: ["Providers", "Reasons", "211"])
        try run.session.send("]", "]", "]")
        let providers = try run.session.require("the Providers tab listing provider replies") {
            $0.contains("barracuda.") && !$0.contains("211 ")
        }
        #expect(providers.contains("Barracuda"))

        try run.session.send("t", "t", "/")
        try run.session.send("5.7.26", literal: true)
        try run.session.send("Enter", "Tab")
        try run.session.send("G")
        try run.session.require(allOf: ["Provider replies and reasons", "gmail."])

        try run.session.send("Escape", "/")
        try run.session.send("C-u")
        try run.session.send("tss04", literal: true)
        try run.session.send("Enter", "Space", "Escape", "/")
        try run.session.send("s3150", literal: true)
        try run.session.send("Enter", "Space", "c")
        try run.session.require(allOf: ["yahoo.tss04 vs microsoft."])
        try run.session.send("Escape", "q")
        #expect(try run.exitStatus() == "0")
        #expect(try run.terminalRestored())
    }

    /// `--log FILE` at 80×24: the explorer opens on the Seen tab with the log's groups,
    /// largest first; a group's details say what happened and what to do.
    @Test func aLogOpensOnTheSeenTab() throws {
        let log = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/seen-postfix.log")
        let run = try Run(width: 80, height: 24, arguments: "--log '\(log.path)'")
        let screen = try run.session.require(allOf: ["Seen", "#1", "2× Recipient unknown", "#2", "Yahoo / AOL"])
        #expect(screen.contains("Seen in the log"))
        try run.session.send("j", "Tab", "G")
        try run.session.require("How to fix")
        try run.session.send("q")
        #expect(try run.exitStatus() == "0")
        #expect(try run.terminalRestored())
    }

    @Test func resizeToTooSmallAndBack() throws {
        let run = try Run(width: 120, height: 40)
        try run.session.require("Codes")
        try run.session.resize(width: 80, height: 24)
        try run.session.require("both panes within 80 columns") {
            $0.contains("Codes") && $0.contains("Details") && $0.split(separator: "\n").first.map { $0.count <= 80 } == true
        }
        try run.session.resize(width: 40, height: 10)
        try run.session.require(allOf: ["Terminal too small", "60×15"])
        try run.session.resize(width: 100, height: 30)
        try run.session.require("the main view back, the notice gone") { $0.contains("Details") && !$0.contains("Terminal too small") }
        try run.session.send("q")
        #expect(try run.exitStatus() == "0")
    }

    /// Curses' own windows start at terminfo's size (80×24 here), not the terminal's
    /// (`smtp_start_screen`): the first screen must still fill a larger terminal, and a
    /// resize to exactly 80×24, a size curses alone would not take as a change, and back
    /// must be followed.
    @Test func fillsTheTerminalFromTheFirstScreenAndFollowsResizes() throws {
        let run = try Run(width: 132, height: 43)
        for (step, (width, height)) in [(132, 43), (80, 24), (132, 43)].enumerated() {
            if step > 0 { try run.session.resize(width: width, height: height) }
            try run.session.require("the explorer filling \(width)×\(height)") { screen in
                let rows = screen.split(separator: "\n", omittingEmptySubsequences: false)
                guard rows.count > height, let top = rows.first(where: { $0.contains("┌─ Codes") }) else { return false }
                return top.count == width && rows[height - 1].contains("q quit")
            }
        }
        try run.session.send("q")
        #expect(try run.exitStatus() == "0")
        #expect(try run.terminalRestored())
    }

    @Test func helpOverlayThenQuit() throws {
        let run = try Run()
        try run.session.require("Codes")
        try run.session.send("?")
        try run.session.require(allOf: ["Keys", "Compare the two marked codes"])
        try run.session.send("Escape")
        try run.session.require("the help closed") { $0.contains("Codes") && !$0.contains("Compare the two marked codes") }
        try run.session.send("q")
        #expect(try run.exitStatus() == "0")
        #expect(try run.terminalRestored())
    }

    @Test func ctrlCQuitsAtOnceAndRestoresTheTerminal() throws {
        let run = try Run()
        try run.session.require("Codes")
        try run.session.send("/")
        try run.session.send("relay", literal: true)
        try run.session.require("a search for relay with matches") { $0.contains("Search: relay▏") && (listedMatchCount($0) ?? 0) > 0 }
        try run.session.send("C-c")
        #expect(try run.exitStatus() == "130")
        #expect(try run.terminalRestored())
    }

    @Test func tooSmallStillQuitsWithQ() throws {
        let run = try Run(width: 40, height: 10)
        try run.session.require("Terminal too small")
        try run.session.send("q")
        #expect(try run.exitStatus() == "0")
        #expect(try run.terminalRestored())
    }

    @Test func indonesianInterface() throws {
        let run = try Run(arguments: "--lang id")
        try run.session.require(allOf: ["Rincian", "Deskripsi", "Semua"])
        // The codes' titles too: 211's title, in the list and the detail pane.
        try run.session.require(allOf: ["211", "Status Sistem"])
        try run.session.send("q")
        #expect(try run.exitStatus() == "0")
    }

    @Test func sigtermAndSighupRestoreTheTerminal() throws {
        for (signal, status) in [("TERM", "143"), ("HUP", "129")] {
            let run = try Run()
            try run.session.require("Codes")
            // The pane runs bash, whose child is the explorer.
            let shell = try run.session.run(["display-message", "-p", "-t", "main", "#{pane_pid}"]).stdout
                .trimmingCharacters(in: .whitespacesAndNewlines)
            let kill = try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/pkill"), ["-\(signal)", "-P", shell, "smtp-codes"])
            #expect(kill.status == 0, "pkill found no explorer under the pane's shell \(shell)")
            #expect(try run.exitStatus() == status)
            #expect(try run.terminalRestored())
        }
    }

    @Test func ctrlZSuspendsAndFgRedraws() throws {
        let run = try Run(arguments: "; touch \"$D/suspended\"; fg", launcher: "set -m;")
        try run.session.require("Codes")
        try run.session.send("C-z")
        // bash goes on to the next command only once the explorer has stopped; `fg` then
        // resumes it at once, and its redraw hides anything bash printed, so a file marks the stop.
        let stopped = run.folder.appendingPathComponent("suspended")
        try run.session.require("the explorer stopped by Ctrl-Z") { _ in FileManager.default.fileExists(atPath: stopped.path) }
        // Back in the foreground it redraws and reads keys: j selects the second code.
        try run.session.send("j")
        try run.session.require("the explorer back, answering keys") { $0.contains("┌─ Codes") && $0.contains("││ 214 Help Message") }
        try run.session.send("q")
        #expect(try run.exitStatus() == "0")
        #expect(try run.terminalRestored())
    }

    @Test func unknownTerminalTypeGetsThePlainList() throws {
        let run = try Run(launcher: "env TERM=no-such-terminal")
        #expect(try run.exitStatus() == "0")
        #expect(try run.session.screen().contains("Mailbox"))
    }

    @Test func textPipedIntoTheBareCommandIsExplained() throws {
        let run = try Run(launcher: "printf '550 5.1.1 <bob@example.com>: User unknown\\n' |")
        #expect(try run.exitStatus() == "0")
        let screen = try run.session.screen()
        #expect(screen.contains("550 5.1.1") && screen.contains("Permanent failure"))
    }

    /// The explorer draws the codes before it reads the rule files; a broken one (only a
    /// damaged install has one) still ends it with exit 65 and the whole report, written
    /// after the terminal is given back, so it stays on the normal screen.
    @Test func brokenRuleFileReadAfterTheFirstScreenIsReportedOnTheRestoredTerminal() throws {
        let resources = try BrokenResources.withBrokenRuleFile()
        defer { try? FileManager.default.removeItem(at: resources) }
        let run = try Run(width: 160, height: 40, environment: ["SMTP_CODES_RESOURCES": resources.path])
        #expect(try run.exitStatus() == "65")
        #expect(try run.terminalRestored())
        let screen = try run.session.screen()
        for fragment in BrokenResources.reportFragments {
            #expect(screen.contains(fragment), "missing \(fragment) in\n\(screen)")
        }
    }

    /// The catalog is read while curses starts (on another thread); a broken one still ends
    /// the explorer with exit 65 and every problem, written after the terminal is given back.
    @Test func brokenCatalogReadWhileCursesStartsIsReportedOnTheRestoredTerminal() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("e2e-catalog-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("broken.json")
        try CatalogFixture.document([CatalogFixture.entry("553", overrides: ["title": "", "extra": true])]).write(to: file)
        let run = try Run(width: 160, height: 40, arguments: "--catalog '\(file.path)'")
        #expect(try run.exitStatus() == "65")
        #expect(try run.terminalRestored())
        let screen = try run.session.screen()
        for fragment in ["broken.json", "entry #1 (553)", "field 'title'", "field 'extra'"] {
            #expect(screen.contains(fragment), "missing \(fragment) in\n\(screen)")
        }
    }

    @Test func dumbTerminalGetsThePlainList() throws {
        let run = try Run(launcher: "env TERM=dumb")
        #expect(try run.exitStatus() == "0")
        #expect(try run.session.screen().contains("Mailbox"))
    }
}
