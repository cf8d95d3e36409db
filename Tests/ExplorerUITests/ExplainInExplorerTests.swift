import CatalogLoading
import CatalogSearch
import ExplorerUI
import SMTPCatalog
import TerminalScreen
import Testing
import TestSupport

/// A reply pasted or typed into the search line is explained in the detail pane, with
/// the codes it names in the list, one key away (issue #13, item 1).
@Suite struct ExplainInExplorerTests {
    static let size = Size(width: 120, height: 40)

    @Test func aPastedReplyIsExplained() throws {
        let reply = "550-5.7.26 This mail has been blocked because the sender is unauthenticated.\n550 5.7.26 Gmail requires all senders to authenticate."
        let (state, screen) = try ExplorerHarness.play([.paste(reply)], size: Self.size)
        #expect(!state.explanations.isEmpty)
        #expect(state.results.map { state.catalog.entries[$0.entryIndex].code } == ["550", "X.7.26"])
        #expect(screen.text.contains("┌─ Explanation"))
        #expect(screen.text.contains("Permanent failure"))
        #expect(screen.text.contains("Reply: "))
        // The list reads the enhanced code in the reply's class.
        #expect(screen.text.contains("│ 5.7.26 5.x.x"))
    }

    @Test func theCodesEntriesAreOneKeyAway() throws {
        let (state, screen) = try ExplorerHarness.play(keys("/550 5.7.26 blocked here") + [key(.enter), key(.down), key(.enter)], size: Self.size)
        #expect(state.focus == .detail && !state.showsExplanation)
        #expect(screen.text.contains("┌─ Details"))
        #expect(screen.text.contains("5.7.26 Multiple Authentication Checks Failed") || screen.text.contains("5.7.26 "))
        let (back, backScreen) = try ExplorerHarness.play(keys("/550 5.7.26 blocked here") + [key(.enter), key(.enter), key(.escape)], size: Self.size)
        #expect(back.showsExplanation)
        #expect(backScreen.text.contains("┌─ Explanation"))
    }

    @Test(arguments: ["553", "5.7.26", "mailbox full", "550"])
    func aCodeOrWordsStayASearch(query: String) throws {
        let (state, _) = try ExplorerHarness.play(keys("/" + query), size: Self.size)
        #expect(state.explanations.isEmpty)
        #expect(!state.results.isEmpty)
    }

    @Test func eOpensAnEmptyLineForAReply() throws {
        let (state, screen) = try ExplorerHarness.play(keys("/mailbox") + [key(.enter)] + keys("e"), size: Self.size)
        #expect(state.isSearching && state.query.isEmpty)
        let (typed, _) = try ExplorerHarness.play(keys("e421 4.7.0 Try again later"), size: Self.size)
        #expect(typed.explanations.count == 1)
        #expect(screen.text.contains("Search: "))
    }

    @Test func aQueryThatMatchesNothingSaysWhatToTry() throws {
        let (_, code) = try ExplorerHarness.play(keys("/5.9.99"), size: Self.size)
        #expect(code.text.contains("Nearest codes:"))
        let (_, words) = try ExplorerHarness.play(keys("/zzqx wvvy"), size: Self.size)
        #expect(words.text.contains("paste a whole reply"))
    }
}
