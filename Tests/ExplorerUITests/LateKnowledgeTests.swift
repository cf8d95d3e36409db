import ExplorerUI
import TerminalScreen
import Testing
import TestSupport
import CatalogLoading
import CatalogSearch
import SMTPCatalog

/// The explorer draws its first screen from the codes alone and adds the provider replies
/// and reasons once their files are read (`AppState.addingKnowledge`); nothing a person
/// did or sees in between is lost, and the grown state is the one a full start gives.
@Suite struct LateKnowledgeTests {
    let size = Size(width: 120, height: 40)

    private func codesOnly() throws -> AppState {
        AppState(index: try BundledCatalog.sharedIndex(), labels: try BundledCatalog.labels(), size: size)
    }

    private func grown(_ state: AppState) throws -> AppState {
        state.addingKnowledge(try BundledCatalog.sharedIndexWithKnowledge(), classifier: try BundledCatalog.sharedClassifier())
    }

    private func apply(_ actions: [Action], to state: AppState) -> AppState {
        actions.reduce(state) { update($0, $1).state }
    }

    private func text(_ state: AppState) -> String {
        ExplorerView(state: state, theme: Theme(usesColor: false)).render().text
    }

    /// The first frame lists the codes; the next, drawn once the rules are read, is the
    /// frame a start with everything loaded draws.
    @Test func theFirstFrameListsTheCodesAndTheNextIsTheFullStart() throws {
        var terminal = ScriptedTerminal(size: size, events: [])
        let first = ExplorerLoop.drawFirstFrame(&terminal, state: try codesOnly(), theme: Theme(usesColor: false))
        let codes = try BundledCatalog.shared().entries.count
        let firstFrame = try #require(terminal.lastFrame).text
        #expect(firstFrame.contains("Codes \(codes) of \(codes)"))
        #expect(firstFrame.contains("211") && firstFrame.contains("System Status"))

        let full = AppState(index: try BundledCatalog.sharedIndexWithKnowledge(), labels: try BundledCatalog.labels(), size: size,
                            classifier: try BundledCatalog.sharedClassifier())
        let all = full.catalog.entries.count
        #expect(all > codes + 600, "the provider replies and reasons were not added")
        let later = try grown(first)
        #expect(text(later).contains("Codes \(all) of \(all)"))
        #expect(text(later) == text(full))
        #expect(later.results.map(\.entryIndex) == full.results.map(\.entryIndex))
    }

    /// Someone quick enough to reach the Providers tab before the rules are read finds it
    /// empty, and then filled, without leaving it.
    @Test func theProvidersTabFillsWhenTheKnowledgeArrives() throws {
        let onProviders = apply([.nextTab, .nextTab, .nextTab], to: try codesOnly())
        #expect(onProviders.tab == .providers && onProviders.results.isEmpty && onProviders.selectedEntry == nil)
        let later = try grown(onProviders)
        #expect(later.tab == .providers)
        #expect(later.results.count > 500)
        #expect(later.results.allSatisfy { later.catalog.entries[$0.entryIndex].kind == .provider })
        let selected = try #require(later.selectedEntry)
        #expect(selected.kind == .provider && text(later).contains(selected.code))
        // The tab works as ever: a search within it finds a provider's reply.
        let searched = apply([.startSearch] + "gmail".map { Action.searchInsert($0) } + [.refreshSearch], to: later)
        #expect(!searched.results.isEmpty)
        #expect(searched.results.allSatisfy { searched.catalog.entries[$0.entryIndex].kind == .provider })
    }

    /// The query, the selected code, the marks and the focus stay; the selected code's
    /// details gain the provider replies that use it.
    @Test func whatWasSelectedTypedAndMarkedStays() throws {
        let typed = apply([.startSearch] + "550".map { Action.searchInsert($0) } + [.refreshSearch, .searchAccept, .toggleMark, .focusDetail],
                          to: try codesOnly())
        let selected = try #require(typed.selectedEntry)
        #expect(selected.code == "550" && typed.marks == ["550"] && typed.focus == .detail)
        let later = try grown(typed)
        #expect(later.query == "550" && later.marks == ["550"] && later.focus == .detail && !later.isSearching)
        #expect(later.selectedEntry?.code == "550")
        let users = later.catalog.knowledge(using: try #require(later.selectedEntry))
        #expect(!users.isEmpty, "no provider reply names 550")
        #expect(later.detailLineCount > typed.detailLineCount)
        #expect(later.detailLineTexts.joined(separator: "\n").contains(try #require(users.first)))
    }
}
