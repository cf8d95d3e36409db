import TextSafety

/// An in-memory screen: what the explorer draws, what tests read as text, and
/// what the terminal backend flushes. `put` is the only way text gets in, so
/// control characters and split wide characters can never reach the terminal.
public struct ScreenBuffer: Sendable, Equatable {
    public let size: Size
    public private(set) var cells: [Cell]

    public init(size: Size) {
        self.size = size
        self.cells = Array(repeating: .blank, count: max(0, size.width * size.height))
    }

    /// A screen of these cells, row by row, taken as they are: for tests that need a cell
    /// `put` would never make (a raw control character), to show what the backend does with it.
    package init(size: Size, cells: [Cell]) {
        precondition(cells.count == size.width * size.height, "one cell per column of each row")
        self.size = size
        self.cells = cells
    }

    public subscript(x: Int, y: Int) -> Cell {
        cells[y * size.width + x]
    }

    /// The one-character strings of printable ASCII, made once.
    private static let asciiCellTexts: [String] = (0x20..<0x7F).map { String(Unicode.Scalar(UInt8($0))) }

    /// Writes text from (x, y) for at most `maxWidth` columns (and never past the
    /// right edge), replacing control characters with visible stand-ins. A wide
    /// character that would not fit whole is left out. Returns the columns written.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, maxWidth: Int? = nil, style: Style = .plain) -> Int {
        guard y >= 0, y < size.height, x < size.width else { return 0 }
        let limit = min(size.width, x + (maxWidth ?? size.width))
        var column = x
        if DisplayWidth.isPrintableASCII(text) {
            // One byte, one cell, nothing to neutralise: no grapheme or width lookups.
            let texts = Self.asciiCellTexts
            let row = y * size.width
            cells.withUnsafeMutableBufferPointer { cells in
                for byte in text.utf8 {
                    guard column < limit else { break }
                    if column >= 0 { cells[row + column] = Cell(text: texts[Int(byte) - 0x20], style: style) }
                    column += 1
                }
            }
            return column - x
        }
        if text.unicodeScalars.allSatisfy(Self.isNarrowCharacterOfItsOwn) {
            // Box lines, "…", "§": one scalar, one cell, no grapheme boundaries to find.
            for scalar in text.unicodeScalars {
                guard column < limit else { break }
                if column >= 0 { cells[y * size.width + column] = Cell(text: String(Character(scalar)), style: style) }
                column += 1
            }
            return column - x
        }
        for character in SafeText.visible(text) {
            let width = DisplayWidth.of(character)
            if width == 0 {
                // A lone combining mark joins the previous cell rather than taking a column.
                if column > x, column - 1 >= 0, column - 1 < size.width {
                    cells[y * size.width + column - 1].text.append(character)
                }
                continue
            }
            if column + width > limit { break }
            if column >= 0 {
                cells[y * size.width + column] = Cell(text: String(character), style: style)
                if width == 2 { cells[y * size.width + column + 1] = Cell(text: "", style: style) }
            }
            column += width
        }
        return column - x
    }

    /// Scalars that, in a text made of nothing else, are each a character of their own one
    /// column wide and need no stand-in: printable ASCII, Latin-1's printable characters
    /// but the soft hyphen (which has no width), the punctuation of U+2010–U+2027 (dashes,
    /// quotes, "…"), and box drawing and block elements. None of them joins a neighbour into
    /// one grapheme, and none is a control character or a bidirectional override.
    static func isNarrowCharacterOfItsOwn(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20..<0x7F, 0xA0..<0xAD, 0xAE...0xFF, 0x2010...0x2027, 0x2500...0x259F: true
        default: false
        }
    }

    /// Sets the style of every cell in `rect` to `style`, clearing its text when asked.
    public mutating func fill(_ rect: Rect, style: Style = .plain, clear: Bool = true) {
        for y in Self.clip(rect.y, rect.maxY, to: size.height) {
            for x in Self.clip(rect.x, rect.maxX, to: size.width) {
                if clear { cells[y * size.width + x] = Cell(text: " ", style: style) } else { cells[y * size.width + x].style = style }
            }
        }
    }

    /// Changes the style of cells already drawn (used for highlights and the selection bar).
    public mutating func restyle(x: Int, y: Int, width: Int, _ change: (inout Style) -> Void) {
        guard y >= 0, y < size.height else { return }
        for column in Self.clip(x, x + width, to: size.width) {
            change(&cells[y * size.width + column].style)
        }
    }

    /// The part of `start..<end` inside `0..<limit`; empty, never a trap, when the
    /// two do not overlap (a highlight computed past the edge of a narrow pane).
    private static func clip(_ start: Int, _ end: Int, to limit: Int) -> Range<Int> {
        let lower = max(0, start), upper = min(limit, end)
        return lower < upper ? lower..<upper : 0..<0
    }

    /// Row `y` as text, continuation cells skipped.
    public func line(_ y: Int) -> String {
        (0..<size.width).map { self[$0, y].text }.joined()
    }

    /// The screen as text, one row per line, trailing spaces removed: what snapshots compare.
    public var text: String {
        (0..<size.height).map { row in
            var line = line(row)
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }.joined(separator: "\n")
    }

    /// A second picture of the screen that shows styling: one character per cell
    /// from `symbol` (e.g. "R" for reverse), so tests catch selection and highlight bugs.
    public func mask(_ symbol: (Cell) -> Character) -> String {
        (0..<size.height).map { row in
            String((0..<size.width).map { symbol(self[$0, row]) })
        }.joined(separator: "\n")
    }
}
