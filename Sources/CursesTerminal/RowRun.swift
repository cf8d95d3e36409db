import TerminalScreen

/// A stretch of one screen row that curses takes in one call: cells of one style that
/// are either all printable ASCII or all something else.
///
/// Most of a screen is printable ASCII (U+0020–U+007E), one byte a cell. Such a run is
/// copied into the window as bytes with their attributes (`waddchnstr`), which does no
/// conversion and no interpretation; anything else (box drawing, "…", wide characters,
/// combining marks, letters outside ASCII) goes through curses' wide-character path,
/// which works out widths itself. Control characters never reach either: `ScreenBuffer.put`
/// made them visible, and a cell that is not printable ASCII is never copied as bytes.
package struct RowRun: Equatable, Sendable {
    /// The columns the run covers; the right half of a wide character belongs to its run.
    package var columns: Range<Int>
    package var style: Style
    /// Every cell holds one printable ASCII character.
    package var isPrintableASCII: Bool

    package init(columns: Range<Int>, style: Style, isPrintableASCII: Bool) {
        self.columns = columns
        self.style = style
        self.isPrintableASCII = isPrintableASCII
    }

    /// The runs of row `y` of `buffer`, left to right, over its first `width` columns.
    package static func runs(of buffer: ScreenBuffer, row y: Int, width: Int) -> [RowRun] {
        var runs: [RowRun] = []
        let start = y * buffer.size.width
        buffer.cells.withUnsafeBufferPointer { cells in
            let row = UnsafeBufferPointer(rebasing: cells[start..<start + width])
            var x = 0
            var ascii = width > 0 && isPrintableASCII(row[0])
            while x < width {
                let style = row[x].style
                let runIsASCII = ascii
                let first = x
                x += 1
                // Each cell is looked at once: the one that ends a run starts the next.
                while x < width {
                    ascii = isPrintableASCII(row[x])
                    guard ascii == runIsASCII, row[x].style == style else { break }
                    x += 1
                }
                runs.append(RowRun(columns: first..<x, style: style, isPrintableASCII: runIsASCII))
            }
        }
        return runs
    }

    /// Whether the cell is one character of U+0020–U+007E (not the right half of a wide
    /// character, which is empty, nor a letter with a combining mark).
    @inline(__always)
    package static func isPrintableASCII(_ cell: Cell) -> Bool {
        let utf8 = cell.text.utf8
        guard utf8.count == 1, let byte = utf8.first else { return false }
        return byte >= 0x20 && byte < 0x7F
    }
}
