import TerminalScreen

/// Everything a person can ask the explorer to do; the keymap turns events into these.
public enum Action: Sendable, Equatable {
    case moveSelection(Int)
    case pageSelection(Int)
    case selectFirst, selectLast
    /// Scrolls the detail pane, or the comparison when it is open.
    case scroll(Int)
    case page(Int)
    case scrollTop, scrollBottom
    case focusDetail, focusList
    /// `]` and `[` move right and left and stop at the ends; `t` goes round.
    case nextTab, previousTab, cycleTab
    case startSearch
    /// Starts an empty search line for a reply to explain (`e`); `/` explains replies too.
    case startExplain
    case searchInsert(Character)
    /// Pasted text: added to the query while searching, else it starts a search of its own.
    case searchPaste(String)
    case searchBackspace, searchClearLine, searchDeleteWord
    case searchAccept, searchCancel, clearFilter
    /// Runs the search for the query typed so far (the loop sends it, after a `.search`
    /// effect, once no more keys are waiting).
    case refreshSearch
    case toggleMark, clearMarks
    case openCompare
    case toggleHelp
    case close
    case click(x: Int, y: Int)
    case wheel(x: Int, y: Int, delta: Int)
    case resize(Size)
    /// Rewrites the whole terminal (its effect is `.repaint`).
    case redraw
    /// Leaves the explorer (its effect is `.quit`).
    case quit

    /// Edits of the query whose search may wait until typing pauses.
    var editsQuery: Bool {
        switch self {
        case .searchInsert, .searchPaste, .searchBackspace, .searchClearLine, .searchDeleteWord: true
        default: false
        }
    }
}
