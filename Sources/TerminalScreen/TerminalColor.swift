/// The eight ANSI colours every colour terminal has, plus the terminal's default.
public enum TerminalColor: Int, Sendable, Hashable, CaseIterable {
    case standard = -1
    case black, red, green, yellow, blue, magenta, cyan, white
}
