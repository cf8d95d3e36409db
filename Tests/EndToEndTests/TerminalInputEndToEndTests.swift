import Foundation
import Testing
import TestSupport

/// Input that used to escape the explorer or arrive mangled: pastes and typing
/// under the C locale.
@Suite(.serialized) struct TerminalInputEndToEndTests {
    /// What runs after the explorer in tests of leftover input: the user's shell, in
    /// raw mode under readline, which runs each line that reaches it.
    static let interactiveShell = "HISTFILE=/dev/null exec bash --norc --noprofile -i"

    /// A multi-line paste into the search line used to act as Enter, quit on the `q`
    /// of "quota", and leave the last line to the shell, which ran it. Here an
    /// interactive bash reads whatever input is left after the explorer, as a user's
    /// shell would (readline takes the pasted carriage returns as Enter).
    @Test func multiLinePasteStaysInTheSearchQuery() throws {
        let target = FileManager.default.temporaryDirectory.appendingPathComponent("smtp-codes-paste-\(UUID().uuidString.prefix(8))")
        try? FileManager.default.removeItem(at: target)
        defer { try? FileManager.default.removeItem(at: target) }
        let pane = try ExplorerPane(afterExit: Self.interactiveShell)
        #expect(try pane.waitForExplorer())
        try pane.session.send("/")
        #expect(try pane.session.waitFor("Search: ▏").contains("Search: ▏"))

        try pane.paste("Mailbox full\nquota reached\ntouch \(target.path)\n")
        let query = "Search: Mailbox full quota reached touch \(target.path)"
        let screen = try pane.session.waitFor(query)
        #expect(screen.contains(query))
        #expect(screen.contains("┌─ Codes") && !screen.contains("EXIT="), "the explorer did not survive the paste")

        try pane.session.send("Enter", "q")
        #expect(try pane.exitStatus() == "0")
        #expect(try pane.sttyRestored())
        // Anything left over would run before this command does.
        try pane.session.send("echo SHELL-$((6*7))", literal: true)
        try pane.session.send("Enter")
        #expect(try pane.session.waitFor("SHELL-42").contains("SHELL-42"))
        #expect(!FileManager.default.fileExists(atPath: target.path), "pasted text reached the shell")
    }

    /// Keys typed after `q` while the explorer was still reading are dropped on exit
    /// instead of running in the shell. (One send, so they reach the terminal together.)
    @Test func keysTypedAheadOfQuitNeverReachTheShell() throws {
        let target = FileManager.default.temporaryDirectory.appendingPathComponent("smtp-codes-typed-\(UUID().uuidString.prefix(8))")
        try? FileManager.default.removeItem(at: target)
        defer { try? FileManager.default.removeItem(at: target) }
        let pane = try ExplorerPane(afterExit: Self.interactiveShell)
        #expect(try pane.waitForExplorer())
        try pane.session.send("qtouch \(target.path)", literal: true)
        #expect(try pane.exitStatus() == "0")
        try pane.session.send("Enter")
        try pane.session.send("echo SHELL-$((6*7))", literal: true)
        try pane.session.send("Enter")
        #expect(try pane.session.waitFor("SHELL-42").contains("SHELL-42"))
        #expect(!FileManager.default.fileExists(atPath: target.path), "typed-ahead keys reached the shell")
    }

    /// Outside the search line a paste starts a search for the pasted text; a pasted
    /// reply is explained, with its codes listed.
    @Test func pasteOutsideSearchStartsASearch() throws {
        let pane = try ExplorerPane()
        #expect(try pane.waitForExplorer())
        try pane.paste("550 5.1.1 User unknown\n")
        let screen = try pane.session.require(allOf: ["Reply: 550 5.1.1 User unknown ▏", "Explanation", "5.1.1  5.x.x"])
        #expect(screen.contains("Permanent failure"))
        try pane.session.send("Enter", "q")
        #expect(try pane.exitStatus() == "0")
    }

    /// With LANG unset (the C locale) the explorer still draws its box lines and
    /// reads typed non-ASCII letters as UTF-8.
    @Test func cLocaleStillDrawsBordersAndReadsUTF8() throws {
        let pane = try ExplorerPane(prelude: "env -u LANG -u LC_ALL -u LC_CTYPE")
        #expect(try pane.waitForExplorer())
        #expect(try pane.session.screen().contains("└──"))
        try pane.session.send("/")
        try pane.session.send("café", literal: true)
        #expect(try pane.session.waitFor("Search: café▏").contains("Search: café▏"))
        try pane.session.send("Enter", "q")
        #expect(try pane.exitStatus() == "0")
        #expect(try pane.sttyRestored())
    }
}
