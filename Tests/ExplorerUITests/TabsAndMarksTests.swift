import CatalogLoading
import CatalogSearch
import ExplorerUI
import SMTPCatalog
import TerminalScreen
import Testing
import TestSupport

/// `[` and `]` move left and right through All, Basic, Enhanced and stop at the ends;
/// `t` goes round. A comparison shows the codes in the order they were marked.
@Suite struct TabsAndMarksTests {
    private func tabs(after text: String) throws -> [ListTab] {
        var state = try ExplorerHarness.state()
        var seen: [ListTab] = []
        for event in keys(text) {
            guard let action = Keymap.action(for: event, mode: state.inputMode, mouseEnabled: true) else { continue }
            state = update(state, action).state
            seen.append(state.tab)
        }
        return seen
    }

    @Test func bracketsMoveAndStopAtTheEnds() throws {
        #expect(try tabs(after: "[") == [.all])
        #expect(try tabs(after: "]]]]]]") == [.basic, .enhanced, .providers, .reasons, .reasons, .reasons])
        #expect(try tabs(after: "]][[[") == [.basic, .enhanced, .basic, .all, .all])
    }

    @Test func tGoesRound() throws {
        #expect(try tabs(after: "tttttt") == [.basic, .enhanced, .providers, .reasons, .all, .basic])
    }

    /// The count a tab's border shows (counted once, in one pass) is what the tab lists.
    @Test func eachTabCountsWhatItLists() throws {
        var state = try ExplorerHarness.state()
        var counted: [ListTab: Int] = [:]
        for _ in state.tabs {
            #expect(state.tabCount == state.results.count, "\(state.tab)")
            let kinds = Set(state.results.map { state.catalog.entries[$0.entryIndex].kind })
            #expect(state.tab == .all ? kinds.count > 1 : kinds.count == 1, "\(state.tab): \(kinds)")
            counted[state.tab] = state.tabCount
            state = update(state, .nextTab).state
        }
        #expect(counted[.all] == state.catalog.entries.count)
        #expect(counted.filter { $0.key != .all }.values.reduce(0, +) == state.catalog.entries.count)
    }

    @Test func theTabListsOnlyItsKind() throws {
        let (state, _) = try ExplorerHarness.play(keys("]"))
        let entries = state.results.map { state.catalog.entries[$0.entryIndex] }
        #expect(entries.nonEmptyAllSatisfy { $0.kind == .basic })
        let (enhanced, _) = try ExplorerHarness.play(keys("]]"))
        #expect(enhanced.results.map { enhanced.catalog.entries[$0.entryIndex] }.nonEmptyAllSatisfy { $0.kind == .enhanced })
    }

    @Test(arguments: [("452", "552"), ("552", "452"), ("334", "553")])
    func theComparisonKeepsTheOrderOfMarking(first: String, second: String) throws {
        let events = ExplorerHarness.find(first) + keys(" ") + [key(.escape)] + ExplorerHarness.find(second) + keys(" c")
        let (state, screen) = try ExplorerHarness.play(events, size: Size(width: 100, height: 30))
        #expect(state.screen == .compare(left: first, right: second))
        #expect(screen.text.split(separator: "\n").first?.contains("\(first) vs \(second)") == true)
    }
}
