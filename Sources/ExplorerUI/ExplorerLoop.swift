import TerminalScreen

/// The event loop, generic over the terminal so tests run exactly what the app runs:
/// read an event, map it to an action, update the state, draw.
public enum ExplorerLoop {
    @discardableResult
    public static func run<T: Terminal>(_ terminal: inout T, state initial: AppState, theme: Theme) -> AppState {
        var state = initial
        state = update(state, .resize(terminal.size))
        terminal.draw(ExplorerView(state: state, theme: theme).render())
        while !state.shouldQuit, let event = terminal.nextEvent() {
            guard let action = Keymap.action(for: event, in: state) else { continue }
            state = update(state, action)
            // Keys already waiting supersede this one's search and drawing.
            if state.shouldQuit || terminal.hasPendingInput() { continue }
            if state.resultsAreStale { state = update(state, .refreshSearch) }
            terminal.draw(ExplorerView(state: state, theme: theme).render())
        }
        return state
    }
}
