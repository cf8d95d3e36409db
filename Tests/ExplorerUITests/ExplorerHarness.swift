import ExplorerUI
import TerminalScreen
import TestSupport
import CatalogLoading
import CatalogSearch
import SMTPCatalog

/// Runs key scripts through the real explorer loop on the bundled catalog.
/// The catalog comes from the state (`state.catalog`); the shared index throws into the test
/// when the bundled catalog cannot be loaded, where a `try!` trapped the whole test process.
struct ExplorerHarness {
    static func state(size: Size = Size(width: 80, height: 24), language: Language = .english) throws -> AppState {
        AppState(index: try BundledCatalog.sharedIndexWithKnowledge(), labels: try BundledCatalog.labels(language), size: size,
                 classifier: try BundledCatalog.sharedClassifier())
    }

    /// Plays `events` and returns the final state and the last frame.
    static func play(
        _ events: [InputEvent], size: Size = Size(width: 80, height: 24), language: Language = .english, color: Bool = true
    ) throws -> (state: AppState, screen: ScreenBuffer) {
        let outcome = try run(events, size: size, language: language, color: color)
        return (outcome.state, outcome.screen)
    }

    /// Plays `events` and also tells whether the explorer quit (rather than running out of events).
    static func run(
        _ events: [InputEvent], size: Size = Size(width: 80, height: 24), language: Language = .english, color: Bool = true
    ) throws -> (state: AppState, screen: ScreenBuffer, quit: Bool) {
        var terminal = ScriptedTerminal(size: size, events: events)
        let outcome = ExplorerLoop.run(&terminal, state: try state(size: size, language: language), theme: Theme(usesColor: color))
        return (outcome.state, ExplorerView(state: outcome.state, theme: Theme(usesColor: color)).render(), outcome.quit)
    }

    /// What a search for `query` over the whole catalog finds, asked of the index directly.
    static func searchResults(for query: String, from state: AppState) -> [SearchResult] {
        state.index.search(SearchQuery(query, synonyms: state.index.synonyms))
    }

    /// Events that select `code` through the search line and keep the filter.
    static func find(_ code: String) -> [InputEvent] {
        keys("/") + keys(code) + [key(.enter)]
    }
}
