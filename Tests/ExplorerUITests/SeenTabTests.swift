import ExplorerUI
import CatalogDocuments
import CatalogSearch
import ReplyExplainer
import SMTPCatalog
import TerminalScreen
import Testing
import TestSupport

/// `smtp-codes --log FILE`: the groups a log held on the Seen tab, shown, marked and
/// compared like codes (issue #12, item 4).
@Suite struct SeenTabTests {
    static func state(size: Size) throws -> AppState {
        let classifier = try BundledCatalog.sharedClassifier()
        var report = TriageReport()
        let replies = [
            ("550 5.1.1 <a@example.com>: Recipient address rejected: User unknown in virtual mailbox table", "a@example.com", 3),
            ("421 4.7.0 [TSS04] Messages from 192.0.2.1 temporarily deferred due to unexpected volume or user complaints", "b@example.net", 2),
            ("451 4.7.1 Greylisting in action, please come back later", "c@example.org", 1),
        ]
        for (text, recipient, times) in replies {
            let reply = try #require(ReplyParser.parse(text).first)
            for minute in 0..<times {
                let event = ReplyEvent(reply: reply, recipient: recipient, outcome: Outcome.implied(by: reply),
                                       timestamp: 1_709_633_553 + Int64(minute * 60), format: .postfix, line: minute + 1)
                report.add(event, classifier.classify(reply))
            }
        }
        let index = try BundledCatalog.sharedIndexWithKnowledge()
        let catalog = SeenEntries.catalog(index.catalog, adding: report, book: classifier.book, labels: try BundledCatalog.labels())
        return AppState(index: SearchIndex(catalog: catalog, synonyms: index.synonyms), labels: try BundledCatalog.labels(),
                        size: size, classifier: classifier, tab: .seen)
    }

    private func play(_ events: [InputEvent], size: Size) throws -> (AppState, ScreenBuffer) {
        var terminal = ScriptedTerminal(size: size, events: events)
        let outcome = ExplorerLoop.run(&terminal, state: try Self.state(size: size), theme: Theme(usesColor: false))
        return (outcome.state, ExplorerView(state: outcome.state, theme: Theme(usesColor: false)).render())
    }

    @Test(arguments: [Size(width: 80, height: 24), Size(width: 120, height: 40)])
    func theSeenTabListsTheGroupsLargestFirst(size: Size) throws {
        let (state, screen) = try play([], size: size)
        try Snapshot.verify(screen.text, named: "seen.\(size.width)x\(size.height)")
        #expect(state.tab == .seen && state.tabs.last == .seen)
        #expect(screen.text.contains(" Seen ") && screen.line(2).contains("#1") && screen.line(2).contains("3× Recipient unknown"))
        #expect(screen.text.contains("Seen in the log"))
    }

    @Test func twoGroupsAreMarkedAndCompared() throws {
        let (state, screen) = try play(keys(" j c"), size: Size(width: 120, height: 40))
        #expect(state.marks == ["#1", "#2"] && state.screen == .compare(left: "#1", right: "#2"))
        #expect(screen.text.contains("#1 vs #2"))
    }

    /// Without a log there is no Seen tab, and the tabs go round without it.
    @Test func noLogNoSeenTab() throws {
        let (state, screen) = try ExplorerHarness.play(keys("ttttt"))
        #expect(!state.tabs.contains(.seen) && !screen.text.contains(" Seen ") && state.tab == .all)
    }
}
