/// Which pane of the main screen has the keyboard.
public enum Focus: Sendable, Equatable { case list, detail }
