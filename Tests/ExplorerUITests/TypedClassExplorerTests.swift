import CatalogLoading
import CatalogSearch
import ExplorerUI
import SMTPCatalog
import TerminalScreen
import Testing
import TestSupport

/// Searching `5.7.26` lists, shows, marks and compares the code as a permanent failure,
/// not as the class-less `X.7.26` (issue #13, item 2).
@Suite struct TypedClassExplorerTests {
    @Test func theListAndTheDetailKeepTheTypedClass() throws {
        let (state, screen) = try ExplorerHarness.play(keys("/5.7.26"), size: Size(width: 120, height: 40))
        #expect(state.readClass == 5)
        // The code column widens for provider reply ids listed below the codes.
        #expect(screen.text.split(separator: "\n").contains { $0.contains("│ 5.7.26 ") && $0.contains(" 5.x.x ") })
        #expect(screen.text.contains("5.x.x Permanent Failure"))
        // The first row of the list and the detail's title (the texts may still cite X.7.26).
        #expect(screen.line(2).contains("│ 5.7.26") && screen.line(2).contains("│ 5.7.26 "))
        #expect(!screen.line(2).contains("X.7.26"))
    }

    @Test func marksAndTheComparisonKeepTheTypedClass() throws {
        let events = ExplorerHarness.find("5.7.26") + keys(" ") + [key(.escape)] + ExplorerHarness.find("5.7.1") + keys(" c")
        let (state, screen) = try ExplorerHarness.play(events, size: Size(width: 120, height: 40))
        #expect(state.marks == ["5.7.26", "5.7.1"])
        #expect(state.screen == .compare(left: "5.7.26", right: "5.7.1"))
        #expect(screen.text.contains("both 5.x.x Permanent Failure"))
    }

    @Test func aBareDetailCodeStillServesEveryClass() throws {
        let (state, screen) = try ExplorerHarness.play(keys("/x.7.26"), size: Size(width: 120, height: 40))
        #expect(state.readClass == nil)
        #expect(screen.text.split(separator: "\n").contains { $0.contains("│ X.7.26 ") && $0.contains(" x.x.x ") })
    }
}
