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
    /// Makes the next `draw` rewrite every cell instead of only those that changed,
    /// for when something other than `draw` may have written on the screen (Ctrl-L).
    mutating func repaint()
}
