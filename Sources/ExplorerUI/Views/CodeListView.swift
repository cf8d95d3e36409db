import CatalogDocuments
import CatalogSearch
import SMTPCatalog
import TerminalScreen

/// The left pane: one row per code with its mark, code, class badge and title;
/// search matches highlighted, the selection in reverse video.
struct CodeListView {
    let state: AppState
    let theme: Theme

    /// The code column's width: a code's (`X.7.606`) at least; wider for the visible rows'
    /// provider reply ids (`yahoo.tss04`), up to a third of the pane.
    static let codeWidth = 7
    /// `5.x.x` and a space.
    static let badgeWidth = 6

    func draw(in rect: Rect, into buffer: inout ScreenBuffer) {
        let labels = state.labels
        var title = "\(labels["ui.list.title"]) " + labels.format("ui.list.count", String(state.results.count), String(state.tabCount))
        // The filter is shown as it was typed after `/`, which also keeps the title short.
        if !state.query.isEmpty { title += " · /\(state.query)" }
        Frame.draw(rect, title: title, style: theme.border(focused: state.focus == .list), into: &buffer)
        let inner = rect.inset(by: 1)
        let visible = state.results.dropFirst(state.listOffset).prefix(inner.height)
        let longest = visible.map { state.catalog.entries[$0.entryIndex].code.count }.max() ?? 0
        let codeWidth = max(Self.codeWidth, min(longest + 1, inner.width / 3))
        for (row, result) in visible.enumerated() {
            drawRow(result, selected: state.listOffset + row == state.selection, y: inner.y + row, in: inner,
                    codeWidth: codeWidth, into: &buffer)
        }
    }

    private func drawRow(
        _ result: SearchResult, selected: Bool, y: Int, in inner: Rect, codeWidth: Int, into buffer: inout ScreenBuffer
    ) {
        let entry = state.catalog.entries[result.entryIndex]
        let resolved = state.resolved(entry)
        let isMarked = state.isMarked(entry)
        var x = inner.x
        x += buffer.put(isMarked ? "●" : " ", x: x, y: y, style: theme.marked)
        let code = resolved.code.count < codeWidth ? resolved.code : TextWrapper.truncate(resolved.code, width: codeWidth - 1)
        x += buffer.put(TextWrapper.pad(code, width: codeWidth), x: x, y: y, style: isMarked ? theme.marked : theme.text)
        if let range = state.highlighter.codeRange(in: entry) {
            highlight([range], in: entry.code, x: inner.x + 1, end: inner.x + codeWidth, y: y, into: &buffer)
        }
        x += buffer.put(TextWrapper.pad(Self.badge(resolved), width: Self.badgeWidth), x: x, y: y, style: theme.badge(resolved.classDigit))
        let shown = TextWrapper.truncate(entry.title, width: inner.maxX - x)
        buffer.put(shown, x: x, y: y, style: theme.text)
        // Highlights stop where the shown title does: never on the ellipsis, the border or the next pane.
        let shownWidth = DisplayWidth.of(shown) - (shown == entry.title ? 0 : 1)
        highlight(state.highlighter.ranges(in: entry.title), in: entry.title, x: x, end: x + shownWidth, y: y, into: &buffer)
        if selected {
            buffer.restyle(x: inner.x, y: y, width: inner.width) { style in
                style.reverse = true
                style.bold = true
            }
        }
    }

    /// The class badge: the one class notation (`5xx`, `5.x.x`, `x.x.x`).
    static func badge(_ resolved: ResolvedCode) -> String {
        resolved.classLabel
    }

    /// Restyles the cells of `text` (drawn at x) that fall in the match ranges, up to column `end`.
    private func highlight(_ ranges: [Range<Int>], in text: String, x: Int, end: Int, y: Int, into buffer: inout ScreenBuffer) {
        // No query, nothing to split into characters (every row of every frame).
        guard !ranges.isEmpty else { return }
        let characters = Array(text)
        for range in ranges where range.upperBound <= characters.count {
            let start = x + DisplayWidth.of(String(characters[..<range.lowerBound]))
            let width = min(DisplayWidth.of(String(characters[range])), end - start)
            guard width > 0 else { continue }
            buffer.restyle(x: start, y: y, width: width) { style in
                style = theme.highlight
            }
        }
    }
}
