/// A key as the explorer understands it, independent of how curses encodes it.
public enum Key: Sendable, Hashable {
    case character(Character)
    /// A control chord such as Ctrl-C, given by its letter in lowercase.
    case control(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, tab, backTab, escape, backspace, delete
    case function(Int)
}
