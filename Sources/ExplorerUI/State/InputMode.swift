/// What has the keyboard, which decides what a key means: the key table binds keys
/// per mode, and `AppState.inputMode` says which one applies.
public enum InputMode: Sendable, Hashable, CaseIterable {
    /// The code list on the main screen.
    case list
    /// The detail pane, focused for reading.
    case detail
    /// The search line, where printable keys are text.
    case search
    /// The comparison screen.
    case compare
    /// The help overlay.
    case help
    /// The terminal is below `Layout.minimum`, and only a notice is shown.
    case tooSmall
}
