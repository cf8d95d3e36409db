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
        let items = hints.components(separatedBy: "  ")
        guard DisplayWidth.of(hints) > width, let last = items.last else { return hints }
        var kept: [String] = []
        for item in items.dropLast() {
            let candidate = (kept + [item, last]).joined(separator: "  ")
            guard DisplayWidth.of(candidate) <= width else { break }
            kept.append(item)
        }
        return (kept + [last]).joined(separator: "  ")
    }
}
