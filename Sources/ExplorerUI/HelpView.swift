import CatalogDocuments
import CatalogSearch
import SMTPCatalog
import TerminalScreen

/// The `?` overlay: every key, in a box centred over the current screen.
struct HelpView {
    let labels: LabelTable
    let theme: Theme

    /// Keys shown in help, with their label keys; the keymap is the source of truth.
    static let rows: [(keys: String, label: String)] = [
        ("↑ ↓  j k  ^P ^N", "ui.help.move"),
        ("PgUp PgDn  ^B ^F", "ui.help.page"),
        ("Home End  g G", "ui.help.ends"),
        ("Enter Tab →", "ui.help.focus"),
        ("Tab Esc ←", "ui.help.back"),
        ("/", "ui.help.search"),
        ("n N", "ui.help.next"),
        ("[ ]  t", "ui.help.tabs"),
        ("Space m", "ui.help.mark"),
        ("c", "ui.help.compare"),
        ("x", "ui.help.clear_marks"),
        ("^L", "ui.help.redraw"),
        ("? h F1", "ui.help.help"),
        ("Esc q", "ui.help.close"),
        ("q", "ui.help.quit"),
        ("^C", "ui.help.quit_now"),
    ]

    func draw(size: Size, into buffer: inout ScreenBuffer) {
        let keyWidth = 18
        let width = min(size.width - 4, 76)
        let height = min(size.height - 2, Self.rows.count + 4)
        let box = Rect(x: (size.width - width) / 2, y: max(0, (size.height - height) / 2), width: width, height: height)
        buffer.fill(box)
        Frame.draw(box, title: labels["ui.help.title"], style: theme.border(focused: true), into: &buffer)
        let inner = box.inset(by: 1)
        let lines = Self.rows.map { ($0.keys, labels[$0.label]) } + [(labels["ui.help.mouse.key"], labels["ui.help.mouse"])]
        for (row, line) in lines.prefix(inner.height).enumerated() {
            let y = inner.y + row
            buffer.put(" " + line.0, x: inner.x, y: y, maxWidth: keyWidth, style: theme.heading)
            buffer.put(line.1, x: inner.x + keyWidth, y: y, maxWidth: inner.width - keyWidth - 1, style: theme.text)
        }
    }
}
