import TerminalScreen

/// The bottom line: the keys that matter in the current input mode.
struct HintBarView {
    let state: AppState
    let theme: Theme

    func draw(in rect: Rect, into buffer: inout ScreenBuffer) {
        let key = switch state.inputMode {
        case .help: "ui.hint.help"
        case .compare: "ui.hint.compare"
        case .search: "ui.hint.search"
        case .detail: "ui.hint.detail"
        // The too-small notice has no hint bar; its own text says how to quit.
        case .list, .tooSmall: "ui.hint.main"
        }
        buffer.fill(rect, style: theme.bar)
        buffer.put(" " + state.labels[key], x: rect.x, y: rect.y, maxWidth: rect.width, style: theme.bar)
    }
}
