import CatalogDocuments
import CatalogSearch
import SMTPCatalog
import TerminalScreen

/// The right (or lower) pane: the selected code's full entry, scrollable.
struct DetailView {
    let state: AppState
    let theme: Theme

    func draw(in rect: Rect, into buffer: inout ScreenBuffer) {
        let layout = state.layout
        let inner = Rect(x: rect.x + 2, y: rect.y + 1, width: layout.detailTextWidth, height: rect.height - 2)
        guard state.selectedEntry != nil else {
            Frame.draw(rect, title: state.labels["ui.detail.title"], style: theme.border(focused: false), into: &buffer)
            for (row, line) in noMatchLines(width: inner.width).prefix(inner.height).enumerated() {
                buffer.put(line, x: inner.x, y: inner.y + row, style: theme.dim)
            }
            return
        }
        // Laid out by the state for this entry (or explanation) and width, so a frame does not wrap the text again.
        let lines = state.documents.detailLines
        var title = state.labels[state.showsExplanation ? "ui.detail.explanation" : "ui.detail.title"]
        if lines.count > inner.height {
            let last = min(lines.count, state.detailOffset + inner.height)
            title += " \(state.detailOffset + 1)–\(last)/\(lines.count)"
        }
        Frame.draw(rect, title: title, style: theme.border(focused: state.focus == .detail), into: &buffer)
        for (row, line) in lines.dropFirst(state.detailOffset).prefix(inner.height).enumerated() {
            buffer.put(line.text, x: inner.x, y: inner.y + row, maxWidth: inner.width, style: theme.line(line))
        }
    }

    /// Why nothing is listed, and what to try: the nearest codes when the query is
    /// (nearly) a code, else a hint to use fewer words or paste a whole reply.
    private func noMatchLines(width: Int) -> [String] {
        let labels = state.labels
        let query = state.query.trimmingSpaces()
        let looksLikeACode = query.contains(where: \.isNumber) && query.count <= 12
            && query.allSatisfy { $0.isNumber || "xX.*".contains($0) }
        let near = looksLikeACode ? state.catalog.suggestions(for: query) : []
        let advice = near.isEmpty ? labels["ui.search.hint"] : labels.format("ui.search.suggest", near.joined(separator: ", "))
        let message = labels.format("ui.search.none", TextWrapper.truncate(state.query, width: 40))
        return TextWrapper.wrap(message, width: width) + [""] + TextWrapper.wrap(advice, width: width)
    }
}
