import TerminalScreen

/// An in-memory terminal: replays scripted events and keeps every frame drawn,
/// so tests drive the same loop the real program runs.
public struct ScriptedTerminal: Terminal {
    public var size: Size
    private var events: [InputEvent]
    public private(set) var frames: [ScreenBuffer] = []
    /// For each repaint asked for, how many frames had been drawn by then: the frame at
    /// that index is the one drawn from scratch.
    public private(set) var repaints: [Int] = []

    public init(size: Size, events: [InputEvent]) {
        self.size = size
        self.events = events
    }

    public mutating func nextEvent() -> InputEvent? {
        guard !events.isEmpty else { return nil }
        let event = events.removeFirst()
        if case .resize(let newSize) = event { size = newSize }
        return event
    }

    public mutating func hasPendingInput() -> Bool { !events.isEmpty }

    public mutating func draw(_ buffer: ScreenBuffer) {
        frames.append(buffer)
    }

    public mutating func repaint() {
        repaints.append(frames.count)
    }

    public var lastFrame: ScreenBuffer? { frames.last }
}

/// Shorthand for scripts: typed text becomes character keys.
public func keys(_ text: String) -> [InputEvent] {
    text.map { .key(.character($0)) }
}

public func key(_ key: Key) -> InputEvent { .key(key) }
