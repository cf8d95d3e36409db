import TerminalScreen

/// Turns terminal events into actions, depending on what has the keyboard.
/// Keys follow less and fzf (see docs/keys.md); anything unbound is ignored.
public enum Keymap {
    public static func action(for event: InputEvent, in state: AppState) -> Action? {
        switch event {
        case .resize(let size): return .resize(size)
        case .mouse(let mouse):
            // Help and the too-small notice cover the panes: a click or the wheel must not act on them unseen.
            guard state.mouseEnabled, !state.showsHelp, !Layout(size: state.size).isTooSmall else { return nil }
            switch mouse.kind {
            case .press: return .click(x: mouse.x, y: mouse.y)
            case .wheelUp: return .wheel(x: mouse.x, y: mouse.y, delta: -1)
            case .wheelDown: return .wheel(x: mouse.x, y: mouse.y, delta: 1)
            }
        case .paste(let text):
            // Where keys cannot start a search (help, comparison, too small), neither can a paste.
            if Layout(size: state.size).isTooSmall || state.showsHelp || state.screen != .browse { return nil }
            return .searchPaste(text)
        case .key(let key):
            if key == .control("c") { return .quit }
            if key == .control("l") { return .redraw }
            if Layout(size: state.size).isTooSmall { return key == .character("q") ? .quit : nil }
            if state.showsHelp { return helpKey(key) }
            if case .compare = state.screen { return compareKey(key) }
            if state.isSearching { return searchKey(key) }
            return state.focus == .detail ? detailKey(key) : listKey(key)
        }
    }

    private static func helpKey(_ key: Key) -> Action? {
        switch key {
        case .escape, .character("q"), .character("?"), .character("h"), .function(1), .enter: .toggleHelp
        default: nil
        }
    }

    /// Movement shared by every scrollable reading view (detail pane, comparison).
    private static func scrollKey(_ key: Key) -> Action? {
        switch key {
        case .up, .character("k"), .control("p"), .control("k"): .scroll(-1)
        case .down, .character("j"), .control("n"), .control("j"): .scroll(1)
        case .pageUp, .control("b"), .character("b"): .page(-1)
        case .pageDown, .control("f"): .page(1)
        case .home, .character("g"): .scrollTop
        case .end, .character("G"): .scrollBottom
        case .character("?"), .character("h"), .function(1): .toggleHelp
        default: nil
        }
    }

    private static func compareKey(_ key: Key) -> Action? {
        switch key {
        case .escape, .character("q"), .character("c"): .close
        case .character(" "): .page(1)
        default: scrollKey(key)
        }
    }

    private static func searchKey(_ key: Key) -> Action? {
        switch key {
        case .enter, .tab: .searchAccept
        case .escape, .control("g"): .searchCancel
        case .backspace, .delete, .control("h"): .searchBackspace
        case .control("u"): .searchClearLine
        case .control("w"): .searchDeleteWord
        case .up, .control("p"), .control("k"): .moveSelection(-1)
        case .down, .control("n"), .control("j"): .moveSelection(1)
        case .pageUp: .pageSelection(-1)
        case .pageDown: .pageSelection(1)
        case .character(let character): .searchInsert(character)
        default: nil
        }
    }

    private static func detailKey(_ key: Key) -> Action? {
        switch key {
        case .tab, .backTab, .escape, .left: .focusList
        case .character("q"): .quit
        case .character("/"): .startSearch
        case .character(" "), .character("m"): .toggleMark
        case .character("c"): .openCompare
        default: scrollKey(key)
        }
    }

    private static func listKey(_ key: Key) -> Action? {
        switch key {
        case .up, .character("k"), .control("p"), .control("k"): .moveSelection(-1)
        case .down, .character("j"), .control("n"), .control("j"): .moveSelection(1)
        case .character("N"): .moveSelection(-1)
        case .character("n"): .moveSelection(1)
        case .pageUp, .control("b"): .pageSelection(-1)
        case .pageDown, .control("f"): .pageSelection(1)
        case .home, .character("g"): .selectFirst
        case .end, .character("G"): .selectLast
        case .enter, .tab, .right: .focusDetail
        case .character("]"), .character("t"): .nextTab
        case .character("["), .backTab: .previousTab
        case .character("/"): .startSearch
        case .character(" "), .character("m"): .toggleMark
        case .character("x"): .clearMarks
        case .character("c"): .openCompare
        case .character("?"), .character("h"), .function(1): .toggleHelp
        case .escape: .clearFilter
        case .character("q"): .quit
        default: nil
        }
    }
}
