import TerminalScreen

/// One row of the key table: in these modes, these keys ask for this action, and the
/// help screen lists them on the row of this label.
public struct KeyBinding: Sendable {
    public let modes: Set<InputMode>
    /// The keys the help screen shows.
    public let keys: [Key]
    /// Keys that do the same but the help leaves out: habits brought from other programs
    /// (fzf's Ctrl-K and Ctrl-J, Emacs' Ctrl-G, less's `b`), kept out so each help row
    /// fits its column at 80 columns. Listed here, so leaving one out is a visible choice.
    public let aliases: [Key]
    public let action: Action
    /// Label key (`ui.help.*`) of the help row; bindings sharing one are listed together.
    public let help: String

    init(_ modes: Set<InputMode>, _ keys: [Key], also aliases: [Key] = [], _ action: Action, help: String) {
        self.modes = modes
        self.keys = keys
        self.aliases = aliases
        self.action = action
        self.help = help
    }

    /// Every key that triggers the binding.
    public var allKeys: [Key] { keys + aliases }
}
