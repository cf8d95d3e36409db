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
        buffer.put(" " + Self.fitted(state.labels[key], width: rect.width - 1), x: rect.x, y: rect.y, style: theme.bar)
    }

    /// Whole hints (separated by two spaces) from the start while they fit, and always
    /// the last one (how to quit or close): a hint is never cut in the middle of a word.
    static func fitted(_ hints: String, width: Int) -> String {
        guard DisplayWidth.of(hints) > width else { return hints }
        let items = Self.items(hints)
        guard let last = items.last else { return hints }
        var kept = ""
        for item in items.dropLast() {
            let candidate = kept + item + separator
            guard DisplayWidth.of(candidate + last) <= width else { break }
            kept = candidate
        }
        return kept + last
    }

    private static let separator = "  "

    /// The hints between the separators. Split by hand: the first screen draws the bar, and
    /// Foundation's `components(separatedBy:)` cost more on first use than the rest of it.
    static func items(_ hints: String) -> [String] {
        var items: [String] = []
        var item = ""
        // A space is held back until the next character shows whether it was the separator's first.
        var heldSpace = false
        for character in hints {
            if character == " " {
                if heldSpace {
                    items.append(item)
                    item = ""
                    heldSpace = false
                } else {
                    heldSpace = true
                }
                continue
            }
            if heldSpace { item.append(" ") }
            heldSpace = false
            item.append(character)
        }
        if heldSpace { item.append(" ") }
        items.append(item)
        return items
    }
}
