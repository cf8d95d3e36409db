import TerminalScreen

/// The line above the key hints: the search prompt with its match count, or a notice.
struct StatusLineView {
    let state: AppState
    let theme: Theme

    func draw(in rect: Rect, into buffer: inout ScreenBuffer) {
        let labels = state.labels
        if let notice = state.notice {
            buffer.put(" " + notice, x: rect.x, y: rect.y, maxWidth: rect.width, style: theme.notice)
            return
        }
        guard state.isSearching || !state.query.isEmpty else { return }
        var x = rect.x + buffer.put(" " + labels["ui.search.prompt"], x: rect.x, y: rect.y, style: theme.heading)
        x += buffer.put(state.query, x: x, y: rect.y, maxWidth: rect.maxX - x, style: theme.text)
        if state.isSearching { x += buffer.put("▏", x: x, y: rect.y, style: theme.heading) }
        let count = state.results.isEmpty
            ? labels.format("ui.search.none", state.query)
            : labels.format("ui.search.matches", String(state.results.count))
        buffer.put("  " + count, x: x, y: rect.y, maxWidth: rect.maxX - x,
                   style: state.results.isEmpty ? theme.error : theme.dim)
    }
}
