import CatalogDocuments
import TerminalScreen

/// The two-column comparison screen, scrolled by `compareOffset`.
struct CompareView {
    let state: AppState
    let theme: Theme

    func draw(into buffer: inout ScreenBuffer) {
        guard case .compare(let left, let right) = state.screen, let lines = state.documents.compareLines else { return }
        let size = state.size
        let rows = state.layout.compareRows
        var title = " " + state.labels.format("compare.title", left, right)
        if lines.count > rows {
            title += "  \(state.compareOffset + 1)–\(min(lines.count, state.compareOffset + rows))/\(lines.count)"
        }
        buffer.fill(Rect(x: 0, y: 0, width: size.width, height: 1), style: theme.bar)
        buffer.put(title, x: 0, y: 0, maxWidth: size.width, style: Style(bold: true, reverse: true))
        let column = CompareDocument.columnWidth(total: size.width)
        let rightX = 1 + column + CompareDocument.separator.count
        for (row, line) in lines.dropFirst(state.compareOffset).prefix(rows).enumerated() {
            let y = 1 + row
            guard let rightCell = line.right else {
                buffer.put(line.left.text, x: 1, y: y, maxWidth: size.width - 2, style: theme.line(line.left))
                continue
            }
            buffer.put(line.left.text, x: 1, y: y, maxWidth: column, style: theme.line(line.left))
            buffer.put(CompareDocument.separator, x: 1 + column, y: y, style: theme.dim)
            buffer.put(rightCell.text, x: rightX, y: y, maxWidth: size.width - rightX - 1, style: theme.line(rightCell))
        }
    }
}
