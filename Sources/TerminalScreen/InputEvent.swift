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

/// What the mouse did, at a cell position.
public struct MouseEvent: Sendable, Hashable {
    public enum Kind: Sendable, Hashable { case press, wheelUp, wheelDown }
    public var kind: Kind
    public var x: Int
    public var y: Int

    public init(kind: Kind, x: Int, y: Int) {
        self.kind = kind
        self.x = x
        self.y = y
    }
}

/// Everything the terminal can tell the program.
public enum InputEvent: Sendable, Hashable {
    case key(Key)
    case mouse(MouseEvent)
    case resize(Size)
    /// Text the user pasted, exactly as the terminal delivered it (line breaks and all),
    /// which the terminal marked as a paste so that none of it acts as keys.
    case paste(String)
}

/// A screen to draw on and a source of events: ncurses in the app, an in-memory
/// script in tests, so tests run the same loop as the real program.
public protocol Terminal {
    var size: Size { get }
    /// Blocks until the next event; nil when input has ended.
    mutating func nextEvent() -> InputEvent?
    /// Whether another event is already waiting, so work for this one can be skipped
    /// (typing fast into a large catalog runs one search for the burst, not one per key).
    mutating func hasPendingInput() -> Bool
    mutating func draw(_ buffer: ScreenBuffer)
}
