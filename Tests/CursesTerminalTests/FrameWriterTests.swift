@testable import CursesTerminal
import TerminalScreen
import TestSupport
import Testing

/// What `FrameWriter` sends, with readable tokens for the terminal's strings: `<clear>`,
/// `<0>` (attributes off), `<b>` `<d>` `<r>` `<u>`, `<op>` (default colours), `<f2>` and
/// `<g4>` (a foreground and a background), `<y,x>` (a cursor move).
@Suite struct FrameWriterTests {
    private static func tokens(colors: Bool = true, writesLastCell: Bool = true, reset: String = "<0>") -> TerminalStrings {
        TerminalStrings(
            clearScreen: Array("<clear>".utf8), resetAttributes: Array(reset.utf8), bold: Array("<b>".utf8),
            dim: Array("<d>".utf8), reverse: Array("<r>".utf8), underline: Array("<u>".utf8),
            defaultColors: colors ? Array("<op>".utf8) : [],
            foreground: colors ? (0..<8).map { Array("<f\($0)>".utf8) } : [],
            background: colors ? (0..<8).map { Array("<g\($0)>".utf8) } : [],
            moveCursor: { row, column in Array("<\(row),\(column)>".utf8) },
            writesLastCell: writesLastCell)
    }

    private func frame(_ lines: [(String, Int, Style)], size: Size = Size(width: 10, height: 3)) -> ScreenBuffer {
        var buffer = ScreenBuffer(size: size)
        for (y, (text, x, style)) in lines.enumerated() { buffer.put(text, x: x, y: y, style: style) }
        return buffer
    }

    private func sent(_ writer: inout FrameWriter, _ frame: ScreenBuffer) -> String {
        String(decoding: writer.bytes(for: frame), as: UTF8.self)
    }

    private let red = Style(foreground: .red)
    private let boldBlue = Style(foreground: .blue, bold: true)

    /// A writer that has already put a blank screen of `size` up (the clear and nothing
    /// else), as every writer has after its first frame: the tests below start from there.
    private static func onBlankScreen(_ strings: TerminalStrings, _ size: Size) -> FrameWriter {
        var writer = FrameWriter(strings: strings)
        _ = writer.bytes(for: ScreenBuffer(size: size))
        return writer
    }

    /// On a blank screen only the cells that are not blank are sent, each row from a cursor
    /// move, the style set where it changes; the frame ends with the terminal's defaults.
    @Test func theFirstFrameSendsWhatIsNotBlank() {
        var writer = Self.onBlankScreen(Self.tokens(), Size(width: 10, height: 3))
        let first = frame([("ab", 1, .plain), ("", 0, .plain), ("xy", 0, red)])
        #expect(sent(&writer, first) == "<0,1><0><op>ab<2,0><f1>xy<op>")
    }

    /// A screen of unknown content (the start, Ctrl-L, a resize) is cleared first.
    @Test func anUnknownScreenIsClearedThenDrawn() {
        var writer = FrameWriter(strings: Self.tokens())
        #expect(sent(&writer, frame([("ab", 0, .plain)])) == "<clear><0,0><0><op>ab")
        writer.forget()
        #expect(sent(&writer, frame([("ab", 0, .plain)])) == "<clear><0,0><0><op>ab")
        // Another size is a screen this writer has not drawn.
        #expect(sent(&writer, frame([("ab", 0, .plain)], size: Size(width: 8, height: 3))) == "<clear><0,0><0><op>ab")
    }

    /// Only the changed stretch of a changed row goes out; unchanged rows send nothing.
    @Test func laterFramesSendOnlyWhatChanged() {
        var writer = Self.onBlankScreen(Self.tokens(), Size(width: 10, height: 3))
        _ = sent(&writer, frame([("abcdef", 0, .plain), ("ghij", 0, .plain)]))
        #expect(sent(&writer, frame([("abXdYf", 0, .plain), ("ghij", 0, .plain)])) == "<0,2><0><op>XdY")
        #expect(sent(&writer, frame([("abXdYf", 0, .plain), ("ghij", 0, .plain)])).isEmpty)
        // A change of style alone is a change.
        #expect(sent(&writer, frame([("abXdYf", 0, .plain), ("ghij", 0, red)])) == "<1,0><0><op><f1>ghij<op>")
    }

    /// Attributes are added one by one and turned off all at once; a reset that may have
    /// left a colour on is followed by the default colours where the next cell has them.
    @Test func stylesChangeWithTheFewestStrings() {
        var writer = Self.onBlankScreen(Self.tokens(), Size(width: 12, height: 1))
        var buffer = ScreenBuffer(size: Size(width: 12, height: 1))
        buffer.put("a", x: 0, y: 0, style: red)
        buffer.put("b", x: 1, y: 0, style: Style(foreground: .red, bold: true))
        buffer.put("c", x: 2, y: 0, style: Style(foreground: .red, bold: true, underline: true))
        buffer.put("d", x: 3, y: 0, style: Style(foreground: .blue, background: .yellow, bold: true, underline: true))
        buffer.put("e", x: 4, y: 0, style: boldBlue)
        buffer.put("f", x: 5, y: 0, style: Style(foreground: .blue, reverse: true, dim: true))
        #expect(sent(&writer, buffer)
            == "<0,0><0><op><f1>a<b>b<u>c<f4><g3>d<0><b><op><f4>e<0><d><r><f4>f<0><op>")
    }

    /// A reset that is ECMA-48's default rendition (`ESC [ m`) cancels colours as well, so
    /// nothing more is sent for a coloured cell followed by a plain one.
    @Test func aResetThatCancelsColoursIsNotFollowedByThem() {
        let reset = "\u{1B}(B\u{1B}[m"
        #expect(Self.tokens(reset: reset).resetCancelsColors && Self.tokens(reset: "\u{1B}[0m").resetCancelsColors)
        #expect(!Self.tokens().resetCancelsColors)
        var writer = Self.onBlankScreen(Self.tokens(reset: reset), Size(width: 10, height: 1))
        var buffer = ScreenBuffer(size: Size(width: 10, height: 1))
        buffer.put("a", x: 0, y: 0, style: boldBlue)
        buffer.put("b", x: 1, y: 0)
        buffer.put("c", x: 2, y: 0, style: Style(background: .blue, bold: true))
        buffer.put("d", x: 3, y: 0, style: red)
        #expect(sent(&writer, buffer) == "<0,0>\(reset)<b><f4>a\(reset)b<b><g4>c\(reset)<f1>d<op>")
    }

    /// Without colours (`NO_COLOR`, a monochrome terminal) no colour string is ever sent.
    @Test func withoutColoursOnlyAttributesAreSent() {
        var writer = Self.onBlankScreen(Self.tokens(colors: false), Size(width: 10, height: 1))
        var buffer = ScreenBuffer(size: Size(width: 10, height: 1))
        buffer.put("ab", x: 0, y: 0, style: red)
        buffer.put("cd", x: 2, y: 0, style: boldBlue)
        #expect(sent(&writer, buffer) == "<0,0><0>ab<b>cd<0>")
    }

    /// A wide character is sent whole, whichever half changed, and its right half is not
    /// sent at all (the terminal moves two columns for it).
    @Test func wideCharactersAreSentWhole() {
        var writer = Self.onBlankScreen(Self.tokens(), Size(width: 10, height: 1))
        var buffer = ScreenBuffer(size: Size(width: 10, height: 1))
        buffer.put("a日本b", x: 0, y: 0)
        #expect(sent(&writer, buffer) == "<0,0><0><op>a日本b")
        // Only the right half of 本 changed: the move goes to its left half, whose style
        // is the character's.
        var next = buffer
        next.restyle(x: 4, y: 0, width: 1) { $0.bold = true }
        #expect(sent(&writer, next) == "<0,3><0><op>本")
        // Only the left half of 日 changed: its right half goes too, and nothing after it.
        next.restyle(x: 1, y: 0, width: 1) { $0.bold = true }
        #expect(sent(&writer, next) == "<0,1><0><b><op>日<0>")
    }

    /// Where writing the bottom-right cell would scroll the screen, it is left out.
    @Test func theBottomRightCellIsLeftOutWhereItWouldScroll() {
        var scrolls = Self.onBlankScreen(Self.tokens(writesLastCell: false), Size(width: 4, height: 2))
        var safe = Self.onBlankScreen(Self.tokens(), Size(width: 4, height: 2))
        let bar = frame([("top!", 0, .plain), ("bar!", 0, .plain)], size: Size(width: 4, height: 2))
        #expect(sent(&scrolls, bar) == "<0,0><0><op>top!<1,0>bar")
        #expect(sent(&safe, bar) == "<0,0><0><op>top!<1,0>bar!")
        // A change in that cell alone sends nothing there.
        let last = frame([("top!", 0, .plain), ("bar?", 0, .plain)], size: Size(width: 4, height: 2))
        #expect(sent(&scrolls, last).isEmpty)
        // Nor is a wide character whose right half is that cell.
        let wide = frame([("top!", 0, .plain), ("ba日", 0, .plain)], size: Size(width: 4, height: 2))
        #expect(sent(&scrolls, wide).isEmpty)
        #expect(sent(&safe, wide) == "<1,2><0><op>日")
    }

    /// No C0 or C1 control character is ever sent, even one that got into a cell
    /// without `ScreenBuffer.put` (which makes them visible).
    @Test func controlCharactersNeverLeave() {
        var writer = Self.onBlankScreen(Self.tokens(), Size(width: 4, height: 1))
        let planted = ScreenBuffer(size: Size(width: 4, height: 1),
                                   cells: ["\u{1B}", "\u{9B}", "é", "\u{7F}"].map { Cell(text: $0) })
        let bytes = writer.bytes(for: planted)
        #expect(String(decoding: bytes, as: UTF8.self) == "<0,0><0><op>??é?")
        #expect(!bytes.contains(0x1B) && !bytes.contains(0x7F) && !bytes.contains(0x9B))
    }
}

/// Frames of random cells, control characters and all, one after another and of
/// changing sizes: whatever reaches a cell, the bytes sent hold no control character
/// but those of the terminal's own strings, and a frame after the same frame sends nothing.
@Suite struct FrameWriterRandomTests {
    /// Strings without an escape, so that any control byte in the output came from a cell.
    private static let strings = TerminalStrings(
        clearScreen: Array("{clear}".utf8), resetAttributes: Array("{0}".utf8), bold: Array("{b}".utf8),
        dim: Array("{d}".utf8), reverse: Array("{r}".utf8), underline: Array("{u}".utf8), defaultColors: Array("{op}".utf8),
        foreground: (0..<8).map { Array("{f\($0)}".utf8) }, background: (0..<8).map { Array("{g\($0)}".utf8) },
        moveCursor: { row, column in Array("{\(row),\(column)}".utf8) }, writesLastCell: true)

    private static let scalars: [Unicode.Scalar] = ["a", " ", "│", "é", "日", "\u{1B}", "\u{0}", "\u{7F}", "\u{85}", "\u{9B}",
                                                    "\u{301}", "\u{200B}", "\n", "\t", "😀"]

    @Test func noControlCharacterEverLeaves() {
        var random = SplitMix(seed: 0x5EED_F4A3)
        var writer = FrameWriter(strings: Self.strings)
        for round in 0..<300 {
            let size = Size(width: Int.random(in: 1...12, using: &random), height: Int.random(in: 1...5, using: &random))
            var cells: [Cell] = []
            for _ in 0..<size.width * size.height {
                var text = ""
                for _ in 0..<Int.random(in: 0...3, using: &random) { text.unicodeScalars.append(Self.scalars.randomElement(using: &random)!) }
                let style = Style(foreground: TerminalColor.allCases.randomElement(using: &random)!,
                                  background: TerminalColor.allCases.randomElement(using: &random)!,
                                  bold: Bool.random(using: &random), reverse: Bool.random(using: &random),
                                  underline: Bool.random(using: &random), dim: Bool.random(using: &random))
                cells.append(Cell(text: text, style: style))
            }
            let frame = ScreenBuffer(size: size, cells: cells)
            let bytes = writer.bytes(for: frame)
            let decoded = String(decoding: bytes, as: UTF8.self)
            let controls = decoded.unicodeScalars.filter { $0.properties.generalCategory == .control }
            #expect(controls.isEmpty, "round \(round): \(decoded.debugDescription)")
            #expect(writer.bytes(for: frame).isEmpty, "round \(round): the same frame again sent something")
            if round % 7 == 0 { writer.forget() }
        }
    }
}
