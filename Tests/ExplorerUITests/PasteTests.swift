import ExplorerUI
import TerminalScreen
import Testing
import TestSupport
import CatalogLoading
import CatalogSearch
import SMTPCatalog

/// A paste is text for the search line, whatever it contains: never Enter, never a key binding.
@Suite struct PasteTests {
    @Test func pasteInTheSearchLineIsInsertedWithLineBreaksAsSpaces() throws {
        let (state, screen, quit) = try ExplorerHarness.run(keys("/") + [.paste("Mailbox full\nquota reached\r\ntouch /tmp/x\n")])
        // The line breaks did not accept the search, and the `q` of "quota" did not quit.
        #expect(state.isSearching && !quit)
        #expect(state.query == "Mailbox full quota reached touch /tmp/x ")
        #expect(screen.text.contains("Search: Mailbox full quota reached touch /tmp/x"))
    }

    @Test func pasteAddsToWhatWasTyped() throws {
        let (state, _) = try ExplorerHarness.play(keys("/mailbox ") + [.paste("full")])
        #expect(state.isSearching && state.query == "mailbox full")
        let (typed, _) = try ExplorerHarness.play(keys("/mailbox full"))
        #expect(state.results == typed.results && !state.results.isEmpty)
    }

    @Test func controlCharactersBecomeOneSpacePerRun() throws {
        let (state, _) = try ExplorerHarness.play(keys("/") + [.paste("a\t\tb\u{1B}[Ac\u{7F}d\u{85}e\u{0}f")])
        #expect(state.query == "a b [Ac d e f")
    }

    @Test func pasteOutsideTheSearchLineStartsASearchForIt() throws {
        // A kept filter is replaced, not extended: the paste is a new question.
        let (state, _) = try ExplorerHarness.play(ExplorerHarness.find("553") + [.paste("550 5.1.1 User unknown")])
        #expect(state.isSearching && state.query == "550 5.1.1 User unknown")
        #expect(state.focus == .list)
    }

    @Test func pasteWhileReadingDetailsMovesToTheSearchLine() throws {
        let (state, _) = try ExplorerHarness.play([key(.enter), .paste("relay")])
        #expect(state.isSearching && state.focus == .list && state.query == "relay")
    }

    @Test func pasteIsIgnoredOverHelpAndInTheComparison() throws {
        let (help, _, helpQuit) = try ExplorerHarness.run([key(.character("?")), .paste("q")])
        #expect(help.showsHelp && !help.isSearching && help.query.isEmpty && !helpQuit)
        // Mark 553, clear the filter, select 334 and compare the two.
        let compare = ExplorerHarness.find("553") + [key(.character(" ")), key(.escape)] + ExplorerHarness.find("334") + [key(.character("c"))]
        let (compared, _, compareQuit) = try ExplorerHarness.run(compare + [.paste("q")])
        #expect(compared.screen == .compare(left: "553", right: "334"))
        #expect(!compared.isSearching && !compareQuit)
    }
}
