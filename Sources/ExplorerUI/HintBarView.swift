import TerminalScreen

/// The bottom line: the keys that matter right now.
struct HintBarView {
    let state: AppState
    let theme: Theme

    func draw(in rect: Rect, into buffer: inout ScreenBuffer) {
        let key: String
        if state.showsHelp {
            key = "ui.hint.help"
        } else if case .compare = state.screen {
            key = "ui.hint.compare"
        } else if state.isSearching {
            key = "ui.hint.search"
        } else {
            key = state.focus == .detail ? "ui.hint.detail" : "ui.hint.main"
        }
        buffer.fill(rect, style: theme.bar)
        buffer.put(" " + state.labels[key], x: rect.x, y: rect.y, maxWidth: rect.width, style: theme.bar)
    }
}
