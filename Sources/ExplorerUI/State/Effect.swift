/// What the event loop must do for an action beyond drawing the new state. `update`
/// stays pure by returning these instead of acting, as bubbletea's commands do.
public enum Effect: Sendable, Equatable {
    /// Leave the explorer.
    case quit
    /// Clear and rewrite the whole terminal before the next frame (Ctrl-L): something
    /// outside curses (another program, a kernel message) may have drawn over it, and
    /// curses, which sends only what it believes changed, would not notice.
    case repaint
    /// The query changed and the results are stale. Searching a large catalog takes a
    /// while, so the loop runs the search (`Action.refreshSearch`) only once no more
    /// keys are waiting; any other action searches first by itself.
    case search
}
