import TerminalScreen
import Testing

@Suite struct ScreenBufferTests {
    @Test func controlCharactersBecomeVisibleStandIns() {
        var buffer = ScreenBuffer(size: Size(width: 20, height: 1))
        buffer.put("a\u{1B}[31mb\u{7}\u{9B}", x: 0, y: 0)
        #expect(buffer.text == "a␛[31mb␇\u{FFFD}")
        #expect(!buffer.cells.contains { $0.text.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) } })
    }

    @Test func wideCharactersTakeTwoCellsAndAreNeverSplit() {
        var buffer = ScreenBuffer(size: Size(width: 5, height: 1))
        let written = buffer.put("日本語", x: 0, y: 0)
        #expect(written == 4)
        #expect(buffer[0, 0].text == "日" && buffer[1, 0].isContinuation && buffer[2, 0].text == "本")
        #expect(buffer[4, 0].text == " ")
    }

    @Test func clipsAtTheRectangleAndTheEdge() {
        var buffer = ScreenBuffer(size: Size(width: 10, height: 2))
        buffer.put("abcdefghijkl", x: 6, y: 0)
        buffer.put("abcdef", x: 0, y: 1, maxWidth: 3)
        #expect(buffer.text == "      abcd\nabc")
        #expect(buffer.put("x", x: 0, y: 5) == 0)
    }

    @Test func combiningMarksStayWithTheirLetter() {
        var buffer = ScreenBuffer(size: Size(width: 6, height: 1))
        let written = buffer.put("e\u{301}x", x: 0, y: 0)
        #expect(written == 2 && buffer[0, 0].text == "e\u{301}" && buffer[1, 0].text == "x")
    }

    @Test func wrappingRespectsDisplayWidth() {
        #expect(TextWrapper.wrap("one two three four", width: 9) == ["one two", "three", "four"])
        #expect(TextWrapper.wrap("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
        #expect(TextWrapper.truncate("Mailbox Name Invalid", width: 10) == "Mailbox N…")
        #expect(DisplayWidth.of("日本") == 4 && DisplayWidth.of("e\u{301}") == 1)
    }
}
