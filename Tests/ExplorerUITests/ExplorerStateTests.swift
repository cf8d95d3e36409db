import ExplorerUI
import TerminalScreen
import Testing
import TestSupport
import CatalogLoading
import CatalogSearch
import SMTPCatalog

@Suite struct ExplorerStateTests {
    @Test func typingFiltersAndRanksAsYouType() throws {
        let (state, _) = try ExplorerHarness.play(keys("/mailbox"))
        #expect(state.isSearching && state.query == "mailbox")
        #expect(!state.results.isEmpty && state.results.count < state.catalog.entries.count)
        for result in state.results {
            #expect(!state.highlighter.matches(in: state.catalog.entries[result.entryIndex]).isEmpty)
        }
    }

    @Test func codeQueryPutsThatCodeFirst() throws {
        let (state, _) = try ExplorerHarness.play(keys("/553"))
        #expect(state.selectedEntry?.code == "553")
        let (enhanced, _) = try ExplorerHarness.play(keys("/5.7.26"))
        #expect(enhanced.selectedEntry?.code == "X.7.26")
    }

    @Test func enterKeepsTheFilterAndEscapeClearsIt() throws {
        let (kept, _) = try ExplorerHarness.play(keys("/mailbox") + [key(.enter)])
        #expect(!kept.isSearching && kept.query == "mailbox")
        let (cleared, _) = try ExplorerHarness.play(keys("/mailbox") + [key(.escape)])
        #expect(!cleared.isSearching && cleared.query.isEmpty && cleared.results.count == cleared.catalog.entries.count)
    }

    @Test func searchLineEditingKeys() throws {
        let (backspaced, _) = try ExplorerHarness.play(keys("/relayx") + [key(.backspace)])
        #expect(backspaced.query == "relay")
        let (word, _) = try ExplorerHarness.play(keys("/relay access") + [key(.control("w"))])
        #expect(word.query == "relay ")
        let (line, _) = try ExplorerHarness.play(keys("/relay access") + [key(.control("u"))])
        #expect(line.query.isEmpty)
    }

    @Test func noMatchLeavesAnEmptyListAndNoSelection() throws {
        let (state, screen) = try ExplorerHarness.play(keys("/zzzqqq"))
        #expect(state.results.isEmpty && state.selectedEntry == nil)
        #expect(screen.text.contains("No codes match 'zzzqqq'"))
        // Moving and marking with nothing listed changes nothing and does not crash.
        let (after, _) = try ExplorerHarness.play(keys("/zzzqqq") + [key(.enter), key(.down), key(.character(" ")), key(.character("c"))])
        #expect(after.marks.isEmpty && after.screen == .browse)
    }

    @Test func movementKeysAndScrollingKeepTheSelectionVisible() throws {
        let downs = Array(repeating: key(.down), count: 30)
        let (state, _) = try ExplorerHarness.play(downs)
        #expect(state.selection == 30)
        #expect(state.listOffset > 0 && state.listOffset <= 30 && 30 < state.listOffset + 20)
        let (end, _) = try ExplorerHarness.play([key(.character("G"))])
        #expect(end.selection == end.catalog.entries.count - 1)
        let (home, _) = try ExplorerHarness.play([key(.character("G")), key(.home)])
        #expect(home.selection == 0 && home.listOffset == 0)
        let (paged, _) = try ExplorerHarness.play([key(.pageDown)])
        #expect(paged.selection == Layout(size: Size(width: 80, height: 24)).listRows)
        #expect(paged.selection > 3)
        let (vi, _) = try ExplorerHarness.play(keys("jjk"))
        #expect(vi.selection == 1)
    }

    @Test func spaceMarksAtMostTwoAndAThirdReplacesTheOlder() throws {
        let (two, _) = try ExplorerHarness.play(keys(" jj "))
        let codes = two.catalog.entries.map(\.code)
        #expect(two.marks == [codes[0], codes[2]])
        let (three, _) = try ExplorerHarness.play(keys(" j j "))
        #expect(three.marks == [codes[1], codes[2]])
        let (unmarked, _) = try ExplorerHarness.play(keys("  "))
        #expect(unmarked.marks.isEmpty)
    }

    @Test func compareOpensForTwoMarksOrOneMarkAndTheSelection() throws {
        let events = ExplorerHarness.find("553") + keys(" ") + [key(.escape)] + ExplorerHarness.find("334") + keys(" c")
        let (state, _) = try ExplorerHarness.play(events)
        #expect(state.screen == .compare(left: "553", right: "334"))
        let (oneMark, _) = try ExplorerHarness.play(keys(" jc"))
        let codes = oneMark.catalog.entries.map(\.code)
        #expect(oneMark.screen == .compare(left: codes[0], right: codes[1]))
        let (none, screen) = try ExplorerHarness.play(keys("c"))
        #expect(none.screen == .browse && none.notice != nil)
        #expect(screen.text.contains("Mark two codes"))
    }

    @Test func escapeOrQClosesTheComparisonWithoutQuitting() throws {
        let (escaped, _, escapeQuit) = try ExplorerHarness.run(keys(" jc") + [key(.escape)])
        #expect(escaped.screen == .browse && !escapeQuit)
        let (closed, _, qQuit) = try ExplorerHarness.run(keys(" jcq"))
        #expect(closed.screen == .browse && !qQuit)
    }

    @Test func comparisonScrollsWithinItsContent() throws {
        let (state, _) = try ExplorerHarness.play(keys(" jc") + Array(repeating: key(.down), count: 5))
        #expect(state.compareOffset == 5)
        let (bottom, _) = try ExplorerHarness.play(keys(" jc") + [key(.end), key(.down)])
        let lines = bottom.compareLineCount ?? 0
        #expect(bottom.compareOffset == lines - (24 - 2))
    }

    @Test func focusMovesToTheDetailPaneWhichThenScrolls() throws {
        let (state, _) = try ExplorerHarness.play([key(.enter)] + keys("jjj"))
        #expect(state.focus == .detail && state.detailOffset == 3 && state.selection == 0)
        let (back, _) = try ExplorerHarness.play([key(.tab), key(.tab)])
        #expect(back.focus == .list)
        let (escaped, _) = try ExplorerHarness.play([key(.tab), key(.escape)])
        #expect(escaped.focus == .list)
    }

    @Test func helpOpensAndClosesWithoutQuitting() throws {
        let (open, screen) = try ExplorerHarness.play(keys("?"))
        #expect(open.showsHelp && screen.text.contains("Keys"))
        let (closed, _, quit) = try ExplorerHarness.run(keys("?q"))
        #expect(!closed.showsHelp && !quit)
    }

    @Test func qQuitsFromTheMainViewAndCtrlCFromAnywhere() throws {
        #expect(try ExplorerHarness.run(keys("q")).quit)
        #expect(try ExplorerHarness.run(keys("/abc") + [key(.control("c"))]).quit)
        #expect(try ExplorerHarness.run(keys("?") + [key(.control("c"))]).quit)
        // In the search line q is text, not quit.
        let (typing, _, quit) = try ExplorerHarness.run(keys("/q"))
        #expect(!quit && typing.query == "q")
    }

    @Test func tabsSwitchBetweenBasicAndEnhancedCodes() throws {
        let (basic, _) = try ExplorerHarness.play(keys("]"))
        #expect(basic.tab == .basic && basic.results.nonEmptyAllSatisfy { basic.catalog.entries[$0.entryIndex].kind == .basic })
        let (enhanced, _) = try ExplorerHarness.play(keys("]]"))
        #expect(enhanced.tab == .enhanced && enhanced.selectedEntry?.kind == .enhanced)
        let (providers, _) = try ExplorerHarness.play(keys("]]]"))
        #expect(providers.tab == .providers && providers.results.nonEmptyAllSatisfy { providers.catalog.entries[$0.entryIndex].kind == .provider })
        let (last, _) = try ExplorerHarness.play(keys("]]]]]"))
        #expect(last.tab == .reasons && last.selectedEntry?.kind == .reason)
        let (all, _) = try ExplorerHarness.play(keys("]]]]t"))
        #expect(all.tab == .all)
    }

    @Test func mouseClickSelectsARowAndTheWheelScrolls() throws {
        let (clicked, _) = try ExplorerHarness.play([.mouse(MouseEvent(kind: .press, x: 5, y: 5))])
        #expect(clicked.selection == 3)
        let (wheeled, _) = try ExplorerHarness.play([.mouse(MouseEvent(kind: .wheelDown, x: 5, y: 5))])
        #expect(wheeled.selection == 3)
        // At 80 columns the detail pane sits below the list.
        let pane = Layout(size: Size(width: 80, height: 24)).detail
        let (detail, _) = try ExplorerHarness.play([.mouse(MouseEvent(kind: .wheelDown, x: pane.x + 5, y: pane.y + 3))])
        #expect(detail.detailOffset == 3 && detail.selection == 0)
    }

    @Test func tooSmallTerminalOnlyListensToQ() throws {
        let small = [InputEvent.resize(Size(width: 40, height: 10))]
        let (ignored, screen) = try ExplorerHarness.play(small + keys("j/"))
        #expect(ignored.selection == 0 && !ignored.isSearching)
        #expect(screen.text.contains("Terminal too small: need 60×15"))
        #expect(try ExplorerHarness.run(small + keys("q")).quit)
        let (restored, after) = try ExplorerHarness.play(small + [.resize(Size(width: 80, height: 24))])
        #expect(!Layout(size: restored.size).isTooSmall && after.text.contains("smtp-codes"))
    }
}
