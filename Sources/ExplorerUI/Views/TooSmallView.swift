import CatalogDocuments
import CatalogSearch
import SMTPCatalog
import TerminalScreen

/// Shown instead of a cramped layout when the terminal is below `Layout.minimum`.
struct TooSmallView {
    let labels: LabelTable
    let theme: Theme

    func draw(size: Size, into buffer: inout ScreenBuffer) {
        let need = labels.format("ui.too_small", String(Layout.minimum.width), String(Layout.minimum.height))
        let lines = TextWrapper.wrap(need, width: max(1, size.width - 2))
            + ["(\(size.width)×\(size.height))", labels["ui.too_small.quit"]]
        let top = max(0, (size.height - lines.count) / 2)
        for (row, line) in lines.enumerated() where top + row < size.height {
            let x = max(0, (size.width - DisplayWidth.of(line)) / 2)
            buffer.put(line, x: x, y: top + row, style: row == 0 ? theme.error : theme.text)
        }
    }
}
