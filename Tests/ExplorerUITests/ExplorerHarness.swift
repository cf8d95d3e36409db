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
        AppState(index: try BundledCatalog.sharedIndex(), labels: try BundledCatalog.labels(language), size: size)
    }

    /// Plays `events` and returns the final state and the last frame.
    static func play(
        _ events: [InputEvent], size: Size = Size(width: 80, height: 24), language: Language = .english, color: Bool = true
    ) throws -> (state: AppState, screen: ScreenBuffer) {
        var terminal = ScriptedTerminal(size: size, events: events)
        let final = ExplorerLoop.run(&terminal, state: try state(size: size, language: language), theme: Theme(usesColor: color))
        return (final, ExplorerView(state: final, theme: Theme(usesColor: color)).render())
    }

    /// Events that select `code` through the search line and keep the filter.
    static func find(_ code: String) -> [InputEvent] {
        keys("/") + keys(code) + [key(.enter)]
    }
}
