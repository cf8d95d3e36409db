import TerminalScreen

/// The top line: program name, the tabs and the marked codes.
struct HeaderView {
    let state: AppState
    let theme: Theme

    func draw(in rect: Rect, into buffer: inout ScreenBuffer) {
        var x = rect.x + buffer.put(" smtp-codes ", x: rect.x, y: rect.y, style: theme.heading)
        for tab in state.tabs {
            let style = tab == state.tab ? theme.selected : theme.dim
            x += buffer.put(" \(state.labels[tab.labelKey]) ", x: x, y: rect.y, style: style)
            x += 1
        }
        if !state.marks.isEmpty {
            let text = state.labels.format("ui.mark.count", state.marks.joined(separator: ", "))
            buffer.put(text, x: max(x + 1, rect.maxX - DisplayWidth.of(text) - 1), y: rect.y, style: theme.marked)
        }
    }
}
