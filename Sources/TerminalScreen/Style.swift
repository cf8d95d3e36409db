
/// How a cell looks. Selection and marks use `reverse` and `bold`, which
/// survive on monochrome terminals where colours do not.
public struct Style: Sendable, Hashable {
    public var foreground: TerminalColor
    public var background: TerminalColor
    public var bold: Bool
    public var reverse: Bool
    public var underline: Bool
    public var dim: Bool

    public init(
        foreground: TerminalColor = .standard, background: TerminalColor = .standard,
        bold: Bool = false, reverse: Bool = false, underline: Bool = false, dim: Bool = false
    ) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
        self.dim = dim
    }

    public static let plain = Style()

    /// Written out, and inlinable, because the terminal backend compares the styles of
    /// every cell of every frame, from another module (`FrameWriter`).
    @inlinable
    public static func == (left: Style, right: Style) -> Bool {
        left.foreground == right.foreground && left.background == right.background && left.bold == right.bold
            && left.reverse == right.reverse && left.underline == right.underline && left.dim == right.dim
    }

    /// The same attributes with colours dropped, for `NO_COLOR` and monochrome terminals.
    public var monochrome: Style {
        Style(bold: bold, reverse: reverse, underline: underline, dim: dim)
    }
}
