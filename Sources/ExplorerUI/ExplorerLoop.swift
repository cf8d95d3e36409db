import TerminalScreen

/// The event loop, generic over the terminal so tests run exactly what the app runs:
/// read an event, map it to an action for the input mode, update the state, carry out
/// the effect, draw.
public enum ExplorerLoop {
    /// How a run ended.
    public struct Outcome: Sendable {
        /// The last state.
        public let state: AppState
        /// Whether the person quit; false when input ended (a signal, the terminal gone, a test's script done).
        public let quit: Bool
    }

    @discardableResult
    public static func run<T: Terminal>(_ terminal: inout T, state initial: AppState, theme: Theme) -> Outcome {
        var state = drawFirstFrame(&terminal, state: initial, theme: theme)
        var searchOwed = false
        var frameOwed = false
        while let event = terminal.nextEvent() {
            if let action = Keymap.action(for: event, mode: state.inputMode, mouseEnabled: state.mouseEnabled) {
                let effect: Effect?
                (state, effect) = update(state, action)
                switch effect {
                case .quit: return Outcome(state: state, quit: true)
                case .repaint: terminal.repaint()
                case .search, nil: break
                }
                // Any other action has already searched for an edited query (see AppState.apply).
                searchOwed = effect == .search
                frameOwed = true
            }
            // Keys already waiting supersede this one's search and drawing; they are
            // owed, not dropped, even if the next event turns out to do nothing.
            if terminal.hasPendingInput() { continue }
            if searchOwed {
                state = update(state, .refreshSearch).state
                searchOwed = false
            }
            if frameOwed {
                terminal.draw(ExplorerView(state: state, theme: theme).render())
                frameOwed = false
            }
        }
        return Outcome(state: state, quit: false)
    }

    /// Fits `state` to the terminal and draws it, as `run` starts; returns the fitted state.
    /// The launcher calls it to show the codes while the rest of the catalog still loads,
    /// then `run` with the grown state (ncurses sends only what changed).
    public static func drawFirstFrame<T: Terminal>(_ terminal: inout T, state: AppState, theme: Theme) -> AppState {
        let fitted = update(state, .resize(terminal.size)).state
        terminal.draw(ExplorerView(state: fitted, theme: theme).render())
        return fitted
    }
}
