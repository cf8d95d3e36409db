import TerminalScreen

/// Every key binding of the explorer, read by `Keymap` (what a key does) and by
/// `HelpView` (what the help screen lists), so the two cannot disagree. Rows are in
/// the help screen's order; a key has at most one binding per mode. Keys follow less
/// and fzf; anything unbound is ignored, except that the search line takes every
/// other printable key as text (see `Keymap`).
public enum KeyTable {
    private static let browsing: Set<InputMode> = [.list, .detail]
    /// Where something is being read and the movement keys scroll it.
    private static let reading: Set<InputMode> = [.detail, .compare]
    private static let everywhere = Set(InputMode.allCases)

    public static let bindings: [KeyBinding] = [
        KeyBinding([.list], [.up, .character("k"), .control("p")], also: [.control("k")], .moveSelection(-1), help: "ui.help.move"),
        KeyBinding([.list], [.down, .character("j"), .control("n")], also: [.control("j")], .moveSelection(1), help: "ui.help.move"),
        // Letters are text on the search line, so only the arrows and chords move there.
        KeyBinding([.search], [.up, .control("p")], also: [.control("k")], .moveSelection(-1), help: "ui.help.move"),
        KeyBinding([.search], [.down, .control("n")], also: [.control("j")], .moveSelection(1), help: "ui.help.move"),
        KeyBinding(reading, [.up, .character("k"), .control("p")], also: [.control("k")], .scroll(-1), help: "ui.help.move"),
        KeyBinding(reading, [.down, .character("j"), .control("n")], also: [.control("j")], .scroll(1), help: "ui.help.move"),

        KeyBinding([.list], [.pageUp, .control("b")], .pageSelection(-1), help: "ui.help.page"),
        KeyBinding([.list], [.pageDown, .control("f")], .pageSelection(1), help: "ui.help.page"),
        KeyBinding([.search], [.pageUp], .pageSelection(-1), help: "ui.help.page"),
        KeyBinding([.search], [.pageDown], .pageSelection(1), help: "ui.help.page"),
        KeyBinding(reading, [.pageUp, .control("b")], also: [.character("b")], .page(-1), help: "ui.help.page"),
        KeyBinding([.detail], [.pageDown, .control("f")], .page(1), help: "ui.help.page"),
        // Space marks everywhere else; the comparison has nothing to mark, so it pages as in less.
        KeyBinding([.compare], [.pageDown, .control("f")], also: [.character(" ")], .page(1), help: "ui.help.page"),

        KeyBinding([.list], [.home, .character("g")], .selectFirst, help: "ui.help.ends"),
        KeyBinding([.list], [.end, .character("G")], .selectLast, help: "ui.help.ends"),
        KeyBinding(reading, [.home, .character("g")], .scrollTop, help: "ui.help.ends"),
        KeyBinding(reading, [.end, .character("G")], .scrollBottom, help: "ui.help.ends"),

        KeyBinding([.list], [.enter, .tab, .right], .focusDetail, help: "ui.help.focus"),
        KeyBinding([.detail], [.tab, .escape, .left], also: [.backTab], .focusList, help: "ui.help.back"),

        KeyBinding(browsing, [.character("/")], .startSearch, help: "ui.help.search"),
        KeyBinding([.list], [.character("e")], .startExplain, help: "ui.help.explain"),
        KeyBinding([.search], [.enter], also: [.tab], .searchAccept, help: "ui.help.search_end"),
        KeyBinding([.search], [.escape], also: [.control("g")], .searchCancel, help: "ui.help.search_end"),
        KeyBinding([.list], [.escape], .clearFilter, help: "ui.help.search_end"),
        KeyBinding([.search], [.backspace], also: [.delete, .control("h")], .searchBackspace, help: "ui.help.search_edit"),
        KeyBinding([.search], [.control("u")], .searchClearLine, help: "ui.help.search_edit"),
        KeyBinding([.search], [.control("w")], .searchDeleteWord, help: "ui.help.search_edit"),
        // With a kept filter these step through the matches, as in less; without one they just move.
        KeyBinding([.list], [.character("n")], .moveSelection(1), help: "ui.help.next"),
        KeyBinding([.list], [.character("N")], .moveSelection(-1), help: "ui.help.next"),

        KeyBinding([.list], [.character("[")], also: [.backTab], .previousTab, help: "ui.help.tabs"),
        KeyBinding([.list], [.character("]")], .nextTab, help: "ui.help.tabs"),
        KeyBinding([.list], [.character("t")], .cycleTab, help: "ui.help.tabs"),

        KeyBinding(browsing, [.character(" "), .character("m")], .toggleMark, help: "ui.help.mark"),
        KeyBinding(browsing, [.character("c")], .openCompare, help: "ui.help.compare"),
        KeyBinding([.list], [.character("x")], .clearMarks, help: "ui.help.clear_marks"),

        KeyBinding(everywhere, [.control("l")], .redraw, help: "ui.help.redraw"),
        KeyBinding([.list, .detail, .compare, .help], [.character("?"), .character("h"), .function(1)], .toggleHelp, help: "ui.help.help"),
        KeyBinding([.compare], [.escape, .character("q")], also: [.character("c")], .close, help: "ui.help.close"),
        KeyBinding([.help], [.escape, .character("q")], also: [.enter], .toggleHelp, help: "ui.help.close"),
        KeyBinding([.list, .detail, .tooSmall], [.character("q")], .quit, help: "ui.help.quit"),
        // Ctrl-C normally never arrives as a key: in cbreak mode the terminal turns it into
        // SIGINT, which the signal path handles (the explorer exits with 130). ncurses'
        // cbreak() leaves the interrupt character as it found it, though, so on a terminal
        // where it is something else (`stty intr ^X`, or `stty intr undef`) Ctrl-C comes in
        // as this key, and should still quit as the help screen says.
        KeyBinding(everywhere, [.control("c")], .quit, help: "ui.help.quit_now"),
    ]
}
