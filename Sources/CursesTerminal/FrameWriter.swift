import TerminalScreen

/// Turns each frame (`ScreenBuffer`) into the bytes that bring the screen from the frame
/// before to this one: the rows that changed, from their first changed cell to their last,
/// each after a cursor move, with an attribute or colour change only where the style does
/// change (docs/decisions.md, "Frames are written by FrameWriter"). Curses still starts and
/// restores the terminal and reads the keys; only the drawing is done here, in a fraction
/// of the time `doupdate` took (docs/performance.md, "Fourth pass").
///
/// Control characters never leave this writer: `ScreenBuffer.put` has already made them
/// visible, and any byte of C0 or C1 that reached a cell anyway is sent as `?`.
package struct FrameWriter {
    package let strings: TerminalStrings
    /// What the screen shows now, as far as this writer knows; nil when it does not know
    /// (at the start, after a repaint request or after curses drew on it itself).
    private var shown: ScreenBuffer?

    /// The first frame clears the screen: what was on it before is not known.
    package init(strings: TerminalStrings) {
        self.strings = strings
    }

    /// Forgets what the screen shows: the next frame clears it and is written whole.
    package mutating func forget() { shown = nil }

    /// The bytes that put `frame` on the screen; afterwards the screen is taken to show it.
    package mutating func bytes(for frame: ScreenBuffer) -> [UInt8] {
        var output = FrameOutput(strings: strings, capacity: frame.cells.count * 2)
        let before = shown.flatMap { $0.size == frame.size ? $0 : nil }
        if before == nil { output.append(strings.clearScreen) }
        // Rows are compared with the frame before, or with a row of blanks (after a clear).
        let blankRow = before == nil ? [Cell](repeating: .blank, count: frame.size.width) : []
        let base = before?.cells ?? []
        let width = frame.size.width, height = frame.size.height
        frame.cells.withUnsafeBufferPointer { cells in
            base.withUnsafeBufferPointer { old in
                blankRow.withUnsafeBufferPointer { blank in
                    for y in 0..<height {
                        let row = y * width
                        let oldRow = before == nil ? blank : UnsafeBufferPointer(rebasing: old[row..<row + width])
                        guard var span = Self.changedColumns(UnsafeBufferPointer(rebasing: cells[row..<row + width]), oldRow)
                        else { continue }
                        if y == height - 1, !strings.writesLastCell, span.upperBound == width {
                            // Nor the wide character whose right half it is.
                            let end = cells[row + width - 1].isContinuation ? width - 2 : width - 1
                            span = span.lowerBound..<max(span.lowerBound, end)
                            if span.isEmpty { continue }
                        }
                        output.moveCursor(row: y, column: span.lowerBound)
                        output.cells(UnsafeBufferPointer(rebasing: cells[row + span.lowerBound..<row + span.upperBound]))
                    }
                }
            }
        }
        output.finish()
        shown = frame
        return output.bytes
    }

    /// The columns from the first cell that differs to the last, widened so that a wide
    /// character is always sent whole; nil when the row is unchanged.
    static func changedColumns(_ new: UnsafeBufferPointer<Cell>, _ old: UnsafeBufferPointer<Cell>) -> Range<Int>? {
        var first = 0, last = new.count - 1
        while first < new.count, new[first] == old[first] { first += 1 }
        guard first < new.count else { return nil }
        while last > first, new[last] == old[last] { last -= 1 }
        // A changed right half redraws its left half; a changed left half, its right half.
        while first > 0, new[first].isContinuation { first -= 1 }
        if last + 1 < new.count, new[last + 1].isContinuation { last += 1 }
        return first..<last + 1
    }
}

/// The bytes of one frame as they are put together, with the style the terminal is in.
private struct FrameOutput {
    let strings: TerminalStrings
    var bytes: [UInt8] = []
    /// The terminal's attributes and colours; nil at first, as they may be anything
    /// (curses may have written in between), so the first cell sets them afresh.
    private var current: Style?

    init(strings: TerminalStrings, capacity: Int) {
        self.strings = strings
        bytes.reserveCapacity(capacity)
    }

    mutating func append(_ part: [UInt8]) { bytes.append(contentsOf: part) }

    mutating func moveCursor(row: Int, column: Int) { append(strings.moveCursor(row, column)) }

    /// The cells of a stretch of one row, right halves of wide characters skipped (the
    /// terminal moves two columns for the left half). Read in place: passing each cell on
    /// as a value copied and released its text every time, a third of the writer's time.
    mutating func cells(_ cells: UnsafeBufferPointer<Cell>) {
        for index in cells.indices {
            let style = cells[index].style
            let count = cells[index].text.utf8.count
            if count == 0 { continue }
            if !isCurrent(style) { change(to: style) }
            // Most cells are one byte of printable ASCII.
            if count == 1, let byte = cells[index].text.utf8.first {
                bytes.append(byte < 0x20 || byte == 0x7F ? UInt8(ascii: "?") : byte)
            } else {
                text(cells[index].text)
            }
        }
    }

    /// A cell's text other than one byte: its UTF-8, C0 and C1 controls sent as `?`.
    private mutating func text(_ text: String) {
        var utf8 = text.utf8.makeIterator()
        while let byte = utf8.next() {
            if byte < 0x20 || byte == 0x7F {
                bytes.append(UInt8(ascii: "?"))
            } else if byte == 0xC2, let next = utf8.next() {
                // U+0080–U+009F, the C1 controls, are C2 80–C2 9F in UTF-8.
                if next < 0xA0 { bytes.append(UInt8(ascii: "?")) } else { bytes.append(byte); bytes.append(next) }
            } else {
                bytes.append(byte)
            }
        }
    }

    private func isCurrent(_ style: Style) -> Bool {
        guard let current else { return false }
        return current == style
    }

    /// Leaves the terminal's attributes and colours as the user had them.
    mutating func finish() {
        guard let current, current != .plain else { return }
        change(to: .plain)
    }

    /// Sends what moves the terminal from `current` to `style`. Attributes can only be
    /// turned off all at once (`sgr0`); a colour is set where it changes or may have.
    private mutating func change(to style: Style) {
        // The colours the terminal shows; nil where not known (at first, or after an
        // `sgr0` that may or may not have reset a colour that was not the default).
        var foreground: TerminalColor? = current?.foreground
        var background: TerminalColor? = current?.background
        var attributes = current ?? Style()
        if current == nil || (attributes.bold && !style.bold) || (attributes.dim && !style.dim)
            || (attributes.reverse && !style.reverse) || (attributes.underline && !style.underline) {
            append(strings.resetAttributes)
            attributes = Style()
            if strings.resetCancelsColors {
                foreground = .standard
                background = .standard
            } else {
                if foreground != .standard { foreground = nil }
                if background != .standard { background = nil }
            }
        }
        if style.bold && !attributes.bold { append(strings.bold) }
        if style.dim && !attributes.dim { append(strings.dim) }
        if style.reverse && !attributes.reverse { append(strings.reverse) }
        if style.underline && !attributes.underline { append(strings.underline) }
        if strings.drawsColors {
            if (style.foreground == .standard && foreground != .standard)
                || (style.background == .standard && background != .standard) {
                append(strings.defaultColors)
                foreground = .standard
                background = .standard
            }
            if style.foreground != foreground { append(strings.foreground[style.foreground.rawValue]) }
            if style.background != background { append(strings.background[style.background.rawValue]) }
        }
        current = style
    }
}
