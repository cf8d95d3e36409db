import CNcursesw
@testable import CursesTerminal
import TerminalScreen
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Printable ASCII reaches the window as bytes (`waddchnstr`) and everything else through
/// curses' wide-character path; on screen the two must not be told apart.
@Suite(.serialized) struct WindowPainterTests {
    private let bold = Style(foreground: .red, bold: true)
    private let selected = Style(foreground: .green, background: .blue, reverse: true)

    /// ASCII and wide text, a precomposed é, a combining accent and a control character
    /// (made visible by `put`), in three styles.
    private func mixedRow(width: Int = 20) -> ScreenBuffer {
        var buffer = ScreenBuffer(size: Size(width: width, height: 3))
        var x = buffer.put("ab", x: 0, y: 0)
        x += buffer.put("日本", x: x, y: 0)
        x += buffer.put("cd", x: x, y: 0, style: bold)
        x += buffer.put("é", x: x, y: 0, style: bold)
        x += buffer.put("e\u{301}f", x: x, y: 0, style: selected)
        x += buffer.put("g\u{1B}h", x: x, y: 0, style: selected)
        buffer.put("plain ASCII row", x: 0, y: 1)
        return buffer
    }

    @Test func runsSplitAtEveryChangeOfStyleOrOfKind() {
        let buffer = mixedRow()
        #expect(RowRun.runs(of: buffer, row: 0, width: 20) == [
            RowRun(columns: 0..<2, style: .plain, isPrintableASCII: true),
            // 日本: two wide characters, four columns, the right halves included.
            RowRun(columns: 2..<6, style: .plain, isPrintableASCII: false),
            RowRun(columns: 6..<8, style: bold, isPrintableASCII: true),
            RowRun(columns: 8..<9, style: bold, isPrintableASCII: false),
            // e with a combining accent is one cell, not ASCII; then f and g.
            RowRun(columns: 9..<10, style: selected, isPrintableASCII: false),
            RowRun(columns: 10..<12, style: selected, isPrintableASCII: true),
            // The escape's visible stand-in, then h.
            RowRun(columns: 12..<13, style: selected, isPrintableASCII: false),
            RowRun(columns: 13..<14, style: selected, isPrintableASCII: true),
            RowRun(columns: 14..<20, style: .plain, isPrintableASCII: true),
        ])
        #expect(RowRun.runs(of: buffer, row: 1, width: 20) == [RowRun(columns: 0..<20, style: .plain, isPrintableASCII: true)])
        // Only the columns asked for.
        #expect(RowRun.runs(of: buffer, row: 0, width: 3) == [
            RowRun(columns: 0..<2, style: .plain, isPrintableASCII: true),
            RowRun(columns: 2..<3, style: .plain, isPrintableASCII: false),
        ])
    }

    @Test func everyCellReachesTheWindowWithItsTextAttributesAndColours() throws {
        try withWindow(width: 20, height: 3) { window in
            let buffer = mixedRow()
            WindowPainter(window: window, colorsOn: true).paint(buffer)
            try expectWindow(window, shows: buffer, colorsOn: true)
        }
    }

    /// A wide character of one frame where the next has ASCII leaves nothing behind.
    @Test func aLaterFrameReplacesWideCharactersWhole() throws {
        try withWindow(width: 20, height: 3) { window in
            WindowPainter(window: window, colorsOn: false).paint(mixedRow())
            var next = ScreenBuffer(size: Size(width: 20, height: 3))
            next.put("x日yz", x: 1, y: 0, style: bold)
            next.put("a row without wide", x: 0, y: 1)
            WindowPainter(window: window, colorsOn: false).paint(next)
            try expectWindow(window, shows: next, colorsOn: false)
        }
    }

    // MARK: - A curses screen of the test's own

    /// Runs `body` on a window of a curses screen that writes to /dev/null.
    private func withWindow(width: Int, height: Int, _ body: (UnsafeMutablePointer<WINDOW>) throws -> Void) throws {
        let previous = setlocale(LC_CTYPE, nil).map { String(cString: $0) }
        setlocale(LC_CTYPE, "C.UTF-8")
        defer { setlocale(LC_CTYPE, previous) }
        let output = try #require(fopen("/dev/null", "w")), input = try #require(fopen("/dev/null", "r"))
        defer {
            fclose(output)
            fclose(input)
        }
        let screen = try #require(newterm("xterm-256color", output, input), "no terminfo entry for xterm-256color")
        defer {
            endwin()
            delscreen(screen)
        }
        // The pairs are left to the painter, which defines each as it first uses it.
        start_color()
        use_default_colors()
        let window = try #require(newwin(Int32(height), Int32(width), 0, 0))
        defer { delwin(window) }
        try body(window)
    }

    /// Each cell that starts a character holds that character, the style's attributes and
    /// its colour pair (0 with colours off).
    private func expectWindow(_ window: UnsafeMutablePointer<WINDOW>, shows buffer: ScreenBuffer, colorsOn: Bool) throws {
        for y in 0..<buffer.size.height {
            for x in 0..<buffer.size.width where !buffer[x, y].isContinuation {
                var cell = cchar_t()
                #expect(mvwin_wch(window, Int32(y), Int32(x), &cell) == OK)
                var characters = [wchar_t](repeating: 0, count: 8)
                var attributes: attr_t = 0
                var pair: Int16 = 0
                #expect(getcchar(&cell, &characters, &attributes, &pair, nil) == OK)
                let text = String(String.UnicodeScalarView(characters.prefix { $0 != 0 }.compactMap { Unicode.Scalar(UInt32($0)) }))
                let expected = buffer[x, y]
                #expect(text == expected.text, "cell (\(x), \(y))")
                let style = expected.style
                let wanted: [(Bool, attr_t)] = [
                    (style.bold, smtp_A_BOLD), (style.reverse, smtp_A_REVERSE), (style.underline, smtp_A_UNDERLINE),
                    (style.dim, smtp_A_DIM),
                ]
                for (on, attribute) in wanted {
                    #expect((attributes & attribute != 0) == on, "cell (\(x), \(y)) \(text)")
                }
                let expectedPair = colorsOn ? WindowPainter.pair(style.foreground, style.background) : 0
                #expect(pair == expectedPair, "cell (\(x), \(y)) \(text)")
                if colorsOn {
                    // Defined in curses as the colours it stands for.
                    var foreground: Int16 = 0, background: Int16 = 0
                    #expect(pair_content(pair, &foreground, &background) == OK)
                    #expect(foreground == Int16(style.foreground.rawValue) && background == Int16(style.background.rawValue),
                            "cell (\(x), \(y)) \(text): pair \(pair) is (\(foreground), \(background))")
                }
            }
        }
    }
}
