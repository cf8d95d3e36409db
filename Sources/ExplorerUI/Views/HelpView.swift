import CatalogDocuments
import CatalogSearch
import SMTPCatalog
import TerminalScreen

/// The `?` overlay: every key of `KeyTable`, in a box centred over the current screen.
struct HelpView {
    let labels: LabelTable
    let theme: Theme

    /// Columns for the keys, their leading space included; the longest key text fits (a test checks).
    static let keyWidth = 18

    /// One row per help label, in the table's order: the keys of every binding with that
    /// label (aliases left out), and the label key of the text.
    static let rows: [(keys: String, label: String)] = {
        var order: [String] = []
        var keys: [String: [Key]] = [:]
        for binding in KeyTable.bindings {
            if keys[binding.help] == nil { order.append(binding.help) }
            keys[binding.help, default: []] += binding.keys
        }
        return order.map { (keyText(keys[$0] ?? []), $0) }
    }()

    /// Keys in three groups, the way people scan them: named keys (arrows, PgUp, Enter)
    /// in table order; characters in character order (lowercase first, so `g G`), then
    /// function keys; control chords in table order (so `^P ^N` reads up, down). Two
    /// spaces set groups apart when one holds several keys (`↑ ↓  j k  ^P ^N`), one
    /// otherwise (`Esc q`).
    static func keyText(_ keys: [Key]) -> String {
        var seen = Set<Key>()
        let unique = keys.filter { seen.insert($0).inserted }
        var named: [Key] = [], characters: [Key] = [], functions: [Key] = [], chords: [Key] = []
        for key in unique {
            switch key {
            case .character: characters.append(key)
            case .function: functions.append(key)
            case .control: chords.append(key)
            default: named.append(key)
            }
        }
        characters.sort { left, right in
            guard case .character(let a) = left, case .character(let b) = right else { return false }
            return a.lowercased() == b.lowercased() ? a > b : a.lowercased() < b.lowercased()
        }
        let groups = [named, characters + functions, chords].filter { !$0.isEmpty }
        let separator = groups.contains { $0.count > 1 } ? "  " : " "
        return groups.map { $0.map(\.helpName).joined(separator: " ") }.joined(separator: separator)
    }

    func draw(size: Size, into buffer: inout ScreenBuffer) {
        let lines = Self.rows.map { ($0.keys, labels[$0.label]) } + [(labels["ui.help.mouse.key"], labels["ui.help.mouse"])]
        let width = min(size.width - 4, 76)
        let height = min(size.height - 2, lines.count + 3)
        let box = Rect(x: (size.width - width) / 2, y: max(0, (size.height - height) / 2), width: width, height: height)
        buffer.fill(box)
        Frame.draw(box, title: labels["ui.help.title"], style: theme.border(focused: true), into: &buffer)
        let inner = box.inset(by: 1)
        for (row, line) in lines.prefix(inner.height).enumerated() {
            let y = inner.y + row
            buffer.put(" " + line.0, x: inner.x, y: y, maxWidth: Self.keyWidth, style: theme.heading)
            buffer.put(line.1, x: inner.x + Self.keyWidth, y: y, maxWidth: inner.width - Self.keyWidth - 1, style: theme.text)
        }
    }
}
