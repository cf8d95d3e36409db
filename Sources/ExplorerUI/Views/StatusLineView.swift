import TerminalScreen

/// The line above the key hints: the search prompt with its match count, or a notice.
struct StatusLineView {
    let state: AppState
    let theme: Theme

    func draw(in rect: Rect, into buffer: inout ScreenBuffer) {
        let labels = state.labels
        if let notice = state.notice {
            buffer.put(" " + TextWrapper.truncate(notice, width: rect.width - 1), x: rect.x, y: rect.y, style: theme.notice)
            return
        }
        guard state.isSearching || !state.query.isEmpty else { return }
        let count = "  " + (state.results.isEmpty
            ? labels["ui.search.no_match"]
            : labels.format("ui.search.matches", String(state.results.count)))
        let prompt = state.explanations.isEmpty ? labels["ui.search.prompt"] : labels["ui.search.reply_prompt"]
        var x = rect.x + buffer.put(" " + prompt, x: rect.x, y: rect.y, style: theme.heading)
        // A query longer than the line shows its end, where the typing is, after a "…".
        let room = rect.maxX - x - DisplayWidth.of(count) - (state.isSearching ? 1 : 0)
        x += buffer.put(Self.tail(of: state.query, width: room), x: x, y: rect.y, style: theme.text)
        if state.isSearching { x += buffer.put("▏", x: x, y: rect.y, style: theme.heading) }
        buffer.put(count, x: x, y: rect.y, maxWidth: rect.maxX - x, style: state.results.isEmpty ? theme.error : theme.dim)
    }

    /// The end of `text` in at most `width` columns, "…" first when something was cut.
    static func tail(of text: String, width: Int) -> String {
        guard width > 0 else { return "" }
        guard DisplayWidth.of(text) > width else { return text }
        var kept: [Character] = []
        var used = 1
        for character in text.reversed() {
            let columns = DisplayWidth.of(character)
            guard used + columns <= width else { break }
            kept.append(character)
            used += columns
        }
        return "…" + String(kept.reversed())
    }
}
