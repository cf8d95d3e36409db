/// One terminal cell: a single grapheme, or "" for the right half of a wide one.
public struct Cell: Sendable, Hashable {
    public var text: String
    public var style: Style

    public init(text: String = " ", style: Style = .plain) {
        self.text = text
        self.style = style
    }

    public static let blank = Cell()
    /// Marks the column covered by the right half of a double-width character.
    @inlinable public var isContinuation: Bool { text.isEmpty }

    /// Inlinable, as `Style`'s: the terminal backend compares every cell of every frame
    /// with the one before (`FrameWriter`).
    @inlinable
    public static func == (left: Cell, right: Cell) -> Bool {
        left.style == right.style && left.text == right.text
    }
}
