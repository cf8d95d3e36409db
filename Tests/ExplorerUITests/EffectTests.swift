import ExplorerUI
import SMTPCatalog
import TerminalScreen
import Testing
import TestSupport

/// What `update` asks the loop to do, and that the loop does it.
@Suite struct EffectTests {
    private func state(size: Size = Size(width: 80, height: 24)) throws -> AppState {
        try ExplorerHarness.state(size: size)
    }

    private func run(_ events: [InputEvent]) throws -> (outcome: ExplorerLoop.Outcome, terminal: ScriptedTerminal) {
        var terminal = ScriptedTerminal(size: Size(width: 80, height: 24), events: events)
        let outcome = ExplorerLoop.run(&terminal, state: try state(), theme: Theme(usesColor: true))
        return (outcome, terminal)
    }

    @Test func quitIsAnEffectAndTheLoopStopsAtIt() throws {
        let before = try state()
        let (after, effect) = update(before, .quit)
        #expect(effect == .quit && after.selection == before.selection)
        // The `j` after `q` is never read: the loop returned at the quit.
        let (outcome, terminal) = try run(keys("jqj"))
        #expect(outcome.quit && outcome.state.selection == 1)
        // Nothing is drawn for the quitting key (the first frame, then none: `j` was superseded).
        #expect(terminal.frames.count == 1)
    }

    @Test func inputEndingIsNotQuitting() throws {
        let (outcome, _) = try run(keys("jj"))
        #expect(!outcome.quit && outcome.state.selection == 2)
    }

    @Test func ctrlLAsksForARepaintAndTheNextFrameIsDrawnFromScratch() throws {
        let before = try state()
        let (after, effect) = update(before, .redraw)
        #expect(effect == .repaint && after.selection == before.selection && after.query == before.query)
        let (outcome, terminal) = try run([key(.control("l"))])
        #expect(!outcome.quit)
        // The first frame, then the repaint, then the frame drawn after it, unchanged in content.
        #expect(terminal.repaints == [1])
        #expect(terminal.frames.count == 2 && terminal.frames[1] == terminal.frames[0])
    }

    @Test func otherKeysAskForNoRepaint() throws {
        let (_, terminal) = try run(keys("j") + [key(.down), key(.character("?"))])
        #expect(terminal.repaints.isEmpty)
    }

    @Test(arguments: [Action.searchInsert("r"), .searchPaste("relay"), .searchBackspace, .searchClearLine, .searchDeleteWord])
    func editingTheQueryAsksForASearchAndLeavesTheResultsForIt(_ edit: Action) throws {
        var state = update(try state(), .startSearch).state
        for character in "mailbox" { state = update(state, .searchInsert(character)).state }
        state = update(state, .refreshSearch).state
        let results = state.results
        let (edited, effect) = update(state, edit)
        #expect(effect == .search)
        #expect(edited.query != state.query)
        // The search itself waits for the loop (or the next action that is not an edit).
        #expect(edited.results == results)
        let (searched, none) = update(edited, .refreshSearch)
        #expect(none == nil)
        #expect(searched.results == ExplorerHarness.searchResults(for: edited.query, from: edited))
    }

    @Test func actionsThatDoNotEditTheQueryAskForNoSearch() throws {
        let state = try state()
        for action in [Action.moveSelection(1), .startSearch, .searchAccept, .toggleMark, .nextTab, .resize(Size(width: 100, height: 30))] {
            #expect(update(state, action).effect == nil, "\(action)")
        }
    }

    @Test func anActionAfterTypingSearchesFirst() throws {
        var state = update(try state(), .startSearch).state
        for character in "553" { state = update(state, .searchInsert(character)).state }
        #expect(state.selectedEntry?.code != "553", "the search ran before its time")
        // Enter, with no pause in between: the search for "553" runs before accepting.
        state = update(state, .searchAccept).state
        #expect(state.selectedEntry?.code == "553" && !state.isSearching)
    }

    @Test func aBurstOfTypingIsSearchedAndDrawnOnce() throws {
        let (outcome, terminal) = try run(keys("/mailbox"))
        // The first frame, and one for the whole burst, with the search for all of it.
        #expect(terminal.frames.count == 2)
        #expect(outcome.state.query == "mailbox" && terminal.lastFrame?.text.contains("Search: mailbox") == true)
        #expect(outcome.state.results == ExplorerHarness.searchResults(for: "mailbox", from: outcome.state))
    }

    @Test func aKeyThatDoesNothingAfterTypingStillGetsTheSearchDrawn() throws {
        // F5 means nothing on the search line; the typing before it was left for it to supersede.
        let (outcome, terminal) = try run(keys("/mailbox") + [key(.function(5))])
        #expect(terminal.lastFrame?.text.contains("Search: mailbox") == true)
        #expect(outcome.state.results == ExplorerHarness.searchResults(for: "mailbox", from: outcome.state))
    }
}
