import CNcursesw
import TerminalScreen

/// Copies a `ScreenBuffer` into a curses window, run by run (`RowRun`); refreshing the
/// terminal is the caller's. Apart from `CursesTerminal`, tests use it on a screen of
/// their own to read back what reached the window.
package struct WindowPainter {
    package let window: UnsafeMutablePointer<WINDOW>
    package let colorsOn: Bool
    /// The pairs defined so far, kept from frame to frame by the terminal.
    private let pairs: ColorPairs

    package init(window: UnsafeMutablePointer<WINDOW>, colorsOn: Bool, pairs: ColorPairs = ColorPairs()) {
        self.window = window
        self.colorsOn = colorsOn
        self.pairs = pairs
    }

    package func paint(_ buffer: ScreenBuffer) {
        let width = min(buffer.size.width, Int(getmaxx(window)))
        let height = min(buffer.size.height, Int(getmaxy(window)))
        // Every cell the buffer covers is written below, and the ASCII copy writes cells
        // without the cursor moving or wide characters being looked at, so start from a
        // blank window: nothing of an earlier frame's wide character stays behind.
        werase(window)
        var bytes: [chtype] = []
        bytes.reserveCapacity(width)
        for y in 0..<height {
            for run in RowRun.runs(of: buffer, row: y, width: width) {
                if run.isPrintableASCII {
                    paintASCII(run, of: buffer, row: y, into: &bytes)
                } else {
                    paintWide(run, of: buffer, row: y)
                }
            }
        }
        wattr_set(window, smtp_A_NORMAL, 0, nil)
    }

    /// One printable ASCII character a cell, each with the run's attributes and colour pair.
    private func paintASCII(_ run: RowRun, of buffer: ScreenBuffer, row y: Int, into bytes: inout [chtype]) {
        let look = chtype(attributes(run.style)) | smtp_color_pair(Int32(pair(run.style)))
        bytes.removeAll(keepingCapacity: true)
        let start = y * buffer.size.width
        buffer.cells.withUnsafeBufferPointer { cells in
            for x in run.columns { bytes.append(look | chtype(cells[start + x].text.utf8.first!)) }
        }
        _ = mvwaddchnstr(window, Int32(y), Int32(run.columns.lowerBound), bytes, Int32(bytes.count))
    }

    /// Wide characters, combining marks and the rest, converted by curses.
    private func paintWide(_ run: RowRun, of buffer: ScreenBuffer, row y: Int) {
        var text: [wchar_t] = []
        for x in run.columns {
            // The right half of a wide character has no text; curses advances two columns itself.
            for scalar in buffer[x, y].text.unicodeScalars { text.append(wchar_t(bitPattern: scalar.value)) }
        }
        wattr_set(window, attributes(run.style), pair(run.style), nil)
        _ = mvwaddnwstr(window, Int32(y), Int32(run.columns.lowerBound), text, Int32(text.count))
    }

    private func attributes(_ style: Style) -> attr_t {
        var value = smtp_A_NORMAL
        if style.bold { value |= smtp_A_BOLD }
        if style.reverse { value |= smtp_A_REVERSE }
        if style.underline { value |= smtp_A_UNDERLINE }
        if style.dim { value |= smtp_A_DIM }
        return value
    }

    /// The style's colour pair, defined in curses on first use; 0 with colours off.
    private func pair(_ style: Style) -> Int16 {
        colorsOn ? pairs.number(style.foreground, style.background) : 0
    }

    /// One colour pair per (foreground, background); -1 is the terminal's default.
    package static func pair(_ foreground: TerminalColor, _ background: TerminalColor) -> Int16 {
        Int16(1 + (foreground.rawValue + 1) * 9 + (background.rawValue + 1))
    }
}
